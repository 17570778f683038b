"""The upper level (cấp trên): ``thidua mode``, ``thidua units …``, ``thidua intake …``, ``thidua consolidate``.

thidua mode upper
thidua units add CD001 "Công đoàn cơ sở Công ty …" --email cd001@example.vn
thidua units import don-vi.xlsx
thidua units trust CD001 bao-cao-cd001.xlsx         (the certificate of the file's signer)
thidua intake thu-muc-nhan/ --year 2021 [--trust-first]
thidua intake status --year 2021 [--out tinh-hinh-nop.xlsx]
thidua consolidate thu-muc-nhan/ --year 2021 [--phase 1] --out tong-hop.xlsx|tong-hop.pdf
"""

from __future__ import annotations

from thidua_desktop.cli.common import CliError, date_arg, open_db, out

EXIT_OK = 0


def cmd_mode(args) -> int:
    from thidua_desktop.services import upper

    db = open_db(args)
    try:
        if args.mode:
            upper.set_mode(db, args.mode)
        mode = upper.get_mode(db)
    finally:
        db.close()
    out("Chế độ: " + ("công đoàn cấp trên (nhận và tổng hợp báo cáo)" if mode == "upper" else "công đoàn cơ sở"))
    return EXIT_OK


def cmd_units_list(args) -> int:
    from thidua_desktop.services import upper

    db = open_db(args)
    try:
        units = upper.list_units(db)
    finally:
        db.close()
    if not units:
        out("Chưa có đơn vị trực thuộc nào. Thêm bằng 'thidua units add' hoặc 'thidua units import'.")
    for u in units:
        out(f"{u.code:<10} {u.name}" + (f"  <{u.email}>" if u.email else ""))
        for c in u.certificates:
            how = "tin cậy khi nhận lần đầu" if c.how == "first_receipt" else "đăng ký"
            out(f"{'':10} chứng thư số: {c.subject} — {c.fingerprint} ({how})")
    return EXIT_OK


def cmd_units_add(args) -> int:
    from thidua_desktop.services import upper

    db = open_db(args)
    try:
        info = upper.add_unit(db, args.code, args.name, args.email or "", args.note or "")
    finally:
        db.close()
    out(f"Đã thêm đơn vị {info.code}: {info.name}.")
    return EXIT_OK


def cmd_units_edit(args) -> int:
    from thidua_desktop.services import upper

    db = open_db(args)
    try:
        info = upper.update_unit(
            db, args.code, name=args.name, email=args.email, note=args.note, new_code=args.new_code
        )
    finally:
        db.close()
    out(f"Đã sửa đơn vị {info.code}: {info.name}.")
    return EXIT_OK


def cmd_units_remove(args) -> int:
    from thidua_desktop.services import upper

    db = open_db(args)
    try:
        upper.remove_unit(db, args.code)
    finally:
        db.close()
    out(f"Đã xóa đơn vị {args.code} khỏi danh sách (các tệp đã nhận của đơn vị vẫn được giữ).")
    return EXIT_OK


def cmd_units_import(args) -> int:
    from pathlib import Path

    from thidua_desktop.services import upper

    db = open_db(args)
    try:
        n = upper.import_units(db, Path(args.file))
    finally:
        db.close()
    out(f"Đã nhập {n} đơn vị từ {args.file}.")
    return EXIT_OK


def cmd_units_trust(args) -> int:
    from pathlib import Path

    from thidua_desktop.services import upper
    from thidua_desktop.signing.errors import SigningError

    try:
        fp = upper.certificate_fingerprint(Path(args.source))
    except SigningError as exc:
        raise CliError(exc.message) from None
    if not args.yes:
        out(f"Dấu vân tay chứng thư số (SHA-256): {fp}")
        out("Hãy gọi điện cho đơn vị, đọc dấu vân tay này để đối chiếu, rồi chạy lại lệnh với --yes.")
        return EXIT_OK
    db = open_db(args)
    try:
        info = upper.trust_certificate(db, args.code, Path(args.source))
    finally:
        db.close()
    out(f"Đã tin cậy chứng thư số của {info.subject} cho đơn vị {args.code}: {info.fingerprint}")
    return EXIT_OK


def cmd_units_untrust(args) -> int:
    from thidua_desktop.services import upper

    db = open_db(args)
    try:
        n = upper.untrust_certificate(db, args.code, args.fingerprint)
    finally:
        db.close()
    out(f"Đã bỏ {n} chứng thư số của đơn vị {args.code}.")
    return EXIT_OK


def _print_outcomes(outcomes) -> int:
    taken = [o for o in outcomes if o.accepted]
    aside = [o for o in outcomes if not o.accepted]
    for o in outcomes:
        if o.accepted:
            what = (
                f"{o.unit_code} {o.kind}"
                + (f" đợt {o.phase}" if o.phase else "")
                + (f" bản {o.version}" if o.version else "")
            )
            out(f"NHẬN     {o.name}: {what}" + ("" if o.counts else " (đã có phiên bản mới hơn)"))
            if o.new_fingerprint:
                out(f"         tin cậy chứng thư số lần đầu — hãy gọi điện đối chiếu dấu vân tay: {o.new_fingerprint}")
        else:
            out(f"ĐỂ RIÊNG {o.name}: {o.reason}")
    out(f"Đã nhận {len(taken)} tệp; để riêng {len(aside)} tệp.")
    return len(aside)


