"""``thidua members …`` and ``thidua registration …``: the roster and the registration."""

from __future__ import annotations

import argparse

from thidua_desktop.cli.common import CliError, date_arg, err, open_db, out

EXIT_OK = 0


def _gender_vi(code: str) -> str:
    return {"M": "Nam", "F": "Nữ"}.get(code, "")


def cmd_members_list(args) -> int:
    from thidua_desktop.core import vntext
    from thidua_desktop.services import roster

    db = open_db(args)
    try:
        rows = roster.list_people(db)
    finally:
        db.close()
    if args.search:
        rows = [r for r in rows if vntext.matches(args.search, r.search_key)]
    for i, r in enumerate(rows, 1):
        born = vntext.format_date(r.birth_date) if r.birth_date else (str(r.birth_year) if r.birth_year else "")
        member = "đoàn viên" if r.is_member else ""
        out(f"{i:>5}. {r.full_name:<32} {born:<10} {_gender_vi(r.gender):<3} {r.group_name:<20} {member}")
    out(f"Tổng số: {len(rows)} người")
    return EXIT_OK


def cmd_members_add(args) -> int:
    from thidua_desktop.core import vntext
    from thidua_desktop.services import roster

    family, given = vntext.split_full_name(args.name)
    db = open_db(args)
    try:
        group_id = None
        if args.group:
            group = next((g for g in roster.list_groups(db) if g.name == vntext.nfc(args.group)), None)
            if group is None:
                raise CliError(
                    f"Không có tổ công đoàn '{args.group}'. Các tổ: "
                    + ", ".join(g.name for g in roster.list_groups(db))
                )
            group_id = group.id
        saved = roster.save_person(
            db,
            roster.PersonDetail(
                family,
                given,
                birth_date=args.birth_date,
                gender={"nam": "M", "nu": "F", "nữ": "F"}.get((args.gender or "").lower(), ""),
                position=args.position or "",
                group_id=group_id,
                is_member=not args.not_member,
                joined_union_on=args.joined,
                employed_since=args.employed_since,
            ),
        )
    finally:
        db.close()
    out(f"Đã thêm {saved.full_name} (mã {saved.id}).")
    return EXIT_OK


def cmd_members_leave(args) -> int:
    from thidua_desktop.services import roster

    db = open_db(args)
    try:
        saved = roster.mark_left(db, args.person_id, args.date)
    finally:
        db.close()
    out(f"Đã ghi nhận {saved.full_name} nghỉ việc từ {args.date:%d/%m/%Y}.")
    return EXIT_OK


def cmd_groups(args) -> int:
    from thidua_desktop.services import roster

    db = open_db(args)
    try:
        if args.add:
            roster.save_group(db, roster.GroupInfo(args.add, args.leader or ""))
            out(f"Đã thêm tổ công đoàn {args.add}.")
        groups = roster.list_groups(db)
    finally:
        db.close()
    for g in groups:
        leader = f" — tổ trưởng {g.leader_name}" if g.leader_name else ""
        out(f"{g.name}: {g.people} người{leader}")
    return EXIT_OK


def cmd_members_export(args) -> int:
    from pathlib import Path

    from thidua_desktop.services.roster_io import export_roster

    db = open_db(args)
    try:
        count = export_roster(db, Path(args.file))
    finally:
        db.close()
    out(f"Đã ghi danh sách {count} người vào {args.file}")
    return EXIT_OK


def cmd_members_import(args) -> int:
    from pathlib import Path

    from thidua_desktop.services import roster_io

    db = open_db(args)
    try:
        preview = roster_io.preview_file(db, Path(args.file), sheet=args.sheet)
        for problem in preview.problems:
            (err if problem.severity == "error" else out)(
                ("LỖI: " if problem.severity == "error" else "Lưu ý: ") + str(problem)
            )
        if not preview.can_commit:
            raise CliError(
                f"Không nhập tệp {args.file}: có {preview.error_count} lỗi (liệt kê ở trên). Dữ liệu không bị thay đổi."
            )
        duplicates = args.duplicates
        if preview.flags and duplicates is None:  # never guess who is who
            for flag in preview.flags:
                err("Cần quyết định: " + flag.text)
            raise CliError(
                f"Không nhập tệp {args.file}: {len(preview.flags)} cặp cùng họ tên và ngày sinh (liệt kê ở "
                "trên) — thêm --merge-duplicates để gộp mỗi cặp thành một người, hoặc --keep-duplicates "
                "để giữ cả hai. Dữ liệu không bị thay đổi."
            )
        chosen = roster_io.plan(preview, duplicates)
        for problem in preview.preview.inferences:
            out("Suy ra: " + str(problem))
        for row, notes in sorted(chosen.notes.items()):
            if any(not n.startswith("đã có trong danh sách") for n in notes):
                out(f"Tệp {preview.preview.file}, trang '{preview.preview.sheet}', dòng {row}: " + "; ".join(notes))
        result = roster_io.commit(db, preview, duplicates=duplicates or roster_io.KEEP, dry_run=args.dry_run)
    finally:
        db.close()
    verb = "Sẽ" if args.dry_run else "Đã"
    cleaned = preview.preview.counts.get("cleaned_rows", 0)
    if cleaned:
        out(f"Đã bỏ ký tự điều khiển, đảo chiều hoặc không hiển thị ở {cleaned} dòng (xem các lưu ý ở trên).")
    out(
        f"{verb} thêm {result.added} người, cập nhật {result.updated} người, bỏ qua {result.rejected} dòng"
        + (f", gộp {result.merged} dòng trùng" if result.merged else "")
        + "."
    )
    if args.dry_run:
        out("Chạy thử (--dry-run): dữ liệu không bị thay đổi.")
    return EXIT_OK


