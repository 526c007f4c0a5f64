#!/usr/bin/env bash
# Builds every fuzz target with libFuzzer's coverage flags and the committed fuzz/Cargo.lock
# (so the targets cannot rot unseen), then runs each on its seeds and regression inputs and for
# a few thousand fresh inputs. Long runs: see docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")"
source ./flags.sh
cargo build --release --locked --bins
bin="$CARGO_TARGET_DIR/$CARGO_BUILD_TARGET/release"
for pair in markdown_to_pdf:markdown json_to_pdf:json layout_toml:layout manifest:manifest; do
  target=${pair%%:*}
  seeds=${pair##*:}
  work=$(mktemp -d)
  cp seeds/"$seeds"/* "$work"/
  if [ -d regressions/"$target" ]; then cp regressions/"$target"/* "$work"/; fi
  echo "-- $target"
  if ! "$bin/$target" "$work" -runs=3000 -seed=1 -max_len=20000 -rss_limit_mb=1024 \
    -timeout=20 -print_final_stats=1 -artifact_prefix="$work/" >"$work.log" 2>&1; then
    tail -n 30 "$work.log"
    echo "$target: crashed (input left in $work)"
    exit 1
  fi
  grep -E "^stat::number_of_executed_units|^Done" "$work.log" || true
  rm -f "$work.log"
  rm -rf "$work"
done
