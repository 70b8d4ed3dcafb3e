"""The reports of `kit run` in a real headless browser, offline: formulas drawn as MathML, every image loaded,
Chinese drawn with a CJK font, course-only cells left out, the front page in the run's language.

Needs Chromium (Debian: ``chromium``, ``fonts-noto-cjk``; ``.ci/run`` installs them); without it the tests skip,
unless ``KIT_REQUIRE_BROWSER=1``. ``KIT_SCREENSHOTS=folder`` keeps the screenshots there (``notebooks/images``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from kit.run.tracks import build_track, source_dir

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--hide-scrollbars",
         "--window-size=1100,1400", "--remote-debugging-port=0")
CJK = re.compile(r"[\u3400-\u9fff]")
CJK_FONT = re.compile(r"CJK|WenQuanYi|Droid Sans Fallback|PingFang|YaHei|SimHei|SimSun|Hiragino|Source Han", re.I)
MARKER = "course-only output that reports must leave out"
OWN = "90_report_check"  # a notebook of this test's own, with math, an image and course-only cells


def browser() -> str:
    found = next((shutil.which(name) for name in BROWSERS if shutil.which(name)), None)
    if found:
        return found
    reason = "Chromium is not installed (Debian: apt-get install chromium fonts-noto-cjk; .ci/run does it)"
    if os.environ.get("KIT_REQUIRE_BROWSER") == "1":
        pytest.fail(reason + " and KIT_REQUIRE_BROWSER=1")
    pytest.skip(reason)


def own_notebook(lang: str):
    """Math (inline, display, a currency sign), a plot, and cells tagged course-only: an exercise and sliders."""
    prose = {"en": "# Report check\n\nA first order of \\$45 and a margin $m$ per year give $\\frac{m}{1+d-r}$:",
             "zh": "# 报告检查\n\n首单 \\$45, 每年毛利 $m$, 客户终身价值为 $\\frac{m}{1+d-r}$:"}[lang]
    cells = [
        new_code_cell(f'lang: str = "{lang}"  # language', metadata={"tags": ["parameters"]}),
        new_markdown_cell(prose + "\n\n$$CLV = \\sum_{t=0}^{H-1} \\frac{m\\,r^t}{(1+d)^t}$$"),
        new_code_cell("import matplotlib.pyplot as plt\n"
                      "fig, ax = plt.subplots(figsize=(3, 2))\nax.plot([1, 2, 3])\nplt.show()"),
        new_markdown_cell("**Exercise** " + MARKER, metadata={"tags": ["course-only"]}),
        new_code_cell(f"print({MARKER!r})", metadata={"tags": ["course-only"]}),
        new_code_cell("print('sliders appear when this notebook is opened in JupyterLab')",
                      metadata={"tags": ["course-only"]}),
    ]
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """``kit run --only 03 90`` on the cdnow sample in each language (in this process): {lang: output folder}."""
    from kit.data import datasets
    from kit.run.runner import run_notebooks

    browser()
    outs = {}
    with pytest.MonkeyPatch.context() as patch:
        for lang in ("en", "zh"):
            folder = tmp_path_factory.mktemp(f"notebooks_{lang}")
            source = nbformat.read(source_dir() / "03_value_grading.ipynb", as_version=4)
            nbformat.write(build_track(source, lang), folder / "03_value_grading.ipynb")
            nbformat.write(own_notebook(lang), folder / f"{OWN}.ipynb")
            patch.setenv("KIT_NOTEBOOKS", str(folder))
            outs[lang] = tmp_path_factory.mktemp(f"out_{lang}")
            result = run_notebooks(str(datasets.path("cdnow_sample")), str(datasets.column_map("cdnow_sample")),
                                   lang=lang, out=outs[lang], only=["03", OWN], progress=False, log=lambda _: None)
            assert result.ok, [r.error for r in result.failed]
    return outs


def has_math(notebook: Path) -> bool:
    """Whether the markdown of ``notebook`` holds a formula (a track being written may have none yet)."""
    cells = nbformat.read(notebook, as_version=4).cells
    return any(c.cell_type == "markdown" and re.search(r"\$\$|(?<!\\)\$\S", c.source) for c in cells)


class Page:
    """One Chromium tab over the DevTools protocol (a plain websocket client), offline."""

    def __init__(self, binary: str, profile: Path):
        import websocket

        self.process = subprocess.Popen([binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and port_file.read_text().strip()):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("Chromium did not start")
            time.sleep(0.1)
        port = port_file.read_text().split()[0]
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
        url = next(t["webSocketDebuggerUrl"] for t in targets if t["type"] == "page")
        self.socket = websocket.create_connection(url, timeout=60, suppress_origin=True)
        self.next_id, self.requests = 0, []
        for method in ("Page.enable", "Network.enable", "DOM.enable", "CSS.enable"):
            self.send(method)
        self.send("Network.emulateNetworkConditions", offline=True, latency=0, downloadThroughput=-1,
                  uploadThroughput=-1)
        self.send("Emulation.setDeviceMetricsOverride", width=1100, height=1400, deviceScaleFactor=1, mobile=False)

    def send(self, method: str, **params):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self._event(message)

    def _event(self, message):
        if message.get("method") == "Network.requestWillBeSent":
            self.requests.append(message["params"]["request"]["url"])
        if message.get("method") == "Page.loadEventFired":
            self.loaded = True

    def open(self, path: Path) -> None:
        self.loaded = False
        self.send("Page.navigate", url=path.as_uri())
        deadline = time.monotonic() + 60
        while not self.loaded and time.monotonic() < deadline:
            self._event(json.loads(self.socket.recv()))
        assert self.loaded, f"{path.name} did not load"
        self.evaluate("document.fonts.ready")

    def evaluate(self, expression: str):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        return result["result"].get("value")

    def fonts_of(self, selector: str) -> list[str]:
        root = self.send("DOM.getDocument", depth=-1)["root"]["nodeId"]
        node = self.send("DOM.querySelector", nodeId=root, selector=selector)["nodeId"]
        return [f["familyName"] for f in self.send("CSS.getPlatformFontsForNode", nodeId=node)["fonts"]]

    def screenshot(self, path: Path) -> None:
        import base64

        data = self.send("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        self.socket.close()
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def page(runs, tmp_path_factory):
    tab = Page(browser(), tmp_path_factory.mktemp("chromium_profile"))
    yield tab
    tab.close()


#: What the page shows: its text, its images, its formulas, and marks the first element holding Chinese text.
INSPECT = """(() => {
  const cjk = /[\\u3400-\\u9fff]/;
  const chinese = [...document.querySelectorAll('h1, h2, h3, p, li, th, td, pre')]
      .find(e => cjk.test(e.textContent) && !e.querySelector('math'));
  if (chinese) chinese.id = 'kit-chinese';
  return {
    text: document.body.innerText,
    images: [...document.images].map(i => ({src: i.src.slice(0, 40), complete: i.complete, width: i.naturalWidth})),
    math: [...document.querySelectorAll('math')].map(m => ({display: m.getAttribute('display'),
                                                           width: m.getBoundingClientRect().width})),
    mathml: typeof MathMLElement !== 'undefined',
    chinese: chinese ? chinese.textContent.slice(0, 40) : null,
  };
})()"""


def screenshot_folder(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("KIT_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_reports_open_offline_with_math_images_and_fonts(runs, page, lang, tmp_path):
    out = runs[lang]
    shots = screenshot_folder(tmp_path)
    suffix = "" if lang == "en" else "_zh"
    for name, shot in (("index.html", f"report_index{suffix}.png"), ("03_value_grading.html",
                       f"report_grading{suffix}.png"), (f"{OWN}.html", None)):
        math = name != "index.html" and has_math(out / name.replace(".html", ".ipynb"))
        page.open(out / name)
        seen = page.evaluate(INSPECT)
        assert "$$" not in seen["text"] and "\\frac" not in seen["text"] and "\\text" not in seen["text"], name
        assert all(image["complete"] and image["width"] > 0 for image in seen["images"]), (name, seen["images"])
        if math:
            assert seen["mathml"] and seen["math"], f"{name}: no MathML"
            assert all(m["width"] > 0 for m in seen["math"]), (name, seen["math"])
        if lang == "zh":
            assert seen["chinese"], f"{name}: no Chinese text"
            fonts = page.fonts_of("#kit-chinese")
            assert any(CJK_FONT.search(f) for f in fonts), (name, seen["chinese"], fonts)
        page.evaluate("(document.querySelector('math[display=block]') || document.body).scrollIntoView()"
                      "; window.scrollBy(0, -300)")  # a formula in view, if there is one
        if shot:
            page.screenshot(shots / shot)
    assert not [u for u in page.requests if not u.startswith(("file:", "data:", "about:"))], page.requests


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_reports_leave_out_course_only_cells_and_keep_the_currency_sign(runs, lang):
    own = (runs[lang] / f"{OWN}.html").read_text(encoding="utf-8").split("<body", 1)[1]  # not the CSS
    assert MARKER not in own and "sliders appear" not in own and "No description" not in own
    assert "$45" in own and "<img" in own and "<math" in own
    assert "mathjax" not in own.lower() and not re.search(r"<script[^>]+src=", own)
    assert f'<html lang="{lang}">' in (runs[lang] / f"{OWN}.html").read_text(encoding="utf-8")


def test_the_front_page_speaks_the_runs_language(runs):
    from kit.present import label

    page = (runs["zh"] / "index.html").read_text(encoding="utf-8")
    for key in ("report_title", "headlines", "notebooks_run", "cleaning_report", "notebook_03"):
        assert label(key, "zh") in page, key
    text = re.sub(rf"<[^>]+>|CDNOW_sample\.txt|xlsx|{OWN}", " ", page.split("</style>", 1)[1])
    english = set(re.findall(r"[A-Za-z]{3,}", text))
    assert not english, english
    assert label("report_title", "en") in (runs["en"] / "index.html").read_text(encoding="utf-8")


def test_skip_and_failure_reasons_follow_the_language(tmp_path):
    from types import SimpleNamespace

    from papermill.exceptions import PapermillExecutionError

    from kit.present import label, report
    from kit.run.runner import _failure, unmet

    data = SimpleNamespace(columns=["customer_id", "amount"], available=("customers",))
    assert unmet(["baskets"], data) == "needs orders with products, which the data lacks"
    assert unmet(["baskets"], data, lang="zh") == label("skip_baskets", "zh") and CJK.search(label("skip_baskets", "zh"))
    assert unmet(["customers"], data, lang="zh") == ""
    err = PapermillExecutionError(3, 4, "raise x", "ValueError", "bad thing", [])
    assert _failure(err, tmp_path / "none.ipynb", None, 10) == "cell 3 (execution count 4) raised ValueError: bad thing"
    zh = _failure(err, tmp_path / "none.ipynb", None, 10, "zh")
    assert zh.startswith("第 3 个单元格") and "ValueError: bad thing" in zh
    result = SimpleNamespace(out=tmp_path, report=None, results=[
        SimpleNamespace(name="02_market_basket", ok=True, seconds=0.0, skipped="needs orders with products",
                        error="", message=label("skip_baskets", "zh")),
        SimpleNamespace(name="03_value_grading", ok=True, seconds=5.0, skipped="", error="", message="")])
    page = report.write_index(result, "zh").read_text(encoding="utf-8")
    assert label("skip_baskets", "zh") in page and "needs orders" not in page
    assert "02 · 购物篮关联分析" in page and "(5 秒)" in page
