"""``thidua initiatives …``: the initiatives register (sổ sáng kiến) from the command line.

An initiative is named by its id (32 hex digits, as ``list`` and ``show`` print it) or by a
unique prefix of at least 6 of them. Authors are matched to the roster by full name (without
regard to diacritics) and, when the name is shared, by birth date: ``--author "Nguyễn Thị
Lan:12/03/1990=50"``.
"""

from __future__ import annotations

import argparse

from thidua_desktop.cli.common import CliError, date_arg, err, open_db, out

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: building the parser stays light
if TYPE_CHECKING:
    from decimal import Decimal

EXIT_OK = 0

STATUS_CHOICES = ("registered", "applying", "recognised", "refused")
LEVEL_CHOICES = ("co_so", "nganh", "tinh", "toan_quoc")
STATUS_HELP = "registered (đăng ký), applying (đang áp dụng), recognised (được công nhận), refused (không công nhận)"
LEVEL_HELP = "co_so (cơ sở), nganh (ngành), tinh (tỉnh), toan_quoc (toàn quốc)"


def _money(value) -> str:
    from thidua_desktop.core import vntext

    return vntext.format_vnd(int(value)) if value is not None else "—"


def _status_text(row) -> str:
    from thidua_desktop.core import initiatives as core

    text = core.STATUSES.get(row.status, row.status)
    if row.status == "recognised" and row.recognition_level:
        text += f" cấp {core.LEVELS[row.recognition_level].lower()}"
    if row.decision:
        text += f", QĐ {row.decision}"
    return text


def cmd_list(args) -> int:
    from thidua_desktop.core import initiatives as core, vntext
    from thidua_desktop.services import initiatives

    flt = initiatives.InitiativeFilter(
        year=args.year,
        status=args.status,
        level=args.level,
        text=args.search or "",
        phase_number=args.phase,
        tag=args.tag,
    )
    db = open_db(args)
    try:
        rows = initiatives.list_initiatives(db, flt)
    finally:
        db.close()
    if args.author:
        rows = [r for r in rows if vntext.matches(args.author, vntext.search_key(r.authors))]
    for i, r in enumerate(rows, 1):
        phase = f" đợt {r.phase_number}" if r.phase_number else ""
        out(f"{i:>4}. [{r.id[:8]}] {r.year}{phase}  {r.title}")
        out(f"        Tác giả: {r.authors or '—'}")
        out(
            f"        {_status_text(r)}; giá trị làm lợi: {_money(r.economic_benefit)}"
            + (f"; {', '.join(r.tags)}" if r.tags else "")
        )
    t = initiatives.totals(rows)
    out(f"Tổng số: {t.count} sáng kiến")
    if t.count:
        out(
            "Theo trạng thái: "
            + "; ".join(f"{label}: {t.by_status.get(code, 0)}" for code, label in core.STATUSES.items())
        )
        if t.by_level:
            out(
                "Được công nhận theo cấp: "
                + "; ".join(f"{label}: {t.by_level[code]}" for code, label in core.LEVELS.items() if code in t.by_level)
            )
        out(
            f"Tổng giá trị làm lợi: {vntext.format_vnd(int(t.benefit))} "
            f"(của sáng kiến được công nhận: {vntext.format_vnd(int(t.recognised_benefit))})"
        )
    return EXIT_OK


