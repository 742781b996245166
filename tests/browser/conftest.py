"""Fixtures for the browser tests: browsers (a phone at 360×640, the projector at 1920×1080)
and a real server on the bundled stories plus this folder's test stories."""

import json
import shutil

import pytest

from conftest import ForumProcess, phone_maker

from .pages import AXE_REPORT, HERE, REPO, SCREENSHOTS, PHONE, Browser


@pytest.fixture
def browsers():
    """Makes browsers: browsers(PHONE) or browsers(PROJECTOR, dark=True); all quit afterwards."""
    made: list[Browser] = []

    def make(size=PHONE, **kwargs) -> Browser:
        browser = Browser(size, **kwargs)
        made.append(browser)
        return browser

    yield make
    for browser in made:
        browser.quit()


@pytest.fixture
def show(tmp_path):
    """A real server on the bundled stories plus the test stories (one whose text is markup,
    one in Arabic)."""
    scenarios = tmp_path / "scenarios"
    shutil.copytree(REPO / "scenarios", scenarios)
    for story in (HERE / "scenarios").glob("*.yaml"):
        shutil.copy(story, scenarios / story.name)
    # A fixed join address keeps the projector's screenshots (text and QR) the same every run.
    server = ForumProcess(tmp_path, scenarios=scenarios, extra_args=["--join-url", "http://192.168.1.20:8080/"]).start()
    yield server
    server.stop()


@pytest.fixture
def crowd(show):
    """Makes protocol-level audience phones on the `show` server; all closed afterwards."""
    with phone_maker(show) as make:
        yield make


def pytest_sessionfinish(session, exitstatus):
    if AXE_REPORT:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / "axe-report.json"
        existing = json.loads(path.read_text()) if path.exists() else {}
        existing.update(AXE_REPORT)
        path.write_text(json.dumps(dict(sorted(existing.items())), indent=1, ensure_ascii=False) + "\n")
