"""In the room or remote (issue 13): a phone that joins by the remote link is marked as
following remotely, reads the scene as the stage plays it, can change to "In the room" and
votes; the host splits a round by place, and the room sees it only under the small-group rule
(docs/privacy.md)."""

from selenium.webdriver.support.ui import Select

from .pages import PHONE, PROJECTOR, screen_state, wait_until

REMOTE_NOTE = "You’re following remotely: the scene below is what happens on stage."
WITHHELD = "Not shown by place: the groups are too small to keep everyone’s vote private."


def choose_place(phone, value: str) -> None:
    phone.js("document.getElementById('persp').open = true")
    Select(phone.find("#plsel")).select_by_value(value)


def test_a_phone_joins_by_the_remote_link_changes_to_the_room_and_votes(show, browsers):
    phone = browsers(PHONE).open(show.http + "/?place=remote")
    phone.wait_text("The show will start soon.")
    wait_until(lambda: phone.js("return document.getElementById('plsel').value") == "remote",
               message="the remote link preselects Following remotely")
    host = screen_state(show, "host")
    assert host["audience"]["by_place"] == {"remote": 1, "room": 0} and host["audience"]["no_place"] == 0
    phone.js("document.getElementById('persp').open = true")
    phone.check_state("phone-04b-place")

    show.host("start", "sams-night")
    phone.click("#view button.primary")  # past the content notes
    phone.wait_text(REMOTE_NOTE, "article.scene")
    phone.js("window.scrollTo(0, 0)")
    phone.check_state("phone-06b-following-remotely")

    choose_place(phone, "room")
    phone.wait_text("Saved. Thank you.", "#pstatus")
    phone.wait_gone(REMOTE_NOTE)
    assert screen_state(show, "host")["audience"]["by_place"] == {"remote": 0, "room": 1}

    # Reloading the remote link keeps the place the phone chose last.
    phone.open(show.http + "/?place=remote")
    phone.wait_text("Sam", "article.scene")
    assert phone.js("return document.getElementById('plsel').value") == "room"
    assert REMOTE_NOTE not in phone.text("article.scene")

    show.host("next")
    show.host("open")
    phone.click_option("police")
    phone.wait_text("Vote recorded")
    tally = screen_state(show, "host")["tally"]
    assert sum(tally["by_place"]["room"].values()) == 1 and sum(tally["no_place"].values()) == 0
    assert not phone.console_errors()


def test_the_host_shows_the_split_by_place_five_in_the_room_and_five_remote(show, browsers, crowd):
    screen = browsers(PROJECTOR).open(show.http + "/screen")
    phone = browsers(PHONE).open(show.http + "/?place=remote")
    phone.wait_text("The show will start soon.")
    show.host("start", "sams-night")
    show.host("next")
    show.host("open")
    room = [crowd(place="room") for _ in range(5)]
    remote = [crowd(place="remote") for _ in range(4)]
    for person in room:
        person.vote("police")
    for person in remote:
        person.vote("crisis-line")
    phone.click("#view button.primary")
    phone.click_option("NHS 111")
    phone.wait_text("Vote recorded")
    show.host("reveal")
    show.host("split", "place")

    tally = screen_state(show)["tally"]
    assert tally["by_perspective"] == {} and tally["others"] is None, "one split per round"
    place = tally["place_split"]
    assert place["by_place"]["room"]["police"] == 5 and place["by_place"]["remote"]["crisis-line"] == 5
    assert place["small_groups"] == [] and place["split_withheld"] is None
    # Once split by place, the round cannot be split by perspective as well.
    refused = show.host("split", "on", check=False)
    assert refused.returncode == 0, "split on keeps the round's dimension"
    assert screen_state(show)["decision"]["split_by"] == "place"

    screen.wait_text("By place")
    split = screen.text(".split")
    assert "In the room" in split and "Following remotely" in split and "5 people" in split
    screen.check_state("screen-10c-results-by-place")

    phone.wait_text("By place")
    split = phone.text(".split")
    assert "In the room · 5 people" in split and "Following remotely · 5 people" in split
    phone.js("document.querySelector('.split').scrollIntoView()")
    phone.check_state("phone-12c-results-by-place")
    assert not phone.console_errors() and not screen.console_errors()


def test_five_in_the_room_and_two_remote_the_remote_votes_cannot_be_read(show, browsers, crowd):
    screen = browsers(PROJECTOR).open(show.http + "/screen")
    show.host("start", "sams-night")
    show.host("next")
    show.host("open")
    for _ in range(5):
        crowd(place="room").vote("police")
    for _ in range(2):
        crowd(place="remote").vote("wait-for-gp")
    show.host("reveal")
    show.host("split", "place")

    place = screen_state(show)["tally"]["place_split"]
    assert place["by_place"] == {} and place["others"] is None
    assert not any((place["no_place"] or {}).values()), "nobody is in no place"
    assert place["small_groups"] == ["remote"] and place["folded_groups"] == ["room"]
    assert place["split_withheld"] == "too_few"
    exact = screen_state(show, "host")["tally"]
    assert exact["by_place"]["remote"]["wait-for-gp"] == 2, "the host sees the exact counts"

    screen.wait_text(WITHHELD)
    split = screen.text(".split")
    assert not screen.finds(".split .group") and "Following remotely" not in split
    screen.check_state("screen-10d-place-split-withheld")
    assert not screen.console_errors()
