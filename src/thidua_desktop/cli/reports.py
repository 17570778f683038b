"""``thidua results|report|review|proposals …``: phase results, phase reports, the year-end review, proposals."""

from __future__ import annotations

from thidua_desktop.cli.common import CliError, date_arg, open_db, out

EXIT_OK = 0
KIND_HELP = "loại báo cáo: midyear = sơ kết đợt 1, year = tổng kết năm"
STATUS_ALIASES = {
    "draft": "draft",
    "nhap": "draft",
    "nháp": "draft",
    "complete": "complete",
    "hoan-thanh": "complete",
    "hoàn-thành": "complete",
    "sent": "sent",
    "da-gui": "sent",
    "đã-gửi": "sent",
}


def _dec(text: str | None):
    from decimal import Decimal, InvalidOperation

    from thidua_desktop.core import vntext

    if text is None:
        return None
    try:
        return vntext.parse_number(text)
    except ValueError:
        try:
            return Decimal(text.strip().replace(",", "."))
        except InvalidOperation:
            raise CliError(f"'{text}' không phải là số.") from None


def _int(text: str | None, what: str) -> int | None:
    if text is None:
        return None
    try:
        return int(text)
    except ValueError:
        raise CliError(f"{what} '{text}' phải là số nguyên.") from None


def _person_id(db, text: str) -> str:
    from thidua_desktop.services import roster

    return roster.person_id_from_prefix(db, text)


def _report_id(db, args) -> str:
    from thidua_desktop.services import reports

    if getattr(args, "id", None):
        return reports.resolve_id(db, args.id)
    if args.year is None or args.kind is None:
        raise CliError("Hãy chỉ rõ báo cáo: --id MÃ, hoặc --year NĂM --kind midyear|year.")
    info = reports.latest_report(db, args.year, args.kind)
    if info is None:
        raise CliError(f"Năm {args.year} chưa có {reports.KIND_NAMES[args.kind]}; soạn bằng 'thidua report draft'.")
    return info.id


def _report_target(p) -> None:
    p.add_argument("--id", metavar="MÃ", help="mã báo cáo (ít nhất 6 ký tự đầu)")
    p.add_argument("--year", type=int, help="năm thi đua (dùng với --kind: phiên bản mới nhất)")
    p.add_argument("--kind", choices=("midyear", "year"), help=KIND_HELP)


# --- results ------------------------------------------------------------------------------------


def cmd_results_table(args) -> int:
    from thidua_desktop.core import results as core, vntext
    from thidua_desktop.services import results

    db = open_db(args)
    try:
        rows = results.results_table(db, args.year, today=args.today)
    finally:
        db.close()
    out(f"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM {args.year}")
    for r in rows:
        registered = core.format_target(r.kind, r.registered, r.unit) or "—"
        if r.registered_is_default and r.registered is not None:
            registered += " (gợi ý)"
        out(f"\n{r.code} {r.name} [{r.unit}; {'tự tính' if r.source == 'computed' else 'nhập tay'}]")
        out(f"  Đăng ký: {registered}")
        for c in r.cells:
            if c.not_applicable:
                shown = "không áp dụng"
            elif c.value is None:
                shown = "chưa có"
            else:
                shown = core.format_figure(r.kind, c.value, c.numerator, c.denominator, r.unit)
                pct = core.percent_of_target(r.kind, c.value, r.registered)
                if pct is not None:
                    shown += f" — {vntext.format_percent(pct)} so với đăng ký"
                if not c.stored:
                    shown += " (chưa lưu)"
            out(f"  Đợt {c.phase_number}: {shown}" + (" [đã khóa]" if c.locked else ""))
            extra = [x for x in (c.origin if c.source == "computed" or c.value is None else "", c.note) if x]
            if c.evidence_number:
                extra.append(
                    f"căn cứ: {c.evidence_number}"
                    + (f" ngày {vntext.format_date(c.evidence_date)}" if c.evidence_date else "")
                )
            for x in extra:
                out(f"      {x}")
    return EXIT_OK


