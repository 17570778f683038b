"""Official documents at scale (plain script, medians of 3).

    uv run python bench/bench_documents.py [--people 20000] [--ratio-people 5000] [--initiatives 5000]
                                           [--runs 3] [--keep DIR]

Builds the demo folder and grows its roster (``demo.add_people``) until ``--ratio-people``
people are registered for Lao động tiên tiến (``registration.register(everyone=True)``).

The issue's yardstick, on that registration: the whole Bản đăng ký (part A, the signature and
the landscape list of every person, from ``services.documents.build_document``) written by
``documents.pdf`` and ``documents.workbook`` against plain reportlab building the same list
(``Table`` and ``LongTable`` of strings, header repeated, grid, Liberation Serif; the faster of
the two is the yardstick) and plain XlsxWriter writing the same rows (``write_row``), in the
same run. The workbook is timed without and with its ``_du_lieu`` sheet (every row again, with
its record UUIDs); the whole workbook is compared with plain ``write_row`` of the same list AND
the same ``_du_lieu`` rows (the honest yardstick), and, as before, with the list alone.

Then the roster grows to ``--people`` more and ``services.documents.produce`` of the
registration is timed end to end (reading the store, numbering, writing) as PDF and xlsx, and
``--initiatives`` initiatives are written (``initiatives.save_many``) and the initiatives list
(Danh sách sáng kiến) timed as PDF and xlsx.
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
from thidua_desktop.documents import machine as machine_sheet
from thidua_desktop.documents.kinds import registration as reg_kind
from thidua_desktop.documents.layout import Table
from thidua_desktop.documents.machine import MachineData
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
    print(
        f"set-up: add_people({people:,}) + register everyone for LĐTT ({added:,} new registrations): "
        f"{ms(time.perf_counter() - start)}",
        flush=True,
    )


def add_initiatives(db: Database, count: int) -> None:
    rng = random.Random(11)
    rows = registration.list_individuals(db, YEAR)
    people = [r for r in rows if r.is_member][:4000]
    statuses = ("registered", "applying", "recognised", "recognised", "refused")
    drafts = []
    for i in range(count):
        status = rng.choice(statuses)
        a, b = rng.sample(people, 2)
        drafts.append(
            InitiativeDraft(
                title=f"Cải tiến số {i + 1}: gá may túi cho chuyền {rng.randint(1, 40)} giảm thao tác thừa",
                year=YEAR,
                authors=[
                    AuthorDraft(Decimal(60), person_id=a.person_id, person_name=a.full_name),
                    AuthorDraft(Decimal(40), person_id=b.person_id, person_name=b.full_name),
                ],
                field=rng.choice(("Công nghệ may", "Cắt", "Quản lý sản xuất", "An toàn, vệ sinh lao động")),
                first_applied_on=date(YEAR, rng.randint(1, 10), rng.randint(1, 28)) if status != "registered" else None,
                economic_benefit=Decimal(rng.randint(1, 200) * 1_000_000) if status != "registered" else None,
                status=status,
                recognition_level="co_so" if status == "recognised" else None,
                decision_number="05/QĐ-HL" if status == "recognised" else "",
                decision_date=date(YEAR, 11, 25) if status == "recognised" else None,
                decision_issuer="Hội đồng sáng kiến Công ty" if status == "recognised" else "",
                refusal_reason="Chưa có tính mới." if status == "refused" else "",
            )
        )
    start = time.perf_counter()
    with db.transaction("Bench: sáng kiến") as session:
        initiatives.save_many(session, drafts, today=date(YEAR, 12, 31))
    print(f"set-up: {count:,} initiatives through save_many: {ms(time.perf_counter() - start)}", flush=True)


def plain_reportlab(rows: list[list], path: Path, long: bool = True) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, SimpleDocTemplate, Table, TableStyle

    fonts.register()
    doc = SimpleDocTemplate(
        str(path),
        pagesize=landscape(A4),
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=30 * mm,
        bottomMargin=20 * mm,
    )
    header = [c.title for c in reg_kind.PEOPLE_COLUMNS]
    width = landscape(A4)[0] - 40 * mm
    weights = [c.width for c in reg_kind.PEOPLE_COLUMNS]
    table = (LongTable if long else Table)(
        [header] + [[str(v) for v in r] for r in rows],
        repeatRows=1,
        colWidths=[width * w / sum(weights) for w in weights],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 12),
                ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                ("FONT", (0, 0), (-1, 0), fonts.BOLD, 12),
            ]
        )
    )
    doc.build([table])


def plain_xlsxwriter(rows: list[list], path: Path, machine_rows: list[list] | None = None) -> None:
    """The same rows by ``write_row`` (no format; an empty string writes nothing); with
    ``machine_rows`` also the rows of ``_du_lieu`` (values already as the sheet holds them)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    sheet = book.add_worksheet("Cá nhân")
    sheet.write_row(0, 0, [c.title for c in reg_kind.PEOPLE_COLUMNS])
    for i, row in enumerate(rows, 1):
        sheet.write_row(i, 0, row)
    if machine_rows is not None:
        sheet = book.add_worksheet("_du_lieu")
        for i, row in enumerate(machine_rows):
            sheet.write_row(i, 0, row)
    book.close()


