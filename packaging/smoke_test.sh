#!/usr/bin/env bash
# Smoke test of the PyInstaller bundle, using ONLY the bundled programs (no uv, no venv Python):
#
#   bash packaging/smoke_test.sh [BUNDLE_DIR]        (default: dist/thidua-desktop)
#
# 1. the GUI starts offscreen on a fresh data folder, opens it (creating and migrating the
#    database from the bundled Alembic scripts; the first-run wizard shows) and quits with 0;
# 2. `thidua demo` builds the demo union with its whole 2021 year;
# 3. `thidua keys create` makes the unit key; `thidua document registration --sign` writes the
#    signed PDF + workbook pair; `thidua verify --trust` checks both → exit 0;
# 4. the GUI opens the demo and shows the year on Tổng quan, then quits with 0;
# 5. `thidua about` finds every library's version and licence in the bundled metadata, and
#    THIRD-PARTY-LICENSES.txt and the program's LICENSE.txt (MIT) are beside the programs; the
#    licence About shows, the icon and the user guide are inside the bundle.
# Every program runs under `env -i` (an empty environment: no PATH to uv or the venv, no
# PYTHONPATH, no LD_LIBRARY_PATH). Prints each step's time; exits non-zero on the first failure.
set -euo pipefail

BUNDLE="$(cd "${1:-dist/thidua-desktop}" && pwd -P)"
GUI="$BUNDLE/thidua-desktop"
CLI="$BUNDLE/thidua"
for exe in "$GUI" "$CLI"; do
    [ -x "$exe" ] || { echo "smoke: $exe is missing (build with packaging/build.py first)" >&2; exit 1; }
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/thidua-smoke.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
FRESH="$WORK/fresh"
DEMO="$WORK/demo"
PASSWORD="smoke-$RANDOM-$RANDOM"

# The bundled program with nothing from this shell: a home, the offscreen Qt platform, a
# throw-away settings folder and the key password.
bundled() {
    env -i HOME="$WORK/home" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
        XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/xdg-data" XDG_RUNTIME_DIR="$WORK/run" \
        THIDUA_KEY_PASSWORD="$PASSWORD" "$@"
}
mkdir -p "$WORK/home" "$WORK/run" && chmod 700 "$WORK/run"

step() {
    local name="$1"; shift
    local start=$SECONDS
    echo "smoke: $name"
    "$@"
    echo "smoke:   ok ($((SECONDS - start)) s)"
}

gui_fresh() {
    local out
    out="$(bundled THIDUA_SMOKE=1 timeout 120 "$GUI" --data-dir "$FRESH" 2>"$WORK/gui-fresh.err")" || {
        echo "smoke: the GUI failed on a fresh folder"; cat "$WORK/gui-fresh.err"; return 1; }
    grep -q '^THIDUA_SMOKE_OK ' <<<"$out" || { echo "smoke: no THIDUA_SMOKE_OK from the GUI: $out"; return 1; }
    [ -f "$FRESH/thidua.sqlite" ] || { echo "smoke: the GUI did not create the database"; return 1; }
    bundled "$CLI" info --data-dir "$FRESH" | tee "$WORK/info.txt"
    grep -q "Lược đồ dữ liệu: [0-9]" "$WORK/info.txt"
}

demo() {
    bundled "$CLI" demo --data-dir "$DEMO" | tail -n 2
}

sign_and_verify() {
    bundled "$CLI" keys create --data-dir "$DEMO" --password-env THIDUA_KEY_PASSWORD >/dev/null
    bundled "$CLI" document registration --data-dir "$DEMO" --year 2021 --out "$DEMO/x.pdf" \
        --sign --p12 "$DEMO/keys/unit.p12" --password-env THIDUA_KEY_PASSWORD
    bundled "$CLI" keys export-cert "$DEMO/keys/unit.p12" --data-dir "$DEMO" --password-env THIDUA_KEY_PASSWORD \
        --out "$DEMO/unit.pem" >/dev/null
    bundled "$CLI" verify --data-dir "$DEMO" --trust "$DEMO/unit.pem" "$DEMO/x-da-ky.pdf"
    bundled "$CLI" verify --data-dir "$DEMO" --trust "$DEMO/unit.pem" "$DEMO/x-da-ky.xlsx" >/dev/null
}

gui_demo() {
    local out
    out="$(bundled THIDUA_EXIT_WHEN_SHOWN=1 timeout 120 "$GUI" --data-dir "$DEMO" 2>"$WORK/gui-demo.err")" || {
        echo "smoke: the GUI failed on the demo"; cat "$WORK/gui-demo.err"; return 1; }
    grep -q '^THIDUA_SHOWN ' <<<"$out" || { echo "smoke: the GUI did not show the demo year: $out"; return 1; }
}

about() {
    bundled "$CLI" about | tee "$WORK/about.txt" | tail -n 3
    if grep -q ' — ?$\| ? — ' "$WORK/about.txt"; then
        echo "smoke: a component without version or licence in the bundle:"; grep ' — ?$\| ? — ' "$WORK/about.txt"
        return 1
    fi
    grep -q "^Toàn văn giấy phép: $BUNDLE/THIRD-PARTY-LICENSES.txt$" "$WORK/about.txt"
    grep -q "GNU LESSER GENERAL PUBLIC LICENSE" "$BUNDLE/THIRD-PARTY-LICENSES.txt"
    # the program's own licence: beside the programs, and where About reads it; the window icon
    grep -q "^thidua-desktop .* — MIT$" "$WORK/about.txt"
    grep -q "^MIT License" "$BUNDLE/LICENSE.txt"
    cmp -s "$BUNDLE/LICENSE.txt" "$BUNDLE/_internal/thidua_desktop/_data/LICENSE"
    [ -s "$BUNDLE/_internal/thidua_desktop/_data/resources/icons/thidua.png" ] || {
        echo "smoke: the icon is not in the bundle"; return 1; }
    [ -s "$BUNDLE/_internal/thidua_desktop/_data/resources/help/huong-dan.html" ] || {
        echo "smoke: the user guide is not in the bundle"; return 1; }
}

total=$SECONDS
step "GUI on a fresh data folder (offscreen)" gui_fresh
step "thidua demo" demo
step "thidua keys create + document registration --sign + verify" sign_and_verify
step "GUI on the demo shows the year" gui_demo
step "thidua about: licences from the bundled metadata" about
echo "smoke: bundle $BUNDLE passed in $((SECONDS - total)) s"
