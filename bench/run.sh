#!/usr/bin/env bash
# Vita's benchmark: whole-process timings with hyperfine (cold build of the seed, --pages 1,
# PNG output when the binary has it, a batch of 1,000 starter variants, build time against
# résumé length) and the line breaker's and page builder's criterion benchmarks. Medians go
# into docs/performance.md (between the "bench:start" and "bench:end" markers) and the
# length chart into docs/performance-length.png.
#
#   bench/run.sh                      # build the release binary and measure it
#   BASELINE=/path/to/old/vita bench/run.sh   # also measure another binary, side by side
#   QUICK=1 bench/run.sh              # fewer runs, no criterion (a smoke test)
#   CRITERION=0 bench/run.sh          # all the runs, without criterion (its release-profile
#                                     # build with LTO takes minutes)
#
# Needs: cargo, hyperfine, python3 with Pillow (for the chart). Timings move with the machine
# and its load: compare binaries only within one run (BASELINE), never across runs.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

for tool in hyperfine python3; do
  command -v "$tool" >/dev/null || { echo "bench/run.sh needs $tool" >&2; exit 1; }
done

cargo build --release --locked -q
vita=$root/target/release/vita
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# quick FULL QUICK: the number of runs, fewer with QUICK=1.
quick() { if [ -n "${QUICK:-}" ]; then echo "$2"; else echo "$1"; fi; }
runs=$(quick 30 5)
results=$work/results
mkdir -p "$results"

# hyperfine NAME COMMAND... : whole-process timings, exported as JSON for the summary.
bench() {
  local name=$1
  shift
  hyperfine -N --warmup 5 --runs "$runs" --export-json "$results/$name.json" "$@" >&2
}

cp tests/fixtures/seed-resume.md "$work/seed.md"
cd "$work"

# 1. Cold build of the seed, as a whole process (and the baseline binary, side by side).
commands=("$vita build seed.md -o new.pdf -q")
[ -n "${BASELINE:-}" ] && commands+=("$BASELINE build seed.md -o old.pdf -q")
bench cold "${commands[@]}"
echo "seed PDF: $(wc -c < new.pdf) bytes" > "$results/sizes.txt"
[ -n "${BASELINE:-}" ] && echo "baseline PDF: $(wc -c < old.pdf) bytes" >> "$results/sizes.txt"
echo "binary: $(wc -c < "$vita") bytes" >> "$results/sizes.txt"

# 2. Fitting to one page.
bench pages1 "$vita build seed.md --pages 1 -o one.pdf -q"

# 3. PNG output, when this binary writes PNG (`-o page.png` writes page-1.png, page-2.png …).
if "$vita" build seed.md -o page.png -q 2>/dev/null \
  && [ "$(head -c 4 page-1.png | tail -c 3)" = PNG ]; then
  bench png "$vita build seed.md -o page.png -q"
else
  echo "no PNG output in this binary: skipped" >&2
fi

# 4. A batch of 1,000 variants of the `vita init` starter, on every CPU.
"$vita" init starter >/dev/null 2>&1
python3 - starter/vita.toml <<'PY'
import sys
path = sys.argv[1]
head = open(path).read().split("[[variant]]")[0]
tags = ['"backend,!frontend"', '"frontend,!backend"', None]
layouts = ["classic", "modern", "compact"]
out = [head]
for i in range(1000):
    out.append(f'[[variant]]\nname = "v{i:04d}"\nlayout = "{layouts[(i // 3) % 3]}"\n')
    if tags[i % 3]:
        out.append(f"tags = {tags[i % 3]}\n")
    out.append(f'set = {{ headline = "Engineer number {i}" }}\n\n')
open(path, "w").write("".join(out))
PY
hyperfine -N --warmup 1 --runs "$(quick 10 2)" --export-json "$results/batch.json" \
  "$vita batch starter/vita.toml -q" >&2

# 5. Build time against length: the seed's experience entries repeated.
python3 - seed.md <<'PY'
import re, sys
text = open(sys.argv[1]).read()
start = text.index("## Professional Experience")
end = text.index("\n## ", start + 1)
header, experience, rest = text[:start], text[start:end], text[end:]
entries = experience.split("\n### ")[1:]
for copies in range(1, 121):
    body = "".join("\n### " + entries[i % len(entries)] for i in range(copies))
    open(f"len-{copies:03d}.md", "w").write(header + "## Professional Experience\n" + body + rest)
PY
: > "$results/length.tsv"
seen=0
for file in len-*.md; do
  pages=$("$vita" build "$file" -o "${file%.md}.pdf" -q --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["pages"])')
  [ "$pages" -gt 20 ] && break
  # The first résumé of each page count only.
  [ "$pages" -le "$seen" ] && continue
  seen=$pages
  hyperfine -N --warmup 2 --runs "$(quick 10 3)" --export-json "$results/$file.json" \
    "$vita build $file -o ${file%.md}.pdf -q" >/dev/null 2>&1
  median=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$results/$file.json")
  printf '%s\t%s\n' "$pages" "$median" >> "$results/length.tsv"
done

cd "$root"
# 6. criterion: the line breaker and the page builder, in-process.
if [ -z "${QUICK:-}" ] && [ "${CRITERION:-1}" != 0 ]; then
  cargo bench -q -p vita-layout --bench linebreak --bench pages -- --noplot \
    > "$results/criterion.txt" 2>/dev/null || true
fi

python3 bench/summary.py "$results" docs/performance.md docs/performance-length.png
echo "medians written to docs/performance.md, chart to docs/performance-length.png" >&2