def _title_name(titles, code: str) -> str:
    return next((t.name for t in titles if t.code == code), code)


def cmd_registration_show(args) -> int:
    from thidua_desktop.core import vntext
    from thidua_desktop.services import registration, year

    db = open_db(args)
    try:
        detail = year.get_year(db, args.year)
        info = registration.get_collective(db, args.year)
        rows = registration.list_individuals(db, args.year)
        progress = registration.progress(db, args.year)
    finally:
        db.close()
    out(
        f"ĐĂNG KÝ THI ĐUA NĂM {args.year}"
        + (f" (hạn gửi {vntext.format_date(progress.registration_due)})" if progress.registration_due else "")
    )
    out(f"Mức hoàn thành: {progress.percent}%")
    out("\nA. TẬP THỂ" + ("" if info.saved else " (chưa lưu)"))
    out("Phong trào tham gia:")
    for m in detail.movements:
        out(f"  [{'x' if m.code in info.movement_codes else ' '}] {m.name}")
    titles = ", ".join(_title_name(detail.titles, c) for c in info.title_codes)
    out(f"Danh hiệu tập thể đăng ký: {titles or '(chưa)'}")
    out(f"Nội dung thi đua đặc thù: {info.signature_content or '(chưa)'}")
    if info.commitments:
        out(f"Cam kết khác: {info.commitments}")
    out("Chỉ tiêu đăng ký:")
    for f in info.figures:
        value = "" if f.value is None else vntext.format_number(f.value)
        hint = " (gợi ý)" if f.is_default and f.value is not None else ""
        upper = f" — chỉ tiêu của cấp trên: {f.indicator.plan_target_text}" if f.indicator.plan_target_text else ""
        out(f"  {f.indicator.code} {f.indicator.name}: {value} {f.indicator.unit_of_measure}{hint}{upper}")
    if info.not_applicable:
        out(f"Không áp dụng cho đơn vị ({info.unit_scope}), vẫn lưu nhưng không in:")
        for f in info.not_applicable:
            out(f"  {f.indicator.code} {f.indicator.name}: {vntext.format_number(f.value)}")
    out("\nB. CÁ NHÂN")
    registered = [r for r in rows if r.title_codes]
    for i, r in enumerate(registered, 1):
        titles = ", ".join(_title_name(detail.titles, c) for c in r.title_codes)
        initiative = f" — sáng kiến: {r.planned_initiative}" if r.planned_initiative else ""
        out(f"{i:>4}. {r.full_name} ({r.group_name}): {titles}{initiative}")
    out(f"Đã đăng ký: {progress.people_registered}/{progress.people_total} người")
    return EXIT_OK


def cmd_registration_collective(args) -> int:
    from decimal import Decimal, InvalidOperation

    from thidua_desktop.services import registration

    db = open_db(args)
    try:
        info = registration.get_collective(db, args.year)
        if args.movement is not None:
            info.movement_codes = args.movement
        if args.all_movements:
            from thidua_desktop.services import year

            info.movement_codes = [m.code for m in year.get_year(db, args.year).movements]
        if args.title is not None:
            info.title_codes = args.title
        if args.signature is not None:
            info.signature_content = args.signature
        if args.commitments is not None:
            info.commitments = args.commitments
        figures = {f.indicator.code: f for f in info.figures}
        for item in args.figure or []:
            code, _, value = item.partition("=")
            if code not in figures:
                raise CliError(f"Chỉ tiêu '{code}' không có hoặc không áp dụng cho CĐCS.")
            try:
                figures[code].value = Decimal(value.replace(",", ".")) if value.strip() else None
            except InvalidOperation as exc:
                raise CliError(f"Số đăng ký '{value}' của {code} không phải là số.") from exc
            figures[code].is_default = False
        registration.save_collective(db, info)
    finally:
        db.close()
    out(f"Đã lưu đăng ký thi đua của tập thể năm {args.year}.")
    return EXIT_OK


def cmd_registration_register(args) -> int:
    from thidua_desktop.services import registration

    db = open_db(args)
    try:
        if args.remove:
            if not args.person:
                raise CliError("Bỏ đăng ký cần chỉ rõ người (--person).")
            count = registration.unregister(db, args.year, args.title, args.person)
            out(f"Đã bỏ {count} đăng ký.")
            return EXIT_OK
        count = registration.register(
            db,
            args.year,
            args.title,
            person_ids=args.person,
            group=args.group,
            everyone=args.all,
            members_only=args.members_only,
            planned_initiative=args.initiative,
        )
    finally:
        db.close()
    out(f"Đã thêm {count} đăng ký.")
    return EXIT_OK


