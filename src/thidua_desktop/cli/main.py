"""The ``thidua`` command: the same services as the GUI, from a terminal.

Exit codes: 0 success; 1 the data or the input was refused (a Vietnamese message says why,
nothing was changed); 2 ``check`` found problems; 3 an unexpected error (logged).
"""

from __future__ import annotations

import argparse
import sys

from thidua_desktop import __version__
from thidua_desktop.cli import documents, initiatives, people, plan_editor, plan_package, reports, signing, upper
from thidua_desktop.cli.common import CliError, Parser
from thidua_desktop.cli.common import date_arg as _date_arg
from thidua_desktop.cli.common import err as _err
from thidua_desktop.cli.common import open_db as _open
from thidua_desktop.cli.common import out as _out

EXIT_OK, EXIT_REFUSED, EXIT_CHECK_FAILED, EXIT_UNEXPECTED = 0, 1, 2, 3


# --- commands -------------------------------------------------------------------------------


def cmd_info(args) -> int:
    p = args.paths
    _out(f"Phiên bản chương trình: {__version__}")
    _out(f"Thư mục dữ liệu: {p.root}")
    _out(f"Tệp dữ liệu: {p.database}")
    if not p.database.exists():
        _out("Chưa có dữ liệu. Chạy 'thidua setup …' hoặc mở chương trình để khởi tạo.")
        return EXIT_OK
    from thidua_desktop.services import data_folder, year  # the database layer, only when there is a database

    db = _open(args)
    try:
        _out(f"Lược đồ dữ liệu: {db.revision}")
        unit = year.get_unit(db)
        _out(f"Đơn vị: {unit.name if unit else '(chưa khai báo)'}")
        years = year.list_years(db)
        _out("Năm thi đua: " + (", ".join(str(y.year) for y in years) or "(chưa có)"))
    finally:
        db.close()
    _out(f"Số bản sao lưu: {len(data_folder.list_backups(p))}")
    return EXIT_OK


def cmd_next(args) -> int:
    """The first steps of the unit, as Tổng quan shows them: each done or still to do."""
    from thidua_desktop.services import first_steps, year

    db = _open(args)
    try:
        chosen = args.year if args.year is not None else year.current_year([y.year for y in year.list_years(db)])
        found = first_steps.first_steps(db, args.paths, chosen)
    finally:
        db.close()
    if found.all_done:
        _out("Đã xong các bước bắt đầu: danh sách, kế hoạch, đăng ký thi đua và cài đặt gửi thư.")
        return EXIT_OK
    _out(
        f"Các bước bắt đầu (năm {chosen}): đã xong {found.done_count}/{len(found.steps)}"
        if chosen
        else f"Các bước bắt đầu: đã xong {found.done_count}/{len(found.steps)}"
    )
    for n, step in enumerate(found.steps, 1):
        mark = "[x]" if step.done else "[ ]"
        _out(f"{mark} {n}. {step.title}" + (f" — {step.detail}" if step.detail else ""))
    step = found.next_step
    _out(f"Bước tiếp theo: {step.title}: {first_steps.HOW[step.key]}")
    return EXIT_OK


def cmd_about(args) -> int:
    from thidua_desktop import about

    for line in about.summary_lines():
        _out(line)
    path = about.third_party_file()
    _out(f"Toàn văn giấy phép: {path}" if path else "Toàn văn giấy phép: trong siêu dữ liệu của từng gói đã cài.")
    return EXIT_OK


def _profile_from_args(args, base=None):
    from thidua_desktop.services.dto import OfficerInfo, UnitProfile

    profile = base or UnitProfile(name="")
    for field in (
        "name",
        "issuer_code",
        "upper_union",
        "upper_union_parent",
        "place_name",
        "code",
        "address",
        "phone",
        "email",
        "upper_union_email",
        "employer_name",
        "sector",
        "report_recipient",
    ):
        value = getattr(args, field, None)
        if value is not None:
            setattr(profile, field, value)
    kind = getattr(args, "kind", None)
    if kind is not None:
        profile.with_kind("" if kind == "none" else kind)  # a kind sets the sector
    elif getattr(args, "sector", None) is not None and profile.kind:
        from thidua_desktop.core.applicability import sector_of_kind

        if sector_of_kind(profile.kind) != profile.sector:
            profile.kind = ""  # another sector: the old kind no longer fits
    chair = getattr(args, "chair", None)
    deputies = getattr(args, "deputy", None)
    if chair is not None or deputies is not None:
        officers = list(profile.officers)
        if chair is not None:
            officers = [o for o in officers if o.role != "chair"] + [OfficerInfo(chair, "chair", "Chủ tịch")]
        if deputies is not None:
            officers = [o for o in officers if o.role != "deputy"] + [
                OfficerInfo(d, "deputy", "Phó Chủ tịch") for d in deputies
            ]
        profile.officers = officers
    return profile


