"""The room's voice in the console: the real `forum host` in tmux against a real server, with
phones tapping Stop and proposing over the live protocol; a golden screen at 80×24."""

import uuid

from .terminal import check_golden


def speak(phone, message: dict) -> dict:
    """Sends an audience message with a ref and returns its answer."""
    ref = uuid.uuid4().hex[:6]
    phone.send({**message, "ref": ref})
    while True:
        answer = phone.receive()
        if answer.get("ref") == ref:
            return answer


def test_stops_and_proposals_in_the_console(forum, phones, console):
    screen = console(80, 24)
    screen.wait_for("No story running")
    forum.host("start", "sams-night")
    screen.wait_for("Scene 1 of 16")
    assert "Stop:" not in screen.capture(), "no line while there is no news"

    crowd = [phones() for _ in range(3)]
    for phone in crowd:
        assert speak(phone, {"type": "intervene", "on": True})["stop"] is True
    screen.wait_for("Stop: 3 want to step in (a: acknowledge)")
    speak(crowd[2], {"type": "intervene", "on": False})
    screen.wait_for("Stop: 2 want to step in")

    screen.keys("a")
    screen.wait_for("Stop: 2 want to step in (2 acknowledged)")
    screen.keys("w")
    screen.wait_for("proposals open")
    # A proposal carrying an escape sequence shows as text: nothing reaches the terminal.
    assert speak(crowd[0], {"type": "propose", "text": "Ring her \x1b[2Jsister"})["type"] == "voice"
    screen.wait_for("1 waiting: P1")
    check_golden("80x24-room-voice", screen.settled())

    # The host moderates by typed commands too; the proposer hears at once.
    screen.keys(":approve p1", "Enter")
    screen.wait_for("1 approved")
    told = crowd[0].expect("voice")
    assert told["proposals"][0]["status"] == "approved"
    forum.host("next")
    screen.wait_for("Scene 2 of 16")
    screen.keys("o")
    screen.wait_for("Vote · OPEN")
    screen.keys(":adopt P1", "Enter")
    screen.wait_for("Vote · not open yet")
    screen.keys("o")
    screen.wait_for("Vote · OPEN")
    screen.wait_for("4 Ring her")
