"""Makes vita-icons.ttf: the Font Awesome 4.7 icons Vita draws, cut from Debian's
fonts-font-awesome (fontawesome-webfont.ttf, SIL OFL 1.1) and renamed "Vita Icons".

Usage: python3 subset.py [SOURCE.ttf]   (needs fontTools: pip install fonttools)
The code points are those of crates/vita-model/src/icons.rs; keep the two in step.
"""
import sys
from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf"
CODES = """f0e0 f003 f199 f1fa f095 f098 f10b f041 f276 f015 f0ac f0c1 f08e f09b f113 f092 f296
f0e1 f08c f099 f081 f16c f23a f167 f16a f09a f082 f16d f17e f2c6 f171 f121 f0b1 f19d f007 f2c2
f2c3 f2c1 f086 f075 f073 f02d f15c f09e f1a0 f19a f1cb f084 f0a3 f091 f1ab f024 f1ad f19c f109
f108 f279 f124""".split()

font = TTFont(SOURCE)
options = subset.Options()
options.hinting = False
options.desubroutinize = True
options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
options.notdef_outline = True
subsetter = subset.Subsetter(options)
subsetter.populate(unicodes=[int(c, 16) for c in CODES])
subsetter.subset(font)
# A modified version under the OFL: named anew, the copyright notice kept.
for record in font["name"].names:
    if record.nameID in (1, 4, 16):
        record.string = "Vita Icons"
    elif record.nameID == 6:
        record.string = "VitaIcons"
    elif record.nameID == 3:
        record.string = "Vita Icons (Font Awesome 4.7 subset)"
font.save("vita-icons.ttf")
print(f"{len(CODES)} icons → vita-icons.ttf")
