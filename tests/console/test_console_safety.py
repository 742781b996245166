"""The host's safety net and what the host sees, with the real `forum host` in tmux against a
real server and protocol phones: a choice against the room's vote asks first, undo brings
phones back to the scene before with the same round and their own vote, the info panel shows
the addresses and the host key, and the room is counted by perspective."""

import re
import time

from conftest import HOST_KEY, ForumProcess, forum_binary, phone_maker

from .terminal import Screen, check_golden


def wait_state(phone, condition, timeout: float = 10.0) -> dict:
    """Reads the phone's messages until its latest state satisfies `condition`."""
    deadline = time.monotonic() + timeout
    while not condition(phone.state):
        if time.monotonic() > deadline:
            raise TimeoutError(f"no matching state; last: {phone.state}")
        phone.socket.settimeout(max(0.1, deadline - time.monotonic()))
        try:
            phone.receive()
        finally:
            phone.socket.settimeout(10)
    return phone.state


def scene_of(state: dict) -> str | None:
    return (state.get("scene") or {}).get("id")


def test_a_choice_against_the_room_asks_and_undo_brings_the_room_back(forum, phones, console):
    forum.host("start", "sams-night")
    forum.host("next")
    forum.host("open")
    voters = [phones() for _ in range(4)]
    for phone, option in zip(voters, ["crisis-line", "crisis-line", "crisis-line", "police"]):
        phone.vote(option)
    forum.host("reveal")
    screen = console(80, 24)
    screen.wait_for("Press f to follow the winner (2)")

    # Pressing 1 asks, saying what the room chose; anything but y keeps the room where it is.
    screen.keys("1")
    screen.wait_for("The room chose 2 (3 of 4 votes). Go with 1 instead?")
    screen.keys("n")
    screen.wait_for("Cancelled: nothing was changed.")
    assert scene_of(voters[0].state) == "the-call"
    screen.keys("1")
    screen.wait_for("Go with 1 instead?")
    screen.keys("y")
    screen.wait_for("Scene 3 of 16")
    for phone in voters:
        wait_state(phone, lambda s: scene_of(s) == "police-arrive")

    # Undo asks, saying what comes back.
    screen.keys("u")
    screen.wait_for("Undo choose: back to the-call with its vote D1 (revealed)?")
    screen.keys("y")
    screen.wait_for("Scene 2 of 16 · Maya's phone")
    screen.wait_for("Vote · revealed")
    screen.wait_for(re.compile(r"2 NHS 111.*\s3\s+75%"))
    screen.wait_for("round D1")
    for phone, option in zip(voters, ["crisis-line", "crisis-line", "crisis-line", "police"]):
        state = wait_state(phone, lambda s: scene_of(s) == "the-call")
        assert state["decision"]["id"] == "D1"
        assert state["decision"]["status"] == "revealed"
        assert state["decision"]["my_vote"] == option
        # Four voters: phones are shown no counts (fewer than 5), the console shows them all.
        assert state["tally"] is None and state["decision"]["results_withheld"] == "too_few_voters"

    # The same from a script: follow, then undo it.
    forum.host("follow")
    wait_state(voters[0], lambda s: scene_of(s) == "crisis-line")
    screen.wait_for("Scene 8 of 16")
    assert forum.host("undo").stdout.strip() == "ok: undo"
    state = wait_state(voters[3], lambda s: scene_of(s) == "the-call")
    assert state["decision"]["id"] == "D1" and state["decision"]["my_vote"] == "police"
    screen.wait_for("Scene 2 of 16")

    # Back to the first scene (the move before the vote), then nothing is left to undo.
    screen.keys(":", "undo", "Enter")
    screen.wait_for("Undo next: back to kitchen?")
    screen.keys("y")
    screen.wait_for("Scene 1 of 16")
    refused = forum.host("undo", check=False)
    assert refused.returncode == 1
    assert "nothing_to_undo" in refused.stdout
    screen.keys("u")
    screen.wait_for("undo refused: There is nothing to undo")


