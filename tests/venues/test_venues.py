"""One show in three venues at once, as an organiser would run it: a NATS hub, three venues each
with a leaf nats-server and `forum serve --nats ... --venue NAME` (one in a network namespace of
its own, so its link can be cut), 300 phones spread over them, one host at one venue. The host's
tally is the sum of every vote; a venue cut off for 60 s goes on voting and catches up; a venue
server killed with -9 comes back; the archive keeps every vote once."""

import collections
import csv
import os
import sqlite3
import subprocess
import time

import pytest
import websocket

from conftest import Phone, forum_binary
from venues.cluster import Host, Hub, Namespace, Venue, wait_until

CUT_SECONDS = float(os.environ.get("FORUM_VENUE_CUT_SECONDS", "60"))


@pytest.fixture
def cluster(tmp_path):
    namespace = Namespace(f"{os.getpid() % 10000}", 100 + os.getpid() % 100)
    namespace.create()
    hub = Hub(tmp_path).start()
    venues = {
        "north": Venue(tmp_path, hub, "north", archive=True),
        "east": Venue(tmp_path, hub, "east", namespace=namespace),
        "south": Venue(tmp_path, hub, "south"),
    }
    try:
        for venue in venues.values():
            venue.start()
        yield hub, venues, namespace
    finally:
        for venue in venues.values():
            venue.stop()
        hub.process.stop()
        namespace.remove()


def latest_votes(db_path, round_id: str) -> dict[str, str]:
    """Device -> option of each device's last vote in the round, from a database."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT device, option_id FROM votes WHERE round_id = ? ORDER BY id", (round_id,))
        return dict(rows.fetchall())


def test_three_venues_give_one_exact_result_through_a_cut_and_a_crash(cluster, tmp_path):
    hub, venues, namespace = cluster
    north, east, south = venues["north"], venues["east"], venues["south"]
    # East's phones come from one address (the namespace's other end): a venue lets 60 new
    # phones in at once from one address, so east has 60; north and south 120 each.
    spread = {"north": 120, "east": 60, "south": 120}
    phones = {name: [Phone(venues[name]) for _ in range(count)] for name, count in spread.items()}
    host = Host(south)  # the host may be at any venue
    host.command("start", story="sams-night")
    host.command("next")
    host.command("open")
    options = [option["id"] for option in host.state["decision"]["options"]]
    round_id = host.state["decision"]["id"]
    expected: dict[str, str] = {}

    def vote(name: str, shift: int) -> None:
        for index, phone in enumerate(phones[name]):
            option = options[(index + shift) % len(options)]
            assert phone.current_round() == round_id
            phone.vote(option, decision=round_id)
            expected[phone.device] = option

    def keep_alive(name: str) -> None:
        """Reads what waits for each phone of a venue: a phone that reads nothing for a minute
        answers no ping, and the server rightly hangs up on it."""
        for phone in phones[name]:
            phone.socket.settimeout(0.01)
            try:
                while True:
                    phone.receive()
            except websocket.WebSocketTimeoutException:
                pass
            finally:
                phone.socket.settimeout(10)

    def host_sees_every_vote() -> bool:
        host.pump(0.3)
        return host.counts() == dict(collections.Counter(expected.values())) or False

    for name in spread:
        vote(name, 0)
    wait_until(host_sees_every_vote, 20, "the host's tally is every vote of the three venues")
    assert sum(host.counts().values()) == 300
    linked = host.venues()
    assert sorted(linked) == ["east", "north", "south"]
    assert all(venue["connected"] for venue in linked.values()), linked
    assert linked["south"]["here"] and linked["east"]["phones"] == 60

    # East is cut off from the hub for a minute; its phones go on voting (acknowledged there).
    namespace.cut(hub.leaf_port)
    started = time.monotonic()
    wait_until(lambda: host.pump(0.5) or not host.venues()["east"]["connected"], 15, "the host sees east cut off")
    shift = 1
    while time.monotonic() - started < CUT_SECONDS:
        vote("east", shift)
        shift += 1
        keep_alive("north")
        keep_alive("south")
        host.pump(2)
    vote("north", 2)
    assert not host.venues()["east"]["connected"]
    namespace.heal()
    wait_until(host_sees_every_vote, 60, "after the cut, the host's tally is exact again")
    wait_until(lambda: host.pump(0.5) or host.venues()["east"]["connected"] and host.venues()["east"]["behind"] == 0,
               30, "east is linked and has sent every vote")

    # South's server is killed with -9 and restarted: its phones come back with their votes.
    south.kill_forum()
    host.close()
    south.start_forum()
    host = Host(south)
    for phone in phones["south"]:
        phone.close()
    phones["south"] = [Phone(south, device=phone.device) for phone in phones["south"]]
    assert all(phone.state["decision"]["my_vote"] == expected[phone.device] for phone in phones["south"])
    vote("south", 1)
    wait_until(host_sees_every_vote, 30, "after the crash, the host's tally is exact")
    host.command("close")

    # One record of the day: the archive holds every venue's votes once, and its export splits
    # them by venue.
    cast = {name: venue.votes_cast_here() for name, venue in venues.items()}

    def archive_has_everything() -> bool:
        with sqlite3.connect(f"file:{north.archive}?mode=ro", uri=True) as db:
            rows = dict(db.execute("SELECT venue, count(*) FROM votes GROUP BY venue").fetchall())
        return rows == cast or False

    wait_until(archive_has_everything, 60, f"the archive holds every vote cast ({cast})", step=0.5)
    with sqlite3.connect(f"file:{north.archive}?mode=ro", uri=True) as db:
        doubled = db.execute(
            "SELECT count(*) FROM (SELECT venue, venue_sequence FROM votes WHERE venue_sequence IS NOT NULL "
            "GROUP BY venue, venue_sequence HAVING count(*) > 1)").fetchone()[0]
    assert doubled == 0
    assert latest_votes(north.archive, round_id) == expected
    out = tmp_path / "export"
    exported = subprocess.run([str(forum_binary()), "export", "--db", str(north.archive), "--out", str(out)],
                              capture_output=True, text=True, timeout=60)
    assert exported.returncode == 0, exported.stderr
    with open(out / "votes.csv", newline="") as file:
        by_venue = collections.Counter(row["venue"] for row in csv.DictReader(file))
    assert dict(by_venue) == spread, "votes.csv: each phone's counted vote, with the venue it was cast at"
    host.close()
    for group in phones.values():
        for phone in group:
            phone.close()
