"""``thidua year set-plan | phase | set-report-due | movement | indicator``: edit a year's plan.

    thidua year set-plan --year 2021 --number "02/KH-LĐLĐ" --date 20/01/2021 --issuer "LĐLĐ tỉnh Ninh Bình"
    thidua year phase add --year 2021 --end 31/12/2021         (after the last phase)
    thidua year phase set --year 2021 --phase 1 --end 31/05/2021   (the next phase then starts 01/06)
    thidua year phase remove --year 2021 [--yes]               (the last phase)
    thidua year set-report-due --year 2021 --phase 1 10/07/2021
    thidua year movement add|remove|rename|set --year 2021 …
    thidua year indicator add|remove|set --year 2021 …

A change that would lose registered figures, results or reports is refused (exit 1) with a
message saying what would be lost, unless ``--yes`` is given; then it says what was removed.
"""

from __future__ import annotations

from thidua_desktop.cli.common import CliError, Parser, date_arg, open_db, out

EXIT_OK = 0
YES_HINT = "Không thay đổi gì. Chạy lại lệnh với --yes nếu vẫn muốn thực hiện."


def _run(args, action, done: str) -> int:
    """Open the data, run ``action(db)``, print ``done`` and what was removed."""
    from thidua_desktop.services.plan_editor import ConfirmationRequired, SaveResult

    db = open_db(args)
    try:
        result = action(db)
    except ConfirmationRequired as exc:
        raise CliError(f"{exc.message}\n{YES_HINT}") from None
    finally:
        db.close()
    out(done.format(result=result))
    if isinstance(result, SaveResult):
        for line in result.lines():
            out(line)
    return EXIT_OK


# --- the plan's facts and deadlines ------------------------------------------------------------------


def cmd_set_plan(args) -> int:
    from thidua_desktop.services import plan_editor

    return _run(
        args,
        lambda db: plan_editor.set_plan_facts(
            db,
            args.year,
            number=args.number,
            issued_on=args.date,
            issuer=args.issuer,
            title=args.title,
            theme=args.theme,
            report_due_days=args.report_days,
        ),
        f"Đã lưu thông tin kế hoạch năm {args.year}.",
    )


def cmd_set_report_due(args) -> int:
    from thidua_desktop.services import plan_editor

    return _run(
        args,
        lambda db: plan_editor.set_report_due(db, args.year, args.phase, args.date),
        "Đã lưu: {result.name} hạn gửi báo cáo {result.report_due:%d/%m/%Y}, khóa số liệu {result.lock_date:%d/%m/%Y}.",
    )


# --- phases ------------------------------------------------------------------------------------------


def cmd_phase_add(args) -> int:
    from thidua_desktop.services import plan_editor

    return _run(
        args,
        lambda db: plan_editor.add_phase(
            db,
            args.year,
            end=args.end,
            name=args.name,
            report_due=args.report_due,
            lock_date=args.lock,
            description=args.description or "",
        ),
        "Đã thêm {result.name}: {result.start:%d/%m/%Y} – {result.end:%d/%m/%Y}; hạn gửi báo cáo "
        "{result.report_due:%d/%m/%Y}; khóa số liệu {result.lock_date:%d/%m/%Y}.",
    )


def cmd_phase_remove(args) -> int:
    from thidua_desktop.services import plan_editor

    return _run(
        args,
        lambda db: plan_editor.remove_last_phase(db, args.year, confirm=args.yes),
        f"Đã xóa đợt cuối của năm {args.year}.",
    )


def cmd_phase_set(args) -> int:
    from thidua_desktop.services import plan_editor

    changes = {
        k: v
        for k, v in (
            ("name", args.name),
            ("start", args.start),
            ("end", args.end),
            ("report_due", args.report_due),
            ("lock_date", args.lock),
            ("description", args.description),
        )
        if v is not None
    }
    if not changes:
        raise CliError("Chưa nói sửa gì: dùng --name, --start, --end, --report-due, --lock hoặc --description.")
    return _run(
        args,
        lambda db: plan_editor.set_phase(db, args.year, args.phase, **changes),
        "Đã lưu {result.name}: {result.start:%d/%m/%Y} – {result.end:%d/%m/%Y}; hạn gửi báo cáo "
        "{result.report_due:%d/%m/%Y}; khóa số liệu {result.lock_date:%d/%m/%Y}.",
    )


# --- movements ---------------------------------------------------------------------------------------


def cmd_movement_add(args) -> int:
    from thidua_desktop.services import plan_editor

    return _run(
        args,
        lambda db: plan_editor.add_movement(
            db,
            args.year,
            args.name,
            code=args.code,
            launched_by=args.launched_by or "",
            description=args.description or "",
        ),
        "Đã thêm phong trào {result.code}: {result.name}.",
    )


def cmd_movement_remove(args) -> int:
    from thidua_desktop.services import plan_editor

    return _run(
        args,
        lambda db: plan_editor.remove_movement(db, args.year, args.code, confirm=args.yes),
        f"Đã xóa phong trào {args.code} khỏi kế hoạch năm {args.year}.",
    )


