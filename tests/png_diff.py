"""Mean absolute pixel difference between Vita's PNG pages and pdftoppm's, page by page.

Usage: png_diff.py VITA-1.png REFERENCE-1.png [VITA-2.png REFERENCE-2.png ...] [--max M]
Both images are compared in greyscale-free RGB over their common area (renderers round the
page size differently, by at most a pixel); prints the mean absolute difference per channel
(0 = identical, 255 = inverted), the share of pixels differing by more than 64, and the
mean difference after a one-pixel blur (sub-pixel glyph placement set aside). Exits 1
when a page's mean difference exceeds M (default 4.0).
"""
import sys

from PIL import Image, ImageChops, ImageFilter, ImageStat


def compare(ours: str, theirs: str) -> tuple[float, float, float, tuple[int, int], tuple[int, int]]:
    a = Image.open(ours).convert("RGB")
    b = Image.open(theirs).convert("RGB")
    w, h = min(a.width, b.width), min(a.height, b.height)
    diff = ImageChops.difference(a.crop((0, 0, w, h)), b.crop((0, 0, w, h)))
    mean = sum(ImageStat.Stat(diff).mean) / 3
    grey = diff.convert("L")
    far = sum(grey.histogram()[65:]) / (w * h)
    # After a one-pixel blur: what remains once sub-pixel glyph placement is set aside.
    blur = ImageFilter.GaussianBlur(1)
    soft = ImageChops.difference(a.crop((0, 0, w, h)).filter(blur), b.crop((0, 0, w, h)).filter(blur))
    blurred = sum(ImageStat.Stat(soft).mean) / 3
    return mean, far, blurred, a.size, b.size


def main() -> int:
    args = sys.argv[1:]
    limit = 4.0
    if "--max" in args:
        i = args.index("--max")
        limit = float(args[i + 1])
        del args[i : i + 2]
    failed = False
    for ours, theirs in zip(args[::2], args[1::2]):
        mean, far, blurred, size_a, size_b = compare(ours, theirs)
        good = mean <= limit
        failed |= not good
        print(f"{'ok  ' if good else 'FAIL'} {ours} vs {theirs}: mean |Δ| {mean:.2f}/255, "
              f"{far * 100:.2f}% of pixels differ by more than 64, {blurred:.2f}/255 blurred "
              f"({size_a[0]}×{size_a[1]} vs {size_b[0]}×{size_b[1]})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
