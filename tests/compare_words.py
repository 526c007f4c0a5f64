"""Compare the words of a Markdown résumé with the words pdftotext gives back, in order.

Usage: compare_words.py SOURCE.md EXTRACTED.txt [MIN_IN_ORDER]
Prints the share of source words recovered in order (longest common subsequence) and the
words that went missing; exits 1 when any source word is missing, or when the in-order share
is below MIN_IN_ORDER (default 0.99; the default entry arrangement reads an entry's dates
before its organisation and its place after it, which reorders a few words, so it is checked at
a lower share). Words compare without case (section titles read back in capitals).
"""
import re
import sys


def source_words(markdown: str) -> list[str]:
    if markdown.startswith("+++"):
        end = markdown.find("\n+++", 3)
        if end >= 0:
            markdown = markdown[end + 4:]
    markdown = re.sub(r"<!--.*?-->", " ", markdown, flags=re.S)
    markdown = re.sub(r"\]\([^)]*\)", " ", markdown)
    markdown = markdown.replace("\\$", "$")
    markdown = re.sub(r"[*#\[\]<>|`]", " ", markdown)
    return words(markdown)


# Bidi controls poppler wraps right-to-left lines and the Latin runs in them with (LRE, RLE,
# PDF, LRM, RLM, isolates): formatting, not text.
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u200e\u200f\u2066\u2067\u2068\u2069"), " ")


def words(text: str) -> list[str]:
    out = []
    for w in text.translate(BIDI_CONTROLS).replace("—", " ").split():
        w = w.strip("".join(c for c in map(chr, range(33, 127)) if not c.isalnum() and c not in "$%+#"))
        w = w.strip("–—•·“”‘’")
        if any(c.isalnum() for c in w):
            out.append(w)
    return out


def lcs(a: list[str], b: list[str]) -> int:
    row = [0] * (len(b) + 1)
    for x in a:
        diagonal = 0
        for j, y in enumerate(b):
            above = row[j + 1]
            row[j + 1] = diagonal + 1 if x == y else max(above, row[j])
            diagonal = above
    return row[len(b)]


def main() -> int:
    source = open(sys.argv[1], encoding="utf-8").read()
    extracted = open(sys.argv[2], encoding="utf-8").read()
    minimum = float(sys.argv[3]) if len(sys.argv) > 3 else 0.99
    # Without case: section titles read back in capitals.
    expected = [w.lower() for w in source_words(source)]
    got = [w.lower() for w in words(extracted)]
    common = lcs(expected, got)
    ratio = common / max(1, len(expected))
    remaining = list(got)
    missing = []
    for w in expected:
        if w in remaining:
            remaining.remove(w)
        else:
            missing.append(w)
    good = ratio >= minimum and not missing
    status = "ok  " if good else "FAIL"
    print(f"{status} {sys.argv[1]}: {common}/{len(expected)} words in order ({ratio:.4f})"
          + (f"; missing: {missing[:20]}" if missing else ""))
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
