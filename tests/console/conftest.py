"""Fixtures for the console tests: the real console (`forum host`, or `forum serve` itself) in
a tmux pane of an exact size, against the real server of the `forum` fixture."""

import pytest

from conftest import HOST_KEY, REPO, forum_binary

from .terminal import Screen


@pytest.fixture
def console(forum):
    """Opens `forum host` against the test server: console(80, 24) -> Screen."""
    opened: list[Screen] = []

    def open_console(width: int = 80, height: int = 24, env: dict[str, str] | None = None) -> Screen:
        screen = Screen([str(forum_binary()), "host", forum.ws, "--key", HOST_KEY], width, height, env)
        opened.append(screen)
        screen.wait_for("● live")
        return screen

    yield open_console
    for screen in opened:
        screen.close()


@pytest.fixture
def serve_console(tmp_path):
    """Runs `forum serve` itself (not headless) in a pane: serve_console(port) -> Screen."""
    opened: list[Screen] = []

    def open_serve(port: int, width: int = 80, height: int = 24) -> Screen:
        command = [
            str(forum_binary()), "serve", "--port", str(port), "--db", str(tmp_path / "serve.sqlite"),
            "--scenarios", str(REPO / "scenarios"), "--web", str(REPO / "web"), "--host-key", HOST_KEY,
        ]
        screen = Screen(command, width, height)
        opened.append(screen)
        return screen

    yield open_serve
    for screen in opened:
        screen.close()
