#!/usr/bin/env bash
# The README's test command: set up (idempotent), then run the whole test suite.
# XLWINGS_LICENSE_KEY=noncommercial enables the xlwings Office.js (Lite/Server) tests; the
# PolyForm Noncommercial terms cover testing this open project.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
XLWINGS_LICENSE_KEY=noncommercial .venv/bin/python -m pytest -q "$@"
