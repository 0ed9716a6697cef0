"""The pages in a real headless Chromium (Debian's ``chromium`` and ``chromium-driver``, which
``.ci/run`` installs), driven by Selenium against ``marsad serve``'s app on a loopback port.

Screenshots of each step go to ``build/screenshots/`` (``MARSAD_SCREENSHOTS`` to change it).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from marsad.config import load_settings
from marsad.web import create_app
from tests.web.conftest import HOSTILE_SHOWN

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SHOTS = Path(
    os.environ.get("MARSAD_SCREENSHOTS", Path(__file__).parents[2] / "build" / "screenshots")
)


@pytest.fixture(scope="module")
def server(web_db: Path) -> Iterator[str]:
    """The app served by uvicorn on a free loopback port, in a thread."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        create_app(load_settings(db=str(web_db))), port=port, log_level="warning"
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    for _ in range(200):
        if running.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    if not (Path(CHROMIUM).exists() and Path(DRIVER).exists()):
        pytest.skip("no headless Chromium: apt-get install chromium chromium-driver (.ci/run does)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--window-size=1200,1600",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def _no_dialog(browser: WebDriver) -> None:
    try:
        alert = browser.switch_to.alert
    except NoAlertPresentException:
        return
    text = alert.text
    alert.dismiss()
    raise AssertionError(f"a dialog opened: {text!r}")


def test_web_browser_walks_from_the_front_page_to_the_copied_passages(
    server: str, browser: WebDriver
) -> None:
    browser.get(server + "/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
    browser.save_screenshot(str(SHOTS / "1-front.png"))
    stories = browser.find_elements(By.CSS_SELECTOR, "li.story")
    story = next(s for s in stories if "4 حدث" in s.text)
    story.find_element(By.CSS_SELECTOR, "h2 a").click()
    events = browser.find_elements(By.CSS_SELECTOR, "li.event")
    assert len(events) == 4
    browser.save_screenshot(str(SHOTS / "2-storyline.png"))
    pair = next(e for e in events if "2 تقرير" in e.text)
    pair.find_element(By.CSS_SELECTOR, "h2 a").click()
    assert len(browser.find_elements(By.CSS_SELECTOR, "li.original")) == 1
    copy = browser.find_element(By.CSS_SELECTOR, "li.copy a")
    browser.save_screenshot(str(SHOTS / "3-event.png"))
    copy.click()
    marked = browser.find_elements(By.CSS_SELECTOR, "a.copied mark")
    assert marked and all(m.is_displayed() for m in marked[:3])
    assert sum(len(m.text) for m in marked) > 200  # the copied paragraphs, not a word or two
    browser.save_screenshot(str(SHOTS / "4-article.png"))
    marked[0].click()  # a passage links to the article it comes from
    assert browser.find_elements(By.CSS_SELECTOR, "a.copied mark")
    _no_dialog(browser)


def test_web_browser_search_finds_both_reports(server: str, browser: WebDriver) -> None:
    browser.get(server + "/")
    box = browser.find_element(By.CSS_SELECTOR, "form.find input[name=q]")
    box.send_keys("الأمريكي")
    box.submit()  # returns before the results page has loaded: wait for it
    WebDriverWait(browser, 20).until(lambda b: b.find_elements(By.CSS_SELECTOR, "li.hit"))
    hits = browser.find_elements(By.CSS_SELECTOR, "li.hit")
    assert len(hits) >= 2
    outlets = " ".join(h.text for h in hits)
    assert "Sputnik" in outlets and "الوطن" in outlets
    assert browser.find_elements(By.CSS_SELECTOR, "li.hit mark")
    browser.save_screenshot(str(SHOTS / "5-search.png"))


def test_web_browser_shows_hostile_text_and_runs_none_of_it(
    server: str, browser: WebDriver
) -> None:
    browser.get(server + "/api/articles?limit=200")
    _no_dialog(browser)
    browser.get(server + "/search?q=" + "عنوان")
    _no_dialog(browser)
    link = next(a for a in browser.find_elements(By.CSS_SELECTOR, "li.hit a") if "alert" in a.text)
    assert link.text.startswith("<script>alert(1)</script>")
    link.click()
    _no_dialog(browser)
    assert browser.find_element(By.TAG_NAME, "h1").text == HOSTILE_SHOWN
    body = browser.find_element(By.CSS_SELECTOR, "div.body").text
    assert '"><img src=x onerror=alert(1)>' in body
    assert not browser.find_elements(By.CSS_SELECTOR, "div.body img, div.body script")
    browser.save_screenshot(str(SHOTS / "6-hostile.png"))
    for path in ("/", "/reuse"):
        browser.get(server + path)
        _no_dialog(browser)


def test_web_browser_renders_the_api_docs_from_this_server_alone(
    server: str, browser: WebDriver
) -> None:
    """Swagger UI comes from the package (the machine may be offline): the page renders the
    schema's operations with nothing fetched from another site."""
    browser.get(server + "/docs")
    WebDriverWait(browser, 20).until(
        lambda b: b.find_elements(By.CSS_SELECTOR, ".swagger-ui .opblock")
    )
    paths = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")]
    assert "/api/stories" in paths and "/api/search" in paths
    assert "Marsad" in browser.find_element(By.CSS_SELECTOR, ".swagger-ui .info .title").text
    browser.save_screenshot(str(SHOTS / "7-api-docs.png"))
    loaded = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert loaded and all(url.startswith(server) for url in loaded), loaded