def _template(args):
    """The template named by --plan; without it the blank standard template (for --year or this year)."""
    from thidua_desktop import clock
    from thidua_desktop.core.plan import builtin_template, standard_template

    key = getattr(args, "plan", None)
    if key:
        return builtin_template(key)
    if getattr(args, "year", None) is None:
        args.year = clock.today().year
    return standard_template()


def _started_words(summary) -> str:
    if summary.has_plan_citation:
        return f"theo Kế hoạch số {summary.plan_number} của {summary.plan_issuer}"
    return (
        "theo mẫu chuẩn; chưa có kế hoạch của cấp trên: nhập số, ngày, cơ quan ban hành bằng "
        f"'thidua year set-plan --year {summary.year} …' hoặc nhập gói kế hoạch"
    )


def cmd_setup(args) -> int:
    from thidua_desktop.services import year

    db = _open(args)
    try:
        if year.get_unit(db) is not None:
            raise CliError("Thư mục dữ liệu này đã được khởi tạo. Dùng 'thidua unit set' để sửa thông tin đơn vị.")
        summary = year.set_up(db, _profile_from_args(args), _template(args), args.year)
    finally:
        db.close()
    _out(f"Đã khởi tạo đơn vị và năm thi đua {summary.year} {_started_words(summary)}.")
    return EXIT_OK


def _print_profile(profile) -> None:
    from thidua_desktop.core.applicability import UNIT_KIND_LABELS

    rows = [
        ("Tên công đoàn cơ sở", profile.name),
        ("Ký hiệu cơ quan ban hành", profile.issuer_code),
        ("Công đoàn cấp trên trực tiếp", profile.upper_union),
        ("Công đoàn cấp trên (dòng trên)", profile.upper_union_parent),
        ("Địa danh", profile.place_name),
        ("Đơn vị sử dụng lao động", profile.employer_name),
        ("Khu vực", "nhà nước" if profile.sector == "state" else "ngoài nhà nước"),
        ("Loại hình đơn vị", UNIT_KIND_LABELS.get(profile.kind, "(chưa chọn)")),
        ("Nơi nhận báo cáo (Kính gửi)", profile.report_recipient or f"Ban Thường vụ {profile.upper_union}"),
        ("Email đơn vị", profile.email),
        ("Email công đoàn cấp trên", profile.upper_union_email),
    ]
    for officer in profile.officers:
        rows.append(("Chủ tịch" if officer.role == "chair" else "Phó Chủ tịch", officer.full_name))
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        _out(f"{label.ljust(width)} : {value}")


def cmd_unit_show(args) -> int:
    from thidua_desktop.services import year

    db = _open(args)
    try:
        profile = year.get_unit(db)
    finally:
        db.close()
    if profile is None:
        raise CliError("Chưa khai báo thông tin đơn vị. Chạy 'thidua setup …'.")
    _print_profile(profile)
    return EXIT_OK


def cmd_unit_set(args) -> int:
    from thidua_desktop.services import year

    db = _open(args)
    try:
        current = year.get_unit(db)
        if current is None:
            raise CliError("Chưa khai báo thông tin đơn vị. Chạy 'thidua setup …'.")
        saved = year.save_unit(db, _profile_from_args(args, current))
    finally:
        db.close()
    _out("Đã lưu thông tin đơn vị.")
    _print_profile(saved)
    return EXIT_OK


