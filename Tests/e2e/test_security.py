"""Forms refuse posts without the session's CSRF token, and text people type is shown as text."""

from __future__ import annotations

import re
import urllib.parse

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browser import main_text, network_log, notice, path_of, sign_in, submit
from locale_text import t
from partrack_server import HttpSession

SCRIPT_TITLE = "<script>alert(1)</script>"
IMG_DETAILS = """<img src=x onerror="document.title='pwned'"> "quoted" & 'single' </textarea><b>bold</b>"""


def path_of_href(anchor) -> str:
    return urllib.parse.urlsplit(anchor.get_attribute("href")).path


def first_task_path(session: HttpSession) -> str:
    return re.search(r'href="(/nhiem-vu/\d+)"', session.get_text("/viec-cua-toi")).group(1)


def test_form_post_without_csrf_token_is_refused(demo_server):
    base = demo_server.base
    officer = HttpSession(base)
    officer.sign_in("bagiang.tpht")
    task = first_task_path(officer)
    before = officer.get_text(task)
    version = re.search(r'name="baseVersion" value="(\d+)"', before).group(1)
    update = {"baseVersion": version, "state": "in_progress", "progress": "95", "note": "không có mã CSRF"}

    status, _, body = officer.request(task + "/cap-nhat", update)
    assert status == 403
    assert t("web.csrf") in body.decode()
    status, _, _ = officer.request(task + "/cap-nhat", {**update, "_csrf": "ptk_not-the-session-token"})
    assert status == 403
    # Another session's valid token is no good either.
    other = HttpSession(base)
    other.sign_in("bagiang.tpht")
    status, _, _ = officer.request(task + "/cap-nhat", {**update, "_csrf": other.csrf("/viec-cua-toi")})
    assert status == 403
    # Signing in is a form too.
    visitor = HttpSession(base)
    status, _, _ = visitor.request("/dang-nhap", {"username": "bagiang.tpht", "password": "partrack-demo"})
    assert status == 403

    after = officer.get_text(task)
    assert "không có mã CSRF" not in after
    assert f'name="baseVersion" value="{version}"' in after

    # The same token, sent, works: the refusals above were about the token alone.
    status, _, body = officer.request(task + "/cap-nhat", {**update, "_csrf": officer.csrf(task)})
    assert status == 200 and "không có mã CSRF" in body.decode()


def test_browser_form_with_its_token_removed_is_refused(demo_server, chromium):
    base = demo_server.base
    sign_in(chromium, base, "bagiang.tpht")
    chromium.find_element(By.CSS_SELECTOR, "ul.tasks a.title").click()
    task = path_of(chromium)
    chromium.execute_script("document.querySelector('#update-h ~ form input[name=_csrf]').remove()")
    chromium.find_element(By.ID, "note").send_keys("gửi không kèm mã")
    network_log(chromium)
    submit(chromium.find_element(By.CSS_SELECTOR, "section[aria-labelledby=update-h] button[type=submit]"))
    _, documents = network_log(chromium)
    assert documents[-1][1] == 403, documents
    assert t("web.csrf") in main_text(chromium)
    chromium.get(base + task)
    assert "gửi không kèm mã" not in main_text(chromium)


@pytest.mark.today("20/06/2023")
def test_typed_markup_is_shown_as_text_everywhere(fresh_demo_server, chromium):
    base = fresh_demo_server.base
    driver = chromium
    sign_in(driver, base, "bagiang.chutich")
    driver.find_element(By.CSS_SELECTOR, "main p.crumbs a").click()  # the plan
    driver.find_element(By.LINK_TEXT, t("plan.new_task")).click()
    driver.find_element(By.ID, "title").send_keys(SCRIPT_TITLE)
    driver.find_element(By.ID, "details").send_keys(IMG_DETAILS)
    Select(driver.find_element(By.ID, "areaCode")).select_by_value("2")
    Select(driver.find_element(By.ID, "leadPositionIDs")).select_by_visible_text("Tư pháp – Hộ tịch")
    driver.find_element(By.ID, "dueDate").send_keys("30/12/2023")
    submit(driver.find_element(By.XPATH, f"//main//button[normalize-space()='{t('newtask.submit')}']"))
    assert notice(driver) == t("web.task_created"), main_text(driver)[:300]

    def assert_inert(where: str) -> None:
        with pytest.raises(NoAlertPresentException):
            driver.switch_to.alert  # an alert() that ran would be open now
        injected = driver.execute_script("""
            return {
              scripts: [...document.scripts].filter(s => s.text.includes('alert(1)')).length,
              images: document.querySelectorAll('img[src=x], main b').length,
              title: document.title };""")
        assert injected["scripts"] == 0 and injected["images"] == 0, (where, injected)
        assert injected["title"] != "pwned", where

    # Wherever the title shows, it shows as the characters typed.
    driver.find_element(By.PARTIAL_LINK_TEXT, SCRIPT_TITLE).click()
    assert driver.find_element(By.TAG_NAME, "h1").text == SCRIPT_TITLE
    assert SCRIPT_TITLE in driver.title
    assert "<img src=x" in main_text(driver)
    assert_inert("task page")
    task = path_of(driver)

    listings = [("bagiang.chutich", "/xa/3"), ("bagiang.tpht", "/viec-cua-toi"), ("bagiang.chutich", "/ke-hoach")]
    for user, page in listings:
        sign_in(driver, base, user)
        driver.get(base + page)
        if page == "/ke-hoach":
            plans = driver.find_elements(By.CSS_SELECTOR, "main a[href^='/ke-hoach/']")
            next(a for a in plans if re.fullmatch(r"/ke-hoach/\d+", path_of_href(a))).click()
        assert driver.find_element(By.CSS_SELECTOR, f"main a[href='{task}']").text == SCRIPT_TITLE, page
        assert_inert(page)
