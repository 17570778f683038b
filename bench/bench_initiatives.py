"""Register-screen figures for 5,000 initiatives and 12,000 author links (plain script, medians of 3).

    uv run python bench/bench_initiatives.py [--initiatives 5000] [--links 12000] [--people 2000]
                                             [--runs 3] [--keep DIR]

Builds the demo folder, grows its roster by ``--people`` (``demo.add_people``), then writes the
initiatives through the services' bulk path, ``services.initiatives.save_many`` in one
``db.transaction`` (the same checks and the same ``search_key`` as ``save_initiative``, the ORM
audit hook included). Then times, over the whole register:

* ``list_initiatives(db)`` — what the register screen does when it opens;
* ``list_initiatives(db, InitiativeFilter(text=…))`` — a search typed in the box, read again;
* the same filter over the rows already in memory (``[r for r in rows if flt.accepts(r)]``) —
  what a screen that keeps its rows does on each keystroke;
* ``totals(rows)`` — the counts by status and level and the benefit sums under the list;
* ``ldst_candidates(db, 2021)`` — Bằng Lao động sáng tạo candidates over three years;
* for comparison, :func:`core_listing`: the same rows as ``list_initiatives`` from Core queries;
* the import (issue 17): ``initiatives_io.preview_file`` of the register exported to .xlsx (every
  row unchanged), and of the same initiatives as an office's usual list (:func:`usual_list`: no
  "Năm", shares in their own column, values as text with dots, no deciding body), then its commit.
"""

from __future__ import annotations

import argparse
import os
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
from thidua_desktop.paths import DataPaths
from thidua_desktop.services import demo, initiatives, initiatives_io
from thidua_desktop.services.initiatives import InitiativeFilter
from thidua_desktop.store.database import Database

VERBS = (
    "Cải tiến",
    "Thay thế",
    "Sắp xếp lại",
    "Tự động hóa",
    "Giảm thời gian",
    "Tiết kiệm",
    "Chuẩn hóa",
    "Hợp lý hóa",
    "Số hóa",
    "Tận dụng",
)
OBJECTS = (
    "gá may túi",
    "cữ gấp nẹp",
    "chuyền may áo sơ mi",
    "bàn là hơi",
    "máy cắt vòng",
    "kho phụ liệu",
    "quy trình kiểm hàng",
    "đèn chiếu sáng",
    "máy thùa khuy",
    "bảng theo dõi năng suất",
    "khay bán thành phẩm",
    "máy nén khí",
    "sơ đồ giác mẫu",
    "thùng carton",
    "máy may hai kim",
    "hệ thống hút bụi",
)
PLACES = ("tổ may 1", "tổ may 2", "tổ cắt", "tổ hoàn thiện", "tổ KCS", "xưởng cơ điện", "kho", "văn phòng")
FIELDS = (
    "Công nghệ may",
    "Cắt",
    "Hoàn thiện, đóng gói",
    "Quản lý sản xuất",
    "Cơ điện, tiết kiệm năng lượng",
    "Kiểm tra chất lượng (KCS)",
    "An toàn, vệ sinh lao động",
)
STATUSES = ("registered", "applying", "recognised", "recognised", "recognised", "refused")
LEVELS = ("co_so",) * 6 + ("nganh", "nganh", "tinh", "toan_quoc")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def show(label: str, runs: list[float]) -> None:
    print(f"{label:<58} median {ms(statistics.median(runs)):>10}   runs " + " / ".join(ms(r) for r in runs))


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def author_counts(n: int, links: int, rng: random.Random) -> list[int]:
    """``n`` author counts between 1 and 4 that add up to ``links`` exactly."""
    if not n <= links <= 4 * n:
        raise SystemExit(f"{links} author links do not fit {n} initiatives (1 to 4 authors each)")
    counts = [1] * n
    extra = links - n
    while extra:
        i = rng.randrange(n)
        if counts[i] < 4:
            counts[i] += 1
            extra -= 1
    return counts


def shares(k: int) -> list[Decimal]:
    return {1: [100], 2: [60, 40], 3: [50, 30, 20], 4: [40, 30, 20, 10]}[k]


