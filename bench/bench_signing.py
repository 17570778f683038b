"""Sign and verify times: a 50-page PDF and a 20,000-row workbook, with a key file and a token.

    uv run python bench/bench_signing.py [--pages 50] [--rows 20000] [--runs 3] [--no-token]

The key file is a unit key made by ``create_unit_key`` (RSA-2048); the token is a SoftHSM2 token
initialised in a temporary folder (its RSA-2048 key generated on the token, the certificate issued
by a throw-away CA). Medians of ``--runs`` runs; the first import of pyHanko is reported apart.
Needs the softhsm2 Debian package for the token rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TOKEN_LABEL, KEY_LABEL, PIN = "bench", "bench-key", "123456"
SOFTHSM_LIB = "/usr/lib/softhsm/libsofthsm2.so"


def make_pdf(path: Path, pages: int) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from thidua_desktop.paths import fonts_dir

    pdfmetrics.registerFont(TTFont("BenchSerif", str(fonts_dir() / "LiberationSerif-Regular.ttf")))
    c = canvas.Canvas(str(path), pagesize=A4)
    for p in range(pages):
        c.setFont("BenchSerif", 11)
        for line in range(45):
            c.drawString(
                60,
                800 - line * 16,
                f"{p * 45 + line + 1}. Nguyễn Thị Ánh Tuyết — Tổ may {line % 9 + 1} — "
                f"Lao động tiên tiến — {line * 1234:,}".replace(",", "."),
            )
        c.showPage()
    c.save()


def make_workbook(path: Path, rows: int) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("Danh sách")
    fmt = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws.write_row(
        0,
        0,
        [
            "STT",
            "Họ đệm",
            "Tên",
            "Ngày sinh",
            "Giới tính",
            "Tổ",
            "Chức vụ",
            "Đoàn viên",
            "Ngày công",
            "Lương",
            "Danh hiệu",
            "Ghi chú",
        ],
    )
    for r in range(1, rows + 1):
        ws.write_number(r, 0, r)
        ws.write_string(r, 1, "Nguyễn Thị")
        ws.write_string(r, 2, f"Ánh {r}")
        ws.write_datetime(r, 3, dt.datetime(1970, 1, 1) + dt.timedelta(days=r % 15000), fmt)
        ws.write_string(r, 4, "Nữ" if r % 2 else "Nam")
        ws.write_string(r, 5, f"Tổ may {r % 9 + 1}")
        ws.write_string(r, 6, "Công nhân")
        ws.write_boolean(r, 7, r % 3 != 0)
        ws.write_number(r, 8, 22 + r % 4 * 0.5)
        ws.write_number(r, 9, 6_500_000 + r * 10)
        ws.write_string(r, 10, "Lao động tiên tiến")
        ws.write_string(r, 11, "")
    wb.close()


def setup_token(base: Path):
    """A SoftHSM2 token with an RSA key generated on it and a certificate from a throw-away CA."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    (base / "tokens").mkdir(parents=True)
    conf = base / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {base / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    subprocess.run(
        ["softhsm2-util", "--init-token", "--free", "--label", TOKEN_LABEL, "--so-pin", "12345678", "--pin", PIN],
        check=True,
        capture_output=True,
    )
    import pkcs11
    from pkcs11 import Attribute, CertificateType, KeyType, ObjectClass

    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "CA đo thời gian")])
    now = dt.datetime.now(dt.timezone.utc)
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(1)
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    token = pkcs11.lib(SOFTHSM_LIB).get_token(token_label=TOKEN_LABEL)
    with token.open(rw=True, user_pin=PIN) as s:
        pub, _ = s.generate_keypair(KeyType.RSA, 2048, store=True, label=KEY_LABEL, id=b"\x01")
        pubkey = rsa.RSAPublicNumbers(
            int.from_bytes(pub[Attribute.PUBLIC_EXPONENT], "big"), int.from_bytes(pub[Attribute.MODULUS], "big")
        ).public_key()
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "CÔNG TY TNHH MAY HOA LƯ")])
        cert = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(ca_name)
            .public_key(pubkey)
            .serial_number(2)
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .sign(ca_key, hashes.SHA256())
        )
        s.create_object(
            {
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True,
                Attribute.LABEL: KEY_LABEL,
                Attribute.ID: b"\x01",
                Attribute.SUBJECT: subject.public_bytes(),
                Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER),
            }
        )
    return ca


