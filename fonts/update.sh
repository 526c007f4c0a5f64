#!/usr/bin/env bash
# Re-creates the bundled font files from Debian's packages: each face is stored compressed
# with zstd (level 19), as `fonts/<family>/<file>.zst`, beside the package's licence
# (LICENSE). Vita decompresses a face the first time a résumé uses it
# (crates/vita-layout/src/font/bundled.rs). Charis SIL, the default family, is kept
# uncompressed (but for its bold italic) so that a default build decompresses nothing.
# Families whose licence reserves no font name (Vollkorn, Noto Sans, JetBrains Mono) are stored
# without their TrueType hinting (fonts/dehint.py), which no PDF uses: 522 KB less binary.
# Charis SIL and Lato reserve their names, and a modified font could not keep them, so they
# are stored as Debian ships them. Needs apt-get, dpkg, zstd and python3-fonttools; run from
# anywhere.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

# package  folder  licence  mode  files... (licence: "debian" copies Debian's copyright file,
# "keep" keeps the LICENSE there; mode: zstd, dehinted (then zstd) or raw)
add() {
  local package="$1" folder="$2" licence="$3" mode="$4"
  shift 4
  apt-get download "$package" >/dev/null
  dpkg -x "$package"_*.deb "x-$package"
  mkdir -p "$here/$folder"
  if [ "$licence" = "debian" ]; then
    cp "x-$package/usr/share/doc/$package/copyright" "$here/$folder/LICENSE"
  fi
  for file in "$@"; do
    local path
    path="$(find "x-$package/usr/share/fonts" -name "$file" | head -n 1)"
    if [ "$mode" = raw ]; then
      cp "$path" "$here/$folder/$file"
    elif [ "$mode" = dehinted ]; then
      python3 "$here/dehint.py" "$path" "$file"
      zstd -q -19 -f "$file" -o "$here/$folder/$file.zst"
    else
      zstd -q -19 -f "$path" -o "$here/$folder/$file.zst"
    fi
  done
}

add fonts-sil-charis charis debian raw CharisSIL-Regular.ttf CharisSIL-Italic.ttf CharisSIL-Bold.ttf
# Bold italic is rare in a résumé: compressed, like the other families.
add fonts-sil-charis charis debian zstd CharisSIL-BoldItalic.ttf
add fonts-lato lato debian zstd Lato-Regular.ttf Lato-Italic.ttf Lato-Bold.ttf Lato-BoldItalic.ttf
add fonts-vollkorn vollkorn debian dehinted \
  Vollkorn-Regular.ttf Vollkorn-Italic.ttf Vollkorn-Bold.ttf Vollkorn-BoldItalic.ttf
add fonts-noto-core noto-sans debian dehinted \
  NotoSans-Regular.ttf NotoSans-Italic.ttf NotoSans-Bold.ttf NotoSans-BoldItalic.ttf
# Inter as its two variable fonts (upright and italic, weight axis 100–900).
add fonts-inter-variable inter debian zstd Inter-roman.var.ttf Inter-italic.var.ttf
# Debian's copyright file for JetBrains Mono still says Apache-2.0, but the fonts themselves
# (name ID 13) and upstream are under the SIL Open Font Licence 1.1: fonts/jetbrains-mono/LICENSE
# is kept by hand.
add fonts-jetbrains-mono jetbrains-mono keep dehinted \
  JetBrainsMono-Regular.ttf JetBrainsMono-Italic.ttf JetBrainsMono-Bold.ttf \
  JetBrainsMono-BoldItalic.ttf