def drafts(n: int, links: int, people: list, rng: random.Random) -> list[InitiativeDraft]:
    made = []
    for i, k in enumerate(author_counts(n, links, rng)):
        year = 2017 + i % 5
        status = rng.choice(STATUSES)
        applied = date(year, rng.randint(1, 12), rng.randint(1, 28))
        chosen = rng.sample(people, k)
        recognised = status == "recognised"
        made.append(
            InitiativeDraft(
                title=f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} tại {rng.choice(PLACES)} (số {i + 1})",
                year=year,
                phase_number=1 if applied.month <= 6 else 2,
                field=rng.choice(FIELDS),
                first_applied_on=None if status == "registered" else applied,
                economic_benefit=Decimal(rng.randrange(1, 120) * 1_000_000) if status != "registered" else None,
                status=status,
                refusal_reason="Chưa có tính mới." if status == "refused" else "",
                recognition_level=rng.choice(LEVELS) if recognised else None,
                decision_number=f"{rng.randint(1, 300)}/QĐ-HL" if recognised else "",
                decision_date=date(year, 12, 31) if recognised else None,
                decision_issuer="Hội đồng sáng kiến Công ty TNHH May Hoa Lư" if recognised else "",
                tags=["Chương trình 1 triệu sáng kiến"] if rng.random() < 0.3 else [],
                authors=[
                    AuthorDraft(Decimal(s), person_id=p.id, person_name=p.full_name, category=p.category)
                    for p, s in zip(chosen, shares(k), strict=True)
                ],
            )
        )
    return made


def core_listing(db: Database) -> list[initiatives.InitiativeRow]:
    """The same rows as ``list_initiatives(db)`` from three Core queries (no ORM objects, ids as text).

    Not used by the app: it shows what the register's open could cost (see bench/README.md).
    """
    from sqlalchemy import String, select, type_coerce

    from thidua_desktop.core import vntext
    from thidua_desktop.store.models import Initiative, InitiativeAuthor, Person

    i = Initiative
    with db.engine.connect() as conn:
        records = conn.execute(
            select(
                type_coerce(i.id, String),
                i.year,
                i.phase_number,
                i.title,
                i.field,
                i.status,
                i.recognition_level,
                i.decision_number,
                i.decision_date,
                i.economic_benefit,
                i.tags,
                i.search_key,
            ).order_by(i.year.desc(), i.created_at)
        ).all()
        a = InitiativeAuthor
        authors: dict[str, list[tuple[str | None, str]]] = {}
        for iid, pid, outside in conn.execute(
            select(type_coerce(a.initiative_id, String), type_coerce(a.person_id, String), a.outside_name).order_by(
                a.initiative_id, a.ordinal
            )
        ):
            authors.setdefault(iid, []).append((pid, outside))
        names = {
            pid: vntext.join_name(fm, given)
            for pid, fm, given in conn.execute(
                select(type_coerce(Person.id, String), Person.family_middle, Person.given_name)
            )
        }
    rows = []
    for iid, year, phase, title, field, status, level, number, decided, benefit, tags, key in records:
        mine = authors.get(iid, [])
        decision = number + (f" ngày {vntext.format_date(decided)}" if number and decided else "") if number else ""
        rows.append(
            initiatives.InitiativeRow(
                id=iid,
                year=year,
                phase_number=phase,
                title=title,
                field=field,
                authors=", ".join(names.get(pid, "") if pid else outside for pid, outside in mine),
                author_ids=frozenset(pid for pid, _ in mine if pid),
                status=status,
                recognition_level=level,
                decision=decision,
                economic_benefit=benefit,
                tags=tuple(tags or ()),
                search_key=key,
            )
        )
    return rows


USUAL_HEADER = [
    "STT",
    "Tên sáng kiến",
    "Lĩnh vực",
    "Tác giả",
    "Tỷ lệ đóng góp (%)",
    "Ngày áp dụng lần đầu",
    "Giá trị làm lợi (VNĐ)",
    "Cấp công nhận",
    "Số quyết định",
    "Ngày quyết định",
]


def usual_list(path: Path, batch: list[InitiativeDraft], names: dict[str, str]) -> Path:
    """``batch`` as an office writes its list (XlsxWriter), titled anew so that every row is added."""
    import xlsxwriter

    from thidua_desktop.core import initiatives as core, vntext

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = book.add_worksheet("Danh sách")
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    ws.write_row(0, 0, USUAL_HEADER)
    for r, d in enumerate(batch, 1):
        ws.write_number(r, 0, r)
        ws.write_string(r, 1, f"{d.title} — danh sách")
        ws.write_string(r, 2, d.field)
        ws.write_string(r, 3, "; ".join(names[a.person_id] for a in d.authors))
        ws.write_string(r, 4, "; ".join(f"{vntext.format_number(a.share)}%" for a in d.authors))
        if d.first_applied_on:
            ws.write_datetime(r, 5, date_time(d.first_applied_on), day)
        if d.economic_benefit is not None:
            ws.write_string(r, 6, vntext.format_number(int(d.economic_benefit)))
        if d.status == "recognised":
            ws.write_string(r, 7, core.LEVELS[d.recognition_level])
            ws.write_string(r, 8, d.decision_number)
            ws.write_datetime(r, 9, date_time(d.decision_date), day)
    book.close()
    return path


def date_time(d: date):
    from datetime import datetime

    return datetime(d.year, d.month, d.day)


