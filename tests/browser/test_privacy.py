"""The trial run's case on the real pages: 5 police and 1 carer vote. The overall result is
A 5 / C 1; a Police row A 5 / C 0 would tell everyone that the carer voted C. Neither the
phone nor the projector may show it, and both say why in plain words (docs/privacy.md)."""

from .pages import PHONE, PROJECTOR, screen_state

NOTE = "Not shown by perspective: the groups are too small to keep everyone’s vote private."


def test_five_police_and_one_carer_the_carers_vote_cannot_be_read(show, browsers, crowd):
    phone = browsers(PHONE).open(show.http + "/")
    screen = browsers(PROJECTOR).open(show.http + "/screen")
    phone.wait_text("The show will start soon.")
    show.host("start", "sams-night")
    show.host("next")
    show.host("open")
    police = [crowd(perspective="police") for _ in range(5)]
    carer = crowd(perspective="carer")
    for officer in police:
        officer.vote("police")
    carer.vote("wait-for-gp")
    show.host("reveal")
    show.host("split", "on")

    # What the room is sent: the overall counts, and no group's own counts at all.
    tally = screen_state(show)["tally"]
    assert tally["counts"] == {"police": 5, "crisis-line": 0, "wait-for-gp": 1}
    assert tally["by_perspective"] == {} and tally["others"] is None
    assert tally["split_withheld"] == "too_few"
    assert tally["small_groups"] == ["carer"] and tally["folded_groups"] == ["police"]
    while carer.state["decision"].get("split") is not True:
        carer.expect("state")
    assert carer.state["tally"]["by_perspective"] == {}, "phones get no more than the projector"
    assert carer.state["tally"]["split_withheld"] == "too_few"

    # The phone: the overall result and the note, no group row.
    phone.click("#view button.primary")  # past the content notes
    phone.wait_text("By perspective")
    split = phone.text(".split")
    assert NOTE in split
    assert not phone.finds(".split .group"), "no group is shown"
    assert "Police" not in split and "carer" not in split
    phone.wait_text("5 votes, 83%", ".results")
    phone.js("document.querySelector('.split').scrollIntoView()")
    phone.check_state("phone-12b-split-withheld")

    # The projector: the same.
    screen.wait_text("By perspective")
    split = screen.text(".split")
    assert NOTE in split
    assert not screen.finds(".split .group")
    assert "Police" not in split and "carer" not in split
    screen.check_state("screen-10b-split-withheld")
    assert not phone.console_errors() and not screen.console_errors()


def test_with_fewer_than_five_voters_the_room_sees_no_counts(show, browsers, crowd):
    """Two or three people voting: any count would give their votes away to each other."""
    screen = browsers(PROJECTOR).open(show.http + "/screen")
    show.host("start", "sams-night")
    show.host("next")
    show.host("open")
    voters = [crowd() for _ in range(3)]
    for voter, option in zip(voters, ["police", "police", "wait-for-gp"]):
        voter.vote(option)
    show.host("reveal")
    screen.wait_text("Fewer than 5 people have voted, so the results are not shown", ".decision-col")
    assert not screen.finds(".decision-col .results")
    state = screen_state(show)
    assert state["tally"] is None and state["decision"]["results_withheld"] == "too_few_voters"
    assert state["audience"]["voted"] == 3, "how many voted is still shown"
    while voters[0].state["decision"]["status"] != "revealed":
        voters[0].expect("state")
    assert voters[0].state["tally"] is None
    screen.check_state("screen-09a-fewer-than-5-voters")
    # The host sees the counts.
    assert screen_state(show, "host")["tally"]["counts"]["police"] == 2
