#!/usr/bin/env bash
# The pdf.js reading (issue #18): builds the seed with a header and every sample in every
# built-in layout, and reads each PDF with pdf.js (tests/pdfjs/read.mjs) as ATS parsers built on
# it do. Needs: node and npm (installs pdfjs-dist from package-lock.json), cargo.
# Failures listed in known-failures.txt are expected; any other failure, or a listed one that
# no longer happens, fails the run.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --silent >/dev/null
cd ../..
cargo build --release --locked --quiet
vita="${CARGO_TARGET_DIR:-target}/release/vita"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
found="$out/found.txt"
: >"$found"
status=0
for input in tests/fixtures/seed-header.md samples/*.md; do
  name=$(basename "$input" .md)
  # The right-to-left sample is read by tests/rtl.sh: these checks expect left-to-right
  # items and section titles in capitals, which Hebrew has not.
  [ "$name" = he ] && continue
  for layout in classic modern compact; do
    pdf="$out/$name.$layout.pdf"
    "$vita" build "$input" -o "$pdf" --layout "$layout" --quiet
    # Every built-in layout keeps keywords whole (paragraph.keep-keywords-whole), even at a
    # hyphen of their own: a keyword split at a line end is a failure in each of them.
    if ! node tests/pdfjs/read.mjs "$input" "$pdf" whole >"$out/report.txt"; then
      sed -n '2,$p' "$out/report.txt" | sed "s/^  /$name $layout: /" >>"$found"
    fi
    head -1 "$out/report.txt" | sed "s/^/$layout /"
  done
done
expected=$({ grep -v '^#' tests/pdfjs/known-failures.txt || true; } | sort)
got=$(sort "$found")
if [ "$expected" != "$got" ]; then
  echo "FAIL pdf.js reading: unexpected failures (>) or fixed known ones (<):"
  diff <(echo "$expected") <(echo "$got") || true
  status=1
else
  echo "ok   pdf.js reading: only the $(echo "$expected" | grep -c . || true) known failures"
fi
exit $status