def cmd_movement_rename(args) -> int:
    from thidua_desktop.services import plan_editor

    return _run(
        args,
        lambda db: plan_editor.set_movement(db, args.year, args.code, name=args.new_name),
        "Đã đổi tên phong trào {result.code}: {result.name}.",
    )


def cmd_movement_set(args) -> int:
    from thidua_desktop.services import plan_editor

    if all(v is None for v in (args.name, args.new_code, args.launched_by, args.description)):
        raise CliError("Chưa nói sửa gì: dùng --name, --code, --launched-by hoặc --description.")
    return _run(
        args,
        lambda db: plan_editor.set_movement(
            db,
            args.year,
            args.code,
            name=args.name,
            launched_by=args.launched_by,
            description=args.description,
            new_code=args.new_code,
        ),
        "Đã lưu phong trào {result.code}: {result.name} ({result.launched_by}).",
    )


# --- indicators --------------------------------------------------------------------------------------

_KINDS = ("count", "percent", "money", "yesno")
_SOURCES = ("entered", "computed")


def _levels(text: str) -> tuple[str, ...]:
    return tuple(t.strip() for t in text.split(",") if t.strip())


def _indicator_fields(args) -> dict:
    from thidua_desktop.services.plan_editor import parse_target

    fields = {}
    for attr, key in (
        ("unit", "unit_of_measure"),
        ("kind", "kind"),
        ("source", "source"),
        ("computed_from", "computed_from"),
        ("group", "group"),
        ("target_text", "plan_target_text"),
        ("description", "description"),
    ):
        value = getattr(args, attr, None)
        if value is not None:
            fields[key] = value
    if args.levels is not None:
        fields["levels"] = _levels(args.levels)
    if args.applies_to is not None:
        fields["applies_to"] = _levels(args.applies_to)
    if args.target is not None:
        fields["plan_target"] = parse_target(args.target)
    if args.movement is not None:
        fields["movement_code"] = args.movement or None
    if fields.get("computed_from") and "source" not in fields:
        fields["source"] = "computed"
    return fields


def cmd_indicator_add(args) -> int:
    from thidua_desktop.services import plan_editor

    fields = _indicator_fields(args)
    return _run(
        args,
        lambda db: plan_editor.add_indicator(db, args.year, args.name, code=args.code, **fields),
        "Đã thêm chỉ tiêu {result.code}: {result.name}.",
    )


def cmd_indicator_remove(args) -> int:
    from thidua_desktop.services import plan_editor

    return _run(
        args,
        lambda db: plan_editor.remove_indicator(db, args.year, args.code, confirm=args.yes),
        f"Đã xóa chỉ tiêu {args.code} khỏi kế hoạch năm {args.year}.",
    )


def cmd_indicator_set(args) -> int:
    from thidua_desktop.services import plan_editor

    fields = _indicator_fields(args)
    if args.name is not None:
        fields["name"] = args.name
    if not fields:
        raise CliError("Chưa nói sửa gì: xem 'thidua year indicator set --help'.")
    return _run(
        args,
        lambda db: plan_editor.set_indicator(db, args.year, args.code, confirm=args.yes, **fields),
        f"Đã lưu chỉ tiêu {args.code}.",
    )


def _indicator_options(p, *, adding: bool) -> None:
    p.add_argument("--unit", help="đơn vị tính (ví dụ: đoàn viên, %%, đồng)")
    p.add_argument(
        "--kind",
        choices=_KINDS,
        default="count" if adding else None,
        help="loại: count (số lượng), percent (tỷ lệ %%), money (số tiền), yesno (có/không)",
    )
    p.add_argument("--source", choices=_SOURCES, help="entered (nhập tay, mặc định) hoặc computed (tự tính)")
    p.add_argument("--computed-from", dest="computed_from", help="tự tính từ: members_admitted, women_gvn_dvn, …")
    p.add_argument("--group", help="nhóm chỉ tiêu (ví dụ III.1)")
    p.add_argument("--levels", help="cấp áp dụng: cdcs, upper hoặc cdcs,upper (mặc định cả hai)")
    p.add_argument("--target", help="chỉ tiêu cấp trên giao (số; bỏ trống nếu cấp trên không giao)")
    p.add_argument("--target-text", dest="target_text", help="lời ghi chỉ tiêu như kế hoạch (ví dụ: trên 8.000)")
    p.add_argument("--movement", help="mã phong trào gắn với chỉ tiêu ('' để bỏ gắn)")
    p.add_argument(
        "--applies-to",
        dest="applies_to",
        help="đối tượng áp dụng: state, non_state, state_agency, public_service, soe, private, fdi, "
        "cooperative (cách nhau bằng dấu phẩy; bỏ trống: mọi đơn vị)",
    )
    p.add_argument("--description", help="ghi chú")


# --- the parser --------------------------------------------------------------------------------------


