"""Measure whether each region of a two-column PDF comes back contiguous from every extractor.

Usage: regions.py SOURCE.md LAYOUT.toml PDF [--layout-order]
The source's words are split into regions as the layout does (tests/regions.sh builds the PDF):
the header (before the first `##`), the sidebar's sections (titles containing a name of
`sidebar.sections` as whole words) and the main column's, in the layout's reading order. For
each extractor (pdftotext default and -raw, mutool draw -F txt, pypdf, pdfminer.six) it prints

- in reading order: source words found in the layout's reading order (longest common
  subsequence), of all; within regions: the same, region by region;
- switches: how often the text moves from one region to another, judged by the words that
  occur in one region only. Each region read as one run gives (regions - 1) switches and
  names each region once; columns interleaved line by line give many.

Exits 1 when an extractor reads any region in more than one run, or when pdftotext (default or
-raw, which rejoin hyphenated words) misses a source word or reads one out of the layout's
order. The others are held to 90% in order within each region: they never rejoin a word
hyphenated at a line end, and pdfminer reads a right-aligned date after the line beside it.
With --layout-order, every extractor must also read the regions in the layout's order.
"""
import re
import subprocess
import sys
import tomllib

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from compare_words import lcs, source_words, words  # noqa: E402


def regions(markdown: str, layout: dict) -> list[tuple[str, list[str]]]:
    sidebar = layout.get("sidebar", {})
    names = [re.findall(r"\w+", n.lower()) for n in sidebar.get("sections", [])]
    parts = re.split(r"(?m)^(?=## )", markdown)
    header, sections = parts[0], parts[1:]

    def aside(section: str) -> bool:
        title = re.findall(r"\w+", section.splitlines()[0].lower())
        return any(
            n and any(title[i:i + len(n)] == n for i in range(len(title))) for n in names
        )

    side = [s for s in sections if aside(s)]
    main = [s for s in sections if not aside(s)]
    ordered = [("header", header)]
    pair = [("sidebar", "".join(side)), ("main", "".join(main))]
    ordered += pair if sidebar.get("first", False) else pair[::-1]
    return [(name, [w.lower() for w in source_words(text)]) for name, text in ordered]


def extract(pdf: str) -> dict[str, str]:
    run = lambda *cmd: subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    out = {
        "pdftotext": run("pdftotext", pdf, "-"),
        "pdftotext -raw": run("pdftotext", "-raw", pdf, "-"),
        "mutool": run("mutool", "draw", "-q", "-F", "txt", "-o", "-", pdf),
    }
    import pypdf

    out["pypdf"] = "\n".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages)
    from pdfminer.high_level import extract_text

    out["pdfminer.six"] = extract_text(pdf)
    return out


def switches(got: list[str], parts: list[tuple[str, list[str]]]) -> tuple[int, list[str]]:
    owner = {}
    for index, (_, ws) in enumerate(parts):
        for w in ws:
            owner.setdefault(w, set()).add(index)
    labels = [next(iter(owner[w])) for w in got if len(owner.get(w, ())) == 1]
    path = [labels[0]] if labels else []
    for label in labels[1:]:
        if label != path[-1]:
            path.append(label)
    return len(path) - 1, [parts[i][0] for i in path]


def main() -> int:
    source = open(sys.argv[1], encoding="utf-8").read()
    layout = tomllib.load(open(sys.argv[2], "rb"))
    parts = regions(source, layout)
    expected = [w for _, ws in parts for w in ws]
    print(f"regions in reading order: {', '.join(f'{n} ({len(ws)} words)' for n, ws in parts)}")
    failed = False
    for name, text in extract(sys.argv[3]).items():
        got = [w.lower() for w in words(text)]
        common = lcs(expected, got)
        within = sum(lcs(ws, got) for _, ws in parts)
        count, path = switches(got, parts)
        contiguous = len(path) == len(set(path)) == len(parts)
        if name.startswith("pdftotext"):
            ok = contiguous and common == len(expected)
        else:
            ok = contiguous and within / len(expected) >= 0.9
        failed |= not ok
        in_order = path == [n for n, _ in parts]
        ok = ok and (in_order or "--layout-order" not in sys.argv)
        failed |= not ok
        order = "the layout's order" if in_order else "another order"
        print(
            f"{'ok  ' if ok else 'FAIL'} {name:15} in reading order {common}/{len(expected)}, "
            f"within regions {within}/{len(expected)}; "
            f"{'each region one run' if contiguous else 'regions interleaved'} "
            f"({count} switches: {' → '.join(path)}, {order})"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