def cmd_show(args) -> int:
    from thidua_desktop.core import initiatives as core, vntext
    from thidua_desktop.services import initiatives, initiatives_io

    db = open_db(args)
    try:
        iid = initiatives_io.resolve_id(db, args.id)
        d = initiatives.get_initiative(db, iid)
        attachments = initiatives.list_attachments(db, args.paths, iid)
        roster = initiatives_io.load_roster(db)
    finally:
        db.close()
    fd = vntext.format_date
    out(f"SÁNG KIẾN: {d.title}")
    out(f"Mã: {d.id}")
    out(f"Năm: {d.year}" + (f", đợt {d.phase_number}" if d.phase_number else ""))
    out(f"Lĩnh vực áp dụng: {d.field or '—'}")
    out("Tác giả:")
    by_id = {p.id: p for people in roster.by_key.values() for p in people}
    for i, a in enumerate(d.authors, 1):
        if a.person_id:
            person = by_id.get(a.person_id)
            who = person.describe() if person else a.person_name
        else:
            who = f"{a.outside_name} (ngoài đơn vị{': ' + a.outside_workplace if a.outside_workplace else ''})"
        out(f"  {i}. {who} — {vntext.format_number(a.share)}% — {core.CATEGORIES.get(a.category, a.category)}")
    out(f"Chủ đầu tư: {d.investor or '—'}")
    applied = fd(d.first_applied_on) if d.first_applied_on else "—"
    out(f"Ngày áp dụng lần đầu: {applied}" + (" (áp dụng thử)" if d.trial else ""))
    out(f"Mô tả: {d.description or '—'}")
    out(f"Điều kiện áp dụng: {d.conditions or '—'}")
    if d.economic_benefit is not None:
        amount = int(d.economic_benefit)
        out(f"Giá trị làm lợi: {vntext.format_vnd(amount)} (bằng chữ: {vntext.money_in_words(amount)})")
    else:
        out("Giá trị làm lợi: —")
    out(f"Hiệu quả xã hội: {d.social_benefit or '—'}")
    out(f"Trạng thái: {core.STATUSES.get(d.status, d.status)}")
    if d.status == "refused":
        out(f"Lý do không công nhận: {d.refusal_reason}")
    if d.recognition_level:
        out(f"Cấp công nhận: {core.LEVELS.get(d.recognition_level, d.recognition_level)}")
    if d.decision_number or d.decision_date or d.decision_issuer:
        out(
            f"Quyết định: số {d.decision_number or '—'}"
            + (f" ngày {fd(d.decision_date)}" if d.decision_date else "")
            + (f" của {d.decision_issuer}" if d.decision_issuer else "")
        )
    out(f"Chương trình: {'; '.join(d.tags) if d.tags else '—'}")
    out(f"Tệp đính kèm: {len(attachments)}")
    for a in attachments:
        out(f"  - {a.filename} ({vntext.format_number(a.size / 1024, 1)} KB, mã {a.id})")
    return EXIT_OK


def _share(text: str, what: str) -> Decimal:
    from thidua_desktop.core import vntext

    try:
        return vntext.parse_number(text)
    except ValueError:
        raise CliError(f"Tỷ lệ đóng góp '{text}' của {what} không phải là số.") from None


def _authors(db, args):
    from decimal import Decimal

    from thidua_desktop.core import vntext
    from thidua_desktop.core.initiatives import AuthorDraft
    from thidua_desktop.services import initiatives_io

    specs = []
    for item in args.author or []:
        text, sep, share = item.rpartition("=")
        if not sep:
            text, share = item, ""
        name, _, born = text.partition(":")
        specs.append(("roster", vntext.nfc(name), born.strip(), share.strip()))
    for item in args.outside or []:
        text, sep, share = item.rpartition("=")
        if not sep:
            text, share = item, ""
        name, _, workplace = text.partition("|")
        specs.append(("outside", vntext.nfc(name), vntext.nfc(workplace), share.strip()))
    if not specs:
        raise CliError('Cần ít nhất một tác giả (--author "Họ tên=60" hoặc --outside "Họ tên|Nơi công tác=40").')
    roster = initiatives_io.load_roster(db)
    authors, problems = [], []
    for kind, name, extra, share_text in specs:
        if not name:
            problems.append("Thiếu họ tên tác giả.")
            continue
        if share_text:
            share = _share(share_text, name)
        elif len(specs) == 1:
            share = Decimal(100)
        else:
            problems.append(f'Chưa ghi tỷ lệ đóng góp của {name} (ví dụ --author "{name}=60").')
            continue
        if kind == "outside":
            authors.append(AuthorDraft(share=share, outside_name=name, outside_workplace=extra))
            continue
        born = None
        if extra:
            try:
                born = date_arg(extra)
            except argparse.ArgumentTypeError as exc:
                raise CliError(f"Ngày sinh của {name}: {exc}") from None
        found = roster.resolve(name, born, hint=f'tác giả ngoài đơn vị ghi bằng --outside "{name}|Nơi công tác=…"')
        if found.person is None:
            message = found.error or ""
            if found.candidates and born is None:
                message += f'. Ví dụ: --author "{name}:dd/mm/yyyy={share_text or "100"}"'
            problems.append(message[:1].upper() + message[1:] + ("" if message.endswith(".") else "."))
            continue
        authors.append(
            AuthorDraft(
                share=share,
                person_id=found.person.id,
                person_name=found.person.full_name,
                category=found.person.category,
            )
        )
    if problems:
        raise CliError("Không lưu sáng kiến:\n" + "\n".join(f"  - {p}" for p in problems))
    return authors


