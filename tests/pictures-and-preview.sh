#!/usr/bin/env bash
# Pictures, text and the live preview, checked from outside: the seed's PNG pages against
# pdftoppm's (mean absolute pixel difference per page), the seed's text with every word in
# source order (tests/compare_words.py), and `vita preview` driven in headless Chromium
# (tests/preview_browser.py). Needs: the release binary (tests/check-pdfs.sh builds it),
# pdftoppm, chromium, Debian's python3 with python3-websocket and python3-pil.
set -euo pipefail
cd "$(dirname "$0")/.."
vita="${CARGO_TARGET_DIR:-target}/release/vita"
[ -x "$vita" ] || cargo build --release --locked --quiet
python=/usr/bin/python3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "-- PNG pages against pdftoppm -r 80"
# Two pages, as `--pages 2` keeps them (by default the seed is fitted to one page).
"$vita" build tests/fixtures/seed-resume.md -o "$out/seed.pdf" --pages 2 --quiet
"$vita" build tests/fixtures/seed-resume.md -o "$out/seed.png" --dpi 80 --pages 2 --quiet
pdftoppm -r 80 -png "$out/seed.pdf" "$out/ref"
"$python" tests/png_diff.py "$out/seed-1.png" "$out/ref-1.png" "$out/seed-2.png" "$out/ref-2.png" --max 12

echo "-- the seed's text, every word in source order"
printf 'extends = "classic"\n[entry]\narrangement = "title-place"\n' > "$out/title-place.toml"
"$vita" build tests/fixtures/seed-resume.md --layout "$out/title-place.toml" -o "$out/seed.txt" --quiet
"$python" tests/compare_words.py tests/fixtures/seed-resume.md "$out/seed.txt" 1.0

echo "-- vita preview in headless Chromium"
"$python" tests/preview_browser.py "$vita" "${PREVIEW_SCREENSHOTS:-$out/screens}" 7
