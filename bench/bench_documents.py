"""Official documents at scale (plain script, medians of 3).

    uv run python bench/bench_documents.py [--people 20000] [--ratio-people 5000] [--initiatives 5000]
                                           [--runs 3] [--keep DIR]

Builds the demo folder, grows its roster by ``--people`` (``demo.add_people``) and registers
everyone for Lao động tiên tiến (``registration.register(everyone=True)``), then times
``services.documents.produce`` of the registration (Bản đăng ký with the landscape list of every
person) as PDF and as xlsx. It then writes ``--initiatives`` initiatives (``initiatives.save_many``)
and times the initiatives list (Danh sách sáng kiến) as PDF and xlsx.

The issue's yardstick, on ``--ratio-people`` rows: our registration annex (the layout model
through ``documents.pdf`` / ``documents.workbook``) against plain reportlab building the same
table (``LongTable`` of strings, header repeated, grid, Liberation Serif) and plain XlsxWriter
writing the same rows (``write_row``), in the same run.
"""

from __future__ import annotations

import argparse
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

from thidua_desktop.core.initiatives import AuthorDraft, InitiativeDraft
from thidua_desktop.documents import fonts, pdf, workbook
from thidua_desktop.documents.kinds import registration as reg_kind
from thidua_desktop.documents.layout import Annex, Document, Header, Signature, Table
from thidua_desktop.paths import DataPaths
from thidua_desktop.services import demo, documents, initiatives, registration
from thidua_desktop.store.database import Database

YEAR = 2021
TODAY = date(2021, 2, 18)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def timed(label: str, runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"{label:<62} median {ms(median):>10}   runs " + " / ".join(ms(t) for t in times), flush=True)
    return median


def grow(db: Database, people: int) -> None:
    start = time.perf_counter()
    demo.add_people(db, people, seed=7)
    added = registration.register(db, YEAR, "LDTT", everyone=True)
    print(f"set-up: add_people({people:,}) + register everyone for LĐTT ({added:,} new registrations): "
          f"{ms(time.perf_counter() - start)}", flush=True)


def add_initiatives(db: Database, count: int) -> None:
    rng = random.Random(11)
    rows = registration.list_individuals(db, YEAR)
    people = [r for r in rows if r.is_member][:4000]
    statuses = ("registered", "applying", "recognised", "recognised", "refused")
    drafts = []
    for i in range(count):
        status = rng.choice(statuses)
        a, b = rng.sample(people, 2)
        drafts.append(InitiativeDraft(
            title=f"Cải tiến số {i + 1}: gá may túi cho chuyền {rng.randint(1, 40)} giảm thao tác thừa", year=YEAR,
            authors=[AuthorDraft(Decimal(60), person_id=a.person_id, person_name=a.full_name),
                     AuthorDraft(Decimal(40), person_id=b.person_id, person_name=b.full_name)],
            field=rng.choice(("Công nghệ may", "Cắt", "Quản lý sản xuất", "An toàn, vệ sinh lao động")),
            first_applied_on=date(YEAR, rng.randint(1, 10), rng.randint(1, 28)) if status != "registered" else None,
            economic_benefit=Decimal(rng.randint(1, 200) * 1_000_000) if status != "registered" else None,
            status=status, recognition_level="co_so" if status == "recognised" else None,
            decision_number="05/QĐ-HL" if status == "recognised" else "",
            decision_date=date(YEAR, 11, 25) if status == "recognised" else None,
            decision_issuer="Hội đồng sáng kiến Công ty" if status == "recognised" else "",
            refusal_reason="Chưa có tính mới." if status == "refused" else "",
        ))
    start = time.perf_counter()
    with db.transaction("Bench: sáng kiến") as session:
        initiatives.save_many(session, drafts, today=date(YEAR, 12, 31))
    print(f"set-up: {count:,} initiatives through save_many: {ms(time.perf_counter() - start)}", flush=True)


def plain_reportlab(rows: list[list], path: Path) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, SimpleDocTemplate, TableStyle

    fonts.register()
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=30 * mm, bottomMargin=20 * mm)
    header = [c.title for c in reg_kind.PEOPLE_COLUMNS]
    width = landscape(A4)[0] - 40 * mm
    weights = [c.width for c in reg_kind.PEOPLE_COLUMNS]
    table = LongTable([header] + [[str(v) for v in r] for r in rows], repeatRows=1,
                      colWidths=[width * w / sum(weights) for w in weights])
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), fonts.REGULAR, 12), ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                               ("FONT", (0, 0), (-1, 0), fonts.BOLD, 12)]))
    doc.build([table])


