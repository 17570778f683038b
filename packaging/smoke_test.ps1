# Smoke test of the PyInstaller bundle on Windows, using ONLY the bundled programs (no uv, no venv
# Python): the steps of packaging/smoke_test.sh (which runs them on Linux under `env -i`), for the
# release workflow (.github/workflows/release.yml) on a hosted Windows runner.
#
#   pwsh packaging/smoke_test.ps1 [BUNDLE_DIR]        (default: dist\thidua-desktop)
#
# 0. thidua.exe --version names the version of src/thidua_desktop/__init__.py;
# 1. the GUI (thidua-desktop.exe, windowed) starts offscreen on a fresh data folder with
#    THIDUA_SMOKE=1, opens it (creating and migrating the database from the bundled Alembic
#    scripts) and quits with 0; `thidua info` reads the new database;
# 2. `thidua demo` builds the demo union;
# 3. `thidua keys create`, `thidua document registration --sign` (the signed PDF + workbook pair),
#    `thidua keys export-cert` and `thidua verify --trust` on both → exit 0;
# 4. the GUI opens the demo (THIDUA_EXIT_WHEN_SHOWN=1) and quits with 0;
# 5. `thidua about` finds every library's version and licence in the bundled metadata;
#    THIRD-PARTY-LICENSES.txt and LICENSE.txt (MIT) are beside the programs; the licence About
#    shows, the icon and the user guide are inside the bundle.
# A windowed program has no standard output on Windows, so the GUI steps are judged by the exit
# code and the files they leave. Every data folder is a fresh one under the temporary folder.
param([string]$Bundle = "dist\thidua-desktop")

$ErrorActionPreference = "Stop"
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8
$OutputEncoding = [System.Text.Encoding]::UTF8

$Bundle = (Resolve-Path $Bundle).Path
$Gui = Join-Path $Bundle "thidua-desktop.exe"
$Cli = Join-Path $Bundle "thidua.exe"
foreach ($exe in @($Gui, $Cli)) {
    if (-not (Test-Path $exe)) { throw "smoke: $exe is missing (build with packaging/build.py first)" }
}

$Work = Join-Path ([System.IO.Path]::GetTempPath()) ("thidua-smoke-" + [guid]::NewGuid().ToString("N").Substring(0, 8))
New-Item -ItemType Directory -Path $Work | Out-Null
$Fresh = Join-Path $Work "fresh"
$Demo = Join-Path $Work "demo"

# Nothing of the build environment reaches the bundled programs.
foreach ($name in @("PYTHONPATH", "PYTHONHOME", "PYTHONUTF8", "VIRTUAL_ENV", "THIDUA_HOME", "THIDUA_TODAY")) {
    Remove-Item "Env:$name" -ErrorAction SilentlyContinue
}
$env:QT_QPA_PLATFORM = "offscreen"
$env:THIDUA_KEY_PASSWORD = "smoke-" + [guid]::NewGuid().ToString("N").Substring(0, 12)

function Step([string]$Name, [scriptblock]$Body) {
    Write-Host "smoke: $Name"
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    & $Body
    Write-Host ("smoke:   ok ({0:N0} s)" -f $watch.Elapsed.TotalSeconds)
}

# The command line with these arguments; fails on a non-zero exit code; returns its output as one
# string (its error output goes to the console).
function Cli([string[]]$Arguments) {
    $output = & $Cli @Arguments | Out-String
    if ($LASTEXITCODE -ne 0) { throw "smoke: thidua $($Arguments -join ' ') exited with $LASTEXITCODE`n$output" }
    return $output
}

