#!/usr/bin/env bash
# The right-to-left sample (samples/he.md, lang = "he"): built with a Hebrew font found on the
# system (Debian: fonts-noto-core), its words come back from pdftotext (poppler's default mode)
# in logical order, every Hebrew and Latin word of the source, and its lines are mirrored
# (the first word of a line stands right of the last). Needs: cargo, pdftotext, python3, a
# font with Hebrew (`fc-list :lang=he`). Exits non-zero when a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
vita="${CARGO_TARGET_DIR:-target}/release/vita"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

if [ -z "$(fc-list :lang=he)" ]; then
  echo "FAIL rtl: no font with Hebrew installed (Debian: fonts-noto-core)"; exit 1
fi
"$vita" build samples/he.md -o "$out/he.pdf" 2>"$out/stderr.txt"
if grep -q "no available font" "$out/stderr.txt"; then
  echo "FAIL rtl: Hebrew set with missing glyphs"; cat "$out/stderr.txt"; exit 1
fi
pdftotext "$out/he.pdf" "$out/he.txt"
pdftotext -bbox "$out/he.pdf" "$out/he.html"
python3 - "$out/he.txt" "$out/he.html" <<'PY'
import re, sys

# Bidi controls poppler puts around right-to-left lines and the Latin runs inside them.
CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u200e\u200f\u2066\u2067\u2068\u2069"), " ")

def tokens(text):
    """Words of one script: runs of Hebrew letters (with geresh, gershayim, maqaf), runs of
    Latin letters. Numbers are left out: poppler glues a number to the Hebrew word after it
    (its bidi reordering keeps neutrals with the Latin run), a known limit of its extraction."""
    return re.findall(r"[\u05d0-\u05ea\u05f3\u05f4\u05be\"״׳]+|[A-Za-z]+", text)

source = open("samples/he.md", encoding="utf-8").read()
body = source.split("+++", 2)[2]
expected = [t.strip("\u05be\"") for t in tokens(re.sub(r"[#*|]", " ", body)) + tokens("נועה לוי")]
expected = [t for t in expected if t]
got = [t.strip("\u05be\"") for t in tokens(open(sys.argv[1], encoding="utf-8").read().translate(CONTROLS))]
got = [t for t in got if t]

missing = list(expected)
for w in got:
    if w in missing:
        missing.remove(w)
row = [0] * (len(got) + 1)
for x in expected:
    diagonal = 0
    for j, y in enumerate(got):
        diagonal, row[j + 1] = row[j + 1], diagonal + 1 if x == y else max(row[j + 1], row[j])
# Field rows ("**שפות:** Rust, Go") are two columns, the key on the right: poppler reads the
# values' column before the keys', which moves a few words.
in_order = row[-1] / max(len(expected), 1)
fail = False
if missing:
    print(f"FAIL rtl: words missing from pdftotext: {missing}")
    fail = True
if in_order < 0.95:
    print(f"FAIL rtl: only {in_order:.3f} of the words in logical order")
    fail = True
text = " ".join(got)
for phrase in ["נועה לוי", "בנתה שכבת מטמון למחירי טיסות", "Rust Go Python SQL", "שפת אם"]:
    if phrase not in text:
        print(f"FAIL rtl: {phrase!r} not read in logical order")
        fail = True

# Mirrored: on the first bullet's line, its first word stands right of its last.
boxes = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>', open(sys.argv[2], encoding="utf-8").read())
def x_of(word):
    return [float(x) for x, _, w in boxes if w in (word, word[::-1])]
first, last = x_of("תכננה"), x_of("מילישניות.") + x_of("מילישניות")
if not first or not last or not min(first) > max(last):
    print(f"FAIL rtl: the line is not set right to left ({first} vs {last})")
    fail = True
sys.exit(1 if fail else 0)
PY
echo "ok   rtl: samples/he.md reads in logical order from pdftotext and is set right to left"
