"""Issue 8 end to end in headless Chromium: one commune's self-assessment, submission, appraisal by
two council members and publication, on a freshly seeded demo server (PARTRACK_TODAY=25/11/2023,
inside seed 000's official window 21/11–10/12/2023).

  1. reviewer noivu.bato opens a round for xã Ba Giang on the demo catalog (trial 10–20/11, official
     from 21/11, closes 10/12/2023);
  2. chairperson bagiang.chutich gives area 2 to Tư pháp – Hộ tịch, fills the draft from the plan's
     progress and confirms the suggestions of the criteria that are the leader's;
  3. officer bagiang.tpht uploads a file once, offers it as evidence for a criterion of area 2 with a
     page pointer, confirms the other suggestions of area 2 and explains what has no evidence;
  4. the chairperson explains the rest, prints the report, and presses "Gửi thẩm định" with the signed
     scan; the self scores are then frozen;
  5. the reviewer sets up the council: Phòng Tư pháp (tuphap.bato) appraises areas 1–3, Phòng Văn hóa
     và Thông tin (vanhoa.bato) areas 4–7;
  6. tuphap.bato lowers one score — refused without a reason, accepted with one — and accepts the rest;
     vanhoa.bato accepts the rest of theirs;
  7. the reviewer previews the results (rank 1/1) and publishes; the chairperson then reads the
     official rank and sees the council's reason beside the criterion.
"""

from __future__ import annotations

import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select

from browser import main_text, notice, path_of, screenshot, sign_in, submit
from locale_text import t
from partrack_server import REPO

EVIDENCE = REPO / "Tests" / "Fixtures" / "evidence" / "report.pdf"
SCAN = REPO / "Tests" / "Fixtures" / "evidence" / "scan.tiff"
BA_GIANG = "UBND xã Ba Giang"
TITLE = "Tự đánh giá Chỉ số CCHC năm 2023 (thử nghiệm)"
EXPLANATION = "Đã thực hiện, hồ sơ lưu tại Văn phòng UBND xã; sẽ bổ sung bản scan khi Hội đồng yêu cầu."


def button(scope, label: str):
    return scope.find_element(By.XPATH, f".//button[normalize-space()='{label}']")


def select_by_label(driver: WebDriver, label_start: str):
    """The <select> whose <label> text starts with `label_start` (e.g. "2 Cải cách thể chế")."""
    for label in driver.find_elements(By.CSS_SELECTOR, "main label[for]"):
        if label.text.strip().startswith(label_start):
            return Select(driver.find_element(By.ID, label.get_attribute("for")))
    raise AssertionError(f"no control labelled {label_start!r}")


def unit_page(driver: WebDriver, base: str) -> str:
    """Opens the round from "/danh-gia" as a person of the unit would; returns the page's path."""
    driver.get(base + "/danh-gia")
    driver.find_element(By.LINK_TEXT, TITLE).click()
    assert re.fullmatch(r"/danh-gia/\d+/don-vi/\d+", path_of(driver)), path_of(driver)
    return path_of(driver)


def explain_what_lacks_evidence(driver: WebDriver) -> int:
    """Gives an explanation to every criterion this person may score whose row shows a problem (a score
    above zero without evidence, or nothing scored: then 0). Returns how many were fixed."""
    fixed = 0
    while True:
        rows = [row for row in driver.find_elements(By.CSS_SELECTOR, "main tbody tr")
                if row.find_elements(By.CSS_SELECTOR, "p.notice.error") and row.find_elements(By.TAG_NAME, "form")]
        if not rows:
            return fixed
        row = rows[0]
        score = row.find_element(By.CSS_SELECTOR, "input[name=score]")
        if not score.get_attribute("value"):
            score.send_keys("0")
        explanation = row.find_element(By.CSS_SELECTOR, "textarea[name=explanation]")
        explanation.clear()
        explanation.send_keys(EXPLANATION)
        submit(button(row, t("assess.score_submit")))
        assert notice(driver).startswith(t("assess.score_saved", code="")[:12]), notice(driver)
        fixed += 1
        assert fixed < 80, "explanations do not clear the problems"


