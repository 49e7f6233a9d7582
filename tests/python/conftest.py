"""Loads the generated Python bindings against the host-built library, and builds the signed test
bundles the error tests need.

The generated module loads `libcanhgiac_ffi.so` from its own folder, so both are copied into a
temporary folder that goes first on `sys.path`. Paths can be overridden:
  CANHGIAC_FFI_LIB   the built library (default: target/debug/libcanhgiac_ffi.so)
  CANHGIAC_CLI       the canhgiac command that signs test bundles (default: target/debug/canhgiac)
"""

import atexit
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
LIB_NAME = "libcanhgiac_ffi.dylib" if sys.platform == "darwin" else "libcanhgiac_ffi.so"
LIB = Path(os.environ.get("CANHGIAC_FFI_LIB", TARGET / "debug" / LIB_NAME))
CLI = Path(os.environ.get("CANHGIAC_CLI", TARGET / "debug" / "canhgiac"))
MODULE = ROOT / "uniffi-bindings" / "generated" / "python" / "canhgiac_ffi.py"


def _install_bindings() -> None:
    for path, hint in ((LIB, "cargo build -p canhgiac-ffi"),
                       (MODULE, "scripts/generate-bindings.sh")):
        if not path.exists():
            raise RuntimeError(f"{path} is missing: run `{hint}` (or scripts/test-bindings.sh)")
    folder = tempfile.mkdtemp(prefix="canhgiac-py-")
    atexit.register(shutil.rmtree, folder, True)
    shutil.copy(MODULE, folder)
    shutil.copy(LIB, Path(folder) / LIB_NAME)
    sys.path.insert(0, folder)


_install_bindings()

from canhgiac_ffi import Checker  # noqa: E402  (importable only once installed above)


@pytest.fixture(scope="session")
def checker() -> Checker:
    return Checker()


def _build_bundle(out: Path, sources: Path) -> bytes:
    if not CLI.exists():
        raise RuntimeError(f"{CLI} is missing: run `cargo build -p canhgiac-cli`")
    subprocess.run(
        [str(CLI), "catalogue", "build", "--dev", "--sources", str(sources), "--out", str(out)],
        check=True, capture_output=True, cwd=ROOT,
    )
    return out.read_bytes()


def _sources_issued_at(tmp: Path, name: str, day: str, valid_days: int) -> Path:
    """A copy of the catalogue sources with another issue date and validity."""
    sources = tmp / name
    shutil.copytree(ROOT / "assets" / "catalogue", sources)
    manifest = sources / "catalogue.toml"
    text = manifest.read_text(encoding="utf-8")
    text, n = re.subn(r'(?m)^issued_at = ".*"$', f'issued_at = "{day}"', text, count=1)
    text, m = re.subn(r"(?m)^valid_days = \d+$", f"valid_days = {valid_days}", text, count=1)
    assert n == 1 and m == 1, "catalogue.toml [meta] layout changed; update conftest.py"
    manifest.write_text(text, encoding="utf-8")
    return sources


@pytest.fixture(scope="session")
def bundles(tmp_path_factory) -> dict:
    """Dev-signed bundles: the repository's catalogue, an expired one and one not yet valid."""
    tmp = tmp_path_factory.mktemp("bundles")
    return {
        "valid": _build_bundle(tmp / "valid.bundle", ROOT / "assets" / "catalogue"),
        "expired": _build_bundle(
            tmp / "expired.bundle", _sources_issued_at(tmp, "expired", "2001-01-01", 30)),
        "future": _build_bundle(
            tmp / "future.bundle", _sources_issued_at(tmp, "future", "2999-01-01", 30)),
    }