def _status(args) -> int:
    from pathlib import Path

    from thidua_desktop.core import vntext
    from thidua_desktop.services import upper

    db = open_db(args)
    try:
        table = upper.completeness(db, args.year, today=args.today)
        if args.out:
            upper.export_completeness(table, args.year, Path(args.out))
    finally:
        db.close()
    if not table:
        out("Chưa có đơn vị trực thuộc nào.")
    for u in table:
        cells = []
        for e in u.reports:
            when = f" {vntext.format_date(e.sent_on)}" if e.sent_on else ""
            cells.append(f"{upper.EXPECTED_NAMES[e.kind]}: {upper.STATUS_NAMES[e.status]}{when}")
        out(f"{u.code:<10} {'; '.join(cells)}")
    remind = upper.reminders(table)
    if remind:
        out(f"Cần nhắc {len(remind)} đơn vị:")
        for u, missing in remind:
            out(
                f"  {u.code} {u.name}"
                + (f" <{u.email}>" if u.email else "")
                + ": thiếu "
                + ", ".join(upper.EXPECTED_NAMES[e.kind] for e in missing)
            )
    if args.out:
        out(f"Đã xuất {args.out}.")
    return EXIT_OK


def _list(args) -> int:
    from thidua_desktop.core import vntext
    from thidua_desktop.services import upper

    db = open_db(args)
    try:
        files = upper.list_received(db, args.year)
    finally:
        db.close()
    if not files:
        out(f"Chưa nhận tệp nào của năm {args.year}.")
    for f in files:
        state = ("TÍNH" if f.counts else "CŨ") if f.status == upper.ACCEPTED else "ĐỂ RIÊNG"
        when = vntext.format_date(f.issued_on) if f.issued_on else ""
        out(
            f"{state:<9} {f.unit_code:<10} {f.kind:<15} {f.phase or '':<2} {f.version or '':<2} {when:<10} "
            f"{f.original_name}" + (f" — {f.reason}" if f.status != upper.ACCEPTED else "")
        )
    return EXIT_OK


def _remind(args) -> int:
    from thidua_desktop.services import upper

    db = open_db(args)
    try:
        outcome = upper.queue_reminders(db, args.paths, args.year, today=args.today, codes=args.units or None)
    finally:
        db.close()
    for code, message_id in outcome.queued:
        out(f"ĐÃ XẾP   {code}: thư nhắc vào hộp thư đi ({str(message_id)[:8]})")
    for code in outcome.already:
        out(f"ĐÃ NHẮC  {code}: hôm nay đã nhắc mọi báo cáo còn thiếu")
    for code in outcome.without_email:
        out(f"THIẾU    {code}: đơn vị chưa có địa chỉ thư điện tử")
    for code, reason in outcome.refused:
        out(f"TỪ CHỐI  {code}: {reason}")
    out(f"Đã xếp {len(outcome.queued)} thư nhắc; gửi bằng 'thidua outbox send'.")
    return EXIT_OK


def cmd_intake(args) -> int:
    from pathlib import Path

    from thidua_desktop.services import upper

    first = args.inputs[0]
    if len(args.inputs) == 1 and first in ("status", "list", "remind") and not Path(first).exists():
        return {"status": _status, "list": _list, "remind": _remind}[first](args)
    if args.units:
        raise CliError("--unit chỉ dùng với 'thidua intake remind'.")
    if args.out:
        raise CliError("--out chỉ dùng với 'thidua intake status'.")
    db = open_db(args)
    try:
        outcomes = upper.intake(db, args.paths, [Path(p) for p in args.inputs], args.year, trust_first=args.trust_first)
    finally:
        db.close()
    _print_outcomes(outcomes)
    return EXIT_OK


def cmd_consolidate(args) -> int:
    from pathlib import Path

    from thidua_desktop.cli import documents, signing
    from thidua_desktop.services import upper

    spec = signing.key_spec(args) if args.sign else None
    target = Path(args.out)
    if args.scratch:
        result, outcomes, written = upper.consolidate_folder(
            [Path(p) for p in args.inputs], args.year, target, phase=args.phase, name=args.name
        )
        _print_outcomes(outcomes)
        out("Tổng hợp trong thư mục tạm: đơn vị lấy từ tệp, người ký của mỗi đơn vị được tin cậy khi nhận lần đầu.")
    else:
        db = open_db(args)
        try:
            if args.inputs:
                _print_outcomes(
                    upper.intake(
                        db, args.paths, [Path(p) for p in args.inputs], args.year, trust_first=args.trust_first
                    )
                )
            result = upper.consolidation(db, args.year, args.phase)
            written = upper.export_consolidated(db, result, target)
        finally:
            db.close()
    out(
        f"Đã tổng hợp {len(result.sources)} báo cáo ({len(result.lines)} chỉ tiêu) vào {written}."
        + (f" Còn {len(result.missing_units)} đơn vị chưa có báo cáo." if result.missing_units else "")
    )
    if spec is not None:
        documents._sign_all([written], spec)
    return EXIT_OK


