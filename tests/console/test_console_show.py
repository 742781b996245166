"""The console as a host uses it: the real `forum host` in tmux against a real server, with
audience phones voting over the live protocol."""

import re


def bar(option_start: str, count: int, percent: int) -> re.Pattern:
    """An option's bar line: its label, then the count and the percentage."""
    return re.compile(rf"{re.escape(option_start)}.*\s{count}\s+{percent}%")


def widest(screen: str) -> int:
    return max(len(line) for line in screen.split("\n"))


def test_a_story_from_start_to_end(forum, phones, console):
    screen = console(80, 24)
    screen.wait_for("No story running")
    screen.wait_for("Press s to choose one and start it.")

    # Start a story from the programme.
    screen.keys("s")
    screen.wait_for("Start which story? Press its number")
    screen.keys("1")
    screen.wait_for("Scene 1 of 16 · The kitchen, 2am")
    assert "NOTES" in screen.capture()

    # A command the server refuses shows its reason.
    screen.keys("o")
    screen.wait_for("open refused: This scene has no decision to vote on.")

    # Step to the decision and open the vote.
    screen.keys("n")
    screen.wait_for("Scene 2 of 16 · Maya's phone")
    screen.wait_for("Vote · not open yet")
    screen.keys("o")
    screen.wait_for("Vote · OPEN")

    # The bars move as phones vote.
    for option in ["crisis-line", "crisis-line", "crisis-line", "police"]:
        phones().vote(option)
    screen.wait_for(bar("2 NHS 111", 3, 75))
    screen.wait_for(bar("1 999, and ask", 1, 25))
    phones(perspective="police").vote("police")
    screen.wait_for(bar("1 999, and ask", 2, 40))
    screen.wait_for("Votes 5 of 5 phones connected (100%)")

    # The perspective split, then back.
    screen.keys("g")
    screen.wait_for("split on")
    screen.wait_for("Police")
    screen.keys("g")
    screen.wait_for("split off")

    # Reveal, then follow the winner.
    screen.keys("r")
    screen.wait_for("Vote · revealed")
    screen.wait_for("Press f to follow the winner (2)")
    screen.keys("f")
    screen.wait_for("Scene 8 of 16 · On the phone")

    # Replay asks before replacing a round that exists.
    screen.keys("o")
    screen.wait_for("Vote · OPEN")
    phones().vote("the-lantern")
    screen.wait_for(bar("3 Go to The Lantern", 1, 100))
    screen.keys("p")
    screen.wait_for("Replay this scene as a new round?")
    screen.keys("y")
    screen.wait_for("Vote · not open yet")
    screen.wait_for(bar("3 Go to The Lantern", 0, 0))

    # A timed vote closes itself at zero.
    screen.keys("t")
    screen.wait_for("Timed vote: close it after how many seconds?")
    screen.keys("5", "Enter")
    screen.wait_for(re.compile(r"Vote · OPEN · closes in 0:0[2-5]"))
    screen.wait_for("It closes itself in 0:0")
    screen.wait_for("Vote · closed", timeout=9)

    # Choose another option by its number, go on to the ending, end the story.
    screen.keys("3")
    screen.wait_for("Scene 14 of 16 · The Lantern")
    screen.keys("n")
    screen.wait_for("an ending: press e to end the story")
    screen.keys(":", "end", "Enter")
    screen.wait_for("End Sam's night? The run cannot be continued.")
    screen.keys("n")
    screen.wait_for("Cancelled: nothing was changed.")
    screen.keys("e")
    screen.wait_for("End Sam's night?")
    screen.keys("y")
    screen.wait_for("No story running")


def test_a_tie_on_follow_asks_which_option(forum, phones, console):
    forum.host("start", "sams-night")
    forum.host("next")
    forum.host("open")
    phones().vote("police")
    phones().vote("wait-for-gp")
    forum.host("reveal")
    screen = console(80, 24)
    screen.wait_for("A tie between 1 and 3. Press f to pick which one to follow.")
    screen.keys("f")
    screen.wait_for("A tie: 1 police or 3 wait-for-gp")
    screen.keys("2")  # not one of the tied options: nothing happens
    screen.keys("3")
    screen.wait_for("Scene 9 of 16 · The long night")


def test_starting_a_story_while_one_runs_asks_first(forum, console):
    forum.host("start", "sams-night")
    screen = console(80, 24)
    screen.wait_for("Scene 1 of 16")
    screen.keys("s", "2")
    screen.wait_for("Start A&E at sixteen? This ends Sam's night at scene 1 of 16.")
    screen.keys("y")
    screen.wait_for("Story A&E at sixteen")


def test_the_console_redraws_on_resize(forum, console):
    forum.host("start", "sams-night")
    screen = console(80, 24)
    screen.wait_for("Scene 1 of 16")
    assert max(len(line) for line in screen.lines()) <= 80
    screen.resize(160, 48)
    # Waits for the whole wide frame (a capture can land between two lines of a redraw).
    wide = screen.wait_for(lambda text: "│" in text and widest(text) == 160 and "Path  kitchen" in text)
    assert len(wide.split("\n")) == 48
    screen.resize(100, 30)
    screen.wait_for(lambda text: "│" not in text and widest(text) == 100)
    screen.resize(50, 12)
    screen.wait_for("The console needs at least 60×16.")
    screen.resize(80, 24)
    screen.wait_for(lambda text: "Scene 1 of 16" in text and widest(text) == 80)


def test_the_console_reconnects_after_the_server_restarts(forum, console):
    forum.host("start", "sams-night")
    forum.host("next")
    screen = console(80, 24)
    screen.wait_for("Scene 2 of 16")
    forum.kill()
    screen.wait_for("Lost connection to the server — reconnecting (attempt")
    assert "○ offline" in screen.capture()
    screen.keys("o")
    screen.wait_for("Not connected: open was not sent.")
    forum.start()
    screen.wait_until_gone("Lost connection", timeout=15)
    screen.wait_for("● live")
    screen.wait_for("Scene 2 of 16 · Maya's phone")
    screen.keys("o")
    screen.wait_for("Vote · OPEN")


def test_quitting_and_ctrl_c_restore_the_terminal(forum, console):
    screen = console(80, 24)
    screen.keys("q")
    screen.wait_for("Leave the console? The show goes on without it.")
    screen.keys("x")
    screen.wait_until_gone("Leave the console?")
    screen.keys("q", "y")
    text = screen.wait_for_exit()
    assert "EXIT=0" in text
    assert "Left the console. The show goes on." in text
    assert re.search(r"^icanon$", text, re.M), text

    again = console(80, 24)
    again.keys("C-c")
    text = again.wait_for_exit()
    assert "EXIT=0" in text
    assert re.search(r"^icanon$", text, re.M), text
    # The server was never touched.
    assert forum.host("status").returncode == 0


def test_a_crash_still_restores_the_terminal(forum, console):
    import os
    import signal

    screen = console(80, 24, env={"SWIFT_BACKTRACE": "enable=no"})
    host = [pid for pid in screen.processes() if "host" in open(f"/proc/{pid}/cmdline").read()]
    assert host, "no forum host process in the pane"
    os.kill(host[0], signal.SIGSEGV)
    text = screen.wait_for_exit()
    assert re.search(r"EXIT=(139|11)", text), text
    assert re.search(r"^icanon$", text, re.M), text
