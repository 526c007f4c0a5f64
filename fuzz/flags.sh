# Sourced by .ci/run and by docs/fuzzing.md's commands: the rustc flags cargo-fuzz passes for
# libFuzzer's coverage feedback, all of them stable (no sanitizer, which would need nightly;
# Vita has no unsafe code for a sanitizer to watch). Builds go to fuzz/target.
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares -Cllvm-args=-sanitizer-coverage-stack-depth \
--cfg fuzzing -Cdebug-assertions -Coverflow-checks"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR_FUZZ:-$(dirname "${BASH_SOURCE[0]}")/target}"
# An explicit target keeps the flags off build scripts and proc macros (as cargo-fuzz does).
CARGO_BUILD_TARGET="$(rustc -vV | sed -n 's/^host: //p')"
export CARGO_BUILD_TARGET