def add_commands(sub, add, common) -> None:
    from thidua_desktop.cli import signing
    from thidua_desktop.cli.common import Parser

    p = add("mode", cmd_mode, "xem hoặc đổi chế độ: cdcs (công đoàn cơ sở) hay upper (công đoàn cấp trên)")
    p.add_argument("mode", nargs="?", choices=("cdcs", "upper"))

    units = sub.add_parser("units", help="đơn vị trực thuộc (chế độ cấp trên)", parents=[common])
    units_sub = units.add_subparsers(dest="units_command", metavar="LỆNH", required=True, parser_class=Parser)
    add("list", cmd_units_list, "danh sách đơn vị trực thuộc và chứng thư số được tin cậy", units_sub)
    p = add("add", cmd_units_add, "thêm một đơn vị trực thuộc", units_sub)
    p.add_argument("code", help="mã đơn vị (cấp trên cấp; CĐCS ghi mã này trong thông tin đơn vị)")
    p.add_argument("name", help="tên đơn vị")
    p.add_argument("--email")
    p.add_argument("--note")
    p = add("edit", cmd_units_edit, "sửa một đơn vị trực thuộc", units_sub)
    p.add_argument("code")
    p.add_argument("--name")
    p.add_argument("--email")
    p.add_argument("--note")
    p.add_argument("--new-code", dest="new_code")
    p = add("remove", cmd_units_remove, "xóa một đơn vị khỏi danh sách", units_sub)
    p.add_argument("code")
    p = add("import", cmd_units_import, "nhập danh sách đơn vị từ sổ tính (cột Mã, Tên, Email)", units_sub)
    p.add_argument("file", metavar="TỆP")
    p = add(
        "trust", cmd_units_trust, "tin cậy chứng thư số của người ký cho một đơn vị (xem dấu vân tay trước)", units_sub
    )
    p.add_argument("code")
    p.add_argument("source", metavar="TỆP", help="tệp chứng thư số (.pem/.cer) hoặc sổ tính đã ký của đơn vị")
    p.add_argument("--yes", action="store_true", help="đã đối chiếu dấu vân tay qua điện thoại: tin cậy ngay")
    p = add("untrust", cmd_units_untrust, "bỏ tin cậy một chứng thư số của đơn vị", units_sub)
    p.add_argument("code")
    p.add_argument("fingerprint", help="ít nhất 8 chữ số đầu của dấu vân tay")

    p = add(
        "intake",
        cmd_intake,
        "nhận sổ tính của các đơn vị (tệp hoặc thư mục); 'intake status': tình hình nộp; "
        "'intake list': các tệp đã nhận; 'intake remind': xếp thư nhắc các đơn vị còn thiếu "
        "báo cáo vào hộp thư đi",
    )
    p.add_argument("inputs", nargs="+", metavar="TỆP_HOẶC_THƯ_MỤC")
    p.add_argument("--year", type=int, required=True, help="năm thi đua")
    p.add_argument(
        "--trust-first",
        dest="trust_first",
        action="store_true",
        help="tin cậy người ký khi nhận tệp đầu tiên của đơn vị chưa có chứng thư số (đối chiếu sau)",
    )
    p.add_argument("--out", metavar="TỆP.xlsx", help="(với status) xuất bảng tình hình nộp và danh sách cần nhắc")
    p.add_argument("--today", type=date_arg, help="(với status, remind) tính hạn so với ngày này (dd/mm/yyyy)")
    p.add_argument(
        "--unit",
        dest="units",
        action="append",
        metavar="MÃ",
        help="(với remind) chỉ nhắc đơn vị này; lặp lại để nhắc nhiều đơn vị",
    )

    p = add("consolidate", cmd_consolidate, "nhận các tệp trong thư mục rồi tổng hợp các chỉ tiêu (.xlsx hoặc .pdf)")
    p.add_argument("inputs", nargs="*", metavar="THƯ_MỤC", help="thư mục/tệp cần nhận trước khi tổng hợp (có thể bỏ)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--phase", type=int, help="đợt (mặc định: cả năm = đợt cuối)")
    p.add_argument("--out", metavar="TỆP", required=True, help="tệp .xlsx (kèm trang dữ liệu) hoặc .pdf")
    p.add_argument(
        "--scratch", action="store_true", help="nhận vào thư mục dữ liệu tạm (không ghi vào dữ liệu hiện tại)"
    )
    p.add_argument("--name", help="(với --scratch) tên công đoàn cấp trên ghi trên báo cáo")
    p.add_argument(
        "--trust-first",
        dest="trust_first",
        action="store_true",
        help="tin cậy người ký khi nhận tệp đầu tiên của đơn vị chưa có chứng thư số",
    )
    p.add_argument("--sign", action="store_true", help="ký số tệp tổng hợp (cần --p12 hoặc --pkcs11-lib)")
    signing.add_key_options(p)
