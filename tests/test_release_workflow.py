"""The release workflow (.github/workflows/release.yml) uses what packaging/ really has: build.py's
own options, the files it names, and the Windows smoke test beside the Linux one."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"


def test_the_release_workflow_builds_with_build_py_and_attaches_its_files():
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "runs-on: windows-latest" in text
    assert 'tags: ["v*"]' in text
    assert 'python-version: "3.11"' in text
    assert "uv sync --locked" in text
    build = (ROOT / "packaging" / "build.py").read_text(encoding="utf-8")
    used = re.findall(r"packaging/build\.py((?: --[a-z-]+)*)", text)
    assert used, "the workflow runs packaging/build.py"
    for options in used:
        for option in options.split():
            assert f'"{option}"' in build, f"build.py has no option {option}"
    # the names build.py gives the installer and the zip
    assert 'f"thidua-desktop-{version}-setup-win64.exe"' in build
    assert 'f"thidua-desktop-{version}-portable-win64.zip"' in build
    assert "dist/thidua-desktop-${{ env.VERSION }}-setup-win64.exe" in text
    assert "dist/thidua-desktop-${{ env.VERSION }}-portable-win64.zip" in text
    assert "softprops/action-gh-release" in text
    # the bundle's smoke test, on Windows
    assert "./packaging/smoke_test.ps1 dist/thidua-desktop" in text
    smoke = (ROOT / "packaging" / "smoke_test.ps1").read_text(encoding="utf-8-sig")
    for step in (
        "THIDUA_SMOKE",
        "THIDUA_EXIT_WHEN_SHOWN",
        '"demo"',
        '"verify"',
        '"about"',
        '"--version"',
        "huong-dan.html",
    ):
        assert step in smoke, step
    # the Linux CI is the same as before: it still builds and smoke-tests the Linux bundle
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash packaging/smoke_test.sh dist/thidua-desktop" in ci
