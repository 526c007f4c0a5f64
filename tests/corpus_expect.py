"""Check pdftotext's output of a corpus résumé against its expectation file.

Usage: corpus_expect.py NAME.expect.toml EXTRACTED.txt
Every `appear` entry must be in the extracted text and no `absent` entry may be, compared in
lower case with white space collapsed and U+200B (the gap bridges Vita draws) removed. The
same rules as tests/corpus.rs, but on poppler's reading of the PDF instead of Vita's own.
"""
import sys
import tomllib


def comparable(text: str) -> str:
    return " ".join(text.replace("\u200b", "").split()).lower()


def main() -> int:
    with open(sys.argv[1], "rb") as f:
        expect = tomllib.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        text = comparable(f.read())
    bad = [f"missing `{w}`" for w in expect.get("appear", []) if comparable(w) not in text]
    bad += [f"present `{w}`" for w in expect.get("absent", []) if comparable(w) in text]
    for problem in bad:
        print(f"FAIL {sys.argv[1]}: {problem} (pdftotext)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
