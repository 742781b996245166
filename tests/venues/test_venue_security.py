"""Between sites: the leaf nodes reach the hub over TLS with a password, a cloud edge connects
to the hub itself over TLS, a venue with the wrong password is not linked (it runs on its own
and its host is told the show cannot move from there), and a venue without the host key cannot
move the show at the others nor keep the real host from moving it."""

from conftest import HOST_KEY, Phone, self_signed_certificate
from venues.cluster import Host, Hub, Venue, wait_until


def test_tls_passwords_and_the_host_key_guard_a_shared_show(tmp_path):
    cert = self_signed_certificate(tmp_path, "127.0.0.1")
    hub = Hub(tmp_path, tls=cert).start()
    venues = {
        "north": Venue(tmp_path, hub, "north"),
        "edge": Venue(tmp_path, hub, "edge", direct=True),
        "stranger": Venue(tmp_path, hub, "stranger", leaf_password="wrong"),
        "rogue": Venue(tmp_path, hub, "rogue", host_key="not-the-host-key"),
    }
    try:
        for venue in venues.values():
            venue.start()
        host = Host(venues["north"])
        host.command("start", story="sams-night")
        host.command("next")
        host.command("open")
        round_id = host.state["decision"]["id"]
        # The edge (TLS straight to the hub) follows and its phones count at north.
        phone = Phone(venues["edge"])
        assert phone.current_round() == round_id
        phone.vote("police", decision=round_id)

        def counted() -> bool:
            host.pump(0.3)
            return (host.tally or {}).get("counts", {}).get("police") == 1

        wait_until(counted, 20, "north counts the edge's vote")
        wait_until(lambda: host.pump(0.3) or sorted(host.venues()) == ["edge", "north", "rogue"], 20,
                   "north hears every venue but the stranger")
        assert b"authorization" in (venues["stranger"].dir / "leaf.log").read_bytes().lower()

        # The stranger runs alone: its phones can join, its host cannot move the show.
        alone = Host(venues["stranger"])
        alone.command("start", expect="venues_unreachable", story="sams-night")

        # The rogue has another host key: it cannot read the show as the host's (it follows
        # nothing), what it writes is refused everywhere, and north's host moves the show
        # over it.
        rogue = Host(venues["rogue"])
        assert rogue.state.get("story") is None, "the rogue follows no entry sealed with another key"
        rogue.command("start", story="coming-home")
        host.pump(2)
        assert host.state["decision"]["status"] == "open", "the rogue's close moved nothing at north"
        assert b"not sealed with this show's host key" in (venues["north"].dir / "serve.log").read_bytes()
        host.command("close")
        edge = Host(venues["edge"])
        wait_until(lambda: edge.pump(0.3) or edge.state["decision"]["status"] == "closed", 20,
                   "the host's close reaches the edge")
        for client in (host, alone, rogue, edge):
            client.close()
        phone.close()
    finally:
        for venue in venues.values():
            venue.stop()
        hub.process.stop()
        assert HOST_KEY