def cmd_plans(args) -> int:
    from thidua_desktop.core import vntext
    from thidua_desktop.core.plan import builtin_templates

    for t in builtin_templates():
        if t.is_standard:
            _out(
                f"{t.key}: Mẫu chuẩn — dùng cho mọi năm; các phong trào của Tổng Liên đoàn, {len(t.phases)} đợt, "
                f"{len(t.indicators)} chỉ tiêu, không trích dẫn kế hoạch nào, không có chỉ tiêu của cấp trên"
            )
        else:
            _out(
                f"{t.key}: Kế hoạch số {t.document_number} ngày {vntext.format_date(t.issued_on)} "
                f"của {t.issuer} — chỉ cho năm {t.year}, {len(t.phases)} đợt, {len(t.indicators)} chỉ tiêu"
            )
    return EXIT_OK


def cmd_year_list(args) -> int:
    from thidua_desktop.services import year

    db = _open(args)
    try:
        years = year.list_years(db)
    finally:
        db.close()
    if not years:
        _out("Chưa có năm thi đua nào.")
    for y in years:
        _out(f"{y.year}: Kế hoạch số {y.plan_number} của {y.plan_issuer} — {y.phase_count} đợt")
    return EXIT_OK


def cmd_year_create(args) -> int:
    from thidua_desktop.services import year

    db = _open(args)
    try:
        summary = year.create_year(db, _template(args), args.year)
    finally:
        db.close()
    _out(f"Đã tạo năm thi đua {summary.year} {_started_words(summary)}.")
    return EXIT_OK


def cmd_year_copy(args) -> int:
    from thidua_desktop.services import year

    db = _open(args)
    try:
        summary = year.copy_year(db, args.source, args.target)
    finally:
        db.close()
    _out(f"Đã sao chép kế hoạch năm {args.source} sang năm {summary.year}.")
    return EXIT_OK


def _kind_vi(kind: str) -> str:
    return {"count": "số lượng", "percent": "tỷ lệ %", "money": "số tiền", "yesno": "có/không"}.get(kind, kind)


def cmd_year_show(args) -> int:
    from thidua_desktop.core import vntext
    from thidua_desktop.core.applicability import describe as describe_scope
    from thidua_desktop.services import year

    db = _open(args)
    try:
        d = year.get_year(db, args.year)
    finally:
        db.close()
    fd = vntext.format_date
    _out(f"NĂM THI ĐUA {d.year}")
    sources = {
        "template": "kế hoạch mẫu có sẵn",
        "standard": "mẫu chuẩn",
        "package": "gói kế hoạch của cấp trên",
        "copy": "sao chép từ năm khác",
    }
    if d.plan_source in sources:
        _out(f"Lập theo: {sources[d.plan_source]}")
    if d.has_plan_citation:
        _out(f"Kế hoạch số {d.plan_number} ngày {fd(d.plan_issued_on)} của {d.plan_issuer}")
        if d.plan_title:
            _out(f"  {d.plan_title}")
    else:
        _out(f"Kế hoạch của cấp trên: chưa nhập {', '.join(d.missing_plan_facts())} — văn bản chưa trích dẫn kế hoạch")
    _out(f"Chủ đề: {d.theme or '(chưa nhập)'}")
    _out(f"Căn cứ khen thưởng: {d.rule_set}")
    if d.registration_due:
        _out(f"Hạn gửi đăng ký thi đua: {fd(d.registration_due)}")
    _out("\nCÁC ĐỢT")
    for p in d.phases:
        _out(f"  {p.name}: {fd(p.start)} – {fd(p.end)}; hạn báo cáo {fd(p.report_due)}; khóa số liệu {fd(p.lock_date)}")
    _out("\nPHONG TRÀO THI ĐUA")
    for i, m in enumerate(d.movements, 1):
        _out(f"  {i}. {m.name} ({m.launched_by})")
    _out("\nCHỈ TIÊU")
    for x in d.indicators:
        level = "" if "cdcs" in x.levels else " [chỉ cấp trên]"
        if x.applies_to:
            level += f" [áp dụng cho: {describe_scope(x.applies_to)}]"
        source = "tự tính" if x.source == "computed" else "nhập"
        target = f" — chỉ tiêu của cấp trên: {x.plan_target_text}" if x.plan_target_text else ""
        _out(f"  {x.code} {x.name}{target} ({x.unit_of_measure}; {_kind_vi(x.kind)}; {source}){level}")
    _out("\nDANH HIỆU VÀ HÌNH THỨC KHEN THƯỞNG")
    for t in d.titles:
        _out(f"  {t.code}: {t.name}")
    _out("\nQUY ĐỊNH")
    _print_rules(d.rules)
    return EXIT_OK


