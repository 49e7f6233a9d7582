#!/usr/bin/env bash
# Tests the mobile library through its generated bindings, on this machine:
#   1. builds the library (the debug build the Rust tests share) and fails if the committed
#      bindings are stale;
#   2. builds the canhgiac command, which signs the test bundles with the development key;
#   3. the Rust unit tests of the FFI crate (error mapping, panic guard);
#   4. the Python tests (tests/python, pytest) and the Kotlin tests (tests/kotlin, Maven, JUnit 5).
# Environment: CARGO_TARGET_DIR (default ./target), PYTHON (default python3), MVN_FLAGS (e.g. -o).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
python="${PYTHON:-python3}"
target_dir="${CARGO_TARGET_DIR:-$root/target}"

echo "==> scripts/generate-bindings.sh --check"
scripts/generate-bindings.sh --check

echo "==> cargo build -p canhgiac-cli"
cargo build -q -p canhgiac-cli --features canhgiac-core/test-hooks

echo "==> cargo test -p canhgiac-ffi"
cargo test -q -p canhgiac-ffi --lib --features canhgiac-core/test-hooks

if ! "$python" -m pytest --version >/dev/null 2>&1; then
  echo "==> pip install -r tests/python/requirements.txt"
  "$python" -m pip install -q -r tests/python/requirements.txt
fi
echo "==> pytest tests/python"
"$python" -m pytest -q -p no:cacheprovider tests/python

echo "==> mvn test (tests/kotlin)"
rm -rf tests/kotlin/target/surefire-reports
(cd tests/kotlin && mvn -q -B -Dstyle.color=never ${MVN_FLAGS:-} test \
  -Dcanhgiac.lib.dir="$target_dir/debug" -Dcanhgiac.cli="$target_dir/debug/canhgiac")
# mvn -q prints nothing on success (but a colour reset without a newline): end that line, then
# say what ran, from Surefire's reports.
echo
"$python" - <<'PY'
import glob
import xml.etree.ElementTree as ET
runs = [ET.parse(f).getroot() for f in glob.glob("tests/kotlin/target/surefire-reports/TEST-*.xml")]
total = sum(int(r.get("tests")) for r in runs)
bad = sum(int(r.get("failures")) + int(r.get("errors")) for r in runs)
skipped = sum(int(r.get("skipped")) for r in runs)
print(f"kotlin: {total - bad - skipped} passed, {bad} failed, {skipped} skipped")
PY
echo "bindings tests passed"
