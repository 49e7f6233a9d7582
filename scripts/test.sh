#!/usr/bin/env bash
# Runs every test of the project, as CI does (.ci/run calls exactly this):
#   1. formatting and lints of the Rust workspace;
#   2. the Rust tests: unit, property and integration tests of every crate, the catalogue's
#      quality on the fixtures, and each benchmark run once (`--benches`);
#   3. the mobile library through its generated bindings: freshness of the committed bindings,
#      Python (pytest) and Kotlin on the JVM (Maven, JUnit 5) — scripts/test-bindings.sh.
# Idempotent; needs Rust, Python 3 with pip, a JDK and Maven (all on the project's machines).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

echo "==> cargo fmt --check"
cargo fmt --all -- --check

echo "==> cargo clippy (warnings are errors)"
cargo clippy -q --workspace --all-targets --features canhgiac-core/test-hooks -- -D warnings

echo "==> cargo test --workspace (unit, property, integration tests; benchmarks once)"
cargo test --workspace --all-targets --features canhgiac-core/test-hooks

echo "==> scripts/test-bindings.sh"
scripts/test-bindings.sh

echo "all tests passed"
