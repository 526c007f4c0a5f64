#!/usr/bin/env bash
# Independent checks of built PDFs with poppler-utils and qpdf: every sample, the seed, and
# (when present) every reference input in ../shared/inputs. Needs: cargo, pdftotext, pdffonts,
# qpdf, python3. Runs every check, printing a FAIL line for each that fails, and exits non-zero
# at the end if any did (a build that fails outright stops it at once, through `set -e`).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
vita="${CARGO_TARGET_DIR:-target}/release/vita"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

inputs=(samples/*.md tests/fixtures/seed-resume.md)
if [ -d ../shared/inputs ]; then
  for f in ../shared/inputs/*.md; do [ -e "$f" ] && inputs+=("$f"); done
fi

fail=0
for input in "${inputs[@]}"; do
  name=$(basename "$input" .md)
  pdf="$out/$name.pdf"
  "$vita" build "$input" -o "$pdf" --quiet
  "$vita" build "$input" -o "$out/$name.again.pdf" --quiet
  cmp -s "$pdf" "$out/$name.again.pdf" || { echo "FAIL $name: two builds differ"; fail=1; }
  qpdf --check "$pdf" >"$out/qpdf.txt" 2>&1 || { echo "FAIL $name: qpdf --check"; cat "$out/qpdf.txt"; fail=1; }
  # Every font embedded (emb) and subset (sub): columns from the right of pdffonts' table.
  if pdffonts "$pdf" | tail -n +3 | awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes") bad=1 } END { exit bad }'; then :; else
    echo "FAIL $name: a font is not embedded and subset"; pdffonts "$pdf"; fail=1
  fi
  size=$(stat -c %s "$pdf")
  pdftotext "$pdf" "$out/$name.txt"
  # The language samples rebuild their dates with month names written out ("Okt." comes back
  # as "Oktober"): their words are compared on a build with the dates as written.
  case "$name" in de|fr)
    "$vita" build "$input" -o "$out/$name.aw.pdf" --layout classic --quiet
    pdftotext "$out/$name.aw.pdf" "$out/$name.txt"
  ;; esac
  if grep -q "$(printf '\xe2\x80\x8b')" "$out/$name.txt"; then echo "FAIL $name: U+200B in pdftotext output"; fail=1; fi
  min=0.95
  # Headers and footers aside, every word of the source must be there. A cover letter's source
  # has {placeholders} and a header from its résumé: its words are those of its own plain-text
  # output (the model, filled in), and every one must come back in order. The right-to-left
  # sample is read by tests/rtl.sh: poppler's own bidi reordering glues a number to the Hebrew
  # word after it, which this word-by-word comparison would count.
  if grep -q '^kind = "letter"' "$input"; then
    "$vita" build "$input" -o "$out/$name.src.txt" --quiet
    python3 tests/compare_words.py "$out/$name.src.txt" "$out/$name.txt" 1.0 || fail=1
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    [ "$pages" = 1 ] || { echo "FAIL $name: a letter on $pages pages"; fail=1; }
  elif [ "$name" != he ]; then
    python3 tests/compare_words.py "$input" "$out/$name.txt" "$min" || fail=1
  fi
  # Justified spacing of the reference input (ENGINE.md §9 gate, peers' measure).
  case "$name" in seed-resume) python3 tests/gap_stats.py "$pdf" 1.5 1.25 || fail=1 ;; esac
  # Every built-in layout, and fitting to one page, must give a valid PDF.
  for layout in modern compact sidebar dense; do
    "$vita" build "$input" -o "$out/$name.$layout.pdf" --layout "$layout" --quiet
    qpdf --check "$out/$name.$layout.pdf" >/dev/null 2>&1 || { echo "FAIL $name: qpdf --check ($layout)"; fail=1; }
  done
  case "$name" in seed-resume)
    # The title-place arrangement keeps the source's order: every word in order, no U+200B.
    printf 'extends = "classic"\n[entry]\narrangement = "title-place"\n' >"$out/title-place.toml"
    "$vita" build "$input" -o "$out/$name.tp.pdf" --layout "$out/title-place.toml" --quiet
    pdftotext "$out/$name.tp.pdf" "$out/$name.tp.txt"
    python3 tests/compare_words.py "$input" "$out/$name.tp.txt" 1.0 || fail=1
    "$vita" build "$input" -o "$out/$name.one.pdf" --pages 1 --quiet
    pages=$(pdfinfo "$out/$name.one.pdf" | awk '/^Pages:/ {print $2}')
    [ "$pages" = 1 ] || { echo "FAIL $name: --pages 1 gave $pages pages"; fail=1; }
    qpdf --check "$out/$name.one.pdf" >/dev/null 2>&1 || { echo "FAIL $name: qpdf --check (--pages 1)"; fail=1; }
  ;; esac
  echo "ok   $name: $size bytes, $(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}') page(s)"
  # The ATS check, read back with Vita's own reader, must pass on every input.
  "$vita" check "$input" --quiet || { echo "FAIL $name: vita check"; fail=1; }
done

# Tagged PDF (issue #11): the structure tree holds the name, section titles (in source order),
# entry titles and list items; footers reach neither pdftotext nor mutool nor pypdf; the PyPI
# `pdfua` checker finds no error in a default build and nothing at all in a --standard pdf-ua-1
# build (which krilla validates too). Needs pdfua (pip) and mutool (mupdf-tools), when present.
for input in tests/fixtures/seed-header.md samples/*.md; do
  name=$(basename "$input" .md)
  pdf="$out/$name.tagged.pdf"
  "$vita" build "$input" -o "$pdf" --quiet
  pdfinfo -struct-text "$pdf" >"$out/struct.txt" 2>/dev/null
  tags="H1 H2 H3 L LI LBody P"
  # A letter: the header's name, then paragraphs in a section.
  grep -q '^kind = "letter"' "$input" && tags="H1 Sect P"
  for tag in $tags; do
    grep -q "^ *$tag\b" "$out/struct.txt" || { echo "FAIL $name: no $tag in the structure tree"; fail=1; }
  done
  # Entry titles hold the title only: no dates (a year) in an H3 or its text; every Link
  # element holds its text before its annotation.
  if grep -a -A2 '^ *H3 ' "$out/struct.txt" | grep -a -q '[12][0-9][0-9][0-9]'; then
    echo "FAIL $name: an H3 holds dates"; grep -A1 '^ *H3 ' "$out/struct.txt" | head -6; fail=1
  fi
  if grep -a -A1 '^ *Link ' "$out/struct.txt" | grep -a -v '^ *Link \|^--' | grep -q '^ *Object '; then
    echo "FAIL $name: a Link element holds no text"; fail=1
  fi
  # Section titles in the tree in the order of the source's `## ` lines.
  # (Upper case by Python: `tr` leaves letters such as é as they are.)
  want=$(sed -n 's/^## //p' "$input" | sed 's/ *<!--.*-->//' \
    | python3 -c 'import sys; sys.stdout.write(sys.stdin.read().upper())' | tr -s ' ')
  # The titles are read from the tree with pypdf: pdfinfo prints a title written in UTF-16
  # (one with an accent, "EXPÉRIENCE") as two replacement characters.
  got=$(python3 - "$pdf" <<'PY' | tr -s ' '
import sys
import pypdf
from pypdf.generic import ArrayObject, DictionaryObject
titles = []
def walk(node):
    node = node.get_object()
    if isinstance(node, ArrayObject):
        for kid in node:
            walk(kid)
    elif isinstance(node, DictionaryObject):
        if node.get("/S") == "/H2" and "/T" in node:
            titles.append(str(node["/T"]))
        if "/K" in node:
            walk(node["/K"])
walk(pypdf.PdfReader(sys.argv[1]).trailer["/Root"]["/StructTreeRoot"])
print("\n".join(titles))
PY
)
  [ "$want" = "$got" ] || { echo "FAIL $name: H2 titles in the tree differ from the source"; diff <(echo "$want") <(echo "$got"); fail=1; }
  if [ "$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')" -gt 1 ]; then
    pdftotext "$pdf" - | grep -q "Page 1 of" && { echo "FAIL $name: pdftotext reads the footer"; fail=1; }
    if command -v mutool >/dev/null; then
      mutool draw -F txt "$pdf" 2>/dev/null | grep -q "Page 1 of" && { echo "FAIL $name: mutool reads the footer"; fail=1; }
    fi
    if python3 -c "import pypdf" 2>/dev/null; then
      python3 - "$pdf" <<'PY' || { echo "FAIL $name: pypdf reads the footer"; fail=1; }
import sys, pypdf
sys.exit(any("Page 1 of" in p.extract_text() for p in pypdf.PdfReader(sys.argv[1]).pages))
PY
    fi
  fi
  if command -v pdfua >/dev/null; then
    pdfua check --min-severity error --quiet "$pdf" || { echo "FAIL $name: pdfua finds errors"; fail=1; }
    "$vita" build "$input" -o "$out/$name.ua.pdf" --standard pdf-ua-1 --quiet || { echo "FAIL $name: --standard pdf-ua-1"; fail=1; }
    pdfua check --quiet "$out/$name.ua.pdf" || { echo "FAIL $name: pdfua findings on the PDF/UA-1 build"; fail=1; }
  fi
done
echo "ok   tagged: structure tree, no footer text, pdfua"

# Batch builds, as the workflow in docs/ci.md runs them: every variant of the sample manifest
# passes the check, two runs give the same bytes, and every PDF is valid and embeds its fonts.
mkdir -p "$out/batch"
cp samples/tagged.md samples/vita.toml "$out/batch/"
if "$vita" batch "$out/batch/vita.toml" --check --quiet --format json >"$out/batch/report.json"; then :; else
  echo "FAIL batch: vita batch --check"; cat "$out/batch/report.json"; fail=1
fi
mkdir -p "$out/batch/first"
cp "$out"/batch/pdf/*.pdf "$out/batch/first/"
"$vita" batch "$out/batch/vita.toml" --quiet -j 1 || { echo "FAIL batch: second run"; fail=1; }
for pdf in "$out"/batch/pdf/*.pdf; do
  variant=$(basename "$pdf" .pdf)
  cmp -s "$pdf" "$out/batch/first/$variant.pdf" || { echo "FAIL batch $variant: two runs differ"; fail=1; }
  qpdf --check "$pdf" >/dev/null 2>&1 || { echo "FAIL batch $variant: qpdf --check"; fail=1; }
  pdftotext "$pdf" "$out/batch/$variant.txt"
  grep -q "Ines Hartmann" "$out/batch/$variant.txt" || { echo "FAIL batch $variant: name not extracted"; fail=1; }
done
echo "ok   batch: $(ls "$out"/batch/pdf/*.pdf | wc -l) variants, byte-identical on a rerun"

# The input corpus (tests/corpus): Markdown as found in the wild and JSON Resume files. Each
# builds, passes qpdf --check, and gives back through pdftotext the words its expectation file
# says must appear (and none it says must not).
mkdir -p "$out/corpus"
for input in tests/corpus/markdown/*.md tests/corpus/json/*.json; do
  name=$(basename "$input")
  pdf="$out/corpus/$name.pdf"
  "$vita" build "$input" -o "$pdf" --quiet 2>"$out/corpus/$name.err" || {
    echo "FAIL corpus $name: vita build"; cat "$out/corpus/$name.err"; fail=1; continue; }
  qpdf --check "$pdf" >"$out/qpdf.txt" 2>&1 || { echo "FAIL corpus $name: qpdf --check"; cat "$out/qpdf.txt"; fail=1; }
  pdftotext "$pdf" "$out/corpus/$name.txt" || { echo "FAIL corpus $name: pdftotext"; fail=1; continue; }
  expect="${input%.*}.expect.toml"
  python3 tests/corpus_expect.py "$expect" "$out/corpus/$name.txt" || fail=1
done
echo "ok   corpus: $(ls tests/corpus/markdown/*.md tests/corpus/json/*.json | wc -l) inputs"

# CJK with the system's fonts: with Debian's fonts-noto-cjk installed, the Chinese and Korean
# lines of the corpus are set in Noto CJK and read back.
if [ -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]; then
  "$vita" build tests/corpus/markdown/13-cjk.md -o "$out/cjk.pdf" --quiet --report json >"$out/cjk.json" 2>"$out/cjk.err"
  # V0401: characters no available font has (docs/errors.md).
  if grep -q '"code": "V0401"' "$out/cjk.json"; then echo "FAIL cjk: missing glyphs with Noto CJK installed"; cat "$out/cjk.err"; fail=1; fi
  grep -q '"code"' "$out/cjk.json" || grep -q '"warnings": \[\]' "$out/cjk.json" || { echo "FAIL cjk: no JSON report"; fail=1; }
  pdffonts "$out/cjk.pdf" | grep -q "NotoSansCJK" || { echo "FAIL cjk: Noto CJK not embedded"; pdffonts "$out/cjk.pdf"; fail=1; }
  pdftotext "$out/cjk.pdf" - | grep -q "负责支付清算系统" || { echo "FAIL cjk: Chinese text not read back"; fail=1; }
  pdftotext "$out/cjk.pdf" - | grep -q "서울커머스" || { echo "FAIL cjk: Korean text not read back"; fail=1; }
  echo "ok   cjk: set in Noto CJK and read back"
fi
exit $fail
