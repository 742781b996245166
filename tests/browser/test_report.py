"""`forum report` after a scripted show on a real server: phones over the protocol, a replay
in which people change their minds, a host override, a small round and a facilitator's note.
The report's figures equal the export's; the community edition hides what the room's rule
hides; the page renders in headless chromium, passes axe, prints to A4 PDF, and its pages go
into docs/screenshots."""

import json
import re
import shutil
import subprocess

import pytest

from conftest import HOST_KEY, forum_binary

from .pages import CHROMIUM, PHONE, SCREENSHOTS, Browser

NOTE = "Police said a 2am call would wait 4 hours"


def scripted_show(show, crowd):
    """Round D1 on the-call: 6 police (5 police, 1 crisis line), 3 lived experience, 2 carers
    and 1 phone with no perspective; D2 replays it and 4 police voters change their minds;
    the host then chooses police against the room; D3 has 3 voters."""
    show.host("start", "sams-night")
    show.host("next")
    show.host("open")
    people = ([crowd(perspective="police") for _ in range(6)] + [crowd(perspective="lived-experience") for _ in range(3)]
              + [crowd(perspective="carer") for _ in range(2)] + [crowd()])
    first = ["police"] * 5 + ["crisis-line"] * 4 + ["crisis-line", "wait-for-gp", "crisis-line"]
    people[0].vote("wait-for-gp")  # changes to police below
    for phone, option in zip(people, first):
        phone.vote(option)
    show.host("note", NOTE)
    show.host("reveal")
    show.host("replay")
    show.host("open")
    second = ["crisis-line"] * 4 + ["police"] + first[5:]
    for phone, option in zip(people, second):
        phone.vote(option, "D2")
    show.host("close")
    show.host("choose", "police")  # the room chose crisis-line: the host chose
    show.host("open")
    for phone, option in zip(people[:3], ["phone-advice", "phone-advice", "ask-maya"]):
        phone.vote(option, "D3")
    show.host("follow")
    return people


def run(*args):
    result = subprocess.run([str(forum_binary()), *args], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_report_of_a_scripted_show(show, crowd, browsers, tmp_path):
    scripted_show(show, crowd)
    export, community, organisers = tmp_path / "export", tmp_path / "community", tmp_path / "organisers"
    run("export", "--db", str(show.db), "--out", str(export))
    scenarios = ["--scenarios", str(show.scenarios)]
    run("report", "--db", str(show.db), "--out", str(community), *scenarios)
    run("report", "--db", str(show.db), "--out", str(organisers), "--edition", "organisers", *scenarios)
    exported = json.loads((export / "rounds.json").read_text())
    full = json.loads((organisers / "report.json").read_text())
    public = json.loads((community / "report.json").read_text())

    # The organisers' figures are the export's, exactly.
    for report_round in full["rounds"]:
        rows = [row for row in exported if row["round"] == report_round["round"]]
        assert [o["votes"] for o in report_round["options"]] == [row["count"] for row in rows]
        for group in report_round["by_perspective"]:
            key = group["group"]
            expected = [row["no_perspective"] if key == "no_perspective" else row["by_perspective"][key] for row in rows]
            assert [group["votes"].get(o["id"], 0) for o in report_round["options"]] == expected
    assert [r["round"] for r in full["rounds"]] == ["D1", "D2", "D3"]
    assert [r["replay_of"] for r in full["rounds"]] == [None, "D1", None]
    assert full["rounds"][0]["changed_vote"] == 1
    assert [r["voters"] for r in full["rounds"]] == [12, 12, 3]

    # The route, with the host's choice against the room.
    route = full["runs"][0]["route"]
    assert [step["scene"] for step in route] == ["kitchen", "the-call", "the-call", "police-arrive", "street-triage"]
    override = route[3]
    assert (override["option"], override["room_choice"], override["followed_room"]) == ("police", "crisis-line", False)
    assert route[4]["followed_room"] is True
    exported_route = json.loads((export / "route.json").read_text())
    assert [row["scene"] for row in exported_route] == [step["scene"] for step in route]

    # The replay: 12 people voted both times, 4 moved (police to crisis line).
    replay = full["replays"][0]
    assert (replay["paired"], replay["moved"], replay["stayed"]) == (12, 4, 8)
    assert replay["transitions"] == [{"from": "police", "to": "crisis-line", "people": 4}]
    assert replay["mcnemar"] is None  # 4 changes cannot mean anything
    assert full["notes"][0]["text"] == NOTE and full["notes"][0]["round"] == "D1"

    # The community edition: the room's rule. D1 shows Police 6 and Everyone else 6 only.
    d1 = public["rounds"][0]
    assert [g["group"] for g in d1["by_perspective"]] == ["police", "everyone_else"]
    assert sorted(d1["hidden_groups"]) == ["carer", "lived-experience", "no_perspective"]
    assert [o["votes"] for o in d1["options"]] == [o["votes"] for o in full["rounds"][0]["options"]]
    d3 = public["rounds"][2]
    assert not d3["counts_shown"] and all(o["votes"] is None for o in d3["options"]) and d3["by_perspective"] == []
    assert public["replays"][0]["moved"] is None and public["replays"][0]["transitions"] == []
    assert public["for_publication"] and not full["for_publication"]
    page = (community / "index.html").read_text()
    assert "Family member or carer (2)" not in page and "fewer than 5" in page
    assert "http://" not in page and "https://" not in page and "<script" not in page

    # Rendered: axe on both editions, a screenshot, and the A4 print.
    for name, folder in (("report-community", community), ("report-organisers", organisers)):
        browser = browsers((900, 1200))
        browser.open((folder / "index.html").as_uri())
        browser.wait_text(NOTE)
        browser.check_state(name)
        assert "not for publication" in browser.text() or name == "report-community"
        pdf = tmp_path / f"{name}.pdf"
        subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf}", (folder / "index.html").as_uri()],
                       check=True, capture_output=True, timeout=120)
        assert pdf.read_bytes().startswith(b"%PDF")
        if shutil.which("pdftoppm"):
            for old in SCREENSHOTS.glob(f"{name}-page-*.png"):
                old.unlink()
            subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(SCREENSHOTS / f"{name}-page")], check=True)
            assert list(SCREENSHOTS.glob(f"{name}-page-*.png"))


