"""``thidua rules list|show-set|import|export``: the rule set of a year (bộ quy định thi đua, khen thưởng).

thidua rules list --year 2026                       the values, their basis, what the union changed
thidua rules show-set --year 2026                   the set in force and its sources ("Căn cứ" lines)
thidua rules import BO-QUY-DINH.xlsx --year 2026    (shows what would change; nothing applies)
thidua rules import BO-QUY-DINH.xlsx --year 2026 --yes
thidua rules export --year 2026 --out bo-quy-dinh.xlsx [--p12 F --password-env V]
"""

from __future__ import annotations

from thidua_desktop.cli.common import CliError, err, open_db, out

EXIT_OK = 0


def _num(value) -> str:
    from thidua_desktop.core import vntext

    return vntext.format_number(value)


def print_rules(info) -> None:
    from thidua_desktop.core.rules import NEEDS_CHECK_TEXT

    out(f"Bộ quy định: {info.name} ({info.years_text})")
    for r in info.rules:
        line = f"  {r.key} = {_num(r.value)} {r.unit} — {r.description}"
        out(line)
        notes = [f"căn cứ: {r.basis}"] if r.basis else []
        if r.changed:
            notes.append(f"đơn vị đã sửa; mức của bộ quy định: {_num(r.default_value)} {r.unit}")
        if r.needs_check:
            notes.append(NEEDS_CHECK_TEXT)
        if notes:
            out("      (" + "; ".join(notes) + ")")
    changed = info.changed
    out(f"\nĐơn vị đã sửa {len(changed)} giá trị." if changed else "\nChưa sửa giá trị nào so với bộ quy định.")


def cmd_list(args) -> int:
    from thidua_desktop.services import rules

    db = open_db(args)
    try:
        print_rules(rules.rules_in_force(db, args.year))
    finally:
        db.close()
    return EXIT_OK


def cmd_show_set(args) -> int:
    from thidua_desktop.core import vntext
    from thidua_desktop.core.rules import NEEDS_CHECK_TEXT
    from thidua_desktop.services import rules

    db = open_db(args)
    try:
        info = rules.rules_in_force(db, args.year)
    finally:
        db.close()
    origin = (
        f"nhập từ cấp trên, người ký: {info.signer or 'không rõ'}"
        if info.origin == "imported"
        else "có sẵn trong chương trình"
    )
    out(f"Năm {info.year}: {info.name}")
    out(f"  Áp dụng {info.years_text}; {origin}; mã {info.key}.")
    out("\nVĂN BẢN CĂN CỨ")
    for s in info.sources:
        when = f" ngày {vntext.format_date(s.issued_on)}" if s.issued_on else ""
        number = f" {s.number}" if s.number else ""
        out(f"  {s.short}:{number}{when}, {s.issuer}" + (f" — {NEEDS_CHECK_TEXT}" if s.needs_check else ""))
        out(f"      {s.line}")
    out("\nDANH HIỆU, HÌNH THỨC KHEN THƯỞNG (cấp quyết định)")
    for t in info.titles:
        out(f"  {t.code}: {t.name} — {t.decided_by}" + (f" ({NEEDS_CHECK_TEXT})" if t.needs_check else ""))
    return EXIT_OK


def print_preview(preview) -> None:
    for line in preview.signature.lines:
        out(line)
    out("")
    out(f"Bộ quy định “{preview.name}” ({preview.years_text}), áp dụng cho năm {preview.year}.")
    if not preview.changes:
        out(f"Năm {preview.year} đã theo đúng bộ quy định này: không có gì thay đổi.")
    else:
        out(f"{len(preview.changes)} thay đổi:")
        for line in preview.changes:
            out(f"  - {line}")
    for warning in preview.warnings:
        err(f"Cảnh báo: {warning}")


def cmd_import(args) -> int:
    from pathlib import Path

    from thidua_desktop.services import rules

    db = open_db(args)
    try:
        preview = rules.preview_import(db, args.paths, Path(args.file), args.year)
        print_preview(preview)
        if preview.blockers:
            raise CliError("Không áp dụng được bộ quy định:\n" + "\n".join(f"- {b}" for b in preview.blockers))
        if not preview.has_changes:
            return EXIT_OK
        if not args.yes:
            out("\nChưa áp dụng gì. Xem kỹ các thay đổi ở trên rồi chạy lại lệnh với --yes để áp dụng.")
            return EXIT_OK
        outcome = rules.apply_import(db, args.paths, Path(args.file), args.year, expected_sha256=preview.sha256)
    finally:
        db.close()
    out(f"\nĐã áp dụng bộ quy định cho năm {outcome.year} ({outcome.applied} thay đổi).")
    if outcome.kept_titles:
        out("Giữ lại vì đang được dùng: " + ", ".join(outcome.kept_titles) + ".")
    return EXIT_OK


def cmd_export(args) -> int:
    from pathlib import Path

    from thidua_desktop.cli.plan_package import signer_spec
    from thidua_desktop.services import rules

    spec = signer_spec(args)  # ask for the key before reading anything
    db = open_db(args)
    try:
        result = rules.export_rule_set(db, args.year, Path(args.out), spec)
    finally:
        db.close()
    out(f"Đã xuất bộ quy định {result.key} của năm {args.year}: {result.path}")
    out(f"Đã ký số (người ký: {result.signer}; dấu vân tay {result.fingerprint}).")
    return EXIT_OK


def add_commands(rules_sub, add, common) -> None:
    """The subcommands of ``thidua rules`` beside ``set`` (``list`` is registered by cli.main)."""
    from thidua_desktop.cli import signing

    p = add("show-set", cmd_show_set, "xem bộ quy định áp dụng cho năm và các văn bản căn cứ", rules_sub)
    p.add_argument("--year", type=int, required=True)
    p = add(
        "import", cmd_import, "nhập bộ quy định cấp trên gửi (sổ tính đã ký số): xem rồi áp dụng cho một năm", rules_sub
    )
    p.add_argument("file", metavar="TỆP", help="tệp bộ quy định (.xlsx) nhận từ công đoàn cấp trên")
    p.add_argument("--year", type=int, required=True, help="năm thi đua áp dụng")
    p.add_argument("--yes", action="store_true", help="áp dụng các thay đổi (không có: chỉ xem)")
    p = add("export", cmd_export, "xuất bộ quy định của năm thành sổ tính đã ký số (gửi cấp dưới)", rules_sub)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--out", metavar="TỆP.xlsx", required=True)
    signing.add_key_options(p)
