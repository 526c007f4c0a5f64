#!/usr/bin/env bash
# Typefaces checked with poppler-utils: an installed family (DejaVu Sans, from Debian's
# fonts-dejavu-core) named in a layout file is embedded as a subset; every bundled family sets
# the seed with every word back from pdftotext; an unknown family fails at its line with the
# nearest names; the specimen has one page with every bundled family. Needs: cargo, pdffonts,
# pdftotext, pdfinfo, python3 and fonts-dejavu-core. Exits non-zero on any failed check.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
vita="${CARGO_TARGET_DIR:-target}/release/vita"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
seed=tests/fixtures/seed-resume.md
fail=0

# An installed family by name: DejaVu Sans's regular, bold and oblique faces, each a subset.
printf '[fonts]\nbody = "DejaVu Sans"\nheading = "DejaVu Sans"\n' >"$out/dejavu.toml"
"$vita" build "$seed" --layout "$out/dejavu.toml" -o "$out/dejavu.pdf" --quiet
pdffonts "$out/dejavu.pdf" >"$out/dejavu.fonts"
for face in DejaVuSans DejaVuSans-Bold DejaVuSans-Oblique; do
  if ! awk -v f="$face" 'NR > 2 { split($1, n, "+"); if (n[2] == f && $(NF-4) == "yes" && $(NF-3) == "yes") ok=1 } END { exit !ok }' "$out/dejavu.fonts"; then
    echo "FAIL DejaVu Sans: $face is not embedded as a subset"; cat "$out/dejavu.fonts"; fail=1
  fi
done
if grep -v DejaVu "$out/dejavu.fonts" | tail -n +3 | grep -q .; then
  echo "FAIL DejaVu Sans: other fonts embedded"; cat "$out/dejavu.fonts"; fail=1
fi
pdftotext "$out/dejavu.pdf" "$out/dejavu.txt"
python3 tests/compare_words.py "$seed" "$out/dejavu.txt" 0.95 || fail=1

# Every bundled family: the seed in the arrangement that keeps the source order, all words back.
for family in "Charis SIL" Vollkorn Lato Inter "Noto Sans" "JetBrains Mono"; do
  name=${family// /}
  printf 'extends = "classic"\n[entry]\narrangement = "title-place"\n[fonts]\nbody = "%s"\nheading = "%s"\n' \
    "$family" "$family" >"$out/$name.toml"
  "$vita" build "$seed" --layout "$out/$name.toml" -o "$out/$name.pdf" --quiet
  count=$(pdffonts "$out/$name.pdf" | tail -n +3 | wc -l)
  [ "$count" = 3 ] || { echo "FAIL $family: $count fonts, not regular, bold and italic"; pdffonts "$out/$name.pdf"; fail=1; }
  pdftotext "$out/$name.pdf" "$out/$name.txt"
  python3 tests/compare_words.py "$seed" "$out/$name.txt" 0.99 || { echo "FAIL $family"; fail=1; }
done

# An unknown family: exit 1, the layout's line and column, the nearest names.
printf 'extends = "classic"\n\n[fonts]\nbody = "DejaVu Sanz"\n' >"$out/typo.toml"
if "$vita" build "$seed" --layout "$out/typo.toml" -o "$out/typo.pdf" 2>"$out/typo.err"; then
  echo "FAIL unknown family: the build succeeded"; fail=1
fi
grep -q "typo.toml:4:8: unknown font family 'DejaVu Sanz'" "$out/typo.err" \
  && grep -q '"DejaVu Sans"' "$out/typo.err" \
  || { echo "FAIL unknown family: error text"; cat "$out/typo.err"; fail=1; }
[ ! -e "$out/typo.pdf" ] || { echo "FAIL unknown family: a PDF was written"; fail=1; }

# The specimen: one page, every bundled family named on it.
"$vita" fonts --sample "$out/specimen.pdf" 2>/dev/null
pages=$(pdfinfo "$out/specimen.pdf" | awk '/^Pages:/ { print $2 }')
[ "$pages" = 1 ] || { echo "FAIL specimen: $pages pages"; fail=1; }
pdftotext "$out/specimen.pdf" "$out/specimen.txt"
for family in "Charis SIL" Vollkorn Lato Inter "Noto Sans" "JetBrains Mono"; do
  grep -q "$family" "$out/specimen.txt" || { echo "FAIL specimen: no $family"; fail=1; }
done

[ "$fail" = 0 ] && echo "fonts: all checks passed"
exit "$fail"
