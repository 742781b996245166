"""`forum serve` in a terminal opens the same console; quitting it asks whether to stop the show."""

import socket
import subprocess

from conftest import HOST_KEY, forum_binary, free_port, wait_for_port


def listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def test_serve_opens_the_console_and_q_y_stops_the_show(serve_console):
    port = free_port()
    screen = serve_console(port)
    screen.wait_for("● live", timeout=20)
    screen.wait_for("No story running")
    screen.keys("s", "1")
    screen.wait_for("Scene 1 of 16")
    screen.keys("q")
    screen.wait_for("Stop the show? Phones lose their connection; every vote is kept.")
    screen.wait_for("y stop the show and quit  k keep the show running, quit  any other key stay")
    screen.keys("y")
    text = screen.wait_for_exit()
    assert "The show has stopped." in text
    assert "EXIT=0" in text
    assert "\nicanon" in text
    assert not listening(port)


def test_quitting_the_console_can_keep_the_show_running(serve_console):
    port = free_port()
    screen = serve_console(port)
    screen.wait_for("● live", timeout=20)
    screen.keys("q", "k")
    screen.wait_for("The show goes on without this console. Ctrl-C stops it.")
    wait_for_port(port)
    url = f"ws://127.0.0.1:{port}/ws"
    started = subprocess.run(
        [str(forum_binary()), "host", url, "--key", HOST_KEY, "--command", "start", "sams-night"],
        capture_output=True, text=True, timeout=30,
    )
    assert started.stdout == "ok: start\n"
    screen.keys("C-c")
    text = screen.wait_for_exit()
    assert "The show has stopped." in text
    assert not listening(port)


def test_sigterm_stops_serve_and_restores_the_terminal(serve_console):
    import os
    import signal

    port = free_port()
    screen = serve_console(port)
    screen.wait_for("● live", timeout=20)
    serve = [pid for pid in screen.processes() if "serve" in open(f"/proc/{pid}/cmdline").read()]
    assert serve, "no forum serve process in the pane"
    os.kill(serve[0], signal.SIGTERM)
    text = screen.wait_for_exit()
    assert "The show has stopped." in text
    assert "EXIT=0" in text
    assert "\nicanon" in text
    assert not listening(port)