def frame_text(browser: Browser) -> str:
    """The text of the report shown in the live page's sandboxed frame."""
    browser.driver.switch_to.frame(browser.find("#frame"))
    try:
        return browser.text()
    finally:
        browser.driver.switch_to.default_content()


def votes_cast(browser: Browser) -> int | None:
    found = re.search(r"Votes cast\s*(\d+)", frame_text(browser))
    return int(found.group(1)) if found else None


def test_live_report_from_the_server(show, crowd, browsers):
    """/report on forum serve: a wrong key is refused; the right one shows the report with the
    votes so far (built from the database while the show runs); a later vote and Refresh show
    it; Download saves the page. The key never reaches the address bar or the browser's storage,
    and the report runs in a frame with no scripts."""
    show.host("start", "sams-night")
    show.host("next")
    show.host("open")
    people = [crowd(perspective="police") for _ in range(6)]
    for phone in people[:5]:
        phone.vote("police")

    phone = browsers(PHONE)
    phone.open(show.http + "/report")
    phone.wait_text("Host key")
    phone.check_state("report-live-01-host-key")
    phone.find("#key").send_keys("not-the-key")
    phone.click("#show")
    phone.wait_text("That host key is wrong.", "#status")
    assert phone.find("#result").get_attribute("hidden") is not None
    assert phone.find("#key").get_attribute("value") == ""
    phone.check_state("report-live-02-wrong-key")

    laptop = browsers((1280, 900))
    laptop.open(show.http + "/report")
    laptop.find("#key").send_keys(HOST_KEY)
    laptop.click("#organisers")
    laptop.click("#show")
    laptop.wait_text("Report built at", "#status")
    assert "organisers edition" in laptop.text("#status")
    assert laptop.find("#frame").get_attribute("sandbox") == "allow-same-origin"  # never allow-scripts
    # The report's own style applies inside the frame (the page's CSP stops its <style>).
    assert laptop.js("var d = document.getElementById('frame').contentDocument;"
                     "return getComputedStyle(d.querySelector('main')).maxWidth") == "736px"  # 46rem: the report style applies
    assert votes_cast(laptop) == 5
    assert "not for publication" in frame_text(laptop)
    assert HOST_KEY not in laptop.driver.current_url
    assert laptop.js("return sessionStorage.length + localStorage.length") == 0

    people[5].vote("crisis-line")
    laptop.click("#refresh")
    laptop.wait(lambda b: votes_cast(b) == 6, message="the refreshed report has the sixth vote")
    laptop.check_state("report-live-03-report")

    # Download: the page the frame shows, as a file named for its edition.
    laptop.js("""window.saved = null; var make = URL.createObjectURL;
                 URL.createObjectURL = function (blob) { window.blob = blob; return make(blob); };
                 HTMLAnchorElement.prototype.click = function () {
                   window.saved = {name: this.download, href: this.href}; };""")
    laptop.click("#download")
    saved = laptop.js("return window.saved")
    assert saved["name"] == "forum-report-organisers.html" and saved["href"].startswith("blob:")
    html = laptop.driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "window.blob.text().then(done, function (e) { done(String(e)); });")
    assert html.startswith("<!doctype html>") and "Votes cast" in html