@pytest.mark.today("25/11/2023")
def test_one_commune_from_self_assessment_to_published_rank(fresh_demo_server, chromium):
    base, driver = fresh_demo_server.base, chromium

    # 1. The reviewer opens the round for Ba Giang alone.
    sign_in(driver, base, "noivu.bato")
    driver.get(base + "/danh-gia")
    title = driver.find_element(By.ID, "title")
    title.clear()
    title.send_keys(TITLE)
    for box in driver.find_elements(By.CSS_SELECTOR, "input[name='unitIDs[]']"):
        label = box.find_element(By.XPATH, "./..").text.strip()
        if (label == BA_GIANG) != box.is_selected():
            box.click()
    for field, value in [("trialFrom", "10/11/2023"), ("trialTo", "20/11/2023"), ("officialFrom", "21/11/2023"),
                         ("closesOn", "10/12/2023")]:
        driver.find_element(By.ID, field).send_keys(value)
    submit(button(driver, t("assess.open_submit")))
    assert notice(driver) == t("assess.round_opened", title=TITLE)
    assert re.fullmatch(r"/danh-gia/\d+", path_of(driver))
    round_path = path_of(driver)
    assert "10/12/2023 23:59" in main_text(driver)
    screenshot(driver, "assessment-1-round-opened")

    # 2. The chairperson: owners, draft, confirmation of the leader's own criteria.
    sign_in(driver, base, "bagiang.chutich")
    unit = unit_page(driver, base)
    select_by_label(driver, "2 ").select_by_visible_text("Tư pháp – Hộ tịch")
    submit(button(driver, t("assess.owners_submit")))
    assert notice(driver) == t("assess.owners_saved")
    submit(button(driver, t("assess.prefill_submit")))
    assert re.fullmatch(t("assess.prefilled", count=r"\d+"), notice(driver)), notice(driver)
    submit(button(driver, t("assess.confirm_submit")))
    assert re.fullmatch(t("assess.confirmed", count=r"\d+"), notice(driver)), notice(driver)
    # What is left for Tư pháp – Hộ tịch is still a suggestion.
    assert t("assess.source.suggested") in main_text(driver)

    # 3. The officer of Tư pháp – Hộ tịch: one upload, offered as evidence with a page; then area 2.
    sign_in(driver, base, "bagiang.tpht")
    assert unit_page(driver, base) == unit
    driver.find_element(By.ID, "doc-file").send_keys(str(EVIDENCE))
    submit(button(driver, t("assess.upload_submit")))
    assert notice(driver) == t("assess.document_uploaded")
    area_two = [row for row in driver.find_elements(By.CSS_SELECTOR, "main tbody tr[id^='c-2-']")
                if row.find_elements(By.TAG_NAME, "form")]
    assert area_two, "the officer can score area 2"
    row_id = area_two[0].get_attribute("id")
    Select(area_two[0].find_element(By.CSS_SELECTOR, "select[name=addDocument]")).select_by_visible_text("report.pdf")
    area_two[0].find_element(By.CSS_SELECTOR, "input[name=addPointer]").send_keys("tr. 2")
    submit(button(area_two[0], t("assess.score_submit")))
    row = driver.find_element(By.ID, row_id)
    assert "report.pdf" in row.text and "tr. 2" in row.get_attribute("innerHTML")
    # Area 1 is not the officer's: no form there.
    assert not driver.find_elements(By.CSS_SELECTOR, "main tbody tr[id^='c-1-'] form")
    submit(button(driver, t("assess.confirm_submit")))
    explain_what_lacks_evidence(driver)

    # 4. The chairperson explains the rest, prints the report and submits with the signed scan.
    sign_in(driver, base, "bagiang.chutich")
    unit_page(driver, base)
    explain_what_lacks_evidence(driver)
    assert t("assess.ready")[:20] in main_text(driver), main_text(driver)[-600:]
    driver.get(base + unit + "/in")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in driver.page_source
    assert t("assess.print_self_title").upper() in driver.find_element(By.TAG_NAME, "h1").text.upper()
    screenshot(driver, "assessment-4-print-report")
    driver.get(base + unit)
    driver.find_element(By.ID, "scan").send_keys(str(SCAN))
    submit(button(driver, t("assess.submit_submit")))
    assert notice(driver) == t("assess.submitted")
    assert not driver.find_elements(By.CSS_SELECTOR, "main tbody form"), "the self scores are frozen"
    screenshot(driver, "assessment-4-submitted")

    # 5. The reviewer sets up the council.
    sign_in(driver, base, "noivu.bato")
    driver.get(base + round_path + "/hoi-dong")
    for name, office in [("Võ Văn Khánh", "Phòng Tư pháp"), ("Huỳnh Thị Mỹ", "Phòng Văn hóa và Thông tin")]:
        person = driver.find_element(By.XPATH, f"//main//tbody/tr[td[1][normalize-space()='{name}']]")
        person.find_element(By.CSS_SELECTOR, "input[name$='[member]']").click()
        person.find_element(By.CSS_SELECTOR, "input[name$='[office]']").send_keys(office)
    for area in "1234567":
        member = "Võ Văn Khánh" if area in "123" else "Huỳnh Thị Mỹ"
        select_by_label(driver, f"{area} ").select_by_visible_text(member)
    submit(button(driver, t("assess.council_submit")))
    assert notice(driver) == t("assess.council_saved")
    assert not driver.find_elements(By.CSS_SELECTOR, "main .card.attention"), "every criterion has its appraiser"

    # 6. The council appraises.
    sign_in(driver, base, "tuphap.bato")
    driver.get(base + "/danh-gia")
    driver.find_element(By.LINK_TEXT, TITLE).click()
    driver.find_element(By.LINK_TEXT, t("assess.appraise_link")).click()
    assert re.fullmatch(r"/danh-gia/\d+/tham-dinh/\d+", path_of(driver))
    lowered = None
    for row in driver.find_elements(By.CSS_SELECTOR, "main tbody tr"):
        cells = row.find_elements(By.TAG_NAME, "td")
        if row.find_elements(By.TAG_NAME, "form") and cells[2].text not in ("0", "—"):
            lowered = row.get_attribute("id")
            break
    assert lowered, "a criterion with a self score above zero to lower"
    row = driver.find_element(By.ID, lowered)
    row.find_element(By.CSS_SELECTOR, "input[value=score]").click()
    row.find_element(By.CSS_SELECTOR, "input[name=score]").send_keys("0")
    submit(button(row, t("assess.appraise_submit")))
    assert driver.find_elements(By.CSS_SELECTOR, "main p.notice.error"), "a changed score needs a reason"
    row = driver.find_element(By.ID, lowered)
    row.find_element(By.CSS_SELECTOR, "input[value=score]").click()
    row.find_element(By.CSS_SELECTOR, "input[name=score]").send_keys("0")
    reason = "Tài liệu kiểm chứng chưa thể hiện kết quả thực hiện"
    row.find_element(By.CSS_SELECTOR, "textarea[name=reason]").send_keys(reason)
    submit(button(row, t("assess.appraise_submit")))
    assert notice(driver).startswith(t("assess.appraised", code="")[:10]), notice(driver)
    assert reason in driver.find_element(By.ID, lowered).text
    submit(button(driver, t("assess.accept_remaining")))
    assert re.fullmatch(t("assess.accepted", count=r"\d+"), notice(driver)), notice(driver)
    screenshot(driver, "assessment-6-appraisal")

    sign_in(driver, base, "vanhoa.bato")
    driver.get(base + round_path)
    driver.find_element(By.LINK_TEXT, t("assess.appraise_link")).click()
    submit(button(driver, t("assess.accept_remaining")))
    assert re.fullmatch(t("assess.accepted", count=r"\d+"), notice(driver)), notice(driver)

    # 7. The reviewer previews and publishes; the chairperson reads the rank.
    sign_in(driver, base, "noivu.bato")
    driver.get(base + round_path + "/tien-do")
    done, total = re.match(r"(\d+)/(\d+)", driver.find_element(By.CSS_SELECTOR, "main p.big").text).groups()
    assert done == total, (done, total)
    driver.get(base + round_path + "/ket-qua")
    assert not driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=prob-h]"), main_text(driver)
    assert "1/1" in main_text(driver)
    submit(button(driver, t("assess.publish_submit")))
    assert notice(driver) == t("assess.published")
    assert not driver.find_elements(By.XPATH, f"//button[normalize-space()='{t('assess.publish_submit')}']")
    screenshot(driver, "assessment-7-published")

    sign_in(driver, base, "bagiang.chutich")
    driver.get(base + round_path + "/ket-qua")
    own = driver.find_element(By.CSS_SELECTOR, "main p.big").text
    assert own.startswith(BA_GIANG) and own.endswith("1/1"), own
    assert t("assess.published_at", at="")[:20] in main_text(driver)
    driver.get(base + unit)
    assert reason in main_text(driver)
    assert not driver.find_elements(By.CSS_SELECTOR, "main tbody form"), "published results are read-only"
