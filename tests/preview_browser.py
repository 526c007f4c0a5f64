"""Drive `vita preview` in headless Chromium through the DevTools protocol.

Usage: preview_browser.py VITA-BINARY OUT-DIR [EDITS]

Starts `vita preview` on a fictional résumé in a temporary folder, loads the page in headless
Chromium, then edits the résumé EDITS times (default 7) and after each save waits for the new
pages: the page must show the new text, keep its scroll position, and swap in pictures that
loaded. A broken edit must show the error with its file, line and quoted source line above
the last good pages. Also opens page 1's SVG by itself and compares Chromium's picture of it
with Vita's PNG of the same page. Writes screenshots to OUT-DIR and prints the update times
(file written → new pages shown, the page's own clock) with their median. Exits 1 on failure.
"""
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket  # Debian: python3-websocket (websocket-client)

RESUME = """# Ada Quill

Systems programmer · ada.quill@example.com · Turin

## Experience

### Compiler Engineer | Analytical Engines Ltd | 2019 – 2024

- Wrote compiler number 0 for the difference engine, in Rust.
- Cut build times by half with incremental caching across {line} machines.

## Skills

**Languages:** Rust, OCaml, C
"""

BROKEN = """+++
name =
+++
# Ada Quill
"""


def fail(message: str) -> None:
    print(f"FAIL {message}")
    sys.exit(1)


