"""The moderator's console: `forum host --moderator` in tmux against a real server with a
moderator key of its own; phones propose over the live protocol, the moderator approves one
and merges another from the proposals screen, and the host's console (`m`) and the state the
server sends the /moderate page agree. A golden of the proposals screen at 80×24."""

import json

import pytest
import websocket

from conftest import ForumProcess, forum_binary

from .terminal import Screen, check_golden
from .test_console_voice import speak

MODERATOR_KEY = "moderator-key-for-console-tests"


@pytest.fixture
def moderated(tmp_path):
    """A real server with a moderator key from a file."""
    key_file = tmp_path / "moderator.key"
    key_file.write_text(MODERATOR_KEY + "\n")
    server = ForumProcess(tmp_path, extra_args=["--moderator-key-file", str(key_file)]).start()
    yield server
    server.stop()


def moderator_queue(server: ForumProcess) -> dict:
    """The queue as the server sends it to a moderator (what the /moderate page draws)."""
    socket = websocket.create_connection(server.ws, timeout=10)
    try:
        socket.send(json.dumps({"type": "hello", "role": "moderator", "key": MODERATOR_KEY}))
        while True:
            message = json.loads(socket.recv())
            if message.get("type") == "state":
                return {item["id"]: item for item in message["room"]["queue"]}
    finally:
        socket.close()


def test_a_moderator_console_approves_and_merges_and_the_host_agrees(moderated, tmp_path):
    from conftest import phone_maker, HOST_KEY

    server = moderated
    server.host("start", "sams-night")
    server.host("proposals", "on")
    opened: list[Screen] = []
    try:
        moderator = Screen([str(forum_binary()), "host", server.ws, "--moderator"], 80, 24,
                           {"FORUM_MODERATOR_KEY": MODERATOR_KEY})
        opened.append(moderator)
        moderator.wait_for("● live")
        moderator.wait_for("No proposals yet in this scene.")
        assert MODERATOR_KEY not in moderator.capture(), "the key is never shown"
        with phone_maker(server) as make:
            crowd = [make() for _ in range(3)]
            texts = ["Ring her sister \x1b[2J first", "Call her sister", "Sit with her and listen"]
            for phone, text in zip(crowd, texts):
                assert speak(phone, {"type": "propose", "text": text})["type"] == "voice"
            moderator.wait_for("P3    waiting")
            assert "\x1b" not in moderator.capture()
            # Select the first (the oldest waiting) and approve it.
            moderator.keys("Down")
            moderator.wait_for("▶ P1")
            moderator.keys("y")
            moderator.wait_for("P1    approved")
            # P2 is the same idea as P1: d on P2, up to P1, Enter.
            moderator.keys("Down")
            moderator.wait_for("▶ P2")
            moderator.keys("d")
            moderator.wait_for("P2 is the same idea as which proposal?")
            moderator.keys("Up", "Enter")
            moderator.wait_for("P2    merged into P1")
            moderator.wait_for("P1    approved  +1 same idea")
            # Adopting is the host's: not offered, refused with a word.
            assert "adopt" not in moderator.capture()
            moderator.keys("a")
            moderator.wait_for("Only the host can put a proposal to the vote.")
            moderator.keys("Down", "Down")
            moderator.wait_for("▶ P3")
            check_golden("80x24-proposals-moderator", moderator.settled())
            # Show keys are the host's.
            moderator.keys("m")
            moderator.wait_for("Moderating: the host runs the show")
            moderator.keys("n")
            moderator.wait_for("Only the host can do that")

            # The state the server sends the moderation page says the same.
            queue = moderator_queue(server)
            assert queue["P1"]["status"] == "approved" and queue["P1"]["same_idea"] == 1
            assert queue["P2"]["status"] == "merged" and queue["P2"]["merged_into"] == "P1"
            assert queue["P3"]["status"] == "pending"
            # And so does the host's console, on its own proposals screen, also in the next
            # scene, where the host puts the approved one to the vote.
            host = Screen([str(forum_binary()), "host", server.ws, "--key", HOST_KEY], 80, 24)
            opened.append(host)
            host.wait_for("● live")
            host.keys("m")
            host.wait_for("P1    approved  +1 same idea")
            host.wait_for("P2    merged into P1")
            host.wait_for("▶ P3    waiting")
            assert "a adopt" in host.capture()
            host.keys("m")
            server.host("next")
            host.wait_for("Scene 2 of 16")
            host.keys("m")
            host.wait_for("▶ P3    waiting  from kitchen")
            screen = host.wait_for("P1    approved  +1 same idea  from kitchen")
            assert "P2" not in screen, "a decided one from an earlier scene is not listed"
            host.keys("Up", "a")
            host.wait_for("P1    in the vote as option 4  +1 same idea  from kitchen")
            moderator.keys("m")
            moderator.wait_for("P1    in the vote as option 4  +1 same idea  from kitchen")
            moderator.keys("m")
            screen = moderator.wait_for("4 Ring her sister")
            assert "Ahead" not in screen and "Ask the room" not in screen, "only what a moderator is sent"
            assert "host notes" not in screen.lower()
            host.keys("m")
            host.wait_for("Vote · not open yet")
    finally:
        for screen in opened:
            screen.close()


def test_the_moderator_key_is_required_and_never_taken_on_the_command_line(moderated):
    import subprocess

    result = subprocess.run([str(forum_binary()), "host", moderated.ws, "--moderator", "--key", MODERATOR_KEY],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode != 0 and "FORUM_MODERATOR_KEY" in result.stderr
    assert MODERATOR_KEY not in result.stdout + result.stderr