def plain_xlsxwriter(rows: list[list], path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    sheet = book.add_worksheet("Cá nhân")
    sheet.write_row(0, 0, [c.title for c in reg_kind.PEOPLE_COLUMNS])
    for i, row in enumerate(rows, 1):
        sheet.write_row(i, 0, row)
    book.close()


def ratio(db: Database, people: int, runs: int, out: Path) -> None:
    rows = reg_kind.people_rows(_people(db))[:people]
    doc = Document("registration", Header("LĐLĐ huyện Gia Viễn", "CĐCS Công ty TNHH May Hoa Lư", "Số: 05/ĐK-CĐCS",
                                          "Gia Viễn, ngày 18 tháng 02 năm 2021"),
                   "BẢN ĐĂNG KÝ THI ĐUA", "Năm 2021", signatures=[Signature(("TM. BAN CHẤP HÀNH", "CHỦ TỊCH"), "A")],
                   annexes=[Annex("DANH SÁCH", blocks=[Table(reg_kind.PEOPLE_COLUMNS, rows, sheet="Cá nhân")],
                                  landscape=True)])
    print(f"\n{len(rows):,} rows, the same table both ways (ratio = ours / plain):")
    ours_pdf = timed("  documents.pdf.write_pdf (layout model, Paragraph where long)", runs,
                     lambda: pdf.write_pdf(doc, out / "ours.pdf"))
    plain_pdf = timed("  plain reportlab LongTable of strings", runs, lambda: plain_reportlab(rows, out / "plain.pdf"))
    ours_xlsx = timed("  documents.workbook.write_workbook (formats, heading)", runs,
                      lambda: workbook.write_workbook(doc, None, out / "ours.xlsx"))
    plain_xlsx = timed("  plain XlsxWriter write_row", runs, lambda: plain_xlsxwriter(rows, out / "plain.xlsx"))
    print(f"  ratio PDF {ours_pdf / plain_pdf:.2f}×, xlsx {ours_xlsx / plain_xlsx:.2f}×")


def _people(db: Database):
    from thidua_desktop.services.documents import _people, _year_record

    with db.reading() as session:
        record = _year_record(session, YEAR)
        return _people(db, session, record, YEAR)[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--ratio-people", dest="ratio_people", type=int, default=5_000)
    parser.add_argument("--initiatives", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the data folder and the files here")
    args = parser.parse_args(argv)
    print(f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, "
          f"{args.people:,} people added, {args.initiatives:,} initiatives, medians of {args.runs}", flush=True)
    root = args.keep or Path(tempfile.mkdtemp(prefix="thidua-bench-documents-"))
    data = DataPaths(root / "data")
    out = root / "out"
    out.mkdir(parents=True, exist_ok=True)
    try:
        demo.build_demo(data.ensure())
        db = Database.open(data)
        try:
            grow(db, args.people)
            registered = sum(1 for r in registration.list_individuals(db, YEAR) if r.title_codes)
            print(f"\nRegistration of {registered:,} people (documents.produce, landscape list annex):")
            timed("  registration .pdf", args.runs,
                  lambda: documents.produce(db, None, "registration", YEAR, out / "dang-ky.pdf", today=TODAY))
            timed("  registration .xlsx (with _du_lieu)", args.runs,
                  lambda: documents.produce(db, None, "registration", YEAR, out / "dang-ky.xlsx", today=TODAY))
            ratio(db, args.ratio_people, args.runs, out)
            add_initiatives(db, args.initiatives)
            print(f"\nInitiatives list ({args.initiatives:,} of the bench + the demo's):")
            timed("  initiatives .pdf", args.runs,
                  lambda: documents.produce(db, None, "initiatives", YEAR, out / "sang-kien.pdf", today=TODAY))
            timed("  initiatives .xlsx (with _du_lieu)", args.runs,
                  lambda: documents.produce(db, None, "initiatives", YEAR, out / "sang-kien.xlsx", today=TODAY))
            for name in ("dang-ky.pdf", "dang-ky.xlsx", "sang-kien.pdf", "sang-kien.xlsx"):
                print(f"  {name}: {(out / name).stat().st_size / 1024 / 1024:.1f} MB")
        finally:
            db.close()
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