def cmd_results_compute(args) -> int:
    from thidua_desktop.services import results

    db = open_db(args)
    try:
        summary = results.compute(db, args.year, args.phase, today=args.today)
    finally:
        db.close()
    out(f"Đã tính và lưu {summary.stored} kết quả.")
    if summary.kept_entered:
        out("Giữ nguyên số đã nhập tay: " + ", ".join(summary.kept_entered))
    for line in summary.pending:
        out(f"Chưa tính được: {line}")
    for line in summary.locked:
        out(f"Bỏ qua: {line}")
    return EXIT_OK


def cmd_results_enter(args) -> int:
    from thidua_desktop.core import results as core
    from thidua_desktop.services import results

    db = open_db(args)
    try:
        cell = results.enter_result(
            db,
            args.year,
            args.code,
            args.phase,
            value=_dec(args.value),
            numerator=_dec(args.numerator),
            denominator=_dec(args.denominator),
            note=args.note or "",
            evidence_number=args.evidence_number or "",
            evidence_date=args.evidence_date,
            not_applicable=args.not_applicable,
            today=args.today,
        )
        kind = next(r.kind for r in results.results_table(db, args.year, today=args.today) if r.code == args.code)
    finally:
        db.close()
    shown = (
        "không áp dụng"
        if cell.not_applicable
        else core.format_figure(kind, cell.value, cell.numerator, cell.denominator)
    )
    out(f"Đã ghi kết quả {args.code} Đợt {args.phase}: {shown}.")
    return EXIT_OK


def cmd_results_clear(args) -> int:
    from thidua_desktop.services import results

    db = open_db(args)
    try:
        results.clear_result(db, args.year, args.code, args.phase, today=args.today)
    finally:
        db.close()
    out(f"Đã xóa kết quả {args.code} Đợt {args.phase}.")
    return EXIT_OK


# --- reports ------------------------------------------------------------------------------------


def _print_report(info, full: bool = True) -> None:
    from thidua_desktop.core import vntext
    from thidua_desktop.services import reports

    status = reports.STATUS_NAMES.get(info.status, info.status)
    out(f"{info.title.upper()}")
    out(
        f"Mã {info.id} — phiên bản {info.version} — {status}"
        + (f" — gửi ngày {vntext.format_date(info.sent_at.date())}" if info.sent_at else "")
    )
    if info.answers_comment:
        out(f"Sửa theo ý kiến cấp trên: {info.answers_comment}")
    if info.returned_comment:
        out(f"Cấp trên trả lại: {info.returned_comment}")
    if not full:
        return
    for s in info.sections:
        out(f"\n{s.heading}  [{s.key}]")
        if s.text:
            out(s.text)


def cmd_report_draft(args) -> int:
    from thidua_desktop.services import reports

    db = open_db(args)
    try:
        info = reports.draft_report(db, args.year, args.kind, today=args.today)
    finally:
        db.close()
    _print_report(info, full=False)
    missing = sum(len(s.placeholders) for s in info.sections)
    out(f"Đã soạn bản nháp: {len(info.sections)} mục, {missing} chỗ [Bổ sung: …] cần viết.")
    return EXIT_OK


def cmd_report_list(args) -> int:
    from thidua_desktop.services import reports

    db = open_db(args)
    try:
        infos = reports.list_reports(db, args.year)
    finally:
        db.close()
    if not infos:
        out(f"Năm {args.year} chưa có báo cáo nào.")
    for info in infos:
        latest = "" if info.is_latest else " (đã có phiên bản mới hơn)"
        out(
            f"{info.id[:8]}  {reports.KIND_NAMES[info.kind]}, phiên bản {info.version}: "
            f"{reports.STATUS_NAMES.get(info.status, info.status)}{latest}"
        )
    return EXIT_OK


def cmd_report_show(args) -> int:
    from thidua_desktop.services import reports

    db = open_db(args)
    try:
        info = reports.get_report(db, _report_id(db, args))
    finally:
        db.close()
    _print_report(info)
    return EXIT_OK


def cmd_report_edit_section(args) -> int:
    from pathlib import Path

    from thidua_desktop.services import reports

    if (args.text is None) == (args.file is None):
        raise CliError("Hãy cho nội dung mới bằng --text hoặc --file (một trong hai).")
    text = args.text
    if args.file is not None:
        try:
            text = Path(args.file).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise CliError(f"Không đọc được tệp {args.file} (cần văn bản UTF-8): {exc}") from None
    db = open_db(args)
    try:
        info = reports.update_section(db, _report_id(db, args), args.key, text)
    finally:
        db.close()
    section = info.section(args.key)
    out(f"Đã sửa mục {section.heading}.")
    return EXIT_OK


