#!/usr/bin/env bash
# Set-up for development and tests: Debian packages (LibreOffice headless, poppler, fonts) when
# missing and apt is usable, a virtual environment .venv with the package and its dev extra, then
# Node.js, the npm package pyodide and the Pyodide wheels of the Pyodide test.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1 \
  || ! command -v ssconvert >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends \
      libreoffice-calc-nogui poppler-utils fonts-crosextra-carlito fonts-noto-cjk gnumeric \
      >/dev/null
  else
    echo "note: LibreOffice/poppler/Gnumeric missing and apt-get unavailable: recalculation" \
         "and rendering tests will be skipped" >&2
  fi
fi

if [ -n "${CI:-}" ] && { ! command -v soffice >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1 \
  || ! command -v ssconvert >/dev/null 2>&1; }; then
  echo "error: CI needs LibreOffice, poppler and Gnumeric (soffice, pdftoppm, ssconvert)" >&2
  exit 1
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/pip install -q -e '.[dev]'

# Node.js, Pyodide and its wheels for the Pyodide test (cached in .cache/pyodide)
bash scripts/setup_pyodide.sh
