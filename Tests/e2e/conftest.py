"""Fixtures: the server binary, servers on fresh data directories, and headless Chromium.

The server is the real binary (`$(swift build --show-bin-path)/partrack-server`, or PARTRACK_SERVER_BIN),
started on a free port with a fresh data directory and the demo loaded, so every run starts from the
freshly seeded demo. Its log goes to artifacts/e2e-logs/.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from browser import SCREENSHOTS, start_chromium  # noqa: E402
from partrack_server import REPO, PartrackServer, server_binary, wait_clear_of_vietnam_midnight  # noqa: E402

LOGS = REPO / "artifacts" / "e2e-logs"


@pytest.fixture(scope="session")
def server_bin() -> Path:
    return server_binary()


@pytest.fixture(scope="session", autouse=True)
def clear_of_midnight():
    # The scenarios pin the day with PARTRACK_TODAY; the time of day is real (see the helper).
    wait_clear_of_vietnam_midnight()


@pytest.fixture(scope="session")
def demo_server(server_bin):
    """The demo as people first see it: 20/06/2023, the six-month reports just past."""
    server = PartrackServer(server_bin, today="20/06/2023", log_dir=LOGS, name="demo-20-06-2023").start()
    yield server
    server.stop()


@pytest.fixture()
def fresh_demo_server(server_bin, request):
    """A demo server of its own, for a scenario that changes data; `today` comes from the test's
    `pytest.mark.today("dd/mm/yyyy")`."""
    marker = request.node.get_closest_marker("today")
    today = marker.args[0] if marker else "20/06/2023"
    name = request.node.name.replace("[", "-").replace("]", "")
    server = PartrackServer(server_bin, today=today, log_dir=LOGS, name=name).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def chromium():
    """One JavaScript-enabled Chromium for the read-only checks; sign_in() clears its cookies."""
    driver = start_chromium(javascript=True)
    yield driver
    driver.quit()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failure, keep a picture of what the browser showed."""
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        for name in ("chromium", "driver"):
            driver = item.funcargs.get(name)
            if driver is not None:
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                try:
                    driver.save_screenshot(str(SCREENSHOTS / f"FAILED-{item.name}.png"))
                except Exception:
                    pass