def import_timings(db: Database, work: Path, people: list, rng: random.Random, n: int, runs: int) -> None:
    from thidua_desktop.core import vntext

    exported = work / "so-sang-kien.xlsx"
    count = initiatives_io.export_initiatives(db, exported)
    previews: list = []
    show(
        f"preview_file — the register exported ({count:,} rows, unchanged)",
        timed(lambda: previews.append(initiatives_io.preview_file(db, exported)), runs),
    )
    print(f"  → {len(previews[-1].errors)} errors, {previews[-1].unchanged:,} unchanged")
    # The office's usual list: authors with a name of their own (no birth date column to tell namesakes)
    everyone = initiatives_io.load_roster(db).by_key  # people who left included: they share names too
    single = [p for p in people if len(everyone[vntext.search_key(p.full_name)]) == 1]
    batch = [d for d in drafts(n, 2 * n, single, rng) if d.first_applied_on is not None and d.status != "refused"]
    names = {p.id: p.full_name for p in single}
    usual = usual_list(work / "danh-sach.xlsx", batch, names)
    previews.clear()
    try:
        show(
            f"preview_file — the usual list ({len(batch):,} rows, no Năm column)",
            timed(lambda: previews.append(initiatives_io.preview_file(db, usual)), runs),
        )
    except Exception as exc:  # noqa: BLE001 - the code before issue 17 refuses the file
        print(f"preview_file — the usual list: refused ({exc})")
        return
    preview = previews[-1]
    filled = len(getattr(preview, "inferred", ()))  # none before issue 17
    print(f"  → {len(preview.errors)} errors, {preview.added:,} to add, {filled:,} values filled in")
    if preview.errors:
        print(f"  first error: {preview.errors[0]}")
        return
    show(
        f"commit — the usual list ({preview.added:,} added, one transaction)",
        timed(lambda: initiatives_io.commit(db, preview), 1),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--initiatives", type=int, default=5_000)
    parser.add_argument("--links", type=int, default=12_000)
    parser.add_argument("--people", type=int, default=2_000, help="people added to the 312 of the demo")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the folder here")
    args = parser.parse_args()

    print(f"Python {platform.python_version()}, {platform.platform()}, {os.cpu_count()} CPUs")
    work = Path(tempfile.mkdtemp(prefix="thidua-bench-initiatives-"))
    try:
        paths = DataPaths(work / "data").ensure()
        demo.build_demo(paths)
        db = Database.open(paths)
        demo.add_people(db, args.people, seed=1)
        people = [p for group in initiatives_io.load_roster(db).by_key.values() for p in group if p.left_on is None]
        people.sort(key=lambda p: p.id)
        rng = random.Random(2021)
        batch = drafts(args.initiatives, args.links, people, rng)
        t = time.perf_counter()
        with db.transaction("Bench: sổ sáng kiến") as session:
            initiatives.save_many(session, batch)
        print(
            f"save_many: {len(batch):,} initiatives, {sum(len(d.authors) for d in batch):,} author links "
            f"in one transaction: {ms(time.perf_counter() - t)}"
        )
        rows = initiatives.list_initiatives(db)
        links = sum(len(r.author_ids) + (r.authors.count(",") + 1 - len(r.author_ids)) for r in rows)
        print(
            f"register: {len(rows):,} initiatives (demo's included), ~{links:,} author links; "
            f"database {paths.database.stat().st_size / 1e6:.1f} MB"
        )

        show(
            f"list_initiatives — open ({len(rows):,} rows)", timed(lambda: initiatives.list_initiatives(db), args.runs)
        )
        assert core_listing(db) == rows, "the Core prototype must give the same rows"
        show("  for comparison: the same rows from Core queries", timed(lambda: core_listing(db), args.runs))
        for text in ("ga may tui", "nguyen thi", "cai tien may cat"):
            flt = InitiativeFilter(text=text)
            found = len([r for r in rows if flt.accepts(r)])
            show(
                f"list_initiatives(text='{text}') → {found:,}",
                timed(lambda f=flt: initiatives.list_initiatives(db, f), args.runs),
            )
            show(
                f"  in memory: accepts() over {len(rows):,} rows",
                timed(lambda f=flt: [r for r in rows if f.accepts(r)], args.runs),
            )
        year_flt = InitiativeFilter(year=2021, status="recognised")
        show(
            "  in memory: year=2021, status=recognised",
            timed(lambda: [r for r in rows if year_flt.accepts(r)], args.runs),
        )
        show("totals(rows)", timed(lambda: initiatives.totals(rows), args.runs))
        found: list = []
        show("ldst_candidates(db, 2021)", timed(lambda: found.append(initiatives.ldst_candidates(db, 2021)), args.runs))
        print(f"  → {len(found[-1])} candidates")
        import_timings(db, work, people, rng, args.initiatives, args.runs)
        db.close()
        if args.keep:
            shutil.rmtree(args.keep, ignore_errors=True)
            shutil.copytree(paths.root, args.keep)
            print(f"kept the folder in {args.keep}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