def cmd_report_redraft(args) -> int:
    from thidua_desktop.services import reports

    db = open_db(args)
    try:
        info = reports.redraft_section(db, _report_id(db, args), args.key, today=args.today)
    finally:
        db.close()
    out(f"Đã soạn lại mục {info.section(args.key).heading} từ số liệu hiện có.")
    return EXIT_OK


def cmd_report_status(args) -> int:
    from thidua_desktop.services import reports

    status = STATUS_ALIASES.get(args.status.lower())
    if status is None:
        raise CliError(f"Trạng thái '{args.status}' không hợp lệ: draft (nháp), complete (hoàn thành), sent (đã gửi).")
    db = open_db(args)
    try:
        info = reports.set_status(db, _report_id(db, args), status)
    finally:
        db.close()
    out(f"Báo cáo (phiên bản {info.version}) đã chuyển sang trạng thái: {reports.STATUS_NAMES[info.status]}.")
    return EXIT_OK


def cmd_report_new_version(args) -> int:
    from thidua_desktop.services import reports

    db = open_db(args)
    try:
        info = reports.new_version(db, _report_id(db, args), args.comment or "")
    finally:
        db.close()
    out(f"Đã tạo phiên bản {info.version} (bản nháp, mã {info.id}); sửa rồi gửi lại.")
    return EXIT_OK


def cmd_report_return(args) -> int:
    from thidua_desktop.services import reports

    if args.source:  # the upper union: write the signed return of a CĐCS's report workbook
        return _write_return(args)
    db = open_db(args)
    try:
        info = reports.record_return(db, _report_id(db, args), args.comment)
    finally:
        db.close()
    out(f"Đã ghi ý kiến trả lại của cấp trên cho phiên bản {info.version}.")
    return EXIT_OK


def _write_return(args) -> int:
    from pathlib import Path

    from thidua_desktop.cli.plan_package import signer_spec
    from thidua_desktop.services import returns

    if not args.out:
        raise CliError("Hãy ghi tệp trả lại cần tạo: --out TỆP.xlsx.")
    spec = signer_spec(args)
    db = open_db(args) if args.paths.database.exists() else None
    try:
        made = returns.make_return(Path(args.source), args.comment, Path(args.out), spec, db=db)
    finally:
        if db is not None:
            db.close()
    out(f"Đã tạo tệp trả lại {made.report_label.lower()} của {made.unit_name}: {made.path}")
    out(f"Đã ký số (người ký: {made.signer}; dấu vân tay {made.fingerprint}).")
    return EXIT_OK


def cmd_report_import_return(args) -> int:
    from pathlib import Path

    from thidua_desktop.cli.common import err
    from thidua_desktop.services import returns

    db = open_db(args)
    try:
        preview = returns.preview_return(db, args.paths, Path(args.file))
        for line in preview.signature.lines:
            out(line)
        for warning in preview.warnings:
            err(f"Cảnh báo: {warning}")
        info = returns.import_return(db, args.paths, Path(args.file))
    finally:
        db.close()
    who = f" của {preview.returned.returned_by}" if preview.returned.returned_by else ""
    out(f"Đã ghi ý kiến trả lại{who} cho {preview.returned.report_label.lower()} (phiên bản {info.version}):")
    out(f"“{info.returned_comment}”")
    out("Hãy tạo phiên bản mới của báo cáo để sửa theo ý kiến này (thidua report new-version).")
    return EXIT_OK


def cmd_report_missing(args) -> int:
    from thidua_desktop.services import reports

    db = open_db(args)
    try:
        items = reports.missing_items(db, args.year, args.kind, today=args.today)
    finally:
        db.close()
    if not items:
        out("Không còn gì thiếu: báo cáo đã đầy đủ và đã gửi.")
    for item in items:
        out(f"- {item}")
    return EXIT_OK


# --- review -------------------------------------------------------------------------------------