def _print_rules(rules) -> None:
    from thidua_desktop.core import vntext

    for r in rules:
        _out(f"  {r.key} = {vntext.format_number(r.value)} {r.unit_of_measure} — {r.description}")


def cmd_year_timeline(args) -> int:
    from thidua_desktop.cli import deadlines

    return deadlines.cmd_year_timeline(args)


def cmd_year_set_phase(args) -> int:
    from thidua_desktop.services import year

    db = _open(args)
    try:
        current = next((p for p in year.get_year(db, args.year).phases if p.number == args.number), None)
        if current is None:
            raise CliError(f"Năm {args.year} không có Đợt {args.number}.")
        info = year.update_phase(
            db,
            args.year,
            args.number,
            start=args.start or current.start,
            end=args.end or current.end,
            report_due=args.report_due or current.report_due,
            lock_date=args.lock or current.lock_date,
        )
    finally:
        db.close()
    _out(f"Đã lưu thời gian {info.name}.")
    return EXIT_OK


def cmd_year_set_registration_due(args) -> int:
    from thidua_desktop.services import year

    db = _open(args)
    try:
        year.set_registration_due(db, args.year, args.date)
    finally:
        db.close()
    _out("Đã lưu hạn gửi đăng ký thi đua.")
    return EXIT_OK


def cmd_year_set_title_issuer(args) -> int:
    from thidua_desktop.services import titles

    db = _open(args)
    try:
        saved = titles.set_title_issuer(db, args.year, args.code, args.issuer)
    finally:
        db.close()
    _out(f"Đã lưu: {saved.name} — cấp tặng: {saved.issuer}.")
    return EXIT_OK


def cmd_rules_list(args) -> int:
    from thidua_desktop.cli import rules as rules_cli

    return rules_cli.cmd_list(args)


def cmd_rules_set(args) -> int:
    from thidua_desktop.core import vntext
    from thidua_desktop.services import year

    db = _open(args)
    try:
        rule = year.set_rule(db, args.year, args.key, args.value)
    finally:
        db.close()
    _out(f"Đã lưu: {rule.key} = {vntext.format_number(rule.value)} {rule.unit_of_measure}")
    return EXIT_OK


def cmd_backup(args) -> int:
    from pathlib import Path

    from thidua_desktop.services import data_folder

    made = data_folder.backup_now(args.paths, Path(args.out) if args.out else None)
    _out(f"Đã sao lưu dữ liệu vào {made}")
    return EXIT_OK


def cmd_backups(args) -> int:
    from thidua_desktop.services import data_folder

    kinds = {
        "auto": "định kỳ",
        "pre-migration": "trước nâng cấp",
        "pre-restore": "trước khôi phục",
        "corrupt": "tệp hỏng được giữ lại",
    }
    from thidua_desktop.core import vn_time

    found = data_folder.list_backups(args.paths)
    unfinished = data_folder.unfinished_backups(args.paths)
    if not found and not unfinished:
        _out("Chưa có bản sao lưu nào.")
    for b in found:
        _out(f"{vn_time.format_time(b.taken_at.astimezone(), seconds=True)}  {kinds.get(b.kind, b.kind):<22} {b.path}")
    for u in unfinished:
        state = "đang ghi" if u.writer_running else "chưa xong, sẽ được xóa ở lần mở sau"
        _out(f"{'(chưa xong)':<19}  {state:<22} {u.path} ({u.size / 1048576:.1f} MB)")
    return EXIT_OK


def cmd_restore(args) -> int:
    from pathlib import Path

    from thidua_desktop.cli.common import refuse_while_gui_open
    from thidua_desktop.services import data_folder

    refuse_while_gui_open(args)
    saved = data_folder.restore(args.paths, Path(args.file))
    _out(f"Đã khôi phục dữ liệu từ {args.file}.")
    if saved:
        _out(f"Dữ liệu trước khi khôi phục được lưu tại {saved}")
    return EXIT_OK


