"""The end of the day, the event's own support lines, what comes next between stories, and a
join QR code the back of a hall can scan: phones and the projector, each state checked with
axe-core and photographed into docs/screenshots/."""

import subprocess
import time

from conftest import ForumProcess

from .pages import PHONE, PROJECTOR, REPO, SCREENSHOTS, start_again
from .png_scale import shrink

JOIN_URL = "http://192.168.1.20:8080/"


def decode_qr(png) -> list[str]:
    """Every QR code zbarimg finds in a PNG."""
    run = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(png)],
                         capture_output=True, text=True)
    return run.stdout.split()


def test_phone_between_stories_closing_late_arrival_and_lost_server(show, browsers):
    phone = browsers(PHONE).open(show.http + "/")
    phone.wait_text("The show will start soon.")
    # What comes next, from the programme in event.yaml; perspective asked once (below).
    phone.wait_text("Next: Crisis at night · 10:00", "#view")
    # The event's own support lines (scenarios/event.yaml), with a call button each.
    calls = {a.get_attribute("href"): a.get_attribute("textContent") for a in phone.finds("footer a.call")}
    assert calls == {"tel:116123": "Call 116 123", "tel:111": "Call 111", "tel:999": "Call 999"}
    assert "Samaritans · Free, day or night" in phone.js("return document.querySelector('footer').textContent")

    show.host("start", "sams-night")
    phone.wait_text("Before the story starts")
    show.host("end")
    phone.wait_text("Next: After the crisis · 13:30", "#view")
    assert "The next story will appear" not in phone.text("#view")
    phone.check_state("phone-17-between-stories")

    show.host("finish")
    phone.wait_text("The show has finished", "#view h1")
    phone.wait_text("The show has finished", "#announce")
    assert "Today's votes go into a report" in phone.text("#view")
    assert phone.js("return document.querySelector('footer details').open"), "support lines open on the closing screen"
    assert not phone.find("#pbox").is_displayed(), "no perspective question once the day is over"
    phone.check_state("phone-18-closing")

    late = browsers(PHONE).open(show.http + "/")
    late.wait_text("The show has finished", "#view h1")
    assert "Today's votes go into a report" in late.text("#view")
    late.check_state("phone-19-closing-late-arrival", screenshot=False)

    # The server goes away after the day: the closing screen stays, with a quiet note only,
    # also once "unreachable" would have come (a fast clock makes 30 s pass in 1.5 s).
    phone.js("var real = Date.now.bind(Date), start = real();"
             "Date.now = function () { return start + (real() - start) * 20; };")
    show.stop()
    phone.wait_text("no longer updates", "#conn")
    time.sleep(3)
    assert "The show has finished" in phone.text("#view h1")
    assert "can’t reach" not in phone.text("body") and not phone.finds("#conn button")
    phone.js("window.scrollTo(0, 0)")
    phone.check_state("phone-20-closing-server-gone")

    # start after finish reopens the show.
    start_again(show)
    show.host("start", "coming-home")
    late.wait_text("Before the story starts")
    assert "The show has finished" not in late.text("#view")
    assert not phone.console_errors() and not late.console_errors()


def test_a_test_event_shows_its_own_support_lines_and_none_without(tmp_path, browsers):
    for name, support, expected in [
        ("own", "support:\n  - { label: Mind Infoline, number: \"0300 123 3393\", when: \"9am to 6pm\" }\n"
                "  - { label: Crisis text line, link: https://giveusashout.org }\n",
         {"tel:03001233393": "Call 0300 123 3393", "https://giveusashout.org/": "giveusashout.org"}),
        ("none", "", {}),
    ]:
        scenarios = tmp_path / name / "scenarios"
        scenarios.mkdir(parents=True)
        (scenarios / "coming-home.yaml").write_text((REPO / "scenarios" / "coming-home.yaml").read_text())
        (scenarios / "event.yaml").write_text("title: A test event\n" + support)
        server = ForumProcess(tmp_path / name, scenarios=scenarios).start()
        try:
            phone = browsers(PHONE).open(server.http + "/")
            phone.wait_text("The show will start soon.")
            phone.click("footer summary")
            calls = {a.get_attribute("href"): a.text for a in phone.finds("footer a.call")}
            assert calls == expected
            footer = phone.text("footer")
            assert "116 123" not in footer and "999" not in footer and "Samaritans" not in footer
            assert "The event team is here" in footer
            if name == "own":
                assert "Mind Infoline · 9am to 6pm" in footer
                phone.js("document.querySelector('footer').scrollIntoView()")
                phone.check_state("phone-support-lines-from-event")
            else:
                phone.check_state("phone-support-no-lines", screenshot=False)
        finally:
            server.stop()


def test_projector_qr_scans_at_a_third_join_screen_between_stories_and_closing(show, browsers, tmp_path):
    screen = browsers(PROJECTOR).open(show.http + "/screen")
    screen.wait_text("The show will start soon")
    screen.wait_text("Next: Crisis at night at 10:00")
    show.host("start", "sams-night")
    show.host("next")
    screen.wait_text("The vote opens soon")
    screen.wait(lambda b: b.js("var i = document.querySelector('#qr img'); return i && i.complete && i.naturalWidth > 0"))

    # During a story: the screenshot at 1920×1080, shrunk to a third, still decodes.
    full = screen.screenshot("screen-qr-during-story", full_page=False)
    assert decode_qr(full) == [JOIN_URL]
    third = tmp_path / "third.png"
    assert shrink(full, third, 3) == (640, 360)
    assert decode_qr(third) == [JOIN_URL], "the join QR must scan from a third of the size"
    size = screen.js("return document.querySelector('#qr img').getBoundingClientRect().width")
    assert size >= 200, size

    # The join screen: a huge QR code and the address, until the host turns it off...
    show.host("join", "on")
    screen.wait(lambda b: "joinscreen" in b.js("return document.body.className"))
    assert screen.js("return document.querySelector('#qr img').getBoundingClientRect().width") >= 600
    assert "192.168.1.20:8080" in screen.text("#join-urls")
    assert "Who should Maya call?" not in screen.text("body")
    screen.check_state("screen-13-join-screen")
    shrink(SCREENSHOTS / "screen-13-join-screen.png", tmp_path / "join-third.png", 3)
    assert decode_qr(tmp_path / "join-third.png") == [JOIN_URL]
    show.host("join", "off")
    screen.wait(lambda b: "joinscreen" not in b.js("return document.body.className"))
    # ...or the scene changes.
    show.host("join", "on")
    screen.wait(lambda b: "joinscreen" in b.js("return document.body.className"))
    show.host("choose", "crisis-line")
    screen.wait(lambda b: "joinscreen" not in b.js("return document.body.className"))

    # Between stories: what comes next from the programme.
    show.host("end")
    screen.wait_text("Next: After the crisis at 13:30")
    screen.check_state("screen-14-between-stories")

    # The end of the day.
    show.host("finish")
    screen.wait_text("Thank you for coming")
    text = screen.text("body")
    assert "Today's votes go into a report" in text
    assert "Samaritans 116 123 · Free, day or night" in text
    assert not screen.find("#join").is_displayed()
    screen.check_state("screen-15-closing")
    # The server gone after the day: the projector keeps the closing screen, with no banner.
    show.stop()
    time.sleep(2)
    assert screen.text("#conn") == "" and "Thank you for coming" in screen.text("#stage")
    assert not screen.console_errors()
