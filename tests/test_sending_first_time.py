"""Issue 18, "sending works the first time": the email names the document, a queued message can be
removed (kept as "đã hủy"), the server's answer to a test message in plain Vietnamese, the SMTP
presets, Vietnam time with its offset; against a real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

import shutil
from datetime import date
from types import SimpleNamespace

import pytest

from tests.test_signing_fixtures import SmtpServer, free_port, smtp_server  # noqa: F401 - fixtures
from thidua_desktop.services import demo, documents, outbox, reports
from thidua_desktop.services.report_mail import _phase_words

UNIT = "Công đoàn cơ sở Công ty TNHH May Hoa Lư"


@pytest.fixture(scope="module")
def demo_source(tmp_path_factory):
    from thidua_desktop import paths as app_paths

    paths = app_paths.resolve(tmp_path_factory.mktemp("demo") / "data").ensure()
    demo.build_demo(paths, current_cycle=False)
    return paths


@pytest.fixture
def folder(demo_source, tmp_path):
    from thidua_desktop import paths as app_paths
    from thidua_desktop.store.database import Database

    shutil.copytree(demo_source.root, tmp_path / "data")
    paths = app_paths.resolve(tmp_path / "data").ensure()
    db = Database.open(paths, actor="kiemthu")
    yield db, paths
    db.close()


# --- the email names the document ----------------------------------------------------------------


def test_registration_email_names_the_document_not_its_file(folder, tmp_path):
    db, paths = folder
    out = tmp_path / "dang-ky-2021.pdf"
    produced = documents.produce(db, paths, "registration", 2021, out)
    signed = tmp_path / "dang-ky-2021-da-ky.pdf"  # a signed copy made from it: found by the register's file name
    signed.write_bytes(out.read_bytes())
    for draft in (outbox.compose_report_email(db, [signed]),
                  outbox.compose_report_email(db, [signed], register_id=produced.register_id)):
        assert draft.subject == f"Bản đăng ký thi đua năm 2021 của {UNIT}"
        assert "dang-ky" not in draft.subject
        assert f"{UNIT} trân trọng gửi bản đăng ký thi đua năm 2021 (số {produced.code})." in draft.body
        assert "  - dang-ky-2021-da-ky.pdf" in draft.body  # the files are still listed


def test_report_email_names_the_phase_and_the_version(folder, tmp_path):
    db, paths = folder
    midyear = reports.latest_report(db, 2021, "midyear")
    draft = outbox.compose_report_email(db, [], report_id=midyear.id)
    assert draft.subject == f"Báo cáo sơ kết 6 tháng đầu năm 2021 của {UNIT} (phiên bản {midyear.version})"
    year = reports.latest_report(db, 2021, "year")
    assert outbox.compose_report_email(db, [], report_id=year.id).subject == (
        f"Báo cáo tổng kết phong trào thi đua năm 2021 của {UNIT}")
    out = tmp_path / "bc.xlsx"  # the workbook's machine sheet names its report
    documents.produce(db, paths, "midyear-report", 2021, out)
    assert outbox.compose_report_email(db, [out]).subject.startswith("Báo cáo sơ kết 6 tháng đầu năm 2021 của")
    other = tmp_path / "ghi-chu.pdf"  # not one of ours: only then the file's name
    other.write_bytes(b"%PDF-1.4\n")
    assert outbox.compose_report_email(db, [other]).subject == f"{UNIT} gửi ghi-chu"
    assert outbox.compose_report_email(db, [out], "Tài liệu khác").subject == f"{UNIT} gửi Tài liệu khác"


def test_phase_words():
    phase = SimpleNamespace(number=1, name="Đợt 1", start=date(2026, 1, 1), end=date(2026, 5, 31))
    assert _phase_words(phase, 2026) == "đợt 1 năm 2026"
    assert _phase_words(SimpleNamespace(number=1, name="6 tháng đầu năm", start=date(2026, 1, 1),
                                        end=date(2026, 6, 30)), 2026) == "6 tháng đầu năm 2026"
    assert _phase_words(SimpleNamespace(number=2, name="Quý III năm", start=date(2026, 7, 1),
                                        end=date(2026, 9, 30)), 2026) == "quý III năm 2026"
    assert _phase_words(None, 2026) == "năm 2026"
