"""Strips TrueType hinting from a font file: usage dehint.py IN.ttf OUT.ttf.

Removes the hinting tables (fpgm, prep, cvt, hdmx, LTSH, VDMX) and every glyph's instructions,
and zeroes the hinting limits in maxp; outlines, metrics, names and the shaping tables are kept
as they are, so layout sets the same text in the same places. A PDF never uses hinting: Vita
strips it again when it embeds a font (crates/vita-pdf/src/fonts/dehint.rs), so the stored file
only loses bytes the binary would carry for nothing.

Only for families whose licence reserves no font name (fonts/update.sh says which): under the
SIL Open Font Licence a modified font may not keep a Reserved Font Name. Needs fontTools
(Debian: python3-fonttools).
"""
import sys

from fontTools.ttLib import TTFont

HINTING = ("fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX")
LIMITS = ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
          "maxStackElements", "maxSizeOfInstructions")


def main(source: str, target: str) -> None:
    # No new time stamp and no recomputed bounds: the same input gives the same bytes.
    font = TTFont(source, recalcTimestamp=False, recalcBBoxes=False)
    for tag in HINTING:
        if tag in font:
            del font[tag]
    glyf = font["glyf"]
    for name in font.getGlyphOrder():
        glyf[name].removeHinting()
    maxp = font["maxp"]
    for field in LIMITS:
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font.save(target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
