"""Summarise bench/run.sh's results: a Markdown table of medians written into
docs/performance.md between the bench markers, and a PNG chart of build time against
résumé length (drawn with Pillow, so no plotting library is needed).

Usage: python3 bench/summary.py RESULTS_DIR docs/performance.md docs/performance-length.png
"""

import datetime
import json
import os
import re
import sys

START = "<!-- bench:start -->"
END = "<!-- bench:end -->"


def hyperfine(path):
    """(command, median, min, max) in milliseconds for every command of a hyperfine export."""
    with open(path) as f:
        results = json.load(f)["results"]
    return [
        (r["command"], r["median"] * 1000, r["min"] * 1000, r["max"] * 1000)
        for r in results
    ]


def table(results):
    """The Markdown table of every hyperfine measurement, then sizes and criterion lines."""
    rows = [
        "| benchmark | command | median | min | max |",
        "|---|---|---|---|---|",
    ]
    names = {
        "cold": "cold build of the seed",
        "pages1": "seed fitted to one page",
        "png": "seed to PNG",
        "batch": "batch of 1,000 starter variants",
    }
    for key, title in names.items():
        path = os.path.join(results, key + ".json")
        if not os.path.exists(path):
            continue
        for command, median, low, high in hyperfine(path):
            command = re.sub(r"\S*/(vita\S*)", r"\1", command)
            rows.append(
                f"| {title} | `{command}` | {median:.1f} ms | {low:.1f} ms | {high:.1f} ms |"
            )
    lines = rows + [""]
    sizes = os.path.join(results, "sizes.txt")
    if os.path.exists(sizes):
        with open(sizes) as f:
            lines += ["- " + line.strip() for line in f if line.strip()]
        lines.append("")
    criterion = os.path.join(results, "criterion.txt")
    if os.path.exists(criterion):
        with open(criterion) as f:
            text = f.read()
        found = re.findall(r"^(\S[^\n]*?)\s*\n?\s+time:\s+\[([^\]]+)\]", text, re.M)
        if found:
            lines.append("criterion (in-process; low, median, high):")
            lines.append("")
            lines += [f"- `{name.strip()}`: {times}" for name, times in found]
            lines.append("")
    return lines


def length_points(results):
    """(pages, median ms) pairs from the length sweep."""
    points = []
    path = os.path.join(results, "length.tsv")
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                pages, median = line.split()
                points.append((int(pages), float(median) * 1000))
    return points


def chart(points, path):
    """Build time against pages: every measured résumé, and the least-squares line."""
    from PIL import Image, ImageDraw

    width, height, margin = 720, 440, 60
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    max_pages = max(20, max(p for p, _ in points))
    max_ms = max(max(ms for _, ms in points), 1.0) * 1.15
    x = lambda pages: margin + (width - 2 * margin) * pages / max_pages
    y = lambda ms: height - margin - (height - 2 * margin) * ms / max_ms
    draw.line([(margin, margin), (margin, height - margin)], fill="black")
    draw.line([(margin, height - margin), (width - margin, height - margin)], fill="black")
    for pages in range(0, max_pages + 1, 5):
        draw.line([(x(pages), height - margin), (x(pages), height - margin + 5)], fill="black")
        draw.text((x(pages) - 6, height - margin + 8), str(pages), fill="black")
    step = 10 ** max(0, len(str(int(max_ms))) - 1)
    step = step // 2 if max_ms / step < 4 else step
    for ms in range(0, int(max_ms) + 1, max(step, 1)):
        draw.line([(margin - 5, y(ms)), (margin, y(ms))], fill="black")
        draw.text((8, y(ms) - 6), f"{ms} ms", fill="black")
    draw.text((width / 2 - 60, height - 25), "pages of the resume", fill="black")
    draw.text((margin, 20), "vita build: median wall time per page count (hyperfine)", fill="black")
    n = len(points)
    mean_x = sum(p for p, _ in points) / n
    mean_y = sum(ms for _, ms in points) / n
    sxx = sum((p - mean_x) ** 2 for p, _ in points)
    slope = sum((p - mean_x) * (ms - mean_y) for p, ms in points) / sxx if sxx else 0
    intercept = mean_y - slope * mean_x
    # The fitted line, cut where it leaves the plot.
    end = max_pages
    if slope > 0 and intercept + slope * end > max_ms:
        end = (max_ms - intercept) / slope
    draw.line(
        [(x(0), y(intercept)), (x(end), y(intercept + slope * end))],
        fill=(200, 60, 60),
        width=2,
    )
    for pages, ms in points:
        draw.ellipse([x(pages) - 4, y(ms) - 4, x(pages) + 4, y(ms) + 4], fill=(30, 80, 160))
    draw.text(
        (margin + 10, margin),
        f"fit: {intercept:.1f} ms + {slope:.2f} ms per page",
        fill=(200, 60, 60),
    )
    image.save(path)
    return intercept, slope


def main():
    results, doc, png = sys.argv[1:4]
    lines = [
        START,
        "",
        f"Measured by `bench/run.sh` on {datetime.date.today().isoformat()} "
        f"({os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end).",
        "",
    ]
    lines += table(results)
    points = length_points(results)
    if len(points) >= 2:
        intercept, slope = chart(points, png)
        lines.append(
            f"Build time against length ({len(points)} résumés, 1 to {max(p for p, _ in points)}"
            f" pages): {intercept:.1f} ms + {slope:.2f} ms per page (least squares), "
            f"chart: `{os.path.basename(png)}`."
        )
        lines.append("")
        lines.append("| pages | median |")
        lines.append("|---|---|")
        lines += [f"| {p} | {ms:.1f} ms |" for p, ms in points]
        lines.append("")
    lines.append(END)
    with open(doc) as f:
        text = f.read()
    if START in text and END in text:
        before = text[: text.index(START)]
        after = text[text.index(END) + len(END) :]
        text = before + "\n".join(lines) + after
    else:
        text = text.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n"
    with open(doc, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
