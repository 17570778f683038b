"""``thidua plan-package export|import``: the year's plan as a signed workbook, sent down and taken in.

thidua plan-package export --year 2021 --out ke-hoach-2021.xlsx --p12 ldld.p12 --password-env MK
thidua plan-package export --year 2021 --out ke-hoach-2021.xlsx --password-env MK   (the unit's own key)
thidua plan-package import ke-hoach-2021.xlsx            (shows what would change; nothing applies)
thidua plan-package import ke-hoach-2021.xlsx --yes      (applies)
"""

from __future__ import annotations

from thidua_desktop.cli import signing
from thidua_desktop.cli.common import CliError, err, open_db, out

EXIT_OK = 0


def signer_spec(args):
    """``--p12``/``--pkcs11-lib`` when given, else the unit's own key (``keys/unit.p12``)."""
    if getattr(args, "p12", None) or getattr(args, "pkcs11_lib", None):
        return signing.key_spec(args)
    from thidua_desktop.services.signing import P12Spec, unit_key_path

    path = unit_key_path(args.paths)
    if not path.exists():
        raise CliError(
            "Cần khóa để ký: --p12 TỆP --password-env BIẾN, hoặc --pkcs11-lib THƯ_VIỆN --token-label NHÃN "
            "--key-label NHÃN --pin-env BIẾN (thư mục dữ liệu chưa có khóa của đơn vị: 'thidua keys "
            "create')."
        )
    return P12Spec(path, signing._secret(args.password_env, f"mật khẩu của khóa đơn vị {path.name}"))


def cmd_export(args) -> int:
    from pathlib import Path

    from thidua_desktop.services import plan_package

    spec = signer_spec(args)  # ask for the key before reading anything
    db = open_db(args)
    try:
        result = plan_package.export_package(db, args.year, Path(args.out), spec)
    finally:
        db.close()
    c = result.counts
    out(f"Đã xuất gói kế hoạch năm {result.year}: {result.path}")
    out(
        f"  {c['phases']} đợt, {c['movements']} phong trào, {c['indicators']} chỉ tiêu, {c['titles']} danh hiệu, "
        f"{c['rules']} quy định."
    )
    out(f"Đã ký số (người ký: {result.signer}; dấu vân tay {result.fingerprint}).")
    return EXIT_OK


def print_preview(preview) -> None:
    from thidua_desktop.services.plan_package import SECTION_NAMES

    for line in preview.signature.lines:
        out(line)
    out("")
    source = f" của {preview.sender}" if preview.sender else ""
    out(f"Gói kế hoạch năm {preview.year}{source} (Kế hoạch số {preview.plan_number or '…'}).")
    c = preview.counts
    if preview.creates_year:
        out(
            f"Năm thi đua {preview.year} chưa có: sẽ được tạo với {c['phases']} đợt, {c['movements']} phong trào, "
            f"{c['indicators']} chỉ tiêu, {c['titles']} danh hiệu và {c['rules']} quy định."
        )
    elif not preview.has_changes:
        out(f"Năm thi đua {preview.year} đã đúng như gói kế hoạch: không có gì thay đổi.")
    else:
        counts: dict[str, int] = {}
        for change in preview.changes:
            counts[change.action] = counts.get(change.action, 0) + 1
        out(
            f"So với năm {preview.year} hiện có: {counts.get('added', 0)} thêm, {counts.get('changed', 0)} sửa, "
            f"{counts.get('removed', 0)} bỏ, {counts.get('kept', 0)} giữ lại."
        )
        section = None
        for change in preview.changes:
            if change.section != section:
                section = change.section
                out(f"\n{SECTION_NAMES[section].upper()}")
            out(f"  {change.describe()}")
    for warning in preview.warnings:
        err(f"Cảnh báo: {warning}")


def cmd_import(args) -> int:
    from pathlib import Path

    from thidua_desktop.services import plan_package

    db = open_db(args)
    try:
        preview = plan_package.preview_import(db, args.paths, Path(args.file))
        print_preview(preview)
        if preview.blockers:
            raise CliError("Không áp dụng được gói kế hoạch:\n" + "\n".join(f"- {b}" for b in preview.blockers))
        if not preview.has_changes:
            return EXIT_OK
        if not args.yes:
            out("\nChưa áp dụng gì. Xem kỹ các thay đổi ở trên rồi chạy lại lệnh với --yes để áp dụng.")
            return EXIT_OK
        outcome = plan_package.apply_import(db, args.paths, Path(args.file), expected_sha256=preview.sha256)
    finally:
        db.close()
    if outcome.created:
        out(f"\nĐã tạo năm thi đua {outcome.year} theo gói kế hoạch.")
    else:
        out(f"\nĐã áp dụng {outcome.applied} thay đổi vào năm thi đua {outcome.year}.")
    if outcome.kept:
        out("Giữ lại vì đang được dùng: " + ", ".join(outcome.kept) + ".")
    return EXIT_OK


def add_commands(sub, add, common) -> None:
    from thidua_desktop.cli.common import Parser

    group = sub.add_parser(
        "plan-package", help="gói kế hoạch: xuất (cấp trên gửi xuống) và nhập (CĐCS nhận)", parents=[common]
    )
    group_sub = group.add_subparsers(dest="plan_package_command", metavar="LỆNH", required=True, parser_class=Parser)
    p = add("export", cmd_export, "xuất kế hoạch của một năm thành sổ tính đã ký số", group_sub)
    p.add_argument("--year", type=int, required=True, help="năm thi đua")
    p.add_argument("--out", metavar="TỆP.xlsx", required=True, help="tệp gói kế hoạch (.xlsx)")
    signing.add_key_options(p)
    p = add("import", cmd_import, "nhập gói kế hoạch: kiểm tra chữ ký, tạo năm hoặc xem và áp dụng thay đổi", group_sub)
    p.add_argument("file", metavar="TỆP", help="tệp gói kế hoạch (.xlsx) nhận từ công đoàn cấp trên")
    p.add_argument("--yes", action="store_true", help="áp dụng các thay đổi (không có: chỉ xem)")