def cmd_add(args) -> int:
    from thidua_desktop.core import vntext
    from thidua_desktop.core.initiatives import InitiativeDraft
    from thidua_desktop.services import initiatives

    benefit = None
    if args.benefit is not None:
        try:
            benefit = vntext.parse_number(args.benefit)
        except ValueError:
            raise CliError(
                f"Giá trị làm lợi '{args.benefit}' không phải là số (ví dụ 84000000 hoặc 84.000.000)."
            ) from None
    db = open_db(args)
    try:
        draft = InitiativeDraft(
            title=vntext.nfc(args.title),
            year=args.year,
            authors=_authors(db, args),
            phase_number=args.phase,
            field=args.field or "",
            investor=args.investor or "",
            first_applied_on=args.applied,
            trial=args.trial,
            description=args.description or "",
            conditions=args.conditions or "",
            economic_benefit=benefit,
            social_benefit=args.social or "",
            status="applying" if args.applied else "registered",
            tags=args.tag or [],
        )
        saved = initiatives.save_initiative(db, draft)
    finally:
        db.close()
    out(f"Đã thêm sáng kiến '{saved.title}' (mã {saved.id}).")
    if saved.economic_benefit is not None:
        out(
            f"Giá trị làm lợi: {_money(saved.economic_benefit)} ({vntext.money_in_words(int(saved.economic_benefit))})."
        )
    return EXIT_OK


def cmd_set_status(args) -> int:
    from thidua_desktop.core import initiatives as core
    from thidua_desktop.services import initiatives, initiatives_io

    if args.status != "recognised" and args.level:
        raise CliError("Chỉ ghi cấp công nhận (--level) khi sáng kiến được công nhận (recognised).")
    db = open_db(args)
    try:
        iid = initiatives_io.resolve_id(db, args.id)
        draft = initiatives.get_initiative(db, iid)
        draft.status = args.status
        if args.status == "recognised":
            draft.recognition_level = args.level or draft.recognition_level
        else:
            draft.recognition_level = None
            if args.status in ("registered", "applying"):  # back before any decision: drop the old one
                draft.decision_number, draft.decision_date, draft.decision_issuer = "", None, ""
        if args.decision is not None:
            draft.decision_number = args.decision
        if args.date is not None:
            draft.decision_date = args.date
        if args.issuer is not None:
            draft.decision_issuer = args.issuer
        if args.reason is not None:
            draft.refusal_reason = args.reason
        saved = initiatives.save_initiative(db, draft)
    finally:
        db.close()
    text = core.STATUSES[saved.status]
    if saved.status == "recognised":
        text += f" cấp {core.LEVELS[saved.recognition_level].lower()}"
    out(f"Đã chuyển sáng kiến '{saved.title}' sang trạng thái: {text}.")
    return EXIT_OK


def cmd_attach(args) -> int:
    from pathlib import Path

    from thidua_desktop.core import vntext
    from thidua_desktop.services import initiatives, initiatives_io

    db = open_db(args)
    try:
        iid = initiatives_io.resolve_id(db, args.id)
        info = initiatives.add_attachment(db, args.paths, iid, Path(args.file))
    finally:
        db.close()
    out(f"Đã đính kèm {info.filename} ({vntext.format_number(info.size / 1024, 1)} KB).")
    return EXIT_OK