# The windowed program with one environment variable set; fails unless it quits with 0 in time.
function Gui([string]$Variable, [string]$DataDir) {
    Set-Item "Env:$Variable" "1"
    try {
        $process = Start-Process -FilePath $Gui -ArgumentList @("--data-dir", "`"$DataDir`"") -PassThru `
            -RedirectStandardError (Join-Path $Work "gui.err")
        $null = $process.Handle  # keeps the exit code readable after the process ends
        if (-not $process.WaitForExit(120000)) {
            $process.Kill()
            throw "smoke: the GUI did not quit within 120 s ($Variable)"
        }
        if ($process.ExitCode -ne 0) {
            Get-Content (Join-Path $Work "gui.err") -ErrorAction SilentlyContinue | Write-Host
            throw "smoke: the GUI exited with $($process.ExitCode) ($Variable)"
        }
    } finally {
        Remove-Item "Env:$Variable" -ErrorAction SilentlyContinue
    }
}

function Check([bool]$Condition, [string]$Message) {
    if (-not $Condition) { throw "smoke: $Message" }
}

$total = [System.Diagnostics.Stopwatch]::StartNew()
try {
    Step "thidua --version" {
        $init = Get-Content (Join-Path $PSScriptRoot "..\src\thidua_desktop\__init__.py") -Raw
        $version = [regex]::Match($init, '(?m)^__version__\s*=\s*"([^"]+)"').Groups[1].Value
        $shown = (Cli @("--version")).Trim()
        Write-Host "  $shown"
        Check ($shown -eq "thidua $version") "thidua --version says '$shown', not 'thidua $version'"
    }

    Step "GUI on a fresh data folder (offscreen)" {
        Gui "THIDUA_SMOKE" $Fresh
        Check (Test-Path (Join-Path $Fresh "thidua.sqlite")) "the GUI did not create the database"
        $info = Cli @("info", "--data-dir", $Fresh)
        Write-Host $info
        Check ($info -match "Lược đồ dữ liệu: [0-9]") "thidua info does not name the schema"
    }

    Step "thidua demo" {
        $out = Cli @("demo", "--data-dir", $Demo)
        ($out.Trim() -split "`n" | Select-Object -Last 2) | Write-Host
    }

    Step "thidua keys create + document registration --sign + verify" {
        $key = Join-Path $Demo "keys\unit.p12"
        $pdf = Join-Path $Demo "x.pdf"
        $pem = Join-Path $Demo "unit.pem"
        Cli @("keys", "create", "--data-dir", $Demo, "--password-env", "THIDUA_KEY_PASSWORD") | Out-Null
        Cli @("document", "registration", "--data-dir", $Demo, "--year", "2021", "--out", $pdf, "--sign",
              "--p12", $key, "--password-env", "THIDUA_KEY_PASSWORD") | Write-Host
        Cli @("keys", "export-cert", $key, "--data-dir", $Demo, "--password-env", "THIDUA_KEY_PASSWORD",
              "--out", $pem) | Out-Null
        Cli @("verify", "--data-dir", $Demo, "--trust", $pem, (Join-Path $Demo "x-da-ky.pdf")) | Write-Host
        Cli @("verify", "--data-dir", $Demo, "--trust", $pem, (Join-Path $Demo "x-da-ky.xlsx")) | Out-Null
    }

    Step "GUI on the demo shows the year" {
        Gui "THIDUA_EXIT_WHEN_SHOWN" $Demo
    }

    Step "thidua about: licences from the bundled metadata" {
        $about = Cli @("about")
        ($about.Trim() -split "`n" | Select-Object -Last 3) | Write-Host
        $missing = ($about -split "`r?`n") | Where-Object { $_ -match ' — \?$' -or $_ -match ' \? — ' }
        Check (-not $missing) "a component without version or licence in the bundle: $missing"
        $third = Join-Path $Bundle "THIRD-PARTY-LICENSES.txt"
        Check ($about -match [regex]::Escape("Toàn văn giấy phép: $third")) "thidua about does not name $third"
        Check ((Get-Content $third -Raw) -match "GNU LESSER GENERAL PUBLIC LICENSE") "no LGPL text in $third"
        Check ($about -match "(?m)^thidua-desktop .* — MIT\r?$") "thidua about does not name the MIT licence"
        $own = Join-Path $Bundle "LICENSE.txt"
        Check ((Get-Content $own -Raw) -match "^MIT License") "LICENSE.txt is not the MIT licence"
        $data = Join-Path $Bundle "_internal\thidua_desktop\_data"
        $inside = (Get-Content (Join-Path $data "LICENSE") -Raw) -replace "`r`n", "`n"
        Check ($inside -eq ((Get-Content $own -Raw) -replace "`r`n", "`n")) "the licence About shows differs from LICENSE.txt"
        Check ((Get-Item (Join-Path $data "resources\icons\thidua.png")).Length -gt 0) "the icon is not in the bundle"
        Check (Test-Path (Join-Path $data "resources\help\huong-dan.html")) "the user guide is not in the bundle"
        Check (Test-Path (Join-Path $data "resources\help\mat-khau-ung-dung.html")) "the app-password page is not in the bundle"
    }
} finally {
    Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
}
Write-Host ("smoke: bundle {0} passed in {1:N0} s" -f $Bundle, $total.Elapsed.TotalSeconds)
