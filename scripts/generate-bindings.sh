#!/usr/bin/env bash
# Generates the Kotlin, Swift and Python bindings of the mobile library into
# uniffi-bindings/generated/{kotlin-android,kotlin,swift,python}, in library mode from the built
# library. Kotlin comes twice: kotlin-android (uniffi.toml, android = true: Android's cleaner, for
# the app) and kotlin (the same with uniffi-jvm.toml over it, android = false: compiles on a plain
# JVM, for the Maven tests in tests/kotlin).
#
#   scripts/generate-bindings.sh           build the library, (re)write the committed bindings
#   scripts/generate-bindings.sh --check   build, regenerate into a temporary folder, and fail if
#                                          the committed bindings differ (they are stale)
#
# The generated code is never edited by hand: change the Rust, then run this script.
# Environment: CARGO_TARGET_DIR (default ./target); CANHGIAC_FFI_PROFILE (default debug: the
# build the tests share; the interface, and so the bindings, are the same in a release build).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

mode=write
case "${1:-}" in
  "") ;;
  --check) mode=check ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

target_dir="${CARGO_TARGET_DIR:-$root/target}"
profile="${CANHGIAC_FFI_PROFILE:-debug}"
case "$profile" in
  # The debug build has the test run's features, so that the tests build the library once; a
  # release build is the one that ships, without them.
  debug) profile_flag=(--features canhgiac-core/test-hooks) ;;
  release) profile_flag=(--release) ;;
  *) echo "CANHGIAC_FFI_PROFILE must be debug or release" >&2; exit 2 ;;
esac
case "$(uname -s)" in
  Darwin) lib="$target_dir/$profile/libcanhgiac_ffi.dylib" ;;
  *) lib="$target_dir/$profile/libcanhgiac_ffi.so" ;;
esac
committed="$root/uniffi-bindings/generated"

echo "==> cargo build -p canhgiac-ffi ${profile_flag[*]:-}"
cargo build -q -p canhgiac-ffi "${profile_flag[@]}"
echo "==> cargo build -p uniffi-bindgen"
cargo build -q -p uniffi-bindgen

# uniffi reads the interface from the library's symbol table: a stripped library has none. The
# release profile strips only debug info, but check rather than generate nothing.
# (grep -c, not grep -q: an early exit would kill nm with SIGPIPE and fail under pipefail.)
if [[ "$(nm -D --defined-only "$lib" 2>/dev/null | grep -c UNIFFI_META || true)" == 0 ]]; then
  echo "error: $lib has no uniffi metadata symbols (was it stripped?)" >&2
  exit 1
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
bindgen="$target_dir/debug/uniffi-bindgen"
# --no-format: ktlint/swift-format may or may not be installed; the output must not depend on it.
# uniffi-bindings/uniffi.toml is found through cargo metadata, at the crate's root.
generate() { # <language> <out folder> [extra arguments]
  local lang="$1" dir="$2"
  shift 2
  echo "==> uniffi-bindgen generate --library $(basename "$lib") --language $lang $* -> $dir"
  "$bindgen" generate --no-format --library "$lib" --language "$lang" --out-dir "$out/$dir" "$@" \
    >/dev/null
}
generate kotlin kotlin-android
generate kotlin kotlin --config "$root/uniffi-bindings/uniffi-jvm.toml"
generate swift swift
generate python python
# The override must have been read: the JVM copy must not name Android's classes.
if grep -q '^import android' "$out/kotlin/vn/canhgiac/core/canhgiac_ffi.kt" \
   || ! grep -q 'android\.system\.SystemCleaner' "$out/kotlin-android/vn/canhgiac/core/canhgiac_ffi.kt"; then
  echo "error: the kotlin (JVM) and kotlin-android outputs are not as uniffi-jvm.toml and" \
       "uniffi.toml ask" >&2
  exit 1
fi

if [[ "$mode" == check ]]; then
  echo "==> comparing with $committed"
  if ! diff -r "$committed" "$out" >/dev/null 2>&1; then
    diff -r "$committed" "$out" | head -40 >&2 || true
    echo "error: the committed bindings in uniffi-bindings/generated are stale;" \
         "run scripts/generate-bindings.sh and commit the result" >&2
    exit 1
  fi
  echo "bindings are up to date"
else
  echo "==> writing $committed"
  rm -rf "$committed"
  mkdir -p "$committed"
  cp -R "$out"/. "$committed"/
  echo "done: $(find "$committed" -type f | wc -l | tr -d ' ') files"
fi
