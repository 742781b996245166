"""The console's main screens at 80×24 and 160×48, checked against golden files (the clock,
addresses and reconnection attempts masked). UPDATE_GOLDEN=1 rewrites them."""

from .terminal import check_golden


def vote_in_the_call(forum, phones):
    """Starts Sam's night, opens the vote at the call and has eight phones vote."""
    forum.host("start", "sams-night")
    forum.host("next")
    vote_in_the_call_rest(forum, phones)


def test_main_screens_at_80x24(forum, phones, console):
    screen = console(80, 24)
    screen.wait_for("No story running")
    check_golden("80x24-programme", screen.settled())

    screen.keys("s")
    screen.wait_for("Start which story?")
    check_golden("80x24-story-picker", screen.settled())
    screen.keys("Escape")

    forum.host("start", "sams-night")
    screen.wait_for("Scene 1 of 16")
    check_golden("80x24-scene", screen.settled())

    forum.host("next")
    screen.wait_for("Scene 2 of 16")
    vote_in_the_call_rest(forum, phones)
    screen.wait_for("Votes 8 of 8 phones connected (100%)")
    check_golden("80x24-vote-open", screen.settled())

    forum.host("split", "on")
    forum.host("results", "everyone")
    forum.host("reveal")
    screen.wait_for("Vote · revealed")
    screen.wait_for("results everyone · split on")
    check_golden("80x24-vote-split-revealed", screen.settled())

    screen.keys("?")
    screen.wait_for("Command line: press :")
    check_golden("80x24-help", screen.settled())
    screen.keys("x")

    screen.keys("e")
    screen.wait_for("End Sam's night?")
    check_golden("80x24-confirm-end", screen.settled())
    screen.keys("Escape")
    screen.wait_for("Cancelled: nothing was changed.")
    screen.keys("Escape")  # clears the notice
    screen.wait_until_gone("Cancelled")

    forum.kill()
    screen.wait_for("Lost connection to the server")
    check_golden("80x24-lost-connection", screen.settled())


def vote_in_the_call_rest(forum, phones):
    """Opens the vote at the call and has eight phones vote (five police, two carers, one
    who gave no perspective)."""
    forum.host("open")
    for option in ["crisis-line", "crisis-line", "crisis-line", "crisis-line", "police"]:
        phones(perspective="police").vote(option)
    phones(perspective="carer").vote("wait-for-gp")
    phones(perspective="carer").vote("crisis-line")
    phones().vote("police")


def test_main_screens_at_160x48(forum, phones, console):
    screen = console(160, 48)
    screen.wait_for("No story running")
    check_golden("160x48-programme", screen.settled())

    vote_in_the_call(forum, phones)
    screen.wait_for("Votes 8 of 8 phones connected (100%)")
    check_golden("160x48-vote-open", screen.settled())

    forum.host("split", "on")
    forum.host("reveal")
    screen.wait_for("Vote · revealed")
    screen.wait_for("split on")
    check_golden("160x48-vote-split-revealed", screen.settled())

    screen.keys("?")
    screen.wait_for("Command line: press :")
    check_golden("160x48-help", screen.settled())
    screen.keys("x")

    # A choice against the room's vote asks first.
    screen.keys("3")
    screen.wait_for("The room chose 2 (5 of 8 votes). Go with 3 instead?")
    check_golden("160x48-confirm-choice", screen.settled())
    screen.keys("Escape")
    screen.wait_for("Cancelled: nothing was changed.")