def _yes_no(text: str | None) -> bool | None:
    if text is None:
        return None
    value = text.strip().lower()
    if value in ("yes", "co", "có", "dat", "đạt", "1"):
        return True
    if value in ("no", "khong", "không", "khong-dat", "không-đạt", "0"):
        return False
    raise CliError(f"'{text}' không hợp lệ: ghi 'co' (đạt) hoặc 'khong' (không đạt).")


def _group_id(db, name: str) -> str:
    from thidua_desktop.core import vntext
    from thidua_desktop.services import roster

    wanted = vntext.search_key(name or "")
    found = [g for g in roster.list_groups(db) if vntext.search_key(g.name) == wanted]
    if not found:
        raise CliError(f"Không có tổ công đoàn '{name}' (xem 'thidua members groups').")
    return found[0].id


def cmd_review_table(args) -> int:
    from thidua_desktop.services import review

    db = open_db(args)
    try:
        rows = review.review_table(db, args.year)
        meeting = review.get_meeting(db, args.year)
    finally:
        db.close()
    if meeting:
        from thidua_desktop.core import vntext

        when = vntext.format_date(meeting.held_on) if meeting.held_on else "?"
        out(
            f"Họp bình xét ngày {when} tại {meeting.place}; chủ trì {meeting.chair}, thư ký {meeting.secretary}; "
            f"có mặt {meeting.attendance_present}/{meeting.attendance_total}."
        )
    else:
        out("Chưa ghi cuộc họp bình xét.")
    for i, r in enumerate(rows, 1):
        result = {None: "chưa xét", True: "ĐẠT", False: "không đạt"}[r.achieved]
        votes = f" {r.votes_for}/{r.votes_total} phiếu" if r.votes_total is not None else ""
        reg = "" if r.registered else " (chưa đăng ký)"
        who = r.full_name + (f" ({r.group_name})" if r.group_name else "")
        code = r.person_id[:8] if r.person_id else "tổ CĐ  " if r.union_group_id else "tập thể "
        out(f"{i:>4}. {code} {who} — {r.title_name}{reg}: {result}{votes}")
        for e in r.exclusions:
            out(f"        không xét: {e.message}")
        for w in r.warnings:
            out(f"        lưu ý: {w}")
    return EXIT_OK


def cmd_review_meeting(args) -> int:
    from thidua_desktop.services import review

    db = open_db(args)
    try:
        info = review.record_meeting(
            db,
            args.year,
            args.date,
            args.place or "",
            args.chair or "",
            args.secretary or "",
            _int(args.total, "Tổng số người"),
            _int(args.present, "Số người có mặt"),
            args.notes or "",
            today=args.today,
        )
    finally:
        db.close()
    out(f"Đã ghi cuộc họp bình xét năm {info.year}: có mặt {info.attendance_present}/{info.attendance_total}.")
    return EXIT_OK


def cmd_review_vote(args) -> int:
    from thidua_desktop.services import review

    db = open_db(args)
    try:
        person = _person_id(db, args.person) if args.person else None
        group = _group_id(db, args.group) if args.group else None
        warnings = review.record_vote(
            db,
            args.year,
            person,
            args.title,
            _int(args.votes_for, "Số phiếu đồng ý"),
            _int(args.votes_total, "Tổng số phiếu"),
            _yes_no(args.achieved),
            args.note,
            union_group_id=group,
        )
    finally:
        db.close()
    out("Đã ghi kết quả bình xét.")
    for w in warnings:
        out(f"Cảnh báo: {w}")
    return EXIT_OK


def cmd_review_inputs(args) -> int:
    from thidua_desktop.services import review

    db = open_db(args)
    try:
        inputs = review.set_inputs(
            db,
            args.year,
            _person_id(db, args.person),
            days_off=_int(args.days_off, "Số ngày nghỉ"),
            discipline=args.discipline,
            clear_days_off=args.clear_days_off,
        )
    finally:
        db.close()
    out(
        f"Đã ghi: nghỉ {inputs.days_off if inputs.days_off is not None else '?'} ngày (không kể thai sản); "
        f"kỷ luật: {inputs.discipline or 'không'}."
    )
    return EXIT_OK


