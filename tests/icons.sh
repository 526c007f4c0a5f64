#!/usr/bin/env bash
# Icons (issue #11), checked from outside: with `header.icons` on (modern), pdftotext, mutool,
# pypdf and pdfminer.six each read the contact line of tests/fixtures/icons.md as plain text,
# one line per line drawn, every item whole, no private-use character; and the icons are
# visible: the page rendered with icons differs from the one without them in the header only.
# Needs: the release binary (tests/check-pdfs.sh builds it; VITA=path picks another), pdftotext, pdftoppm, mutool,
# python3 with pypdf and pdfminer.six, Debian's python3-pil.
set -euo pipefail
cd "$(dirname "$0")/.."
vita="${VITA:-${CARGO_TARGET_DIR:-target}/release/vita}"
[ -x "$vita" ] || cargo build --release --locked --quiet
# pypdf and pdfminer.six from PyPI (python3 on the PATH, as .ci/run installs them); Pillow
# from Debian (python3-pil, for /usr/bin/python3, as for tests/pictures-and-preview.sh).
python=/usr/bin/python3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$vita" build tests/fixtures/icons.md --layout modern -o "$out/icons.pdf" --quiet
printf 'extends = "modern"\n[header]\nicons = false\n' >"$out/plain.toml"
"$vita" build tests/fixtures/icons.md --layout "$out/plain.toml" -o "$out/plain.pdf" --quiet

pdftotext "$out/icons.pdf" "$out/pdftotext.txt"
mutool draw -F txt -o "$out/mutool.txt" "$out/icons.pdf" 2>/dev/null
python3 - "$out" <<'PY'
import re, sys
import pypdf
from pdfminer.high_level import extract_text

out = sys.argv[1]
texts = {
    "pdftotext": open(f"{out}/pdftotext.txt", encoding="utf-8").read(),
    "mutool": open(f"{out}/mutool.txt", encoding="utf-8").read(),
    "pypdf": pypdf.PdfReader(f"{out}/icons.pdf").pages[0].extract_text(),
    "pdfminer": extract_text(f"{out}/icons.pdf"),
}
# The contact line as drawn: two lines of items, in this order.
lines = [
    "robin.quill@example.org | +44 20 7946 0958 | Leeds, UK | github.com/rquill | gitlab.com/rquill",
    "linkedin.com/in/rquill | orcid.org/0000-0002-1825-0097 | @rquill@mastodon.social | rquill.dev",
]
failed = False
for name, text in texts.items():
    pua = sorted({f"U+{ord(c):04X}" for c in text if "\ue000" <= c <= "\uf8ff"})
    if pua:
        print(f"FAIL icons {name}: private-use characters {pua}")
        failed = True
    read = [" ".join(line.split()) for line in text.splitlines()]
    for want in lines:
        if want not in read:
            print(f"FAIL icons {name}: the contact line {want!r} is not one line of {read[:6]}")
            failed = True
    if "Maintainer of two open-source libraries; writes the newsletter." not in " ".join(text.split()):
        print(f"FAIL icons {name}: the sentence around the markup's icons is not whole")
        failed = True
sys.exit(1 if failed else 0)
PY

# Visible: with icons the header's pixels differ from the build without them.
pdftoppm -r 80 -f 1 -l 1 -png "$out/icons.pdf" "$out/with"
pdftoppm -r 80 -f 1 -l 1 -png "$out/plain.pdf" "$out/without"
"$python" - "$out/with-1.png" "$out/without-1.png" <<'PY'
import sys
from PIL import Image, ImageChops
a, b = (Image.open(p).convert("L") for p in sys.argv[1:3])
box = ImageChops.difference(a, b).getbbox()
# The header's contact lines sit in the top 130 px at 80 dpi; the body's markup icons are
# drawn in both builds.
if box is None or box[1] > 130:
    sys.exit(f"FAIL icons: no icon drawn in the header (difference box {box})")
PY
echo "ok   icons: contact line plain in pdftotext, mutool, pypdf and pdfminer; icons drawn"
