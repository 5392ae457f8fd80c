#!/usr/bin/env bash
# Set-up of the Pyodide test (tests/pyodide), which runs the Excel functions the way xlwings
# Lite does: Node.js (Debian nodejs and npm when missing and apt is usable), the npm package
# pyodide, and the wheels the functions need built for Pyodide's platform, downloaded from PyPI.
# Everything lands in .cache/pyodide (or $DD_PYODIDE_CACHE) with a manifest.json the test reads;
# a second run with the same versions downloads nothing. Run after scripts/setup.sh (.venv).
set -euo pipefail
cd "$(dirname "$0")/.."

# Pyodide 314.0.8 is CPython 3.14; its pyodide-lock.json says abi_version 2026_0, so the
# wheels PyPI serves for it are tagged cp314-cp314-pyemscripten_2026_0_wasm32.
PYODIDE_VERSION=314.0.8
PYTHON_VERSION=3.14
PLATFORM=pyemscripten_2026_0_wasm32
CACHE=${DD_PYODIDE_CACHE:-.cache/pyodide}

fail() {
  if [ -n "${CI:-}" ]; then
    echo "error: $*" >&2
    exit 1
  fi
  echo "note: $*; the Pyodide test will be skipped" >&2
  exit 0
}

[ -x .venv/bin/python ] || fail ".venv is missing: run bash scripts/setup.sh first"

node_major() {
  local major
  major=$(node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/')
  echo "${major:-0}"
}
if ! command -v npm >/dev/null 2>&1 || [ "$(node_major)" -lt 18 ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  fi
fi
command -v npm >/dev/null 2>&1 || fail "Node.js and npm are missing and apt-get is unavailable"
[ "$(node_major)" -ge 18 ] || fail "Node.js $(node --version 2>&1) is too old for Pyodide (18+)"

# The same xlwings and pydantic as the CPython run the results are compared with.
version_of() { .venv/bin/python -c "import importlib.metadata as m; print(m.version('$1'))"; }
XLWINGS=$(version_of xlwings)
PYDANTIC=$(version_of pydantic)
STAMP="pyodide=$PYODIDE_VERSION xlwings=$XLWINGS pydantic=$PYDANTIC"
if [ -f "$CACHE/manifest.json" ] && grep -qF "\"stamp\": \"$STAMP\"" "$CACHE/manifest.json"; then
  exit 0
fi

mkdir -p "$CACHE/npm"
echo "Pyodide test set-up: npm pyodide@$PYODIDE_VERSION and wheels for $PLATFORM ($STAMP)" >&2
npm install --prefix "$CACHE/npm" --no-audit --no-fund --no-save --silent \
  "pyodide@$PYODIDE_VERSION" || fail "npm could not install pyodide@$PYODIDE_VERSION"
LOCK="$CACHE/npm/node_modules/pyodide/pyodide-lock.json"
MICROPIP=$(.venv/bin/python -c "import json,sys; print(json.load(open(sys.argv[1]))['packages']['micropip']['version'])" "$LOCK")

WHEELS="$CACHE/wheels"
rm -rf "$WHEELS.partial"
.venv/bin/pip download -q --disable-pip-version-check -d "$WHEELS.partial" \
  --only-binary=:all: --platform "$PLATFORM" --python-version "$PYTHON_VERSION" \
  --implementation cp --abi "cp${PYTHON_VERSION/./}" \
  "xlwings==$XLWINGS" "pydantic==$PYDANTIC" "micropip==$MICROPIP" 2> >(grep -v "is ignored" >&2) \
  || fail "pip could not download the Pyodide wheels from PyPI"
rm -rf "$WHEELS" && mv "$WHEELS.partial" "$WHEELS"

.venv/bin/python - "$CACHE" "$STAMP" "$MICROPIP" <<'EOF'
import json, pathlib, sys
cache, stamp, micropip = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
wheels = sorted(p.name for p in (cache / "wheels").glob("*.whl"))
manifest = {
    "stamp": stamp,
    "pyodide": "npm/node_modules/pyodide",  # paths relative to this manifest
    "wheels": "wheels",
    "micropip": next(w for w in wheels if w.startswith(f"micropip-{micropip}-")),
    "dependencies": [w for w in wheels if not w.startswith("micropip-")],
}
(cache / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
EOF