def cmd_check(args) -> int:
    from thidua_desktop.services import data_folder

    report = data_folder.check(args.paths)
    if report.ok:
        _out(f"Dữ liệu nguyên vẹn: {report.database} (lược đồ {report.revision}).")
        return EXIT_OK
    _err(f"Phát hiện vấn đề trong {report.database}:")
    if report.error:
        _err(f"  {report.error}")
    for line in report.integrity:
        if line != "ok":
            _err(f"  {line}")
    for line in report.foreign_keys:
        _err(f"  {line}")
    if report.schema:
        _err(
            f"  Lược đồ đã ghi ({report.revision}) không khớp với các bảng trong tệp "
            "(có thể do một lần nâng cấp bị gián đoạn):"
        )
        for line in report.schema:
            _err(f"    {line}")
    latest = data_folder.latest_backup(args.paths)
    if latest:
        _err(f'Có thể khôi phục từ bản sao lưu gần nhất dùng được: thidua restore "{latest}"')
    else:
        _err("Không có bản sao lưu nào dùng được trong thư mục dữ liệu.")
    return EXIT_CHECK_FAILED


def cmd_demo(args) -> int:
    from thidua_desktop import paths as app_paths
    from thidua_desktop.services import demo

    explicit = getattr(args, "data_dir", None)
    target = args.paths if explicit else app_paths.DataPaths(app_paths.default_demo_dir())

    def progress(percent: int, message: str) -> None:
        _out(f"[{percent:3d}%] {message}")

    summary = demo.build_demo(
        target.ensure(), people=args.people, progress=progress, seed=args.seed, unit_code=args.unit_code
    )
    _out(
        f"Đã tạo dữ liệu mẫu tại {target.root}: {summary.people} người, {summary.members} đoàn viên, "
        f"{summary.groups} tổ công đoàn; các năm {', '.join(map(str, summary.years or (summary.year,)))} "
        f"(năm hiện tại {summary.current_year}; năm {summary.year} là năm mẫu đã làm trọn)."
    )
    _out(f'Mở bằng: thidua-desktop --data-dir "{target.root}"  (hoặc thidua-desktop --demo)')
    return EXIT_OK


# --- parser ---------------------------------------------------------------------------------


def _common() -> argparse.ArgumentParser:
    common = Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="THƯ_MỤC",
        default=argparse.SUPPRESS,
        help="thư mục dữ liệu (mặc định: THIDUA_HOME hoặc thư mục của người dùng)",
    )
    common.add_argument(
        "--portable", action="store_true", default=argparse.SUPPRESS, help="giữ dữ liệu cạnh chương trình"
    )
    return common


