"""A real browser (Playwright driving Debian's chromium) on the served examples store: a user's
path through search, an article, a figure's source, an entity with its chart and map, the map.

Every request to a host other than the server's is blocked and recorded, and the tests fail on
any (nothing may leave the machine), as on any console error (a CSP violation shows up there).
Chromium missing fails the tests; set KRONIEK_SKIP_BROWSER=1 to skip them instead.
"""

from __future__ import annotations

import os
import re
import shutil
from urllib.parse import urlsplit

import pytest

if os.environ.get("KRONIEK_SKIP_BROWSER") == "1":
    pytest.skip("KRONIEK_SKIP_BROWSER=1", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright  # noqa: E402

BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions"]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("KRONIEK_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


@pytest.fixture(scope="module")
def browser():
    path = chromium_path()
    if path is None:
        pytest.fail("chromium is not installed (apt-get install chromium); "
                    "set KRONIEK_SKIP_BROWSER=1 to skip the browser tests")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, headless=True, args=BROWSER_ARGS)
        yield b
        b.close()


class Watch:
    """Requests that left for another host (blocked) and console errors, per page."""

    def __init__(self) -> None:
        self.foreign: list[str] = []
        self.errors: list[str] = []

    def assert_clean(self) -> None:
        assert self.foreign == [], f"requests to other hosts: {self.foreign}"
        assert self.errors == [], f"console errors: {self.errors}"


def _page(browser, server):
    host = urlsplit(server.url).netloc
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    watch = Watch()

    def guard(route):
        url = route.request.url
        if urlsplit(url).netloc != host and not url.startswith(("data:", "blob:", "about:")):
            watch.foreign.append(url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    pg = context.new_page()
    pg.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: watch.errors.append(str(e)))
    pg.base = server.url  # type: ignore[attr-defined]
    pg.watch = watch  # type: ignore[attr-defined]
    yield pg
    context.close()
    watch.assert_clean()


@pytest.fixture
def page(browser, server):
    """A page on the examples store."""
    yield from _page(browser, server)


@pytest.fixture
def chronicle_page(browser, chronicle_server):
    """A page on tests/data/chronicle.jsonl: sources that disagree, a story with a copy."""
    yield from _page(browser, chronicle_server)


def test_search_then_open_an_article_and_click_a_figure(page):
    page.goto(page.base + "/")
    page.get_by_role("searchbox", name="Zoekvraag").fill("Idlib doden")
    page.get_by_role("searchbox", name="Zoekvraag").press("Enter")
    page.wait_for_url("**/?q=Idlib*")
    assert page.get_by_role("searchbox", name="Zoekvraag").input_value() == "Idlib doden"
    results = page.locator("ol.hits li.hit")
    assert results.count() >= 2
    assert page.locator("ol.hits mark").count() > 0  # the hits are marked in the snippets
    page.wait_for_selector("#trend-chart[data-drawn='1'] canvas")
    page.get_by_role("link", name="conflict_2018-04-18").click()
    page.wait_for_url("**/article/conflict_2018-04-18")
    page.locator("#text span.m.figure", has_text="meer dan 1.900").first.click()
    panel = page.locator("#detail section.ann:not([hidden])").first
    assert panel.get_by_role("heading", name="Cijfer").is_visible()
    assert "Syrische Waarnemingsgroep" in panel.locator("dd.source").inner_text()
    page.locator("#text span.m.quote", has_text="We willen niet speculeren").first.click()
    quote_panel = page.locator("#detail section.ann:not([hidden])").first
    assert "Samir Haddad" in quote_panel.locator("dd.speaker-name").inner_text()


def test_a_list_link_opens_the_article_at_its_span(page):
    page.goto(page.base + "/figures?about=doden")
    page.wait_for_selector("#figure-chart[data-drawn='1'] canvas")
    page.locator("table.figures tbody a").first.click()
    page.wait_for_url("**/article/**#span-*")
    shown = page.locator("#detail section.ann:not([hidden])")
    assert shown.count() >= 1 and "Cijfer" in shown.first.inner_text()
    assert page.locator("#text span.m.active").count() >= 1


def test_an_entity_page_draws_its_chart_and_map(page):
    page.goto(page.base + "/entities?label=LOC")
    page.get_by_role("link", name="Idlib", exact=True).click()
    page.wait_for_url(re.compile(r".*/entity/\d+$"))
    assert page.get_by_role("heading", name="Idlib").first.is_visible()
    page.wait_for_selector("#entity-chart[data-drawn='1'] canvas")
    page.wait_for_selector("#map[data-drawn='1']")
    assert page.locator("#map path.leaflet-interactive").count() > 100  # outlines and the pin
    assert page.locator("#map .leaflet-tooltip", has_text="Idlib").is_visible()
    assert page.get_by_role("link", name="Samir Haddad").first.is_visible()


def test_the_map_shades_countries_with_mentions(page):
    page.goto(page.base + "/map")
    page.wait_for_selector("#map[data-drawn='1']")
    assert page.locator("#map path.leaflet-interactive").count() > 150  # outlines + circles
    assert page.locator("table.grid", has_text="Syrië").is_visible()


@pytest.mark.parametrize("path, text", [("/quotes", "Citaten"), ("/corrections", "Correcties"),
                                        ("/?q=minister&vs=doden", "Artikelen per maand"),
                                        ("/stories", "Verhalen"),
                                        ("/?q=&count=stories&per=year", "Verhalen per jaar")])
def test_other_pages_load(page, path, text):
    page.goto(page.base + path)
    assert page.get_by_role("heading", name=text).first.is_visible()
    page.get_by_text("toon code").click()
    assert page.locator("details.code pre").first.is_visible()


