#!/usr/bin/env python3
"""The HTML handout in a real browser: Debian's chromium, headless, driven by
the DevTools protocol over a pipe (--remote-debugging-pipe: no websocket
library, no port).

    handout_browser.py VALGUS OUTDIR

Exports `week.html --hip-rotation --pronation --weeks 6 --for Sam` and checks:
the page loads with no network request at all; no element overflows the
printable width of an A4 or a Letter page; the browser's print to PDF (A4 and
Letter) holds every exercise name of the handout (pdftotext); the paper size
of each PDF (pdfinfo). Then valgus's own PDF of the same handout, A4 and
Letter: page size and count (pdfinfo), every font embedded (pdffonts), every
exercise name and dose in its text and the safety banner on page 1
(pdftotext), no word in the margins (pdftotext -bbox). At 1280, 640 (a
desktop at 200 % zoom) and 390 px wide nothing scrolls sideways. Writes for people to look at, in OUTDIR: screenshots at 1280 and
390 px wide, the PDFs and their pages as PNG (pdftoppm).
"""

import html as html_module

import base64
import json
import os
import re
import subprocess
import sys
import tempfile

VALGUS, OUT = sys.argv[1], sys.argv[2]
os.makedirs(OUT, exist_ok=True)
failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


class Browser:
    """Chromium with the DevTools protocol on file descriptors 3 and 4."""

    def __init__(self, profile):
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        args = ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
                f"--user-data-dir={profile}", "about:blank"]

        def wire():
            os.dup2(to_browser_r, 3)
            os.dup2(from_browser_w, 4)

        self.process = subprocess.Popen(args, pass_fds=(3, 4), preexec_fn=wire, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def _read(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, session=None, **params):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method, session):
        for i, event in enumerate(self.events):
            if event.get("method") == method and event.get("sessionId") == session:
                return self.events.pop(i)
        while True:
            event = self._read()
            if event.get("method") == method and event.get("sessionId") == session:
                return event
            self.events.append(event)

    def close(self):
        try:
            self.call("Browser.close")
        except RuntimeError:
            pass
        self.process.wait(timeout=30)


def export(path, *args):
    result = subprocess.run([VALGUS, "export", path, "--force", *args], capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"valgus export {path} {' '.join(args)} -> exit {result.returncode}: {result.stderr.strip()}")
    return result


# Under ASan only valgus's part is worth the time: the browser is the same
# program in both trees, and the sanitizers look at valgus.
with open(VALGUS, "rb") as f:
    sanitized = b"__asan_init" in f.read()

with tempfile.TemporaryDirectory() as work:
    page_file = os.path.join(OUT, "week.html")
    export(page_file, "--hip-rotation", "--pronation", "--weeks", "6", "--for", "Sam")
    with open(page_file, encoding="utf-8") as f:
        html = f.read()
    names = sorted(set(re.findall(r"<h3>\d+\. ([^<]+)</h3>", html)))
    if len(names) < 5:
        fail(f"the handout names only {len(names)} exercises")
    for forbidden in ("<script", "<link", "<img", "@import", "url("):
        if forbidden in html:
            fail(f"the handout holds {forbidden!r}: it must need nothing outside the file")

    browser = None if sanitized else Browser(os.path.join(work, "profile"))
    try:
        if browser is None:
            raise StopIteration
        target = browser.call("Target.createTarget", url="about:blank")["targetId"]
        session = browser.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        browser.call("Page.enable", session)
        browser.call("Network.enable", session)
        url = "file://" + os.path.abspath(page_file)
        browser.call("Page.navigate", session, url=url)
        browser.wait_for("Page.loadEventFired", session)
        requests = [e["params"]["request"]["url"] for e in browser.events
                    if e.get("method") == "Network.requestWillBeSent"]
        others = [r for r in requests if r != url]
        if others:
            fail(f"the handout made {len(others)} requests besides itself: {others[:3]}")

        # The printable width of each paper at 96 px an inch, 15 mm margins.
        for paper, width_mm, height_mm in (("A4", 210, 297), ("Letter", 215.9, 279.4)):
            width = round((width_mm - 30) / 25.4 * 96)
            browser.call("Emulation.setDeviceMetricsOverride", session, width=width, height=1000,
                         deviceScaleFactor=1, mobile=False)
            browser.call("Emulation.setEmulatedMedia", session, media="print")
            over = browser.call("Runtime.evaluate", session, returnByValue=True, expression="""
                (() => { const w = document.documentElement.clientWidth; const out = [];
                  for (const e of document.querySelectorAll('body *')) {
                    const r = e.getBoundingClientRect();
                    if (r.width > 0 && (r.right > w + 0.5 || r.left < -0.5)) out.push(e.tagName + '.' + e.className);
                  }
                  return out; })()""")["result"]["value"]
            if over:
                fail(f"at {paper} width ({width} px) {len(over)} elements overflow the page: {over[:5]}")
            pdf = browser.call("Page.printToPDF", session, printBackground=True, preferCSSPageSize=False,
                               paperWidth=width_mm / 25.4, paperHeight=height_mm / 25.4)["data"]
            pdf_path = os.path.join(OUT, f"week-{paper.lower()}.pdf")
            with open(pdf_path, "wb") as f:
                f.write(base64.b64decode(pdf))
            text = subprocess.run(["pdftotext", "-layout", pdf_path, "-"], capture_output=True, text=True).stdout
            flat = " ".join(text.split())
            missing = [n for n in names if " ".join(n.split()) not in flat]
            if missing:
                fail(f"the {paper} print holds no {missing}")
            if "Stop any exercise that hurts" not in flat:
                fail(f"the {paper} print lacks the safety banner")
            info = subprocess.run(["pdfinfo", pdf_path], capture_output=True, text=True).stdout
            size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
            want = (width_mm / 25.4 * 72, height_mm / 25.4 * 72)
            if not size or abs(float(size.group(1)) - want[0]) > 2 or abs(float(size.group(2)) - want[1]) > 2:
                fail(f"the {paper} print is {size.group(0) if size else 'of no size'}")
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", pdf_path,
                            os.path.join(OUT, f"week-{paper.lower()}-page")], check=True)

        # Screenshots for people to look at: a desktop and a phone; and a
        # desktop at 200 % zoom (640 CSS px across), which must not scroll
        # sideways either.
        browser.call("Emulation.setEmulatedMedia", session, media="screen")
        for width in (1280, 640, 390):
            browser.call("Emulation.setDeviceMetricsOverride", session, width=width, height=900,
                         deviceScaleFactor=1, mobile=width < 600)
            scroll = browser.call("Runtime.evaluate", session, returnByValue=True,
                                  expression="document.documentElement.scrollWidth")["result"]["value"]
            if scroll > width:
                fail(f"at {width} px the page scrolls sideways ({scroll} px wide)")
            shot = browser.call("Page.captureScreenshot", session, format="png", captureBeyondViewport=True)["data"]
            with open(os.path.join(OUT, f"week-{width}.png"), "wb") as f:
                f.write(base64.b64decode(shot))
    except StopIteration:
        pass
    finally:
        if browser is not None:
            browser.close()

