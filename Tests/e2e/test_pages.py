"""Every main page of every demo role, in headless Chromium with JavaScript on (so anything a page
would load or run does): it answers 200; it loads nothing from another host; its only script is the
optional upload-progress one, with no inline script or on* handler; every form control has a label;
axe-core finds nothing serious or critical; and it is photographed at 1280 and 375 px wide into
artifacts/screenshots/. axe's full findings go to artifacts/accessibility/<role>-<page>.json.
"""

from __future__ import annotations

import json
import urllib.parse

import pytest
from axe_selenium_python import Axe

from browser import network_log, foreign_requests, screenshot, sign_in
from main_pages import ROLES, main_pages
from partrack_server import REPO

ACCESSIBILITY = REPO / "artifacts" / "accessibility"
# Scripts a page may carry: progressive enhancement only (each flow also passes with JavaScript off).
ALLOWED_SCRIPTS = {"/js/upload.js"}
FAILING_IMPACTS = {"serious", "critical"}

UNLABELLED_CONTROLS = """
const named = (el) => {
  if (el.labels && [...el.labels].some(l => l.textContent.trim())) return true;
  if ((el.getAttribute('aria-label') || '').trim()) return true;
  const ids = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
  if (ids.some(id => { const t = document.getElementById(id); return t && t.textContent.trim(); })) return true;
  return (el.getAttribute('title') || '').trim() !== '';
};
const controls = document.querySelectorAll(
  'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]), select, textarea, progress, meter');
const buttons = document.querySelectorAll('button, input[type=submit], input[type=button]');
return [...controls].filter(el => !named(el)).map(el => el.outerHTML.slice(0, 120))
  .concat([...buttons].filter(b => !(b.textContent.trim() || b.value || b.getAttribute('aria-label')))
  .map(b => b.outerHTML.slice(0, 120)));
"""

SCRIPTS_AND_HANDLERS = """
const scripts = [...document.scripts].map(s => s.src ? new URL(s.src).pathname + '|' + new URL(s.src).host
  : 'inline: ' + s.text.trim().slice(0, 60));
const handlers = [];
for (const el of document.querySelectorAll('*'))
  for (const a of el.attributes) if (a.name.startsWith('on')) handlers.push(el.tagName + ' ' + a.name);
const jsLinks = [...document.querySelectorAll('[href^="javascript:"], [action^="javascript:"]')]
  .map(e => e.outerHTML.slice(0, 80));
return {scripts, handlers, jsLinks};
"""

AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations), e => done({error: String(e)}));
"""


def axe_violations(driver) -> list[dict]:
    Axe(driver).inject()  # the axe.min.js bundled in the PyPI package: no network needed
    violations = driver.execute_async_script(AXE_RUN)
    assert not (isinstance(violations, dict) and "error" in violations), violations
    return violations


@pytest.mark.parametrize("role", list(ROLES))
def test_main_pages_are_accessible_self_contained_and_photographed(role, demo_server, chromium):
    base = demo_server.base
    pages = main_pages(base, [role])
    if ROLES[role]:
        sign_in(chromium, base, ROLES[role])
    else:
        chromium.delete_all_cookies()
    chromium.set_script_timeout(60)
    network_log(chromium)  # start the request log afresh
    ACCESSIBILITY.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    for page in pages:
        chromium.get(base + page.path)
        urls, documents = network_log(chromium)
        where = f"{page.slug} ({page.path})"

        wanted = urllib.parse.urlsplit(base + page.path).path
        statuses = [status for url, status in documents if urllib.parse.urlsplit(url).path == wanted]
        if statuses != [200]:
            problems.append(f"{where}: answered {statuses or documents}")
        for url in foreign_requests(urls, base):
            problems.append(f"{where}: request to another host: {url}")

        found = chromium.execute_script(SCRIPTS_AND_HANDLERS)
        own_host = urllib.parse.urlsplit(base).netloc
        for script in found["scripts"]:
            path, _, host = script.partition("|")
            if script.startswith("inline:") or host != own_host or path not in ALLOWED_SCRIPTS:
                problems.append(f"{where}: script not allowed: {script}")
        problems += [f"{where}: inline event handler {h}" for h in found["handlers"]]
        problems += [f"{where}: javascript: URL {h}" for h in found["jsLinks"]]

        problems += [f"{where}: control without a label: {c}" for c in chromium.execute_script(UNLABELLED_CONTROLS)]

        violations = axe_violations(chromium)
        (ACCESSIBILITY / f"{page.slug}.json").write_text(json.dumps(violations, ensure_ascii=False, indent=1))
        for violation in violations:
            line = (f"{where}: axe {violation['impact']} {violation['id']}: {violation['help']} — "
                    + "; ".join(node["html"][:100] for node in violation["nodes"][:3]))
            if violation["impact"] in FAILING_IMPACTS:
                problems.append(line)
            else:
                print("note:", line)

        screenshot(chromium, page.slug)
        network_log(chromium)  # the screenshots' re-layout requests nothing new, but keep pages apart
    assert not problems, "\n".join(problems)


BROKEN_PAGE = ("data:text/html;charset=utf-8,<!doctype html><html><head><title>x</title></head><body>"
               "<form><input name=q><select name=s><option>1</option></select><button></button></form>"
               "<img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='><script>var inline = 1</script>"
               "<a href='javascript:void(0)' onclick='x()'>go</a></body></html>")


def test_the_checks_catch_a_page_that_breaks_the_rules(chromium):
    """The checks above can fail: on a page made to break each rule, each one reports it."""
    chromium.get(BROKEN_PAGE)
    unlabelled = chromium.execute_script(UNLABELLED_CONTROLS)
    assert len(unlabelled) == 3, unlabelled  # the input, the select, the empty button
    found = chromium.execute_script(SCRIPTS_AND_HANDLERS)
    assert any(s.startswith("inline:") for s in found["scripts"])
    assert found["handlers"] == ["A onclick"] and len(found["jsLinks"]) == 1
    serious = {v["id"] for v in axe_violations(chromium) if v["impact"] in FAILING_IMPACTS}
    assert {"label", "image-alt", "button-name"} <= serious, serious
    assert foreign_requests(
        ["http://127.0.0.1:8080/css/site.css", "data:image/png;base64,AA", "https://fonts.example.org/a.css",
         "http://localhost:8080/x"], "http://127.0.0.1:8080") == ["https://fonts.example.org/a.css",
                                                                "http://localhost:8080/x"]