class Page:
    """One Chromium tab, spoken to over its DevTools websocket."""

    def __init__(self, ws_url: str):
        self.ws = websocket.create_connection(ws_url, timeout=30)
        self.next_id = 0

    def call(self, method: str, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    fail(f"{method}: {message['error']}")
                return message.get("result", {})

    def eval(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    def wait_for(self, expression: str, what: str, timeout: float = 20.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.eval(expression)
            if value:
                return value
            time.sleep(0.005)
        fail(f"timed out waiting for {what}")

    def screenshot(self, path: str, clip=None) -> None:
        params = {"format": "png"}
        if clip:
            params["clip"] = clip
        data = self.call("Page.captureScreenshot", **params)["data"]
        import base64

        with open(path, "wb") as f:
            f.write(base64.b64decode(data))


def start_preview(vita: str, folder: str) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(
        [vita, "preview", "cv.md"], cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        text=True,
    )
    line = process.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not match:
        process.kill()
        fail(f"vita preview printed no address: {line!r}")
    return process, match.group(0)


def start_chromium(profile: str) -> tuple[subprocess.Popen, str]:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        fail("chromium is not installed")
    process = subprocess.Popen(
        [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--hide-scrollbars", "--remote-debugging-port=0", f"--user-data-dir={profile}",
         "--window-size=1000,900", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        match = re.search(r"DevTools listening on ws://127\.0\.0\.1:(\d+)/", line)
        if match:
            port = match.group(1)
            targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
            pages = [t for t in targets if t.get("type") == "page"]
            return process, pages[0]["webSocketDebuggerUrl"]
    process.kill()
    fail("chromium did not start its DevTools server")


def main() -> int:
    vita, out_dir = os.path.abspath(sys.argv[1]), sys.argv[2]
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    os.makedirs(out_dir, exist_ok=True)
    folder = tempfile.mkdtemp(prefix="vita-preview-")
    source = os.path.join(folder, "cv.md")
    with open(source, "w", encoding="utf-8") as f:
        f.write(RESUME.format(line=2))
    preview, url = start_preview(vita, folder)
    chromium, ws_url = start_chromium(os.path.join(folder, "profile"))
    try:
        page = Page(ws_url)
        page.call("Page.enable")
        page.call("Page.navigate", url=url)
        page.wait_for("document.body && document.body.dataset.generation === '1'", "the first pages")
        pages = page.eval("document.querySelectorAll('#pages img').length")
        loaded = page.eval("[...document.querySelectorAll('#pages img')].every(i => i.complete && i.naturalWidth > 500)")
        if pages != 1 or not loaded:
            fail(f"expected one loaded page, found {pages} (loaded: {loaded})")
        width = page.eval("document.querySelector('#pages img').getBoundingClientRect().width")
        if not 900 <= width <= 1000:
            fail(f"the page is {width}px wide in a 1000px window, not at screen width")
        page.screenshot(os.path.join(out_dir, "preview-first.png"))
        page.eval("window.scrollTo(0, 240)")

        times = []
        for n in range(1, edits + 1):
            generation = n + 1
            text = RESUME.format(line=2).replace("compiler number 0", f"compiler number {n}")
            with open(source, "w", encoding="utf-8") as f:
                f.write(text)
            written = time.time() * 1000
            page.wait_for(f"document.body.dataset.generation === '{generation}'", f"edit {n}")
            shown = page.eval("window.vitaShownAt")
            times.append(shown - written)
            shows = page.eval(f"document.getElementById('text').textContent.includes('compiler number {n} for')")
            if not shows:
                fail(f"edit {n}: the page does not show the new text")
            scroll = page.eval("window.scrollY")
            if scroll != 240:
                fail(f"edit {n}: the scroll position moved to {scroll}")

        with open(source, "w", encoding="utf-8") as f:
            f.write(BROKEN)
        error = page.wait_for(
            "!document.getElementById('error').hidden && document.getElementById('error').textContent",
            "the error of a broken edit",
        )
        if "cv.md:2:" not in error or "2 | name =" not in error:
            fail(f"the error does not name and quote its line:\n{error}")
        kept = page.eval("document.querySelectorAll('#pages img').length === 1 && document.body.dataset.generation")
        if kept != str(edits + 1):
            fail(f"the last good pages did not stay (generation {kept})")
        page.eval("window.scrollTo(0, 0)")
        time.sleep(0.2)
        page.screenshot(os.path.join(out_dir, "preview-error.png"))

        with open(source, "w", encoding="utf-8") as f:
            f.write(RESUME.format(line=3))
        page.wait_for("document.getElementById('error').hidden && document.body.dataset.generation === '%d'" % (edits + 2), "the repaired build")

        # Page 1 as an SVG document on its own, at 1 CSS pixel per point (72 dpi).
        page.call("Page.navigate", url=f"{url}pages/{edits + 2}/1.svg")
        page.wait_for("document.readyState === 'complete' && document.documentElement.localName === 'svg'", "the SVG")
        page.call("Emulation.setDeviceMetricsOverride", width=596, height=842, deviceScaleFactor=1, mobile=False)
        time.sleep(0.2)
        page.screenshot(os.path.join(out_dir, "svg-in-chromium.png"),
                        clip={"x": 0, "y": 0, "width": 595, "height": 841, "scale": 1})
        subprocess.run([vita, "build", "-q", "cv.md", "-o", os.path.join(out_dir, "vita.png"), "--dpi", "72"],
                       cwd=folder, check=True)
        try:
            from PIL import Image, ImageChops, ImageStat

            a = Image.open(os.path.join(out_dir, "svg-in-chromium.png")).convert("L")
            b = Image.open(os.path.join(out_dir, "vita-1.png")).convert("L").crop((0, 0, a.width, a.height))
            mean = ImageStat.Stat(ImageChops.difference(a, b)).mean[0]
            ink = sum(a.histogram()[:128]) / (a.width * a.height)
            print(f"svg in chromium vs vita png at 72 dpi: mean |Δ| {mean:.2f}/255, {ink * 100:.1f}% dark pixels")
            if mean > 12 or ink < 0.002:
                fail("Chromium's picture of the SVG does not match the PNG")
        except ImportError:
            print("(Pillow missing: SVG picture not compared)")
    finally:
        chromium.kill()
        preview.kill()
        chromium.wait()
        preview.wait()
        shutil.rmtree(folder, ignore_errors=True)

    ms = ", ".join(f"{t:.0f}" for t in times)
    print(f"update after save (file written → new pages shown): median {statistics.median(times):.0f} ms "
          f"over {len(times)} saves ({ms} ms)")
    print("1 passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
