"""The reference site in a real browser: headless Chromium from the distribution's packages,
driven by selenium through chromedriver, the site served over loopback. Search finds an
operation by its Python name, its AWS name and words of its description, the first result is
its page, a search
link (``?q=``) works opened directly, and the browser console shows no error.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
_WAIT = 90.0  # seconds: the search index (~8 MB) is built in a worker; a shared CI core is slow

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (the `docs` extra has it)")
if not (Path(CHROMIUM).is_file() and Path(CHROMEDRIVER).is_file()):
    pytest.skip(
        "no browser on this machine: install chromium and chromium-driver from the distribution's packages "
        "(.ci/run does)",
        allow_module_level=True,
    )

from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def base(site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def _results(browser: Any, mark: str) -> list[Any]:
    """The search results for the whole query (results for a part of it, while typing, are not):
    their links carry the words searched (``h=describe_training_job``)."""
    deadline = time.monotonic() + _WAIT
    while time.monotonic() < deadline:
        found = browser.find_elements(By.CSS_SELECTOR, ".md-search-result__item > a")
        try:
            if found and mark in found[0].get_attribute("href"):
                return list(found)
        except StaleElementReferenceException:
            pass
        time.sleep(0.2)
    raise AssertionError(f"no search result with {mark!r} within {_WAIT:.0f} s")


def _errors(browser: Any) -> list[str]:
    return [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def _follow_first(browser: Any, mark: str) -> tuple[str, str]:
    start = browser.current_url
    _results(browser, mark)[0].find_element(By.CSS_SELECTOR, "h1").click()  # its title, as a person clicks
    deadline = time.monotonic() + _WAIT
    while browser.current_url == start and time.monotonic() < deadline:
        time.sleep(0.1)
    heading = browser.find_element(By.CSS_SELECTOR, "article h1").text.replace("¶", "").strip()
    return browser.current_url, heading


@pytest.mark.parametrize(
    ("query", "mark", "method"),
    [
        ("describe_training_job", "h=describe_training_job", "describe_training_job"),
        ("CreateTrainingJob", "h=createtrainingjob", "create_training_job"),
        # Words of its description (DescribeAlgorithm: "Returns a description of the specified algorithm ...").
        ("description of the specified algorithm", "h=description+specified+algorithm", "describe_algorithm"),
    ],
)
def test_search_box_finds_the_method_page_first(browser: Any, base: str, query: str, mark: str, method: str) -> None:
    browser.get(base + "index.html")
    box = browser.find_element(By.CSS_SELECTOR, "input.md-search__input")
    box.click()
    box.send_keys(query)
    url, heading = _follow_first(browser, mark)
    assert url.startswith(f"{base}sagemaker/client/{method}.html"), url
    assert heading == f"SageMaker / Client / {method}"
    assert _errors(browser) == []


def test_search_link_opened_directly(browser: Any, base: str) -> None:
    browser.get(base + "sagemaker/index.html?q=describe_hyper_parameter_tuning_job")
    url, heading = _follow_first(browser, "h=describe_hyper_parameter_tuning_job")
    assert url.startswith(f"{base}sagemaker/client/describe_hyper_parameter_tuning_job.html"), url
    assert heading == "SageMaker / Client / describe_hyper_parameter_tuning_job"
    assert _errors(browser) == []


def test_pages_load_without_console_errors(browser: Any, base: str) -> None:
    for page in ("index.html", "getting_started.html", "changelog.html", "sagemaker/models/training_job.html"):
        browser.get(base + page)
        assert browser.find_element(By.CSS_SELECTOR, "article h1").text
        assert _errors(browser) == [], page