def cmd_review_majority(args) -> int:
    from thidua_desktop.services import review

    db = open_db(args)
    try:
        s = review.apply_majority(db, args.year, overwrite=args.overwrite)
    finally:
        db.close()
    out(
        f"Đạt: {s.achieved}; không đạt: {s.not_achieved}; không xét theo quy định: {s.excluded}; vượt tỷ lệ: "
        f"{s.capped}; chưa có phiếu: {s.without_votes}; giữ kết quả đã ghi: {s.kept}."
    )
    return EXIT_OK


def cmd_review_findings(args) -> int:
    from thidua_desktop.services import review

    db = open_db(args)
    try:
        found = review.findings(db, args.year)
    finally:
        db.close()
    for f in found:
        out(("LỖI: " if f.severity == "error" else "Cảnh báo: ") + f.message)
    errors = sum(1 for f in found if f.severity == "error")
    out(f"{errors} lỗi, {len(found) - errors} cảnh báo.")
    return EXIT_OK


# --- proposals ----------------------------------------------------------------------------------


def _print_proposals(rows) -> None:
    from thidua_desktop.core import vntext

    for section, heading in (("A", "A. TẬP THỂ"), ("B", "B. CÁ NHÂN")):
        mine = [r for r in rows if r.section == section]
        out(f"\n{heading}")
        if not mine:
            out("  (không có)")
        for r in mine:
            level = "CĐCS tặng" if r.level == "own" else "đề nghị cấp trên"
            where = ", ".join(x for x in (r.position, r.group_name) if x)
            out(
                f"{r.ordinal:>4}. {r.id[:8]} {r.name}"
                + (f" ({where})" if where else "")
                + f" — {r.award_name} [{level}]"
            )
            out(f"        {r.summary}")
            if r.decision_number:
                out(
                    f"        Quyết định số {r.decision_number}"
                    + (f" ngày {vntext.format_date(r.decision_date)}" if r.decision_date else "")
                )


def cmd_proposals_build(args) -> int:
    from thidua_desktop.services import review

    db = open_db(args)
    try:
        summary = review.build_proposals(db, args.year)
    finally:
        db.close()
    out(f"Đã lập danh sách đề nghị khen thưởng: thêm {summary.added} dòng, giữ {summary.kept} dòng đã có.")
    for r in summary.stale:
        out(f"Lưu ý: {r.name} — {r.award_name}: không còn theo kết quả bình xét; bỏ dòng này nếu không cần.")
    for note in summary.notes:
        out(f"Lưu ý: {note}")
    _print_proposals(summary.rows)
    return EXIT_OK


def cmd_proposals_list(args) -> int:
    from thidua_desktop.services import review

    db = open_db(args)
    try:
        rows = review.list_proposals(db, args.year, args.level)
    finally:
        db.close()
    out(f"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM {args.year}")
    _print_proposals(rows)
    return EXIT_OK


def _proposal_id(db, year: int, text: str) -> str:
    from thidua_desktop.services import review
    from thidua_desktop.services.ids import hex_key, starting_with

    key = hex_key(text)
    found = starting_with([r.id for r in review.list_proposals(db, year)], key) if len(key) >= 6 else []
    if len(found) != 1:
        raise CliError(
            f"Không xác định được dòng đề nghị có mã bắt đầu bằng '{text}' (ghi ít nhất 6 ký tự, xem "
            "'thidua proposals list')."
        )
    return found[0]


def cmd_proposals_edit(args) -> int:
    from thidua_desktop.services import review

    db = open_db(args)
    try:
        row = review.update_proposal(
            db,
            _proposal_id(db, args.year, args.id),
            summary=args.summary,
            award_code=args.award,
            level=args.level,
            decision_number=args.decision_number,
            decision_date=args.decision_date,
        )
    finally:
        db.close()
    out(f"Đã sửa dòng đề nghị: {row.name} — {row.award_name}.")
    return EXIT_OK


def cmd_proposals_add(args) -> int:
    from thidua_desktop.services import review

    db = open_db(args)
    try:
        if args.collective:
            from thidua_desktop.services import year as year_service

            unit = year_service.get_unit(db)
            person, group, collective = None, None, unit.name if unit else ""
        else:
            person = _person_id(db, args.person) if args.person else None
            group = _group_id(db, args.group) if args.group else None
            collective = ""
        row = review.add_proposal(
            db,
            args.year,
            award_code=args.award,
            level=args.level,
            person_id=person,
            union_group_id=group,
            collective_name=collective,
            summary=args.summary or "",
        )
    finally:
        db.close()
    out(f"Đã thêm dòng đề nghị {row.ordinal}: {row.name} — {row.award_name} (mã {row.id[:8]}).")
    return EXIT_OK