def _profile_options(p: argparse.ArgumentParser, *, required: bool) -> None:
    from thidua_desktop.core.applicability import UNIT_KIND_LABELS, UNIT_KINDS

    p.add_argument("--name", required=required, help="tên công đoàn cơ sở")
    p.add_argument("--issuer-code", dest="issuer_code", help="ký hiệu cơ quan ban hành (mặc định CĐCS)")
    p.add_argument("--upper-union", dest="upper_union", required=required, help="công đoàn cấp trên trực tiếp")
    p.add_argument("--upper-union-parent", dest="upper_union_parent", help="dòng trên cùng của tiêu đề (nếu có)")
    p.add_argument("--place", dest="place_name", required=required, help="địa danh ghi ở dòng ngày tháng")
    p.add_argument("--chair", required=required, help="họ tên Chủ tịch CĐCS")
    p.add_argument("--deputy", action="append", help="họ tên Phó Chủ tịch (lặp lại nếu nhiều)")
    p.add_argument("--employer", dest="employer_name", help="tên đơn vị sử dụng lao động")
    p.add_argument("--sector", choices=("state", "non_state"), help="khu vực nhà nước / ngoài nhà nước")
    p.add_argument(
        "--kind",
        choices=(*UNIT_KINDS, "none"),
        help="loại hình đơn vị (đặt luôn khu vực): "
        + "; ".join(f"{k} = {v}" for k, v in UNIT_KIND_LABELS.items())
        + "; none = chưa chọn",
    )
    p.add_argument(
        "--report-recipient",
        dest="report_recipient",
        help="nơi nhận báo cáo, ghi ở dòng Kính gửi (để trống: Ban Thường vụ công đoàn cấp trên)",
    )
    p.add_argument("--email", help="email của CĐCS")
    p.add_argument("--upper-email", dest="upper_union_email", help="email công đoàn cấp trên")
    p.add_argument("--code", help="mã đơn vị (do cấp trên cấp, nếu có)")
    p.add_argument("--address", help="địa chỉ")
    p.add_argument("--phone", help="điện thoại")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line; each command's own parser is built only when that command runs
    (:mod:`thidua_desktop.cli.lazy_parser`), and building it imports no service: a command imports
    what it needs inside its function."""
    from thidua_desktop.cli.lazy_parser import LazySubParsers

    common = _common()
    parser = Parser(prog="thidua", description="Quản lý phong trào thi đua của công đoàn cơ sở.", parents=[common])
    parser.add_argument("--version", action="version", version=f"thidua {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=Parser, action=LazySubParsers)

    def add(name: str, func, help_text: str, parent=sub):
        p = parent.add_parser(name, help=help_text, description=help_text, parents=[common])
        p.set_defaults(func=func)
        return p

    add("info", cmd_info, "thông tin thư mục dữ liệu, phiên bản lược đồ")
    p = add("next", cmd_next, "các bước bắt đầu: việc đã làm và bước tiếp theo (như trang Tổng quan)")
    p.add_argument("--year", type=int, help="năm thi đua (mặc định: năm đang diễn ra)")
    add("about", cmd_about, "phiên bản, thư viện và phông chữ đi kèm cùng giấy phép")
    p = add("setup", cmd_setup, "khởi tạo đơn vị và năm thi đua đầu tiên (như trình hướng dẫn)")
    _profile_options(p, required=True)
    p.add_argument("--plan", help="mã kế hoạch mẫu (xem 'thidua plans'); mặc định: mẫu chuẩn")
    p.add_argument("--year", type=int, help="năm thi đua (mặc định: năm nay, hoặc năm của kế hoạch mẫu --plan)")

    unit = sub.add_parser("unit", help="thông tin đơn vị", parents=[common])
    unit_sub = unit.add_subparsers(dest="unit_command", metavar="LỆNH", required=True, parser_class=Parser)
    add("show", cmd_unit_show, "xem thông tin đơn vị", unit_sub)
    p = add("set", cmd_unit_set, "sửa thông tin đơn vị", unit_sub)
    _profile_options(p, required=False)

    add("plans", cmd_plans, "các kế hoạch mẫu có sẵn")

    yr = sub.add_parser("year", help="năm thi đua", parents=[common])
    yr_sub = yr.add_subparsers(dest="year_command", metavar="LỆNH", required=True, parser_class=Parser)
    add("list", cmd_year_list, "liệt kê các năm thi đua", yr_sub)
    p = add("show", cmd_year_show, "xem kế hoạch của một năm", yr_sub)
    p.add_argument("year", type=int)
    p = add(
        "create",
        cmd_year_create,
        "tạo năm thi đua: theo mẫu chuẩn (mặc định) hoặc kế hoạch mẫu của đúng năm đó (--plan); "
        "sao chép năm trước: 'thidua year copy'; theo gói kế hoạch của cấp trên: 'thidua plan-package import'",
        yr_sub,
    )
    p.add_argument("--plan", help="mã kế hoạch mẫu (xem 'thidua plans'); mặc định: mẫu chuẩn")
    p.add_argument("--year", type=int, help="năm cần lập (mặc định: năm nay, hoặc năm của kế hoạch mẫu --plan)")
    p = add("copy", cmd_year_copy, "sao chép kế hoạch một năm sang năm khác", yr_sub)
    p.add_argument("source", type=int)
    p.add_argument("target", type=int)
    p = add(
        "timeline", cmd_year_timeline, "các mốc thời gian, số ngày còn lại và các hạn đã gửi (đúng hạn/trễ)", yr_sub
    )
    p.add_argument("year", type=int, nargs="?")
    p.add_argument("--year", dest="year_option", type=int, metavar="NĂM", help="năm thi đua")
    p.add_argument("--today", type=_date_arg, help="tính số ngày còn lại so với ngày này (dd/mm/yyyy)")
    p = add("set-phase", cmd_year_set_phase, "sửa thời gian một đợt", yr_sub)
    p.add_argument("year", type=int)
    p.add_argument("number", type=int)
    p.add_argument("--start", type=_date_arg)
    p.add_argument("--end", type=_date_arg)
    p.add_argument("--report-due", dest="report_due", type=_date_arg)
    p.add_argument("--lock", type=_date_arg)
    p = add("set-registration-due", cmd_year_set_registration_due, "sửa hạn gửi đăng ký thi đua", yr_sub)
    p.add_argument("year", type=int)
    p.add_argument("date", type=_date_arg)
    p = add(
        "set-title-issuer",
        cmd_year_set_title_issuer,
        "sửa cấp tặng (cơ quan quyết định) một danh hiệu, hình thức khen thưởng",
        yr_sub,
    )
    p.add_argument("year", type=int)
    p.add_argument("code", help="mã danh hiệu (xem 'thidua year show')")
    p.add_argument("issuer", help="cơ quan quyết định, ví dụ 'Ban Chấp hành Công đoàn các Khu công nghiệp tỉnh'")
    plan_editor.add_commands(yr_sub, add, common)

    rules = sub.add_parser("rules", help="bảng quy định (mức trần, ngưỡng)", parents=[common])
    rules_sub = rules.add_subparsers(dest="rules_command", metavar="LỆNH", required=True, parser_class=Parser)
    p = add("list", cmd_rules_list, "xem các quy định của năm", rules_sub)
    p.add_argument("--year", type=int, required=True)
    p = add("set", cmd_rules_set, "sửa một giá trị quy định", rules_sub)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("key")
    p.add_argument("value")
    from thidua_desktop.cli import rules as rules_cli

    rules_cli.add_commands(rules_sub, add, common)

    p = add("backup", cmd_backup, "sao lưu dữ liệu ngay")
    p.add_argument("--out", metavar="TỆP", help="ghi bản sao lưu vào tệp này")
    add("backups", cmd_backups, "liệt kê các bản sao lưu")
    p = add("restore", cmd_restore, "khôi phục dữ liệu từ bản sao lưu (dữ liệu hiện tại được sao lưu trước)")
    p.add_argument("file", metavar="TỆP")
    add("check", cmd_check, "kiểm tra tính toàn vẹn của dữ liệu")
    p = add("demo", cmd_demo, "tạo thư mục dữ liệu mẫu (Công ty TNHH May Hoa Lư, năm 2021)")
    p.add_argument("--people", type=int, default=312, help="số người lao động (mặc định 312)")
    p.add_argument("--unit-code", dest="unit_code", help="mã đơn vị: tạo một đơn vị khác (tên, người, số liệu khác)")
    p.add_argument("--seed", type=int, default=2021, help="hạt ngẫu nhiên (mặc định 2021: May Hoa Lư)")
    people.add_commands(sub, add, common)
    initiatives.add_commands(sub, add, common)
    reports.add_commands(sub, add, common)
    signing.add_commands(sub, add, common)
    documents.add_commands(sub, add, common)
    plan_package.add_commands(sub, add, common)
    upper.add_commands(sub, add, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_OK
    from thidua_desktop import paths as app_paths

    args.paths = app_paths.resolve(getattr(args, "data_dir", None), portable=getattr(args, "portable", None))
    from thidua_desktop.errors import UserError

    try:
        return args.func(args)
    except UserError as exc:  # CliError, StoreError, PlanError, SigningError…: the one place refusals are shown
        _err(exc.message or str(exc))
        return EXIT_REFUSED
    except BrokenPipeError:  # output piped into 'head' or similar: not an error
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        _err("Đã dừng theo yêu cầu.")
        return EXIT_REFUSED
    except Exception as exc:  # noqa: BLE001 - the last resort: logged to crash.log, one Vietnamese sentence shown
        import traceback
        from datetime import datetime

        from thidua_desktop.services import crash_log, gui_lock

        held = getattr(args, "gui_lock", None)
        if held is not None and gui_lock.is_read_only_refusal(exc):  # the window program has the folder open
            _err(held.message(args.paths))
            return EXIT_REFUSED
        log = crash_log.append(
            args.paths.crash_log,
            f"\n=== {datetime.now().isoformat()} thidua {' '.join(sys.argv[1:])}\n" + traceback.format_exc(),
        )
        _err(
            "Đã xảy ra lỗi ngoài dự kiến; dữ liệu không bị thay đổi bởi thao tác dở dang."
            + (f" Chi tiết được ghi vào {log}." if log else "")
        )
        return EXIT_UNEXPECTED


if __name__ == "__main__":
    sys.exit(main())
