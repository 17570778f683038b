"""The initiatives register: validation, authors and shares, attachments, LĐST candidates, links."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from thidua_desktop.core import initiatives as core
from thidua_desktop.core.initiatives import AuthorDraft, InitiativeDraft
from thidua_desktop.services import initiatives, registration, roster, year
from thidua_desktop.services.initiatives import InitiativeFilter
from thidua_desktop.services.roster import PersonDetail
from thidua_desktop.store.errors import ValidationError

TODAY = date(2021, 12, 20)


@pytest.fixture
def authors(seeded_db):
    a = roster.save_person(seeded_db, PersonDetail("Phạm Thị", "Hoa", gender="F", position="Tổ trưởng"))
    b = roster.save_person(
        seeded_db, PersonDetail("Đinh Văn", "Tùng", gender="M", position="Kỹ thuật viên", education="Kỹ sư cơ khí")
    )
    return a.id, b.id


def recognised(title, authors_shares, benefit, year_=2021, **extra):
    return InitiativeDraft(
        title=title,
        year=year_,
        phase_number=1,
        field="May mặc",
        first_applied_on=date(year_, 3, 1),
        economic_benefit=Decimal(benefit),
        status="recognised",
        recognition_level="co_so",
        decision_number=f"{len(title)}/QĐ-HL",
        decision_date=date(year_, 5, 20),
        decision_issuer="Công ty TNHH May Hoa Lư",
        authors=[AuthorDraft(Decimal(s), person_id=p) for p, s in authors_shares],
        **extra,
    )


def test_save_and_read_back(seeded_db, authors):
    a, b = authors
    saved = initiatives.save_initiative(
        seeded_db,
        recognised("Cải tiến gá may túi", [(a, 60), (b, 40)], 84_000_000, tags=["Chương trình 1 triệu sáng kiến"]),
        today=TODAY,
    )
    back = initiatives.get_initiative(seeded_db, saved.id)
    assert back.title == "Cải tiến gá may túi" and back.economic_benefit == 84_000_000
    assert [(x.person_name, x.share) for x in back.authors] == [("Phạm Thị Hoa", 60), ("Đinh Văn Tùng", 40)]
    rows = initiatives.list_initiatives(seeded_db, InitiativeFilter(text="ga may tui"))
    assert [r.title for r in rows] == ["Cải tiến gá may túi"]
    assert rows[0].authors == "Phạm Thị Hoa, Đinh Văn Tùng"
    assert initiatives.list_initiatives(seeded_db, InitiativeFilter(text="dinh van tung"))
    assert initiatives.list_initiatives(seeded_db, InitiativeFilter(tag="Chương trình 1 triệu sáng kiến"))
    assert not initiatives.list_initiatives(seeded_db, InitiativeFilter(status="refused"))
    assert [r.title for r in initiatives.person_initiatives(seeded_db, b)] == ["Cải tiến gá may túi"]
    t = initiatives.totals(initiatives.list_initiatives(seeded_db))
    assert t.count == 1 and t.by_status == {"recognised": 1} and t.by_level == {"co_so": 1}
    assert t.recognised_benefit == 84_000_000


@pytest.mark.parametrize(
    "change, message",
    [
        (
            lambda d: d.authors.__setitem__(1, AuthorDraft(Decimal(30), person_id=d.authors[1].person_id)),
            "phải bằng 100% \\(hiện là 80%\\)",
        ),
        (lambda d: d.authors.append(AuthorDraft(Decimal(0), person_id=d.authors[0].person_id)), "được ghi hai lần"),
        (lambda d: setattr(d, "economic_benefit", Decimal(-5)), "không được âm"),
        (lambda d: setattr(d, "economic_benefit", Decimal(10) ** 15), "không hợp lý"),
        (lambda d: setattr(d, "decision_number", ""), "số quyết định"),
        (lambda d: setattr(d, "first_applied_on", date(1890, 1, 1)), "Ngày áp dụng lần đầu 01/01/1890 không hợp lý"),
        (lambda d: setattr(d, "first_applied_on", date(2030, 1, 1)), "không hợp lý"),
        (lambda d: setattr(d, "authors", []), "ít nhất một tác giả"),
        (lambda d: (setattr(d, "status", "refused"), setattr(d, "refusal_reason", "")), "phải ghi lý do"),
        (lambda d: setattr(d, "phase_number", 7), "không có Đợt 7"),
    ],
)
def test_bad_input_is_refused_and_nothing_saved(seeded_db, authors, change, message):
    a, b = authors
    draft = recognised("Gá may cạp quần", [(a, 50), (b, 50)], 10_000_000)
    change(draft)
    with pytest.raises(ValidationError, match=message):
        initiatives.save_initiative(seeded_db, draft, today=TODAY)
    assert initiatives.list_initiatives(seeded_db) == []


def test_update_replaces_authors_atomically(seeded_db, authors):
    a, b = authors
    saved = initiatives.save_initiative(seeded_db, recognised("Cữ gấp nẹp", [(a, 100)], 5_000_000), today=TODAY)
    saved.authors = [
        AuthorDraft(Decimal(70), person_id=a),
        AuthorDraft(Decimal(30), outside_name="Lê Văn Ngoài", outside_workplace="Công ty X"),
    ]
    initiatives.save_initiative(seeded_db, saved, today=TODAY)
    saved.authors = [AuthorDraft(Decimal(70), person_id=a)]  # now sums to 70: refused
    with pytest.raises(ValidationError):
        initiatives.save_initiative(seeded_db, saved, today=TODAY)
    back = initiatives.get_initiative(seeded_db, saved.id)
    assert [(x.display_name, x.share) for x in back.authors] == [("Phạm Thị Hoa", 70), ("Lê Văn Ngoài", 30)]


def test_attachments_size_limit_and_integrity(seeded_db, data_paths, authors, tmp_path, monkeypatch):
    a, _ = authors
    saved = initiatives.save_initiative(seeded_db, recognised("Bàn là hơi", [(a, 100)], 1_000_000), today=TODAY)
    scan = tmp_path / "quyet-dinh.pdf"
    scan.write_bytes(b"%PDF-1.4 scan" * 100)
    info = initiatives.add_attachment(seeded_db, data_paths, saved.id, scan)
    assert info.path.read_bytes() == scan.read_bytes() and info.media_type == "application/pdf"
    monkeypatch.setattr(initiatives, "MAX_ATTACHMENT_BYTES", 1000)
    with pytest.raises(ValidationError, match="vượt giới hạn"):
        initiatives.add_attachment(seeded_db, data_paths, saved.id, scan)
    with pytest.raises(ValidationError, match="Không đọc được"):
        initiatives.add_attachment(seeded_db, data_paths, saved.id, tmp_path / "khong-co.pdf")
    assert len(initiatives.list_attachments(seeded_db, data_paths, saved.id)) == 1
    out = initiatives.export_attachment(seeded_db, data_paths, info.id, tmp_path / "ra.pdf")
    assert out.read_bytes() == scan.read_bytes()
    info.path.write_bytes(b"changed")
    with pytest.raises(ValidationError, match="bị thay đổi"):
        initiatives.export_attachment(seeded_db, data_paths, info.id, tmp_path / "ra2.pdf")
    initiatives.remove_attachment(seeded_db, data_paths, info.id)
    assert not info.path.exists()
    assert list(data_paths.attachments.iterdir()) == []


def test_ldst_candidates_weighted_by_share(seeded_db, authors):
    a, b = authors  # a: worker (Tổ trưởng); b: university (Kỹ sư)
    for draft in (
        recognised("Cải tiến gá may túi", [(a, 60), (b, 40)], 84_000_000),
        recognised("Hút bụi bàn cắt", [(a, 100)], 30_000_000),
        recognised("Quy trình KCS", [(b, 100)], 50_000_000, year_=2020),
    ):
        for author in draft.authors:
            author.category = initiatives.suggest_category(seeded_db, author.person_id)
        initiatives.save_initiative(seeded_db, draft, today=TODAY)
    found = initiatives.ldst_candidates(seeded_db, 2021)
    assert [c.author_name for c in found] == ["Phạm Thị Hoa"]
    hoa = found[0]
    assert hoa.one_year == Decimal(80_400_000) and hoa.category == "worker"
    assert "80.400.000 đồng ≥ 80.000.000 đồng" in hoa.reason
    year.set_rule(seeded_db, 2021, "ldst_threshold_university", 80_000_000)
    names = [c.author_name for c in initiatives.ldst_candidates(seeded_db, 2021)]
    assert names == ["Phạm Thị Hoa", "Đinh Văn Tùng"]  # Tùng: 33,6 + 50 over three years


def test_registration_points_to_initiative(seeded_db, authors):
    a, b = authors
    saved = initiatives.save_initiative(seeded_db, recognised("Gá may túi", [(a, 100)], 10_000_000), today=TODAY)
    registration.register(seeded_db, 2021, "LDTT", person_ids=[a, b])
    registration.register(seeded_db, 2021, "CSTDCS", person_ids=[a])
    initiatives.link_registration(seeded_db, 2021, a, saved.id)
    row = next(r for r in registration.list_individuals(seeded_db, 2021) if r.person_id == a)
    assert row.planned_initiative == "Gá may túi"
    assert not any("cần có sáng kiến" in f.message for f in registration.check(seeded_db, 2021))
    with pytest.raises(ValidationError, match="là tác giả"):
        initiatives.link_registration(seeded_db, 2021, b, saved.id)
    assert initiatives.count_recognised(seeded_db, date(2021, 1, 1), date(2021, 6, 30)) == 1
    assert initiatives.count_recognised(seeded_db, date(2021, 7, 1), date(2021, 12, 31)) == 0


def test_default_category():
    assert core.default_category("Phó Giám đốc", "") == "manager"
    assert core.default_category("Trưởng phòng Hành chính", "") == "manager"
    assert core.default_category("Tổ trưởng", "12/12") == "worker"
    assert core.default_category("Kỹ thuật viên", "Đại học Bách khoa") == "university"