def median_time(func, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=50)
    ap.add_argument("--rows", type=int, default=20000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-token", action="store_true")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="thidua-bench-signing-"))
    try:
        pdf_src, xlsx_src = work / "bao-cao.pdf", work / "danh-sach.xlsx"
        t = time.perf_counter()
        make_pdf(pdf_src, args.pages)
        print(f"made {args.pages}-page PDF ({pdf_src.stat().st_size / 1024:.0f} KB) in {time.perf_counter() - t:.2f} s")
        t = time.perf_counter()
        make_workbook(xlsx_src, args.rows)
        print(
            f"made {args.rows:,}-row × 12-column workbook ({xlsx_src.stat().st_size / 1024:.0f} KB) "
            f"in {time.perf_counter() - t:.2f} s"
        )

        t = time.perf_counter()
        import pyhanko.sign
        import pyhanko.sign.validation  # noqa: F401

        print(f"import pyHanko (sign + validation): {time.perf_counter() - t:.2f} s (once per process)")

        from thidua_desktop.signing import keys, pdf, signers, workbook
        from thidua_desktop.signing.verify import verify

        t = time.perf_counter()
        unit = keys.create_unit_key("CĐCS Công ty TNHH May Hoa Lư", work / "unit.p12", "mat-khau-do-thoi-gian")
        print(f"create_unit_key (RSA-2048): {time.perf_counter() - t:.2f} s")
        t = time.perf_counter()
        canon = workbook.canonical_data(xlsx_src)
        print(
            f"canonical data of the workbook: {time.perf_counter() - t:.2f} s "
            f"({canon.cells:,} cells, {len(canon.data) / 1024:.0f} KB)"
        )

        specs = [("key file (PKCS#12)", signers.P12Spec(unit.path, "mat-khau-do-thoi-gian"), [unit.certificate])]
        if not args.no_token and Path(SOFTHSM_LIB).exists() and shutil.which("softhsm2-util"):
            ca = setup_token(work / "hsm")
            specs.append(
                ("token (SoftHSM2 PKCS#11)", signers.Pkcs11Spec(Path(SOFTHSM_LIB), TOKEN_LABEL, KEY_LABEL, PIN), [ca])
            )
        else:
            print("(no SoftHSM2: token rows skipped)")

        rows = []
        for label, spec, trust in specs:
            t = time.perf_counter()
            signer = signers.open_signer(spec)
            opened = time.perf_counter() - t
            with signer:
                n = [0]

                def sign_pdf():
                    n[0] += 1
                    return pdf.sign_pdf(pdf_src, work / f"pdf-{n[0]}.pdf", signer)

                def sign_xlsx():
                    n[0] += 1
                    return workbook.sign_workbook(xlsx_src, work / f"xlsx-{n[0]}.xlsx", signer, p7s=True)

                ps, pres = median_time(sign_pdf, args.runs)
                xs, xres = median_time(sign_xlsx, args.runs)
            pv, pverd = median_time(lambda: verify(pres.path, trust), args.runs)
            xv, xverd = median_time(lambda: verify(xres.path, trust), args.runs)
            assert pverd.accepted and xverd.accepted, (pverd.reasons, xverd.reasons)
            rows.append((label, opened, ps, pv, xs, xv))

        print()
        print(f"medians of {args.runs}; PDF {args.pages} pages, workbook {args.rows:,} rows × 12 (with .p7s)")
        print(f"{'signer':<26} {'open':>7} {'sign PDF':>9} {'verify PDF':>11} {'sign xlsx':>10} {'verify xlsx':>12}")
        for label, opened, ps, pv, xs, xv in rows:
            print(f"{label:<26} {opened:>6.3f}s {ps:>8.3f}s {pv:>10.3f}s {xs:>9.3f}s {xv:>11.3f}s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