def cmd_registration_check(args) -> int:
    from thidua_desktop.services import registration

    db = open_db(args)
    try:
        findings = registration.check(db, args.year)
    finally:
        db.close()
    for f in findings:
        out(("LỖI: " if f.severity == "error" else "Cảnh báo: ") + f.message)
    errors = sum(1 for f in findings if f.severity == "error")
    out(f"{errors} lỗi, {len(findings) - errors} cảnh báo.")
    return 2 if errors else EXIT_OK


def add_commands(sub, add, common) -> None:
    from thidua_desktop.cli.common import Parser

    members = sub.add_parser("members", help="danh sách người lao động, đoàn viên", parents=[common])
    msub = members.add_subparsers(dest="members_command", metavar="LỆNH", required=True, parser_class=Parser)
    p = add("list", cmd_members_list, "liệt kê (theo thứ tự tên, họ đệm)", msub)
    p.add_argument("--search", help="tìm không dấu, ví dụ: nguyen van an")
    p = add("add", cmd_members_add, "thêm một người", msub)
    p.add_argument("name", help="họ và tên")
    p.add_argument("--birth-date", dest="birth_date", type=date_arg)
    p.add_argument("--gender", choices=("nam", "nu", "nữ"))
    p.add_argument("--position")
    p.add_argument("--group")
    p.add_argument("--not-member", dest="not_member", action="store_true", help="chưa là đoàn viên")
    p.add_argument("--joined", type=date_arg, help="ngày vào công đoàn")
    p.add_argument("--employed-since", dest="employed_since", type=date_arg, help="ngày vào làm")
    p = add("leave", cmd_members_leave, "ghi nhận nghỉ việc", msub)
    p.add_argument("person_id")
    p.add_argument("date", type=date_arg)
    p = add("groups", cmd_groups, "các tổ công đoàn", msub)
    p.add_argument("--add", metavar="TÊN_TỔ")
    p.add_argument("--leader", metavar="TỔ_TRƯỞNG")
    p = add("import", cmd_members_import, "nhập danh sách từ Excel (.xlsx, .xls, .ods): tất cả hoặc không", msub)
    p.add_argument("file", metavar="TỆP")
    p.add_argument("--sheet", metavar="TÊN_TRANG")
    p.add_argument("--dry-run", dest="dry_run", action="store_true", help="chỉ kiểm tra, không ghi")
    dup = p.add_mutually_exclusive_group()
    dup.add_argument(
        "--merge-duplicates",
        dest="duplicates",
        action="store_const",
        const="merge",
        help="cặp cùng họ tên và ngày sinh: gộp mỗi cặp thành một người",
    )
    dup.add_argument(
        "--keep-duplicates",
        dest="duplicates",
        action="store_const",
        const="keep",
        help="cặp cùng họ tên và ngày sinh: giữ cả hai (hai người khác nhau)",
    )
    dup.add_argument("--duplicates", choices=("merge", "keep"), default=None, help=argparse.SUPPRESS)
    p = add("export", cmd_members_export, "xuất danh sách ra tệp .xlsx", msub)
    p.add_argument("file", metavar="TỆP.xlsx")

    reg = sub.add_parser("registration", help="đăng ký thi đua", parents=[common])
    rsub = reg.add_subparsers(dest="registration_command", metavar="LỆNH", required=True, parser_class=Parser)
    p = add("show", cmd_registration_show, "xem bản đăng ký của năm", rsub)
    p.add_argument("--year", type=int, required=True)
    p = add("collective", cmd_registration_collective, "đăng ký của tập thể", rsub)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--movement", action="append", metavar="MÃ", help="phong trào tham gia (lặp lại)")
    p.add_argument("--all-movements", dest="all_movements", action="store_true", help="tham gia mọi phong trào")
    p.add_argument("--title", action="append", metavar="MÃ", help="danh hiệu tập thể (lặp lại)")
    p.add_argument("--signature", metavar="NỘI_DUNG", help="nội dung thi đua đặc thù")
    p.add_argument("--commitments", metavar="NỘI_DUNG", help="cam kết khác")
    p.add_argument("--figure", action="append", metavar="MÃ=SỐ", help="số đăng ký của một chỉ tiêu, ví dụ CT02=25")
    p = add("register", cmd_registration_register, "đăng ký danh hiệu cho cá nhân", rsub)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--title", required=True, metavar="MÃ", help="mã danh hiệu, ví dụ LDTT, CSTDCS")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--person", action="append", metavar="MÃ_NGƯỜI")
    who.add_argument("--group", metavar="TỔ")
    who.add_argument("--all", action="store_true", help="tất cả người lao động")
    p.add_argument("--members-only", dest="members_only", action="store_true", help="chỉ đoàn viên")
    p.add_argument("--initiative", help="tên sáng kiến dự kiến")
    p.add_argument("--remove", action="store_true", help="bỏ đăng ký")
    p = add("check", cmd_registration_check, "kiểm tra theo bảng quy định (lỗi: mã thoát 2)", rsub)
    p.add_argument("--year", type=int, required=True)
