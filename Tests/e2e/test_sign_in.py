"""Each demo role signs in through the form, lands on its own start page and can sign out; a wrong
password is refused; the language switch turns the site English and back."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from browser import main_text, path_of, sign_in, submit
from locale_text import t

DEMO_ACCOUNTS = [
    # username, start page, role key, name shown
    ("bagiang.tpht", "/viec-cua-toi", "role.officer", "Nguyễn Văn Bình"),
    ("bagiang.vptk", "/viec-cua-toi", "role.officer", "Phạm Thị Lan"),
    ("bagiang.chutich", "/xa/3", "role.leader", None),
    ("noivu.bato", "/giam-sat/2", "role.reviewer", None),
    ("admin", "/giam-sat/1", "role.admin", None),
]


@pytest.mark.parametrize("username,start,role_key,name", DEMO_ACCOUNTS, ids=[a[0] for a in DEMO_ACCOUNTS])
def test_demo_role_signs_in_to_its_start_page_and_out(username, start, role_key, name, demo_server, chromium):
    base = demo_server.base
    assert sign_in(chromium, base, username) == start
    who = chromium.find_element(By.CSS_SELECTOR, "header.site .who").text
    assert t(role_key) in who
    if name:
        assert name in who
    assert chromium.find_element(By.TAG_NAME, "h1").text

    submit(chromium.find_element(By.XPATH, f"//header//button[normalize-space()='{t('nav.sign_out')}']"))
    assert path_of(chromium) == "/dang-nhap"
    chromium.get(base + start)
    assert path_of(chromium) == "/dang-nhap", "a signed-out visitor must be sent to the sign-in form"


def test_wrong_password_is_refused_on_the_form(demo_server, chromium):
    base = demo_server.base
    chromium.delete_all_cookies()
    chromium.get(base + "/dang-nhap")
    chromium.find_element(By.ID, "username").send_keys("bagiang.tpht")
    chromium.find_element(By.ID, "password").send_keys("not-the-password")
    submit(chromium.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert path_of(chromium) == "/dang-nhap"
    assert chromium.find_element(By.CSS_SELECTOR, "main [role=alert]").text
    assert chromium.find_element(By.ID, "username").get_attribute("value") == "bagiang.tpht"
    assert chromium.find_element(By.ID, "password").get_attribute("value") == ""


def test_language_switch_turns_pages_english_and_back(demo_server, chromium):
    base = demo_server.base
    chromium.delete_all_cookies()
    chromium.get(base + "/dang-nhap")
    chromium.find_element(By.CSS_SELECTOR, "header.site a.lang").click()
    assert chromium.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert chromium.find_element(By.CSS_SELECTOR, "label[for=username]").text == t("signin.username", "en")
    sign_in_english = sign_in(chromium, base, "bagiang.tpht", fresh=False)  # the choice outlives signing in
    assert sign_in_english == "/viec-cua-toi"
    assert chromium.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert t("nav.my_tasks", "en") in chromium.find_element(By.CSS_SELECTOR, "header.site nav").text
    chromium.find_element(By.CSS_SELECTOR, "header.site a.lang").click()
    assert chromium.find_element(By.TAG_NAME, "html").get_attribute("lang") == "vi"
    assert path_of(chromium) == "/viec-cua-toi"
    assert t("my_tasks.title") in main_text(chromium)
