"""A received folder for the upper level's tests and benchmark: many CĐCS workbooks made with the
real builders, writer and signature (services/demo_units.py), with the awkward cases mixed in.

:func:`build_scenario` returns the folder and everything a test needs to compute the expected
totals on its own: which units count, with which figures, who is late and who is missing.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from thidua_desktop.core.plan import seed_template
from thidua_desktop.services import demo_units as du

UPPER_NAME = "Liên đoàn Lao động huyện Gia Viễn"


@dataclass
class Scenario:
    folder: Path
    keys: Path
    units: list[du.SyntheticUnit]
    figures: dict[str, du.UnitFigures]  # what each unit wrote in its registration and sơ kết
    corrections: dict[str, du.UnitFigures] = field(default_factory=dict)  # year reports sent again, corrected
    sent: dict[str, set[str]] = field(default_factory=dict)  # kind → codes that sent a valid file
    late: dict[str, set[str]] = field(default_factory=dict)
    missing: dict[str, set[str]] = field(default_factory=dict)
    tampered: str = ""  # file name
    tampered_unit: str = ""
    unknown: str = ""
    duplicate: str = ""
    corrected_unit: str = ""
    not_thidua: str = ""
    wrong_year: str = ""
    files: int = 0


def _late_day(kind: str) -> date:
    t = seed_template()
    due = (
        t.registration_due
        if kind == "registration"
        else (t.phases[0].report_due if kind == "midyear-report" else t.phases[-1].report_due)
    )
    return due + timedelta(days=6)


def tamper(path: Path) -> None:
    """Change one figure in the hidden data sheet after signing (as someone editing the file would)."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    sheet = book["_du_lieu"]
    for row in sheet.iter_rows():
        if row[0].value and row[6].value == "result" and isinstance(row[8].value, (int, float)):
            row[8].value = row[8].value + 1000
            break
    book.save(path)


def build_scenario(root: Path, *, units: int = 68, seed: int = 8, extras: bool = True) -> Scenario:
    """``units`` registered units × 3 reports, minus the missing ones, plus (``extras``): a late few,
    one tampered year report, one from an unknown unit, one correction (version 2), one exact
    duplicate, one workbook not made by the app and one of another year."""
    rng = random.Random(seed)
    folder = root / "nhan"
    keys = root / "khoa"
    folder.mkdir(parents=True)
    all_units = [du.synthetic_unit(i, seed=seed) for i in range(1, units + 1)]
    sc = Scenario(folder, keys, all_units, {})
    codes = [u.code for u in all_units]
    for kind in du.KINDS:
        n_missing = {"registration": 2, "midyear-report": 3, "year-report": 4}[kind] if extras else 0
        sc.missing[kind] = set(rng.sample(codes, n_missing))
        rest = [c for c in codes if c not in sc.missing[kind]]
        sc.late[kind] = set(rng.sample(rest, 3 if extras else 0))
        sc.sent[kind] = set(rest)
    if extras:
        sc.tampered_unit = rng.choice(sorted(sc.sent["year-report"] - sc.late["year-report"]))
        sc.corrected_unit = rng.choice(sorted(sc.sent["year-report"] - {sc.tampered_unit}))
    for u in all_units:
        signer = du.unit_signer(u, keys)
        figures = du.unit_figures(u)
        sc.figures[u.code] = figures
        for kind in du.KINDS:
            if u.code not in sc.sent[kind]:
                continue
            day = _late_day(kind) if u.code in sc.late[kind] else None
            path = folder / f"{u.code}-{kind}.xlsx"
            du.write(u, kind, path, signer, figures=figures, issued_on=day)
            sc.files += 1
        if u.code == sc.corrected_unit:
            corrected = du.unit_figures(u, correction=1)
            day = seed_template().phases[-1].report_due  # the correction comes on the due day
            du.write(
                u,
                "year-report",
                folder / f"{u.code}-year-report-v2.xlsx",
                signer,
                figures=corrected,
                issued_on=day,
                version=2,
                number=9,
            )
            sc.corrections[u.code] = corrected
            sc.files += 1
    if not extras:
        return sc
    sc.tampered = f"{sc.tampered_unit}-year-report.xlsx"
    tamper(folder / sc.tampered)
    sc.sent["year-report"].discard(sc.tampered_unit)
    stranger = du.synthetic_unit(999, seed=seed)
    sc.unknown = f"{stranger.code}-year-report.xlsx"
    du.write(
        stranger, "year-report", folder / sc.unknown, du.unit_signer(stranger, keys), figures=du.unit_figures(stranger)
    )
    sc.files += 1
    dup_of = sorted(sc.sent["registration"])[0]
    (folder / "thu-gui-lai").mkdir()
    sc.duplicate = f"{dup_of}-registration.xlsx"
    (folder / "thu-gui-lai" / sc.duplicate).write_bytes((folder / sc.duplicate).read_bytes())
    sc.files += 1
    import xlsxwriter

    sc.not_thidua = "bang-tinh-khac.xlsx"
    book = xlsxwriter.Workbook(str(folder / sc.not_thidua))
    book.add_worksheet("Sheet1").write(0, 0, "Danh sách tự làm")
    book.close()
    sc.files += 1
    return sc


def expected_totals(sc: Scenario, phase: int, counted: set[str]) -> dict[str, tuple]:
    """Adding up computed here, from the generator's own numbers: code → (value, numerator, denominator)."""
    from decimal import ROUND_HALF_EVEN, Decimal

    template = seed_template()
    totals = {}
    for spec in template.indicators_for("cdcs"):
        last = phase == template.phases[-1].number
        values = [
            (sc.corrections.get(c) if last and c in sc.corrections else sc.figures[c]).results[spec.code][phase]
            for c in sorted(counted)
            if spec.code in sc.figures[c].results
        ]  # only where it applies
        if not values:
            continue
        if spec.kind in ("count", "money"):
            totals[spec.code] = (sum(v for v, _, _ in values), None, None)
        elif spec.kind == "yesno":
            yes = sum(1 for v, _, _ in values if v == 1)
            totals[spec.code] = (Decimal(yes), Decimal(yes), Decimal(len(values)))
        else:
            num = sum(n for _, n, _ in values)
            den = sum(d for _, _, d in values)
            totals[spec.code] = ((num * 100 / den).quantize(Decimal("0.01"), ROUND_HALF_EVEN), num, den)
    return totals