def cmd_candidates(args) -> int:
    from thidua_desktop.core import initiatives as core, vntext
    from thidua_desktop.services import initiatives

    db = open_db(args)
    try:
        found = initiatives.ldst_candidates(db, args.year)
    finally:
        db.close()
    out(f"ĐỀ NGHỊ XÉT BẰNG LAO ĐỘNG SÁNG TẠO NĂM {args.year} (theo ngưỡng của bảng quy định năm {args.year})")
    if not found:
        out("Chưa có tác giả nào đạt ngưỡng giá trị làm lợi.")
    for i, c in enumerate(found, 1):
        out(f"{i:>3}. {c.author_name} — {core.CATEGORIES.get(c.category, c.category)}")
        out(
            f"     Năm {args.year}: {vntext.format_vnd(int(c.one_year))}; cộng dồn: {vntext.format_vnd(int(c.three_years))}"
        )
        out(f"     Lý do: {c.reason}")
        out(f"     Sáng kiến: {'; '.join(c.initiatives)}")
    out(f"Số tác giả đạt ngưỡng: {len(found)}")
    return EXIT_OK


def cmd_import(args) -> int:
    from pathlib import Path

    from thidua_desktop.services import initiatives_io

    db = open_db(args)
    try:
        preview = initiatives_io.preview_file(db, Path(args.file), sheet=args.sheet, default_year=args.year)
        if preview.items:
            out(
                f"Năm của các dòng không ghi năm: {args.year} (--year)."
                if args.year is not None
                else "Năm của các dòng không ghi năm: năm của ngày áp dụng lần đầu (không có --year)."
            )
        for note in preview.inferred:
            out(f"Suy ra: {note}")
        for problem in preview.problems:
            if problem.severity == "error":
                err(f"LỖI: {problem}")
            else:
                out(f"Lưu ý: {problem}")
        if preview.errors:
            raise CliError(
                f"Không nhập tệp {Path(args.file).name}: có {len(preview.errors)} lỗi (liệt kê ở trên). "
                "Dữ liệu không bị thay đổi."
            )
        result = initiatives_io.commit(db, preview, dry_run=args.dry_run)
    finally:
        db.close()
    verb = "Sẽ" if args.dry_run else "Đã"
    out(
        f"{verb} thêm {result.added} sáng kiến, cập nhật {result.updated} sáng kiến"
        + (f", {result.unchanged} sáng kiến không thay đổi" if result.unchanged else "")
        + f" (trang '{preview.sheet}')."
    )
    if args.dry_run:
        out("Chạy thử (--dry-run): dữ liệu không bị thay đổi.")
    return EXIT_OK


def cmd_export(args) -> int:
    from pathlib import Path

    from thidua_desktop.services import initiatives_io

    db = open_db(args)
    try:
        count = initiatives_io.export_initiatives(db, Path(args.file), year=args.year)
    finally:
        db.close()
    out(f"Đã ghi {count} sáng kiến vào {args.file}")
    return EXIT_OK


