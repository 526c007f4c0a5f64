#!/usr/bin/env bash
# Regions read in order by every extractor: the seed (with its `# Name` header) built in the
# two-column `sidebar` layout, read back by pdftotext (default and -raw), mutool draw -F txt,
# pypdf and pdfminer.six; tests/regions.py checks that each region (header, sidebar, main
# column) comes back as one run of text and that poppler returns every word in reading order.
# Needs: the release binary (built here when missing), poppler-utils, mupdf-tools, pypdf and
# pdfminer.six (installed by .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
vita="${CARGO_TARGET_DIR:-target}/release/vita"
[ -x "$vita" ] || cargo build --release --locked --quiet
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$vita" build tests/fixtures/seed-header.md --layout sidebar -o "$out/sidebar.pdf" --quiet
python3 tests/regions.py tests/fixtures/seed-header.md layouts/sidebar.toml "$out/sidebar.pdf" --layout-order
# The sidebar on the right, read after the main column: each region one run everywhere, but
# pdfminer.six reads the right-hand sidebar first (docs/layouts.md).
printf 'extends = "sidebar"\n[sidebar]\nside = "right"\nfirst = false\nsections = ["Skills", "Languages", "Tools", "Education"]\n' \
  >"$out/right.toml"
"$vita" build tests/fixtures/seed-header.md --layout "$out/right.toml" -o "$out/right.pdf" --quiet
python3 tests/regions.py tests/fixtures/seed-header.md "$out/right.toml" "$out/right.pdf"
