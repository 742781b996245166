"""The pages of a shared show in a real browser: the projector at one venue shows the sum of
every venue's votes once revealed, and a phone at another venue sees the same result; both
pass axe. Screenshots: docs/screenshots/venues-*.png."""

from browser.pages import PHONE, PROJECTOR, Browser
from browser.test_phone import past_content_notes
from conftest import Phone
from venues.cluster import Host, Hub, Venue, wait_until


def test_the_projector_and_a_phone_show_the_sum_of_every_venue(tmp_path):
    hub = Hub(tmp_path).start()
    north, south = Venue(tmp_path, hub, "north").start(), Venue(tmp_path, hub, "south").start()
    browsers: list[Browser] = []
    phones = [Phone(north) for _ in range(4)] + [Phone(south) for _ in range(3)]
    try:
        host = Host(north)
        host.command("start", story="sams-night")
        host.command("next")
        host.command("open")
        options = [option["id"] for option in host.state["decision"]["options"]]
        for index, phone in enumerate(phones):
            phone.vote(options[index % 2], decision=phone.current_round())
        wait_until(lambda: host.pump(0.3) or sum((host.tally or {}).get("counts", {}).values()) == 7, 20,
                   "the host counts both venues")
        host.command("reveal")
        projector = Browser(PROJECTOR)
        browsers.append(projector)
        projector.open(f"http://127.0.0.1:{south.port}/screen")
        projector.wait_text("7 votes")
        projector.check_state("venues-projector-sum")
        phone_page = Browser(PHONE)
        browsers.append(phone_page)
        phone_page.open(f"http://127.0.0.1:{south.port}/")
        past_content_notes(phone_page)
        phone_page.wait_text("7 votes")
        phone_page.check_state("venues-phone-sum")
        # A Stop! at north reaches a host at south.
        phones[0].send({"type": "intervene", "on": True, "ref": "s"})
        phones[0].expect("voice")
        elsewhere = Host(south)
        wait_until(lambda: elsewhere.pump(0.3) or (elsewhere.state.get("room") or {}).get("stops") == 1,
                   20, "the host at south sees north's Stop!")
        elsewhere.close()
        host.close()
    finally:
        for browser in browsers:
            browser.quit()
        for phone in phones:
            phone.close()
        north.stop()
        south.stop()
        hub.process.stop()