# valgus's own PDF: the same content, laid out by pango and cairo.
doses = sorted(set(html_module.unescape(d) for d in re.findall(r'<span class="badge">([^<]+)</span>', html)))
for paper, size in (("a4", (595.3, 841.9)), ("letter", (612.0, 792.0))):
    pdf_path = os.path.join(OUT, f"valgus-{paper}.pdf")
    export(pdf_path, "--hip-rotation", "--pronation", "--weeks", "6", "--for", "Sam", "--paper", paper)
    info = subprocess.run(["pdfinfo", pdf_path], capture_output=True, text=True).stdout
    got = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    pages = re.search(r"Pages:\s+(\d+)", info)
    if not got or abs(float(got.group(1)) - size[0]) > 1 or abs(float(got.group(2)) - size[1]) > 1:
        fail(f"valgus's {paper} PDF is {got.group(0) if got else 'of no size'}")
    if not pages or int(pages.group(1)) < 1 + len(re.findall(r'<section class="session">', html)):
        fail(f"valgus's {paper} PDF has {pages.group(1) if pages else 'no'} pages: a page and one per session at least")
    fonts = subprocess.run(["pdffonts", pdf_path], capture_output=True, text=True).stdout.splitlines()[2:]
    if not fonts or any(line.split()[-5] != "yes" for line in fonts):
        fail(f"valgus's {paper} PDF has fonts not embedded: {fonts}")
    text = " ".join(subprocess.run(["pdftotext", pdf_path, "-"], capture_output=True, text=True).stdout.split())
    missing = [n for n in names + doses if " ".join(n.split()) not in text]
    if missing:
        fail(f"valgus's {paper} PDF holds no {missing}")
    first = " ".join(subprocess.run(["pdftotext", "-f", "1", "-l", "1", pdf_path, "-"], capture_output=True,
                                    text=True).stdout.split())
    if "Stop any exercise that hurts" not in first or "For: Sam" not in first:
        fail(f"page 1 of valgus's {paper} PDF lacks the safety banner or the name")
    # No word outside the page's margins (15 mm, less a point of rounding).
    boxes = subprocess.run(["pdftotext", "-bbox", pdf_path, "-"], capture_output=True, text=True).stdout
    inset = 15 * 72 / 25.4 - 1
    outside = [w for w in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)',
                                      boxes)
               if float(w.group(1)) < inset or float(w.group(2)) < inset or float(w.group(3)) > size[0] - inset
               or float(w.group(4)) > size[1] - inset]
    if outside:
        fail(f"{len(outside)} words of valgus's {paper} PDF lie in its margins: {[w.group(5) for w in outside[:5]]}")
    subprocess.run(["pdftoppm", "-png", "-r", "60", pdf_path, os.path.join(OUT, f"valgus-{paper}-page")], check=True)

if failures:
    sys.exit(1)
print(f"ok: {len(names)} exercises, {len(doses)} doses; screenshots, PDFs and pages in {OUT}")