def test_going_back_or_jumping_away_from_a_voted_scene_asks(forum, phones, console):
    forum.host("start", "sams-night")
    forum.host("next")
    forum.host("open")
    phones().vote("police")
    forum.host("close")
    screen = console(80, 24)
    screen.wait_for("Vote · closed")
    screen.keys("b")
    screen.wait_for("The room chose 1 (1 vote). Go back to kitchen anyway?")
    screen.keys("Escape")
    screen.wait_for("Cancelled")
    screen.keys(":", "goto long-night", "Enter")
    screen.wait_for("The room chose 1 (1 vote). Jump to long-night anyway?")
    screen.keys("y")
    screen.wait_for("Scene 9 of 16 · The long night")


def test_the_info_panel_shows_addresses_the_key_and_the_room(forum, phones, console):
    phones(perspective="carer")
    phones(perspective="carer")
    police = phones(perspective="police")
    phones()
    screen = console(80, 24)
    screen.wait_for("4 phones")
    screen.keys("i")
    screen.wait_for("Addresses and the room")
    text = screen.wait_for(re.compile(r"Family member or carer\s+2"))
    assert re.search(r"Phones join at\s+http://\S+/", text), text
    assert re.search(r"Projector\s+http://\S+/screen", text), text
    assert f"Host key         {HOST_KEY}" in text
    assert re.search(rf"forum host ws://\S+/ws --key {HOST_KEY}", text), text
    assert "Room · 4 phones connected" in text
    assert re.search(r"Police\s+1", text), text
    assert re.search(r"No perspective given\s+1", text), text
    assert re.search(r"Ambulance service\s+0", text), text

    # The counts follow the room live, before any vote.
    police.send({"type": "perspective", "perspective": None, "ref": "none"})
    screen.wait_for(re.compile(r"No perspective given\s+2"))
    screen.wait_for(re.compile(r"Police\s+0"))
    police.close()
    screen.wait_for("Room · 3 phones connected")
    screen.wait_for(re.compile(r"No perspective given\s+1"))

    screen.keys("x")
    screen.wait_until_gone("Addresses and the room")
    screen.wait_for("i info")


def test_the_wide_console_counts_the_room_during_a_vote(forum, phones, console):
    forum.host("start", "sams-night")
    forum.host("next")
    forum.host("open")
    phones(perspective="police").vote("police")
    phones(perspective="police").vote("crisis-line")
    phones().vote("police")
    screen = console(160, 48)
    text = screen.wait_for("Room · 3 phones connected")
    assert re.search(r"Police\s+2", text), text
    assert re.search(r"No perspective given\s+1", text), text


def test_the_info_and_confirm_screens_at_80x24(tmp_path):
    """Golden screens: the info panel (a fixed join address, so its lines do not depend on the
    machine's interfaces) and a choice against the room's vote."""
    server = ForumProcess(tmp_path, extra_args=["--join-url", "http://192.168.1.20:8080/"]).start()
    screen = None
    try:
        with phone_maker(server) as make:
            server.host("start", "sams-night")
            server.host("next")
            server.host("open")
            for perspective, option in [("carer", "police"), ("carer", "crisis-line"), ("police", "crisis-line"),
                                        (None, "crisis-line")]:
                make(perspective=perspective).vote(option)
            screen = Screen([str(forum_binary()), "host", server.ws, "--key", HOST_KEY], 80, 24)
            screen.wait_for("Votes 4 of 4 phones connected")
            screen.keys("i")
            screen.wait_for(re.compile(r"No perspective given\s+1"))
            check_golden("80x24-info", screen.settled())
            screen.keys("x")
            screen.keys("1")
            screen.wait_for("The room chose 2 (3 of 4 votes so far). Go with 1 instead?")
            check_golden("80x24-confirm-choice", screen.settled())
    finally:
        if screen:
            screen.close()
        server.stop()
