"""Inter-word spacing of justified text, measured from a PDF as ENGINE.md §9 and the peers do.

Usage: gap_stats.py FILE.pdf [MAX_RATIO P90_RATIO]
Reads word boxes with `pdftotext -bbox-layout`; for every line that is not the last of its
block and has at least four words, takes the mean gap between consecutive words (lines with a
right-aligned part or a column gap, such as a bullet or a key and its value, are not running
text and are skipped); reports each
line's mean relative to the document's median. Exits 1 when the largest exceeds MAX_RATIO
(default 1.5) or the 90th percentile exceeds P90_RATIO (default 1.25).
"""
import re
import statistics
import subprocess
import sys


def line_gaps(pdf: str) -> list[tuple[float, str]]:
    xml = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], check=True,
                         capture_output=True, text=True).stdout
    out = []
    for block in re.findall(r"<block[^>]*>(.*?)</block>", xml, re.S):
        lines = re.findall(r"<line[^>]*>(.*?)</line>", block, re.S)
        for line in lines[:-1]:
            words = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>(.*?)</word>', line)
            # A list label is not a word of the text.
            if words and words[0][2] in ("•", "–", "-", "*"):
                words = words[1:]
            # Lines with a right-aligned part (bridged by U+200B) are not running text.
            if len(words) < 4 or any(not w[2].strip("\u200b") for w in words):
                continue
            gaps = [float(b[0]) - float(a[1]) for a, b in zip(words, words[1:])]
            # Nor are rows with a column gap (a key and its aligned value, a bullet).
            if max(gaps) > 3 * statistics.median(gaps):
                continue
            out.append((sum(gaps) / len(gaps), " ".join(w[2] for w in words)))
    return out


def main() -> int:
    pdf = sys.argv[1]
    max_ratio = float(sys.argv[2]) if len(sys.argv) > 2 else 1.5
    p90_ratio = float(sys.argv[3]) if len(sys.argv) > 3 else 1.25
    gaps = line_gaps(pdf)
    median = statistics.median(g for g, _ in gaps)
    ratios = sorted(g / median for g, _ in gaps)
    p90 = ratios[int(0.9 * (len(ratios) - 1))]
    worst = max(gaps)
    good = ratios[-1] <= max_ratio and p90 <= p90_ratio
    print(f"{'ok  ' if good else 'FAIL'} {pdf}: {len(gaps)} lines, median gap {median:.2f}pt, "
          f"p90 {p90:.2f}x, max {ratios[-1]:.2f}x ({worst[1][:60]}...)")
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