def test_api_docs_render_from_vendored_swagger(page):
    page.goto(page.base + "/api/docs")
    page.wait_for_selector(".swagger-ui .info .title")
    assert "kroniek" in page.locator(".swagger-ui .info .title").inner_text()
    assert page.locator(".opblock-summary-path", has_text="/api/articles").count() >= 1


def test_a_correction_from_the_article_page(browser, token_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    host = urlsplit(token_server.url).netloc
    foreign: list[str] = []
    context.route("**/*", lambda r: (foreign.append(r.request.url), r.abort())
                  if urlsplit(r.request.url).netloc != host else r.continue_())
    pg = context.new_page()
    pg.goto(token_server.url + "/article/sport_2018-06-03")
    pg.locator("#token").fill("test-token-3f9a")
    pg.locator("#token").dispatch_event("change")
    pg.locator("#text span.m.figure").first.click()
    form = pg.locator("#detail section.ann:not([hidden]) form.judge").first
    form.get_by_role("button", name="onjuist").click()
    expect(pg.locator("#detail section.ann:not([hidden]) output").first).to_have_text(
        re.compile(r"^opgeslagen als correctie #\d+"))
    context.close()
    assert foreign == []


def test_the_events_page_charts_types_over_time_and_opens_an_event(page):
    page.goto(page.base + "/events")
    assert page.get_by_role("heading", name="Gebeurtenissen", exact=True).is_visible()
    page.wait_for_selector("#events-chart[data-drawn='1'] canvas")
    assert page.locator("#events-chart .u-legend", has_text="ASSAULT").count() == 1
    item = page.locator("li.event-item", has_text="Openbaar Ministerie").first
    item.locator("a").first.click()  # the trigger word
    page.wait_for_url("**/article/**#span-*")
    # (the trigger may also be another fact's words, "geëist" a demand's cue: the event's own panel)
    panel = page.locator(
        "#detail section.ann:not([hidden])", has=page.get_by_role("heading", name=re.compile("Gebeurtenis"))
    ).first
    assert panel.get_by_role("heading", name=re.compile("Gebeurtenis")).is_visible()
    assert panel.locator("dd.event-status").inner_text() == "gebeurd"
    panel.locator("dd.event-actor a[href^='/entity/']", has_text="Openbaar Ministerie").click()
    page.wait_for_url(re.compile(r".*/entity/\d+$"))
    assert page.get_by_role("heading", level=1, name=re.compile("Openbaar Ministerie")).is_visible()


def test_a_click_on_an_event_in_the_text_shows_who_did_what(page):
    page.goto(page.base + "/article/conflict_2018-04-18")
    page.locator("#text span.m.event", has_text="riep").first.click()
    # ("riep ... op" is also the cue of a call quote: the event's own panel)
    panel = page.locator(
        "#detail section.ann:not([hidden])", has=page.get_by_role("heading", name=re.compile("Gebeurtenis"))
    ).first
    assert "REQUEST" in panel.locator("dd.event-type").inner_text()
    assert panel.locator("dd.event-actor a[href^='/entity/']", has_text="Laura Bennett").is_visible()
    for field in ("Wijze", "Status", "Tijd", "Plaats", "Bronketen"):
        assert panel.locator("dt", has_text=field).is_visible()


def test_stories_lead_to_a_story_with_its_sources_and_copies(chronicle_page):
    page = chronicle_page
    page.goto(page.base + "/stories")
    page.get_by_role("link", name="Minder dan duizend IS-strijders over").click()
    page.wait_for_url(re.compile(r".*/story/\d+$"))
    articles = page.locator("ol.story-articles li")
    assert articles.count() == 3
    assert page.get_by_text("kopie van").is_visible() and page.get_by_text("Parool").first.is_visible()
    page.get_by_text("toon code").click()
    assert "kroniek stories --story" in page.locator("details.code pre").first.inner_text()
    page.get_by_role("link", name="Recep Tayyip Erdoğan").click()
    page.wait_for_url(re.compile(r".*/entity/\d+$"))
    assert page.get_by_role("heading", level=1, name=re.compile("Recep Tayyip Erdoğan")).is_visible()
    assert page.locator("ul.facts.inline li", has_text="Erdogan").first.is_visible()  # an alias


def test_an_entity_by_name_lands_on_its_id(chronicle_page):
    page = chronicle_page
    page.goto(page.base + "/entity/Erdogan")
    page.wait_for_url(re.compile(r".*/entity/\d+$"))
    page.wait_for_selector("#entity-chart[data-drawn='1'] canvas")
    assert page.get_by_role("heading", name="Verhalen (2)").is_visible()
    assert page.locator("li.event-item", has_text="ACCUSE").is_visible()


def test_the_figures_page_marks_sources_that_disagree(chronicle_page):
    page = chronicle_page
    page.goto(page.base + "/figures?about=strijders")
    page.wait_for_selector("#figure-chart[data-drawn='1'] canvas")
    assert "2 keer spreken bronnen elkaar tegen" in page.locator("section[aria-label=reeks] p.meta").inner_text()
    disputed = page.locator("table.figures tr.disputed")
    assert disputed.count() == 3  # "3.000" against both "minder dan duizend" and "ongeveer 900"
    row = page.locator("table.figures tr", has_text="3.000")
    assert "oneens met" in row.inner_text() and "coalitie" in row.inner_text()
    row.get_by_role("link").first.click()
    page.wait_for_url("**/article/ad-1#span-*")
    assert "Cijfer" in page.locator("#detail section.ann:not([hidden])").first.inner_text()
