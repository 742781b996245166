"""The host's console on a shared show, in tmux against real venues: the line under the header
says how many venues are linked and how many phones they hold, and `V` shows each venue; when
a venue stops, the console names it as not heard from."""

from console.terminal import Screen
from conftest import HOST_KEY, Phone, forum_binary
from venues.cluster import Hub, Venue


def test_the_console_shows_each_venue_and_which_one_is_silent(tmp_path):
    hub = Hub(tmp_path).start()
    north, south = Venue(tmp_path, hub, "north").start(), Venue(tmp_path, hub, "south").start()
    phones = [Phone(north) for _ in range(3)] + [Phone(south) for _ in range(2)]
    screen = Screen([str(forum_binary()), "host", north.ws, "--key", HOST_KEY], 100, 30)
    try:
        screen.wait_for("● live")
        screen.wait_for("Venues 2/2 linked · 5 phones", timeout=15)
        screen.keys("V")
        table = screen.wait_for("(here)", timeout=10)
        assert "north" in table and "south" in table
        screen.keys("Escape")
        south.stop()
        silent = screen.wait_for("Venues 1/2 linked", timeout=20)
        assert "south" in silent
    finally:
        screen.close()
        for phone in phones:
            try:
                phone.close()
            except Exception:
                pass
        north.stop()
        south.stop()
        hub.process.stop()
