"""Refresh docs/screenshots/*.png: every page of `kroniek serve` on a store made from examples/.

    python scripts/screenshots.py            # needs chromium (Debian: apt-get install chromium)

Ingests examples/ and the test articles whose sources disagree (tests/data/chronicle.jsonl)
into a temporary store through the CLI, starts `kroniek serve` on a free loopback port, and has
headless chromium (Playwright) open each page as a user would, clicking where a page shows more
on a click. Requests to any other host are blocked.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def page_story(url: str) -> str:
    """The story of the articles whose sources disagree (ids depend on the order of ingest)."""
    import httpx

    items = httpx.get(url + "/api/stories", params={"about": "Islamitische Staat"}).json()["items"]
    return str(items[0]["story"])


def main() -> None:
    from playwright.sync_api import sync_playwright

    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "KRONIEK_TOKEN": ""}
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "examples.db"
        subprocess.run([sys.executable, "-m", "kroniek", "ingest", str(REPO / "examples"),
                        str(REPO / "tests" / "data" / "chronicle.jsonl"), "--db", str(db),
                        "--workers", "1", "--quiet"], env=env, capture_output=True)
        proc = subprocess.Popen([sys.executable, "-m", "kroniek", "serve", "--db", str(db),
                                 "--port", "0"], stdout=subprocess.PIPE, text=True, env=env)
        assert proc.stdout is not None
        url = proc.stdout.readline().split(" at ", 1)[1].split()[0].rstrip("/")
        host = urlsplit(url).netloc
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=os.environ.get(
                    "KRONIEK_CHROMIUM", "/usr/bin/chromium"), headless=True, args=ARGS)
                ctx = browser.new_context(viewport={"width": 1280, "height": 900})
                ctx.route("**/*", lambda r: r.abort() if urlsplit(r.request.url).netloc != host
                          else r.continue_())
                page = ctx.new_page()

                def shot(name: str, path: str, ready: str | None = None, click: str | None = None) -> None:
                    page.goto(url + path)
                    page.wait_for_load_state("networkidle")
                    if ready:
                        page.wait_for_selector(ready)
                    if click:
                        page.locator(click).first.click()
                    page.screenshot(path=str(OUT / f"{name}.png"))
                    print(f"{OUT / name}.png  <- {path}", file=sys.stderr)

                shot("search", "/?q=minister&vs=doden&vs=klimaat&per=year",
                     "#trend-chart[data-drawn='1']")
                shot("article", "/article/conflict_2018-04-18", "#text",
                     "#text span.m.figure >> text=meer dan 1.900")
                shot("entity", "/entity/Idlib", "#map[data-drawn='1']")
                shot("figures", "/figures?about=strijders", "#figure-chart[data-drawn='1']")
                shot("events", "/events?per=year", "#events-chart[data-drawn='1']")
                shot("event", "/article/conflict_2018-04-18", "#text", "#text span.m.event >> text=riep")
                shot("stories", "/stories")
                shot("story", "/story/" + page_story(url), "ol.story-articles")
                shot("quotes", "/quotes?speaker=Haddad")
                shot("entities", "/entities")
                shot("map", "/map", "#map[data-drawn='1']")
                shot("api-docs", "/api/docs", ".swagger-ui .info")
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=10)


if __name__ == "__main__":
    main()
