"""One commune's report cycle, end to end in headless Chromium, on a freshly seeded demo server.

Scenario: the nine-month report of 2023 (cut-off 15/09) is due from the commune by the end of
15/09/2023, Vietnam time; the officers' parts are due five days earlier, by the end of 10/09/2023.
The server runs with PARTRACK_TODAY=10/09/2023, then is restarted on the same data with
PARTRACK_TODAY=15/09/2023 (days pass; sessions survive).

  10/09/2023
  1. reviewer noivu.bato: Ba Giang's nine-month cell is `not_yet_due` (nothing sent), Ba Thành's
     six-month cell (due 15/06, never sent in the demo) is `missing`;
  2. chairperson bagiang.chutich notes the projection;
  3. officer bagiang.tpht, with JavaScript disabled: uploads evidence to a task, marks it done, and
     submits the Tư pháp – Hộ tịch part of the nine-month report on its due day (on time);
  4. chairperson: the projection has changed; asks for an explanation of an overdue task in one click;
  5. officer bagiang.vptk (the overdue task's holder) sees the request and answers it;
  15/09/2023, the commune report's due day
  6. chairperson compiles the commune report and approves and sends it: `on_time`;
  7. reviewer: Ba Giang's nine-month cell has turned `on_time` while Ba Thành's six-month one is still
     `missing`; locks the nine-month period, after which the officer's report form is gone.

Why not "missing → on time" literally: a report is `missing` only once its due day has ended, and one
sent after that is `late`, so a missing cell can never become on time. The turn the reviewer sees is
the unsent report on its due day — the last moment it can still be on time — becoming `on_time`, next
to a missing one. Status classes (`status missing` etc.) are asserted, not prose.
"""

from __future__ import annotations

import re
import urllib.parse

import pytest
from selenium.common.exceptions import NoSuchElementException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select

from browser import (assert_page_scripts_disabled, main_text, matrix_status, notice, path_of, screenshot,
                     sign_in, start_chromium, status_classes, submit)
from locale_text import t
from partrack_server import REPO, HttpSession

EVIDENCE = REPO / "Tests" / "Fixtures" / "evidence" / "report.pdf"
BA_GIANG, BA_THANH = "UBND xã Ba Giang", "UBND xã Ba Thành"
NINE_MONTHS, SIX_MONTHS = "Báo cáo 9 tháng", "Báo cáo 6 tháng"
# Ba Giang's Tư pháp – Hộ tịch task "Triển khai thực hiện có hiệu quả công tác tổ chức thi hành pháp luật…",
# in progress at 20 % in the demo, due 30/11/2023: finishing it early earns its criterion's points.
OFFICER_TASK = "Triển khai thực hiện có hiệu quả công tác tổ chức thi hành pháp luật"


def button(driver: WebDriver, label: str, scope=None):
    """The submit button people read as `label` (inside `scope` when given)."""
    return (scope or driver).find_element(By.XPATH, f".//button[normalize-space()='{label}']")


def earned_and_projected(driver: WebDriver) -> tuple[str, str]:
    """The dashboard's 'Đã đạt' (earned) and 'Dự kiến' (projected) figures, as shown."""
    figures = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=score-h] .figures").text
    projected = re.search(r"Dự kiến\s+([\d,]+)", figures).group(1)
    earned = re.search(r"Đã đạt\s+([\d,]+)", figures).group(1)
    return earned, projected


def as_number(shown: str) -> float:
    return float(shown.replace(",", "."))


def period_section(driver: WebDriver):
    return driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=period-h]")


def officer_updates_task_and_submits_report(driver: WebDriver, base: str) -> str:
    """Returns the URL of the officer's report page."""
    assert sign_in(driver, base, "bagiang.tpht") == "/viec-cua-toi"
    driver.find_element(By.PARTIAL_LINK_TEXT, OFFICER_TASK).click()
    task_path = path_of(driver)
    assert re.fullmatch(r"/nhiem-vu/\d+", task_path)

    # Evidence: a plain multipart form post (the progress script is off).
    driver.find_element(By.ID, "file").send_keys(str(EVIDENCE))
    submit(button(driver, t("task.evidence_submit")))
    assert notice(driver) == t("web.evidence_added")
    evidence = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=ev-h]")
    assert "report.pdf" in evidence.text

    # The update: done at 100 %, with a note.
    Select(driver.find_element(By.ID, "state")).select_by_value("done")
    progress = driver.find_element(By.ID, "progress")
    progress.clear()
    progress.send_keys("100")
    note = "Đã hoàn thành, có báo cáo kết quả theo dõi thi hành pháp luật kèm theo."
    driver.find_element(By.ID, "note").send_keys(note)
    submit(button(driver, t("task.update_submit")))
    assert path_of(driver) == task_path
    assert notice(driver) == t("web.task_updated")
    state = driver.find_element(By.CSS_SELECTOR, "dl.facts span.status")
    assert "done_on_time" in status_classes(state), state.get_attribute("class")
    assert note in driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=hist-h]").text
    screenshot(driver, "officer-task-after-update-nojs")

    # The officer's part of the nine-month report, from "Việc của tôi".
    driver.get(base + "/viec-cua-toi")
    driver.find_element(By.PARTIAL_LINK_TEXT, f"{NINE_MONTHS} — Tư pháp – Hộ tịch").click()
    assert re.fullmatch(r"/ky-bao-cao/\d+/vi-tri/\d+", path_of(driver))
    narrative = driver.find_element(By.ID, "narrative")
    narrative.send_keys("\nĐã hoàn thành nhiệm vụ theo dõi thi hành pháp luật; tài liệu kiểm chứng kèm theo.")
    submit(button(driver, t("report.submit")))
    assert notice(driver) == t("web.report_submitted")
    heading_status = driver.find_element(By.CSS_SELECTOR, "main > p span.status")
    assert "on_time" in status_classes(heading_status), heading_status.get_attribute("class")
    return driver.current_url


