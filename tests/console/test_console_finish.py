"""The console's end-of-day keys: `x` finishes the day after asking, `j` toggles the
projector's join screen."""

import json
import time

import websocket  # websocket-client

from conftest import Phone


def screen_state(forum) -> dict:
    """The state the projector gets on joining now."""
    socket = websocket.create_connection(forum.ws, timeout=10)
    try:
        socket.send(json.dumps({"type": "hello", "role": "screen"}))
        while True:
            message = json.loads(socket.recv())
            if message.get("type") == "state":
                return message
    finally:
        socket.close()


def test_x_asks_first_then_finishes_the_day_and_j_toggles_the_join_screen(forum, console):
    screen = console(80, 24)
    screen.wait_for("No story running")
    phone = Phone(forum)

    screen.keys("x")
    screen.wait_for("Finish the day? Phones and the projector show the closing screen.")
    screen.keys("n")
    screen.wait_for("Cancelled: nothing was changed.")
    assert phone.state.get("finished") is False and screen_state(forum)["finished"] is False

    screen.keys("x")
    screen.wait_for("Finish the day?")
    screen.keys("y")
    while not phone.state.get("finished"):
        phone.expect("state")
    screen.wait_for("The day is finished: phones show the closing screen. s starts a story again")

    screen.keys("j")
    deadline = time.monotonic() + 10
    while not screen_state(forum)["join_screen"]:
        assert time.monotonic() < deadline, "j turns the join screen on"
        time.sleep(0.1)
    screen.keys("j")
    while screen_state(forum)["join_screen"]:
        assert time.monotonic() < deadline + 10, "j again turns it off"
        time.sleep(0.1)
    phone.close()
