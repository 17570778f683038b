"""``thidua document …``: official documents (PDF or Excel) and the outgoing-document register.

thidua document registration --year 2021 --out dang-ky-2021.pdf
thidua document year-report --year 2021 --signer deputy --out tong-ket-2021.xlsx
thidua document register --year 2026
thidua document year-report --year 2021 --preview --out xem-truoc.pdf   (no number taken)
thidua document year-report --year 2021 --out tong-ket-2021.pdf --sign --p12 cdcs.p12 --password-env MK
"""

from __future__ import annotations

from thidua_desktop.cli import signing
from thidua_desktop.cli.common import CliError, date_arg, open_db, out

EXIT_OK = 0
KIND_HELP = (
    "plan (kế hoạch phát động), registration (bản đăng ký thi đua), initiatives (danh sách sáng kiến), "
    "midyear-report (báo cáo sơ kết), year-report (báo cáo tổng kết), proposals (tờ trình đề nghị khen "
    "thưởng), review-minutes (biên bản họp bình xét), award-decision (quyết định tặng Giấy khen), "
    "register (sổ văn bản đi của một năm)"
)


def cmd_document(args) -> int:
    from pathlib import Path

    from thidua_desktop.core import vntext
    from thidua_desktop.services import documents

    db = open_db(args)
    try:
        if args.kind == "register":
            entries = documents.list_register(db, args.year)
            if not entries:
                out(f"Sổ văn bản đi năm {args.year} chưa có văn bản nào.")
            for e in entries:
                files = f"  [{', '.join(e.files)}]" if e.files else ""
                out(f"{e.code:<16} {vntext.format_date(e.issued_on)}  {e.subject}{files}")
            return EXIT_OK
        if not args.out:
            raise CliError("Hãy ghi tệp cần xuất: --out TỆP.pdf hoặc --out TỆP.xlsx.")
        if args.preview:
            if args.sign or args.new_number:
                raise CliError("Bản xem trước không lấy số và không ký số: bỏ --sign / --new-number.")
            shown = documents.preview(
                db, args.kind, args.year, Path(args.out), phase=args.phase, signer=args.signer, on=args.date
            )
            number = f"số {shown.code} (đã cấp trước đó)" if shown.code else "chưa lấy số"
            out(
                f"Đã ghi bản xem trước {shown.path} — {number}, ngày {vntext.format_date(shown.issued_on)}, "
                f'mỗi trang có dấu "{documents.DRAFT_MARK}".'
            )
            for item in shown.warnings:
                out(f"Lưu ý về ngày: {item}")
            if shown.unfinished:
                out(f"Còn phải viết xong trước khi xuất: {'; '.join(shown.unfinished)}.")
            for item in shown.notes:
                out(f"Lưu ý: {item}")
            return EXIT_OK
        spec = signing.key_spec(args) if args.sign else None  # ask for the key before writing anything
        made = documents.produce(
            db,
            args.paths,
            args.kind,
            args.year,
            Path(args.out),
            phase=args.phase,
            signer=args.signer,
            on=args.date,
            renumber=args.new_number,
        )
        produced = [made]
        if spec is not None:  # the signed pair: the PDF and its workbook twin, under the same number
            twin = made.path.with_suffix(".xlsx" if made.path.suffix.lower() == ".pdf" else ".pdf")
            produced.append(
                documents.produce(
                    db, args.paths, args.kind, args.year, twin, phase=args.phase, signer=args.signer, on=made.issued_on
                )
            )
    finally:
        db.close()
    again = " (số đã cấp trước đó)" if made.reused_number else ""
    if made.redated_from is not None:
        out(
            f"Đã đổi ngày của văn bản số {made.code} từ {vntext.format_date(made.redated_from)} sang "
            f"{vntext.format_date(made.issued_on)} (theo --date); số văn bản giữ nguyên."
        )
    for item in made.warnings:
        out(f"Lưu ý về ngày: {item}")
    for item in produced:
        out(f"Đã xuất {item.path} — số {item.code}{again}, ngày {vntext.format_date(item.issued_on)}.")
    for item in made.notes:
        out(f"Lưu ý: {item}")
    if spec is not None:
        _sign_all([item.path for item in produced], spec)
    return EXIT_OK


def _sign_all(files: list, spec) -> None:  # the files written (Path)
    from thidua_desktop.services import signing as svc
    from thidua_desktop.signing.errors import SigningError

    for path in files:
        try:
            result = svc.sign_document(path, spec, svc.SignOptions())
        except SigningError as exc:
            raise CliError(f"{exc.message} Tệp chưa ký vẫn được giữ: {path}") from None
        out(f"Đã ký số: {result.path} (người ký: {result.signer})")


def add_commands(sub, add, common) -> None:
    from thidua_desktop.core.document_kinds import KINDS, SIGNERS

    p = add("document", cmd_document, "xuất văn bản (PDF hoặc Excel) và xem sổ văn bản đi")
    p.add_argument("kind", metavar="LOẠI", choices=(*KINDS, "register"), help=KIND_HELP)
    p.add_argument("--year", type=int, required=True, help="năm thi đua (với register: năm của sổ văn bản đi)")
    p.add_argument("--phase", type=int, help="đợt (báo cáo sơ kết)")
    p.add_argument(
        "--signer", choices=SIGNERS, default="chair", help="chair: Chủ tịch ký; deputy: Phó Chủ tịch ký thay (KT.)"
    )
    p.add_argument("--out", metavar="TỆP", help="tệp .pdf hoặc .xlsx")
    p.add_argument(
        "--date",
        type=date_arg,
        help="ngày ban hành (dd/mm/yyyy); mặc định là ngày của sự việc văn bản ghi nhận (ngày đăng ký, "
        "ngày họp bình xét, hạn báo cáo…) hoặc ngày đã vào sổ; đổi ngày của văn bản đã có số",
    )
    p.add_argument(
        "--new-number", dest="new_number", action="store_true", help="lấy số mới thay cho số văn bản đã cấp trước đó"
    )
    p.add_argument(
        "--preview",
        action="store_true",
        help="chỉ ghi bản xem trước (PDF có dấu BẢN XEM TRƯỚC), không lấy số, không ghi gì vào dữ liệu",
    )
    p.add_argument(
        "--sign",
        action="store_true",
        help="xuất cả bản PDF và bản Excel rồi ký số cả hai (cần --p12 hoặc --pkcs11-lib)",
    )
    signing.add_key_options(p)
