#!/usr/bin/env bash
# Real-world harness (issue #9): builds and checks every .md and .json résumé in DIR with the
# vita binary and prints one row per file, then a total line.
#
#   tests/wild/run.sh DIR            # uses target/debug/vita (built if missing); VITA=path overrides
#   TIMEOUT=60 tests/wild/run.sh DIR # seconds allowed per build and per check (default 60)
#
# Columns: file; build exit code (124 = timed out; 1 with a file:line:col error is a clear
# refusal of unusable input, counted apart from aborts); pages; check verdict (pass, FAIL, or the
# check's exit code when it did not report); repeated, outside, missing and extra word counts
# from `vita check --format json`; warnings printed by the build. The total line counts aborts
# (build exit other than 0 and 3), panics, timeouts, files with repeated text, with text outside
# the page, with missing words, and check failures.
# The résumés themselves are never committed: tests/wild/SOURCES.tsv lists where they came from.
set -u
dir=${1:?usage: tests/wild/run.sh DIR}
here=$(cd "$(dirname "$0")/../.." && pwd)
vita=${VITA:-$here/target/debug/vita}
timeout=${TIMEOUT:-60}
if [ ! -x "$vita" ]; then
  (cd "$here" && cargo build --quiet) || exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=0

printf '%-58s %4s %5s %6s %5s %5s %5s %5s %5s\n' file exit pages check rep out miss extra warn
files=0 refused=0 aborts=0 panics=0 timeouts=0 rep_files=0 out_files=0 miss_files=0 fails=0 passes=0
while IFS= read -r -d '' f; do
  files=$((files + 1))
  name=$(basename "$f")
  timeout "$timeout" "$vita" build "$f" -o "$work/out.pdf" >"$work/build.out" 2>"$work/build.err"
  code=$?
  warn=$(grep -c '^warning' "$work/build.err")
  if grep -q 'panicked' "$work/build.err" || [ "$code" = 101 ]; then panics=$((panics + 1)); fi
  [ "$code" = 124 ] && timeouts=$((timeouts + 1))
  # Exit 1 with an error naming file:line:col is a clear refusal of unusable input, not an abort.
  case "$code" in
    0|3) ;;
    1) if grep -qE '^error(\[V[0-9]+\])?: .*:[0-9]+:[0-9]+: ' "$work/build.err"; then refused=$((refused + 1)); else aborts=$((aborts + 1)); fi ;;
    *) aborts=$((aborts + 1)) ;;
  esac
  pages=-
  [ "$code" = 0 ] && pages=$(python3 - "$work/out.pdf" <<'PY' 2>/dev/null || echo '?'
import re, sys
data = open(sys.argv[1], 'rb').read()
print(len(re.findall(rb'/Type\s*/Page[^s]', data)))
PY
)
  verdict=- rep=- out=- miss=- extra=-
  if [ "$code" = 0 ] || [ "$code" = 3 ]; then
    timeout "$timeout" "$vita" check --format json "$f" >"$work/check.json" 2>"$work/check.err"
    ccode=$?
    if grep -q 'panicked' "$work/check.err" || [ "$ccode" = 101 ]; then panics=$((panics + 1)); fi
    read -r verdict rep out miss extra < <(python3 - "$work/check.json" "$ccode" <<'PY'
import json, sys
try:
    r = json.load(open(sys.argv[1]))
except Exception:
    print(f"exit{sys.argv[2]} - - - -")
    sys.exit()
c = r.get("check", {})
n = lambda k: len(c[k]) if isinstance(c.get(k), list) else (c.get(k) if c.get(k) is not None else "-")
print("pass" if r.get("passed") else "FAIL", n("repeated"), n("outside"), n("missing"), n("extra") if "extra" in c else c.get("extra_words", "-"))
PY
)
    [ "$verdict" = pass ] && passes=$((passes + 1)) || fails=$((fails + 1))
    [ "$rep" != - ] && [ "$rep" != 0 ] && rep_files=$((rep_files + 1))
    [ "$out" != - ] && [ "$out" != 0 ] && out_files=$((out_files + 1))
    [ "$miss" != - ] && [ "$miss" != 0 ] && miss_files=$((miss_files + 1))
  fi
  printf '%-58.58s %4s %5s %6s %5s %5s %5s %5s %5s\n' "$name" "$code" "$pages" "$verdict" "$rep" "$out" "$miss" "$extra" "$warn"
done < <(find "$dir" -maxdepth 1 -type f \( -name '*.md' -o -name '*.json' \) -print0 | sort -z)
echo "TOTAL files=$files refused_input=$refused aborts=$aborts panics=$panics timeouts=$timeouts repeated=$rep_files outside=$out_files missing=$miss_files check_failed=$fails check_passed=$passes"