def machine_rows(data: MachineData) -> list[list]:
    """The rows of the ``_du_lieu`` sheet, each value as it is written there (UUID hex, ISO dates)."""
    cell = machine_sheet._cell
    rows: list[list] = [["[meta]"]]
    rows += [[key, cell(value)] for key, value in data.meta.items()]
    for table in data.tables:
        rows += [[], [f"[{table.name}]"], list(table.columns)]
        rows += [[cell(v) for v in row] for row in table.rows]
    return rows


def plain_xlsxwriter_formatted(rows: list[list], path: Path) -> None:
    """The floor of a printable table: the same rows, every cell with a border (empty ones too)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    sheet = book.add_worksheet("Cá nhân")
    head = book.add_format({"bold": True, "border": 1, "text_wrap": True, "align": "center"})
    number = book.add_format({"border": 1, "num_format": "#,##0", "align": "center"})
    text = book.add_format({"border": 1, "text_wrap": True})
    sheet.write_row(0, 0, [c.title for c in reg_kind.PEOPLE_COLUMNS], head)
    for i, row in enumerate(rows, 1):
        sheet.write_number(i, 0, row[0], number)
        for c, value in enumerate(row[1:], 1):
            if value:
                sheet.write_string(i, c, value, text)
            else:
                sheet.write_blank(i, c, None, text)
    book.close()


def ratio(db: Database, runs: int, out: Path) -> None:
    doc, data = documents.build_document(db, "registration", YEAR, on=TODAY, code="05/ĐK-CĐCS", number=5)
    table = next(b for a in doc.annexes for b in a.blocks if isinstance(b, Table))
    rows = table.rows
    machine = machine_rows(data)
    print(
        f"\nThe registration of {len(rows):,} people, the whole document against the same list "
        f"(ratio = ours / plain; the runs alternate, so a busy machine slows both alike):"
    )
    jobs = {
        "  documents.pdf.write_pdf (whole document)": lambda: pdf.write_pdf(doc, out / "ours.pdf"),
        "  plain reportlab LongTable of strings": lambda: plain_reportlab(rows, out / "plain.pdf"),
        "  plain reportlab Table of strings": lambda: plain_reportlab(rows, out / "plain-table.pdf", long=False),
        "  documents.workbook.write_workbook (whole document)": lambda: workbook.write_workbook(
            doc, None, out / "ours.xlsx"
        ),
        "  … with the _du_lieu sheet": lambda: workbook.write_workbook(doc, data, out / "ours-du-lieu.xlsx"),
        "  plain XlsxWriter write_row": lambda: plain_xlsxwriter(rows, out / "plain.xlsx"),
        "  plain XlsxWriter, a border on every cell": lambda: plain_xlsxwriter_formatted(rows, out / "plain-f.xlsx"),
        f"  plain XlsxWriter write_row + the {len(machine):,} _du_lieu rows": lambda: plain_xlsxwriter(
            rows, out / "plain-du-lieu.xlsx", machine
        ),
    }
    times: dict[str, list[float]] = {label: [] for label in jobs}
    for _ in range(runs):
        for label, job in jobs.items():
            start = time.perf_counter()
            job()
            times[label].append(time.perf_counter() - start)
    medians = {}
    for label, values in times.items():
        medians[label] = statistics.median(values)
        print(f"{label:<62} median {ms(medians[label]):>10}   runs " + " / ".join(ms(t) for t in values))
    for name, figures in (("medians", medians), ("fastest runs", {k: min(v) for k, v in times.items()})):
        ours_pdf, plain_long, plain_table, ours_xlsx, ours_xlsx_m, plain_xlsx, bordered, plain_xlsx_m = figures.values()
        print(
            f"  {name}: PDF {ours_pdf / min(plain_long, plain_table):.2f}× (Table {ours_pdf / plain_table:.2f}×, "
            f"LongTable {ours_pdf / plain_long:.2f}×), xlsx {ours_xlsx / plain_xlsx:.2f}× "
            f"({ours_xlsx / bordered:.2f}× the bordered floor); whole workbook with _du_lieu "
            f"{ours_xlsx_m / plain_xlsx_m:.2f}× plain write_row of the same rows of both sheets "
            f"({ours_xlsx_m / plain_xlsx:.2f}× the list alone)"
        )


def registered(db: Database) -> int:
    return len(_people(db))


def _people(db: Database):
    from thidua_desktop.services.documents import _people, _year_record

    with db.reading() as session:
        record = _year_record(session, YEAR)
        return _people(db, session, record, YEAR)[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=15_000, help="people added after the ratio part")
    parser.add_argument("--ratio-people", dest="ratio_people", type=int, default=5_000)
    parser.add_argument("--initiatives", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the data folder and the files here")
    args = parser.parse_args(argv)
    print(
        f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, "
        f"{args.people:,} people added, {args.initiatives:,} initiatives, medians of {args.runs}",
        flush=True,
    )
    root = args.keep or Path(tempfile.mkdtemp(prefix="thidua-bench-documents-"))
    data = DataPaths(root / "data")
    out = root / "out"
    out.mkdir(parents=True, exist_ok=True)
    try:
        demo.build_demo(data.ensure())
        db = Database.open(data)
        try:
            registration.register(db, YEAR, "LDTT", everyone=True)
            grow(db, max(0, args.ratio_people - registered(db)))
            ratio(db, args.runs, out)
            grow(db, args.people)
            print(f"\nRegistration of {registered(db):,} people (documents.produce, landscape list annex):")
            timed(
                "  registration .pdf",
                args.runs,
                lambda: documents.produce(db, None, "registration", YEAR, out / "dang-ky.pdf", on=TODAY),
            )
            timed(
                "  registration .xlsx (with _du_lieu)",
                args.runs,
                lambda: documents.produce(db, None, "registration", YEAR, out / "dang-ky.xlsx", on=TODAY),
            )
            add_initiatives(db, args.initiatives)
            print(f"\nInitiatives list ({args.initiatives:,} of the bench + the demo's):")
            timed(
                "  initiatives .pdf",
                args.runs,
                lambda: documents.produce(db, None, "initiatives", YEAR, out / "sang-kien.pdf", on=TODAY),
            )
            timed(
                "  initiatives .xlsx (with _du_lieu)",
                args.runs,
                lambda: documents.produce(db, None, "initiatives", YEAR, out / "sang-kien.xlsx", on=TODAY),
            )
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