def add_commands(year_sub, add, common) -> None:
    """Add the plan editor's commands under ``thidua year``."""
    p = add("set-plan", cmd_set_plan, "sửa số, ngày, cơ quan ban hành, tên và chủ đề của kế hoạch", year_sub)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--number", help="số kế hoạch (ví dụ 02/KH-LĐLĐ)")
    p.add_argument("--date", type=date_arg, help="ngày ban hành (dd/mm/yyyy)")
    p.add_argument("--issuer", help="cơ quan ban hành")
    p.add_argument("--title", help="tên (trích yếu) kế hoạch")
    p.add_argument("--theme", help="chủ đề thi đua")
    p.add_argument(
        "--report-days",
        dest="report_days",
        type=int,
        help="mặc định gửi báo cáo bao nhiêu ngày sau khi kết thúc đợt (kế hoạch 02: 5 ngày)",
    )

    p = add("set-report-due", cmd_set_report_due, "sửa hạn gửi báo cáo của một đợt", year_sub)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--phase", type=int, required=True, help="số thứ tự đợt")
    p.add_argument("date", type=date_arg)

    phase = year_sub.add_parser("phase", help="các đợt thi đua: thêm, xóa, sửa", parents=[common])
    phase_sub = phase.add_subparsers(dest="phase_command", metavar="LỆNH", required=True, parser_class=Parser)
    p = add("add", cmd_phase_add, "thêm một đợt sau đợt cuối", phase_sub)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--end", type=date_arg, help="ngày kết thúc (mặc định 31/12)")
    p.add_argument("--name", help="tên đợt (mặc định 'Đợt N')")
    p.add_argument(
        "--report-due",
        dest="report_due",
        type=date_arg,
        help="hạn gửi báo cáo (mặc định: ngày kết thúc + số ngày của kế hoạch)",
    )
    p.add_argument("--lock", type=date_arg, help="ngày khóa số liệu")
    p.add_argument("--description", help="nội dung đợt")
    p = add("remove", cmd_phase_remove, "xóa đợt cuối", phase_sub)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--yes", action="store_true", help="vẫn xóa dù mất báo cáo, kết quả đã nhập")
    p = add("set", cmd_phase_set, "sửa tên, thời gian, hạn báo cáo, ngày khóa số liệu của một đợt", phase_sub)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--phase", type=int, required=True, help="số thứ tự đợt")
    p.add_argument("--name")
    p.add_argument("--start", type=date_arg)
    p.add_argument("--end", type=date_arg)
    p.add_argument("--report-due", dest="report_due", type=date_arg)
    p.add_argument("--lock", type=date_arg)
    p.add_argument("--description")

    movement = year_sub.add_parser("movement", help="các phong trào thi đua của năm", parents=[common])
    movement_sub = movement.add_subparsers(dest="movement_command", metavar="LỆNH", required=True, parser_class=Parser)
    p = add("add", cmd_movement_add, "thêm phong trào", movement_sub)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("name", help="tên phong trào")
    p.add_argument("--code", help="mã (mặc định: chữ cái đầu của tên)")
    p.add_argument("--launched-by", dest="launched_by", help="cơ quan phát động")
    p.add_argument("--description")
    p = add("remove", cmd_movement_remove, "xóa phong trào", movement_sub)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("code")
    p.add_argument("--yes", action="store_true", help="vẫn xóa dù bản đăng ký tập thể đã chọn phong trào này")
    p = add("rename", cmd_movement_rename, "đổi tên phong trào", movement_sub)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("code")
    p.add_argument("new_name", metavar="TÊN_MỚI")
    p = add("set", cmd_movement_set, "sửa phong trào (tên, mã, cơ quan phát động)", movement_sub)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("code")
    p.add_argument("--name")
    p.add_argument("--code", dest="new_code", help="mã mới (đăng ký tập thể và chỉ tiêu theo mã mới)")
    p.add_argument("--launched-by", dest="launched_by")
    p.add_argument("--description")

    indicator = year_sub.add_parser("indicator", help="các chỉ tiêu của năm", parents=[common])
    indicator_sub = indicator.add_subparsers(
        dest="indicator_command", metavar="LỆNH", required=True, parser_class=Parser
    )
    p = add("add", cmd_indicator_add, "thêm chỉ tiêu", indicator_sub)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("name", help="tên chỉ tiêu")
    p.add_argument("--code", help="mã (mặc định: CT kế tiếp)")
    _indicator_options(p, adding=True)
    p = add("remove", cmd_indicator_remove, "xóa chỉ tiêu", indicator_sub)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("code")
    p.add_argument("--yes", action="store_true", help="vẫn xóa dù mất số đăng ký, kết quả đã nhập")
    p = add("set", cmd_indicator_set, "sửa chỉ tiêu (mã giữ nguyên)", indicator_sub)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("code")
    p.add_argument("--name")
    _indicator_options(p, adding=False)
    p.add_argument("--yes", action="store_true", help="vẫn đổi loại dù mất số đăng ký, kết quả đã nhập")