def add_commands(sub, add, common) -> None:
    from thidua_desktop.cli.common import Parser

    ini = sub.add_parser("initiatives", help="sổ sáng kiến", parents=[common])
    isub = ini.add_subparsers(dest="initiatives_command", metavar="LỆNH", required=True, parser_class=Parser)

    p = add("list", cmd_list, "liệt kê sáng kiến, kèm số lượng theo trạng thái, cấp và tổng giá trị làm lợi", isub)
    p.add_argument("--year", type=int, help="năm")
    p.add_argument("--phase", type=int, help="đợt")
    p.add_argument("--status", choices=STATUS_CHOICES, metavar="TRẠNG_THÁI", help=STATUS_HELP)
    p.add_argument("--level", choices=LEVEL_CHOICES, metavar="CẤP", help=LEVEL_HELP)
    p.add_argument("--search", metavar="CHỮ", help="tìm không dấu trong tên, lĩnh vực, tác giả, số quyết định")
    p.add_argument("--author", metavar="HỌ_TÊN", help="chỉ sáng kiến có tác giả này (không dấu cũng được)")
    p.add_argument("--tag", metavar="CHƯƠNG_TRÌNH", help="chỉ sáng kiến thuộc chương trình này")

    p = add("show", cmd_show, "xem đầy đủ một sáng kiến", isub)
    p.add_argument("id", metavar="MÃ", help="mã sáng kiến (hoặc ít nhất 6 ký tự đầu)")

    p = add("add", cmd_add, "thêm một sáng kiến", isub)
    p.add_argument("--year", type=int, required=True, help="năm")
    p.add_argument("--title", required=True, help="tên sáng kiến")
    p.add_argument(
        "--author",
        action="append",
        metavar='"HỌ TÊN[:dd/mm/yyyy]=TỶ_LỆ"',
        help="tác giả trong danh sách người lao động và tỷ lệ đóng góp %% (lặp lại); "
        "ghi ngày sinh khi có người trùng tên",
    )
    p.add_argument(
        "--outside", action="append", metavar='"HỌ TÊN|NƠI CÔNG TÁC=TỶ_LỆ"', help="tác giả ngoài đơn vị (lặp lại)"
    )
    p.add_argument("--field", help="lĩnh vực áp dụng")
    p.add_argument("--phase", type=int, help="đợt thi đua")
    p.add_argument("--applied", type=date_arg, metavar="dd/mm/yyyy", help="ngày áp dụng lần đầu")
    p.add_argument("--trial", action="store_true", help="mới áp dụng thử")
    p.add_argument("--benefit", metavar="SỐ_TIỀN", help="giá trị làm lợi (đồng), ví dụ 84000000 hoặc 84.000.000")
    p.add_argument("--social", metavar="NỘI_DUNG", help="hiệu quả xã hội")
    p.add_argument("--description", metavar="NỘI_DUNG", help="mô tả bản chất của sáng kiến")
    p.add_argument("--conditions", metavar="NỘI_DUNG", help="điều kiện cần thiết để áp dụng")
    p.add_argument("--investor", metavar="TÊN", help="chủ đầu tư tạo ra sáng kiến")
    p.add_argument(
        "--tag",
        action="append",
        metavar="CHƯƠNG_TRÌNH",
        help='chương trình, ví dụ "Chương trình 1 triệu sáng kiến" (lặp lại)',
    )

    p = add("set-status", cmd_set_status, "chuyển trạng thái (công nhận: kèm cấp, số, ngày, cơ quan quyết định)", isub)
    p.add_argument("id", metavar="MÃ")
    p.add_argument("status", choices=STATUS_CHOICES, metavar="TRẠNG_THÁI", help=STATUS_HELP)
    p.add_argument("--level", choices=LEVEL_CHOICES, metavar="CẤP", help=LEVEL_HELP)
    p.add_argument("--decision", metavar="SỐ", help="số quyết định công nhận, ví dụ 12/QĐ-HL")
    p.add_argument("--date", type=date_arg, metavar="dd/mm/yyyy", help="ngày quyết định")
    p.add_argument("--issuer", metavar="CƠ_QUAN", help="cơ quan, đơn vị ra quyết định")
    p.add_argument("--reason", metavar="LÝ_DO", help="lý do không công nhận")

    p = add("attach", cmd_attach, "đính kèm tệp (bản quét, tài liệu) vào sáng kiến", isub)
    p.add_argument("id", metavar="MÃ")
    p.add_argument("file", metavar="TỆP")

    p = add("candidates", cmd_candidates, "tác giả đủ điều kiện đề nghị Bằng Lao động sáng tạo", isub)
    p.add_argument("--year", type=int, required=True, help="năm xét")

    p = add("import", cmd_import, "nhập sổ sáng kiến từ Excel (.xlsx, .xls, .ods): tất cả hoặc không", isub)
    p.add_argument("file", metavar="TỆP")
    p.add_argument("--sheet", metavar="TÊN_TRANG")
    p.add_argument(
        "--year",
        type=int,
        help="năm của các dòng không ghi năm (bảng không có cột Năm, ô Năm trống); "
        "không ghi: năm của ngày áp dụng lần đầu từng dòng",
    )
    p.add_argument("--dry-run", dest="dry_run", action="store_true", help="chỉ kiểm tra, không ghi")

    p = add("export", cmd_export, "xuất sổ sáng kiến ra tệp .xlsx (nhập lại được)", isub)
    p.add_argument("file", metavar="TỆP.xlsx")
    p.add_argument("--year", type=int, help="chỉ năm này")
