"""Headless Chromium driven through WebDriver (Debian's chromium + chromium-driver), with the helpers
the scenarios share: signing in through the form, full-page screenshots at a given width, the list of
requests the page made, and the status class of a matrix cell."""

from __future__ import annotations

import base64
import json
import os
import shutil
import urllib.parse
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

from partrack_server import DEMO_PASSWORD, REPO

SCREENSHOTS = REPO / "artifacts" / "screenshots"


def find_executable(env_name: str, *names: str) -> str:
    explicit = os.environ.get(env_name)
    if explicit:
        return explicit
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise FileNotFoundError(f"none of {names} found; install Debian's chromium and chromium-driver or set {env_name}")


def start_chromium(*, javascript: bool = True, width: int = 1280, height: int = 900) -> WebDriver:
    """A fresh headless Chromium profile. `javascript=False` turns page scripts off through the
    profile's content settings, as a person who disabled JavaScript would have it (WebDriver's own
    script calls keep working, so checks can still read the page)."""
    options = webdriver.ChromeOptions()
    options.binary_location = find_executable("PARTRACK_CHROMIUM", "chromium", "chromium-browser")
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={width},{height}", "--lang=vi-VN",
                     # No calls home from the browser itself: the request log must show only the app.
                     "--disable-background-networking", "--disable-component-update", "--no-first-run",
                     "--disable-sync", "--disable-default-apps", "--disable-features=Translate,OptimizationHints"]:
        options.add_argument(argument)
    preferences = {"intl.accept_languages": "vi-VN,vi"}
    if not javascript:
        preferences["profile.managed_default_content_settings.javascript"] = 2
    options.add_experimental_option("prefs", preferences)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    # An explicit driver path: Selenium must not try to download one (there is no network in CI).
    service = Service(executable_path=find_executable("PARTRACK_CHROMEDRIVER", "chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(60)
    return driver


def assert_page_scripts_disabled(driver: WebDriver) -> None:
    """Proves the profile really runs no page JavaScript: an inline script must leave the page alone."""
    driver.get("data:text/html,<p id=probe>static</p>"
               "<script>document.getElementById('probe').textContent='ran'</script>")
    assert driver.find_element(By.ID, "probe").text == "static", "page JavaScript still runs in this profile"


def path_of(driver: WebDriver) -> str:
    return urllib.parse.urlsplit(driver.current_url).path


def sign_in(driver: WebDriver, base: str, username: str, password: str = DEMO_PASSWORD,
            fresh: bool = True) -> str:
    """Fills and submits the sign-in form like a person; returns the start page's path. `fresh`
    forgets the browser's cookies first (whoever was signed in, the language chosen)."""
    if fresh:
        driver.delete_all_cookies()
    driver.get(base + "/dang-nhap")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    submit(driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    landed = path_of(driver)
    assert landed != "/dang-nhap", f"sign-in as {username} stayed on the form: {main_text(driver)[:300]}"
    return landed


def submit(button: WebElement) -> None:
    """Clicks a submit button and waits for the next page to replace this one."""
    driver = button.parent
    old_html = driver.find_element(By.TAG_NAME, "html")
    button.click()
    WebDriverWait(driver, 30).until(lambda d: _is_stale(old_html))
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")


def _is_stale(element: WebElement) -> bool:
    try:
        element.tag_name
        return False
    except Exception:
        return True


def main_text(driver: WebDriver) -> str:
    return driver.find_element(By.ID, "main").text


def notice(driver: WebDriver) -> str:
    """The flash message after a form post ('' when none)."""
    found = driver.find_elements(By.CSS_SELECTOR, "main p.notice[role=status], main p.notice[role=alert]")
    return found[0].text if found else ""


def status_classes(element: WebElement) -> set[str]:
    return set((element.get_attribute("class") or "").split())


def matrix_status(driver: WebDriver, commune: str, period_name: str) -> str:
    """The status class (on_time, late, missing, not_yet_due) of a commune's cell for a period in the
    reviewer's compliance matrix, found by the row's commune name and the column's period name."""
    table = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=matrix-h] table")
    headers = [th.text.split("\n")[0] for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
    column = headers.index(period_name)  # 0 is the commune column; cells follow the row's <th>
    for row in table.find_elements(By.CSS_SELECTOR, "tbody tr"):
        if row.find_element(By.TAG_NAME, "th").text.strip() == commune:
            cell = row.find_elements(By.TAG_NAME, "td")[column - 1]
            classes = status_classes(cell.find_element(By.CSS_SELECTOR, "span.status")) - {"status"}
            assert len(classes) == 1, classes
            return classes.pop()
    raise AssertionError(f"no row for {commune} in the compliance matrix")


def screenshot(driver: WebDriver, name: str, widths=(1280, 375)) -> list[Path]:
    """Full-page PNGs of the current page at each width, saved as artifacts/screenshots/<name>-<width>.png.
    The width is set through device-metrics emulation, so 375 px is a phone's layout viewport."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    saved = []
    for width in widths:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width < 600})
        height = driver.execute_script(
            "return Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0)")
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": min(int(height), 16000), "scale": 1}})
        path = SCREENSHOTS / f"{name}-{width}.png"
        path.write_bytes(base64.b64decode(shot["data"]))
        saved.append(path)
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    return saved


def network_log(driver: WebDriver) -> tuple[list[str], list[tuple[str, int]]]:
    """What the browser did since the log was last read (Chrome's performance log): every URL it
    asked for, and the status of each page (document) it received."""
    urls, documents = [], []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        params = message.get("params", {})
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(params["request"]["url"])
        elif message.get("method") == "Network.responseReceived" and params.get("type") == "Document":
            documents.append((params["response"]["url"], params["response"]["status"]))
    return urls, documents


def foreign_requests(urls: list[str], base: str) -> list[str]:
    """Requests to any host other than the app's own (data: URLs are not requests to a host)."""
    own = urllib.parse.urlsplit(base).netloc
    return [url for url in urls
            if not url.startswith(("data:", "about:", "blob:")) and urllib.parse.urlsplit(url).netloc != own]