def cmd_proposals_remove(args) -> int:
    from thidua_desktop.services import review

    db = open_db(args)
    try:
        key = _proposal_id(db, args.year, args.id)
        row = next(r for r in review.list_proposals(db, args.year) if r.id == key)
        review.remove_proposal(db, key)
    finally:
        db.close()
    out(f"Đã bỏ dòng đề nghị: {row.name} — {row.award_name}.")
    return EXIT_OK


def cmd_proposals_decide(args) -> int:
    from thidua_desktop.services import review

    db = open_db(args)
    try:
        count = review.decide_proposals(db, args.year, args.number, args.date, level=args.level)
    finally:
        db.close()
    out(f"Đã ghi Quyết định số {args.number} cho {count} dòng.")
    return EXIT_OK


# --- wiring -------------------------------------------------------------------------------------


def add_commands(sub, add, common) -> None:
    from thidua_desktop.cli.common import Parser

    res = sub.add_parser(
        "results",
        help="kết quả thực hiện các chỉ tiêu theo đợt",
        description="Kết quả thực hiện các chỉ tiêu theo đợt.",
        parents=[common],
    )
    rsub = res.add_subparsers(dest="results_command", metavar="LỆNH", required=True, parser_class=Parser)
    p = add("table", cmd_results_table, "bảng chỉ tiêu: đăng ký, kết quả đợt 1, cả năm, tỷ lệ so với đăng ký", rsub)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--today", type=date_arg, help="xét khóa số liệu như vào ngày này (dd/mm/yyyy)")
    p = add(
        "compute", cmd_results_compute, "tính từ dữ liệu và lưu các chỉ tiêu tự tính (không ghi đè số nhập tay)", rsub
    )
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--phase", type=int, help="chỉ tính đợt này (mặc định: các đợt đã bắt đầu, chưa khóa)")
    p.add_argument("--today", type=date_arg, help="ngày tính (dd/mm/yyyy)")
    p = add("enter", cmd_results_enter, "nhập kết quả một chỉ tiêu (tỷ lệ: nhập tử số và mẫu số)", rsub)
    p.add_argument("code", metavar="MÃ_CHỈ_TIÊU", help="ví dụ CT27")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--phase", type=int, required=True, help="đợt (kết quả cộng dồn từ đầu năm đến hết đợt)")
    p.add_argument("--value", metavar="SỐ", help="giá trị (số lượng, số tiền; có/không: 1 hoặc 0)")
    p.add_argument("--numerator", metavar="SỐ", help="tử số (chỉ tiêu tỷ lệ)")
    p.add_argument("--denominator", metavar="SỐ", help="mẫu số (chỉ tiêu tỷ lệ)")
    p.add_argument(
        "--not-applicable",
        dest="not_applicable",
        action="store_true",
        help="chỉ tiêu không áp dụng đối với đơn vị (ghi lý do ở --note)",
    )
    p.add_argument("--note", help="ghi chú")
    p.add_argument("--evidence-number", dest="evidence_number", metavar="SỐ_VB", help="số văn bản căn cứ")
    p.add_argument("--evidence-date", dest="evidence_date", type=date_arg, metavar="NGÀY", help="ngày văn bản căn cứ")
    p.add_argument("--today", type=date_arg, help="ngày nhập (dd/mm/yyyy)")
    p = add("clear", cmd_results_clear, "xóa kết quả đã lưu của một chỉ tiêu (trở lại số tự tính)", rsub)
    p.add_argument("code", metavar="MÃ_CHỈ_TIÊU")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--phase", type=int, required=True)
    p.add_argument("--today", type=date_arg)

    rep = sub.add_parser(
        "report",
        help="báo cáo sơ kết đợt 1, tổng kết năm",
        description="Báo cáo sơ kết đợt 1, tổng kết năm.",
        parents=[common],
    )
    psub = rep.add_subparsers(dest="report_command", metavar="LỆNH", required=True, parser_class=Parser)
    p = add("draft", cmd_report_draft, "soạn bản nháp (phiên bản 1) từ dữ liệu", psub)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--kind", choices=("midyear", "year"), required=True, help=KIND_HELP)
    p.add_argument("--today", type=date_arg)
    p = add("list", cmd_report_list, "các báo cáo và phiên bản của năm", psub)
    p.add_argument("--year", type=int, required=True)
    p = add("show", cmd_report_show, "xem nội dung báo cáo", psub)
    _report_target(p)
    p = add("edit-section", cmd_report_edit_section, "sửa nội dung một mục (báo cáo đã gửi: không sửa được)", psub)
    _report_target(p)
    p.add_argument("key", metavar="MỤC", help="mã mục, ví dụ situation, movement:LDG_LDST, causes")
    p.add_argument("--text", help="nội dung mới")
    p.add_argument("--file", metavar="TỆP", help="đọc nội dung mới từ tệp văn bản UTF-8")
    p = add("redraft-section", cmd_report_redraft, "soạn lại một mục từ số liệu hiện có", psub)
    _report_target(p)
    p.add_argument("key", metavar="MỤC")
    p.add_argument("--today", type=date_arg)
    p = add("status", cmd_report_status, "chuyển trạng thái: draft (nháp), complete (hoàn thành), sent (đã gửi)", psub)
    _report_target(p)
    p.add_argument("status", metavar="TRẠNG_THÁI")
    p = add("new-version", cmd_report_new_version, "tạo phiên bản mới của báo cáo đã gửi để sửa", psub)
    _report_target(p)
    p.add_argument("--comment", help="ý kiến của cấp trên khi trả lại")
    p = add(
        "return",
        cmd_report_return,
        "ghi ý kiến trả lại báo cáo của cấp trên; với --from: cấp trên tạo tệp trả lại đã ký số cho CĐCS",
        psub,
    )
    _report_target(p)
    p.add_argument("--comment", required=True)
    p.add_argument("--from", dest="source", metavar="TỆP.xlsx", help="sổ tính báo cáo nhận từ CĐCS (cấp trên trả lại)")
    p.add_argument("--out", metavar="TỆP.xlsx", help="tệp trả lại cần tạo (dùng với --from)")
    from thidua_desktop.cli import signing

    signing.add_key_options(p)
    p = add(
        "import-return",
        cmd_report_import_return,
        "nhận tệp trả lại báo cáo của cấp trên: kiểm tra chữ ký, ghi ý kiến vào báo cáo",
        psub,
    )
    p.add_argument("file", metavar="TỆP", help="tệp trả lại (.xlsx) nhận từ công đoàn cấp trên")
    p = add("missing", cmd_report_missing, "những việc còn thiếu để hoàn thành và gửi báo cáo", psub)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--kind", choices=("midyear", "year"), required=True, help=KIND_HELP)
    p.add_argument("--today", type=date_arg)

    rev = sub.add_parser(
        "review", help="bình xét thi đua cuối năm", description="Bình xét thi đua cuối năm.", parents=[common]
    )
    vsub = rev.add_subparsers(dest="review_command", metavar="LỆNH", required=True, parser_class=Parser)
    p = add("table", cmd_review_table, "danh hiệu đăng ký và kết quả bình xét từng người, tập thể", vsub)
    p.add_argument("--year", type=int, required=True)
    p = add("meeting", cmd_review_meeting, "ghi cuộc họp bình xét (ngày, địa điểm, chủ trì, thư ký, số người)", vsub)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--date", type=date_arg, required=True, help="ngày họp (dd/mm/yyyy)")
    p.add_argument("--place", help="địa điểm")
    p.add_argument("--chair", required=True, help="người chủ trì")
    p.add_argument("--secretary", required=True, help="thư ký")
    p.add_argument("--total", required=True, help="tổng số người được triệu tập")
    p.add_argument("--present", required=True, help="số người có mặt")
    p.add_argument("--notes", help="ghi chú, diễn biến chính")
    p.add_argument("--today", type=date_arg)
    p = add("vote", cmd_review_vote, "ghi số phiếu và kết quả một danh hiệu", vsub)
    p.add_argument("--year", type=int, required=True)
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--person", metavar="MÃ_NGƯỜI")
    who.add_argument("--group", metavar="TÊN_TỔ", help="tổ công đoàn (danh hiệu tổ, ví dụ TO_CD_VM)")
    who.add_argument("--collective", action="store_true", help="tập thể công đoàn cơ sở")
    p.add_argument("--title", required=True, metavar="MÃ", help="mã danh hiệu, ví dụ LDTT")
    p.add_argument("--for", dest="votes_for", metavar="SỐ", help="số phiếu đồng ý")
    p.add_argument("--total", dest="votes_total", metavar="SỐ", help="tổng số phiếu")
    p.add_argument("--achieved", metavar="co|khong", help="kết quả (bỏ trống: xét theo đa số sau)")
    p.add_argument("--note")
    p = add("inputs", cmd_review_inputs, "ghi số ngày nghỉ (không kể thai sản), kỷ luật của một người", vsub)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--person", required=True, metavar="MÃ_NGƯỜI")
    p.add_argument("--days-off", dest="days_off", metavar="SỐ")
    p.add_argument("--discipline", metavar="HÌNH_THỨC", help="hình thức kỷ luật; '' để xóa")
    p.add_argument("--clear-days-off", dest="clear_days_off", action="store_true", help="xóa số ngày nghỉ đã ghi")
    p = add("majority", cmd_review_majority, "xét đạt theo đa số phiếu (quá 1/2), trừ người không đủ điều kiện", vsub)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--overwrite", action="store_true", help="xét lại cả những dòng đã có kết quả")
    p = add("findings", cmd_review_findings, "kiểm tra kết quả bình xét theo quy định", vsub)
    p.add_argument("--year", type=int, required=True)

    pro = sub.add_parser(
        "proposals",
        help="danh sách đề nghị khen thưởng",
        description="Danh sách đề nghị khen thưởng.",
        parents=[common],
    )
    osub = pro.add_subparsers(dest="proposals_command", metavar="LỆNH", required=True, parser_class=Parser)
    p = add("build", cmd_proposals_build, "lập danh sách từ kết quả bình xét (giữ các dòng đã có)", osub)
    p.add_argument("--year", type=int, required=True)
    p = add("list", cmd_proposals_list, "xem danh sách đề nghị khen thưởng", osub)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--level", choices=("own", "upper"), help="own = CĐCS tặng, upper = đề nghị cấp trên")
    p = add("edit", cmd_proposals_edit, "sửa tóm tắt thành tích, hình thức, quyết định của một dòng", osub)
    p.add_argument("id", metavar="MÃ_DÒNG")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--summary", help="tóm tắt thành tích")
    p.add_argument("--award", metavar="MÃ", help="hình thức khen thưởng đề nghị")
    p.add_argument("--level", choices=("own", "upper"), help="own = CĐCS tặng, upper = đề nghị cấp trên")
    p.add_argument("--decision-number", dest="decision_number", metavar="SỐ")
    p.add_argument("--decision-date", dest="decision_date", type=date_arg, metavar="NGÀY")
    p = add("add", cmd_proposals_add, "thêm một dòng đề nghị (một người, một tổ công đoàn hoặc CĐCS)", osub)
    p.add_argument("--year", type=int, required=True)
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--person", metavar="MÃ_NGƯỜI")
    who.add_argument("--group", metavar="TÊN_TỔ", help="tổ công đoàn")
    who.add_argument("--collective", action="store_true", help="công đoàn cơ sở")
    p.add_argument("--award", required=True, metavar="MÃ", help="hình thức khen thưởng, danh hiệu đề nghị")
    p.add_argument("--level", choices=("own", "upper"), required=True, help="own = CĐCS tặng, upper = đề nghị cấp trên")
    p.add_argument("--summary", required=True, help="tóm tắt thành tích")
    p = add("remove", cmd_proposals_remove, "bỏ một dòng đề nghị (chưa có quyết định)", osub)
    p.add_argument("id", metavar="MÃ_DÒNG")
    p.add_argument("--year", type=int, required=True)
    p = add("decide", cmd_proposals_decide, "ghi quyết định khen thưởng cho các dòng chưa có", osub)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--number", required=True, metavar="SỐ_QĐ")
    p.add_argument("--date", type=date_arg, required=True, metavar="NGÀY")
    p.add_argument("--level", choices=("own", "upper"), default="own")