@pytest.mark.today("10/09/2023")
def test_report_cycle_from_officer_to_reviewer(fresh_demo_server, chromium):
    server, driver = fresh_demo_server, chromium
    base = server.base
    officer_browser = start_chromium(javascript=False)
    try:
        # 1. The reviewer before: nothing sent yet for nine months; Ba Thành's six-month report missing.
        assert sign_in(driver, base, "noivu.bato") == "/giam-sat/2"
        assert matrix_status(driver, BA_GIANG, NINE_MONTHS) == "not_yet_due"
        assert matrix_status(driver, BA_THANH, SIX_MONTHS) == "missing"
        screenshot(driver, "cycle-1-reviewer-before")

        # 2. The chairperson's projection before.
        assert sign_in(driver, base, "bagiang.chutich") == "/xa/3"
        earned_before, projected_before = earned_and_projected(driver)
        status = period_section(driver).find_element(By.CSS_SELECTOR, "p span.status")
        assert "not_yet_due" in status_classes(status)

        # 3. The officer, without JavaScript.
        assert_page_scripts_disabled(officer_browser)
        officer_report_url = officer_updates_task_and_submits_report(officer_browser, base)

        # 4. The chairperson sees the projection move and asks for an explanation in one click.
        driver.get(base + "/xa/3")
        earned_after, projected_after = earned_and_projected(driver)
        assert as_number(earned_after) > as_number(earned_before), (earned_before, earned_after)
        screenshot(driver, "cycle-4-chairperson-projection-changed")
        overdue_item = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=overdue-h] li.task")
        overdue_title = overdue_item.find_element(By.CSS_SELECTOR, "a.title").text
        submit(button(driver, t("dashboard.ask_explanation"), overdue_item))
        assert notice(driver) == t("web.explanation_sent")

        # 5. The overdue task's holder sees the request on "Việc của tôi" and answers it.
        assert sign_in(driver, base, "bagiang.vptk") == "/viec-cua-toi"
        requests = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=explain-h]")
        requests.find_element(By.PARTIAL_LINK_TEXT, overdue_title[:50]).click()
        answer = "Đang chờ hướng dẫn của huyện về danh mục vị trí việc làm; dự kiến hoàn thành 30/10/2023."
        driver.find_element(By.CSS_SELECTOR, "article.explanation textarea[name=answer]").send_keys(answer)
        submit(button(driver, t("task.answer_submit")))
        assert notice(driver) == t("web.explanation_answered")
        assert answer in driver.find_element(By.CSS_SELECTOR, "article.explanation").text

        # 6. Five days later, on the commune report's due day, the chairperson sends it.
        server.restart(today="15/09/2023")
        assert sign_in(driver, base, "bagiang.chutich") == "/xa/3"
        submit(button(driver, t("dashboard.compile"), period_section(driver)))
        assert notice(driver) == t("web.report_compiled")
        submit(button(driver, t("dashboard.approve_submit"), period_section(driver)))
        assert notice(driver) == t("web.report_sent")
        status = period_section(driver).find_element(By.CSS_SELECTOR, "p span.status")
        assert "on_time" in status_classes(status), status.get_attribute("class")
        with pytest.raises(NoSuchElementException):  # nothing left to send
            button(driver, t("dashboard.approve_submit"), period_section(driver))

        # 7. The reviewer after: on time; then the period is locked for the whole district.
        assert sign_in(driver, base, "noivu.bato") == "/giam-sat/2"
        assert matrix_status(driver, BA_GIANG, NINE_MONTHS) == "on_time"
        assert matrix_status(driver, BA_THANH, SIX_MONTHS) == "missing"
        screenshot(driver, "cycle-7-reviewer-after")
        headers = [th.text.split("\n")[0] for th in driver.find_elements(
            By.CSS_SELECTOR, "section[aria-labelledby=matrix-h] thead th")]
        lock_cell = driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=matrix-h] tfoot td")[
            headers.index(NINE_MONTHS)]
        submit(button(driver, t("district.lock"), lock_cell))
        assert notice(driver) == t("web.periods_locked", period=NINE_MONTHS, count=3)

        # The lock shows where people work: the officer's report form is gone.
        officer_browser.get(officer_report_url)
        assert t("report.locked_notice") in main_text(officer_browser)
        assert not officer_browser.find_elements(By.ID, "narrative")
        driver.get(base + "/xa/3")
        assert t("report.locked_notice") in period_section(driver).text

        # A write that bypasses the page is refused by the server as well.
        officer = HttpSession(base)
        officer.sign_in("bagiang.tpht")
        report_path = urllib.parse.urlsplit(officer_report_url).path
        forged = "Sửa sau khi kỳ đã khóa"
        officer.request(report_path, {"_csrf": officer.csrf(report_path), "narrative": forged, "save": "1"})
        assert forged not in officer.get_text(report_path)
    finally:
        officer_browser.quit()
