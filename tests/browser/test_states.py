"""Every state of the phone page and of the projector, reached the way a show reaches it, each
checked with axe-core (WCAG 2.2 AA tags: no serious or critical violation), for tap targets
of 44×44 px on the phone, and photographed into docs/screenshots/ for the docs."""

from selenium.webdriver.support.ui import Select

from .pages import ALWAYS_FAILS, NEVER_OPENS, PHONE, PROJECTOR, screen_state, start_again

# Who else is in the room: two perspectives of 6 people, two ambulance staff and two people
# with no perspective. Those 4 could be worked out from the overall result, so one of the big
# groups is counted with them in "Everyone else" (the room sees no group of fewer than 5).
CROWD = ([("police", "police")] * 3 + [("police", "crisis-line")] * 3
         + [("lived-experience", "crisis-line")] * 5 + [("lived-experience", "wait-for-gp")]
         + [("ambulance", "police"), ("ambulance", "crisis-line")]
         + [(None, "crisis-line"), (None, "wait-for-gp")])


def test_every_phone_state(show, browsers, crowd):
    phone = browsers(PHONE, before_load=NEVER_OPENS)

    # Connecting: the page is there, the live connection not yet.
    phone.open(show.http + "/")
    phone.wait_text("Joining the show")
    phone.check_state("phone-01-connecting")

    # Server unreachable: the connection keeps failing (a fast clock makes 30 s pass quickly).
    phone.before_load(ALWAYS_FAILS)
    phone.open(show.http + "/")
    phone.wait_text("We can’t reach the show right now")
    assert phone.finds("#view button.secondary"), "a Try again button"
    phone.check_state("phone-02-unreachable")

    # Waiting for the show.
    phone.before_load(None)
    phone.open(show.http + "/")
    phone.wait_text("The show will start soon.")
    phone.check_state("phone-03-waiting")

    # Perspective: optional, offered not demanded (asked once, below the welcome).
    assert phone.text("body").count("coming from") == 1, "the waiting screen asks about perspective once"
    phone.click("#persp summary")
    Select(phone.find("#psel")).select_by_value("lived-experience")
    phone.wait_text("Saved", "#pstatus")
    phone.js("document.getElementById('pbox').scrollIntoView()")
    phone.check_state("phone-04-perspective")

    # Content notes before the story, with the reassurance.
    show.host("start", "sams-night")
    phone.wait_text("Before the story starts")
    assert "It is fine to take a break" in phone.text(".reassure")
    phone.check_state("phone-05-content-notes")

    # A scene.
    phone.click("#view button.primary")
    phone.wait_text("The kitchen, 2am")
    phone.check_state("phone-06-scene")

    # A scene with a vote to come.
    show.host("next")
    phone.wait_text("The vote opens soon.")
    phone.wait_text("New scene: Maya's phone", "#announce")
    phone.check_state("phone-07-vote-soon")

    # Vote open: big buttons.
    show.host("open")
    phone.wait(lambda b: len(b.finds("button.option")) == 3)
    # Options are numbered as the host's console numbers them, and the mark is not read out.
    marks = phone.js("return Array.from(document.querySelectorAll('button.option .letter'),"
                     " function (m) { return [m.textContent, m.getAttribute('aria-hidden')]; })")
    assert marks == [["1", "true"], ["2", "true"], ["3", "true"]], marks
    phone.js("document.querySelector('.decision').scrollIntoView()")
    phone.check_state("phone-08-vote-open")

    # Vote recorded (after a change of mind).
    phone.click_option("999")
    phone.wait_text("Vote recorded", ".vote-status")
    phone.click_option("NHS 111")
    phone.wait(lambda b: "NHS 111" in b.text(".vote-status .chosen"))
    for perspective, option in CROWD:
        crowd(perspective=perspective).vote(option)
    phone.js("document.querySelector('.decision').scrollIntoView()")
    phone.check_state("phone-09-vote-recorded")

    # Vote closed.
    show.host("close")
    phone.wait_text("Voting has closed.")
    phone.js("document.querySelector('.decision').scrollIntoView()")
    phone.check_state("phone-10-vote-closed")

    # Results revealed: bars with counts and percentages, also as text.
    show.host("reveal")
    phone.wait_text("Here is how the room voted.")
    phone.wait_text("11 votes, 65%", ".results")  # 10 of the crowd and this phone, of 17
    assert "Your vote" in phone.text(".result.mine")
    phone.js("document.querySelector('.decision').scrollIntoView()")
    phone.check_state("phone-11-results")

    # Results split by perspective: 2 ambulance + 2 with none would be 4 left over, so the
    # police (the smaller big group) are counted with them in "Everyone else".
    show.host("split", "on")
    phone.wait_text("By perspective")
    groups = phone.text(".split")
    assert "I have used mental health services · 7 people" in groups  # 6 of the crowd + this phone
    assert "6 votes, 86%" in groups
    assert "Everyone else · 10 people" in groups and "5 votes, 50%" in groups
    assert "Police" not in groups and "Ambulance" not in groups and "No perspective" not in groups
    assert "counted together in “Everyone else”" in phone.text(".split-note")
    phone.js("document.querySelector('.split').scrollIntoView()")
    phone.check_state("phone-12-results-by-perspective")

    # Live results on phones, when the host chooses "everyone" for a round.
    show.host("split", "off")
    show.host("replay")
    phone.wait_text("The vote opens soon.")
    show.host("results", "everyone")
    show.host("open")
    phone.wait(lambda b: len(b.finds("button.option")) == 3)
    phone.wait_text("Live results", ".decision")
    phone.click_option("999")
    # Until 5 people have voted the room sees no counts, and is told why.
    phone.wait_text("Fewer than 5 people have voted, so the results are not shown", ".decision")
    assert not phone.finds(".results")
    phone.js("document.querySelector('.decision').scrollIntoView()")
    phone.check_state("phone-13a-fewer-than-5-voters")
    for _ in range(4):
        crowd().vote("crisis-line")
    phone.wait_text("1 vote, 20%", ".results")  # a live tally, without a new scene
    phone.wait_text("4 votes, 80%", ".results")
    phone.js("document.querySelector('.decision').scrollIntoView()")
    phone.check_state("phone-13-live-results")

    # Reconnecting: a calm banner over the page, which stays.
    show.kill()
    phone.wait_text("Reconnecting", "#conn")
    assert "Who should Maya call?" in phone.text("#view")
    phone.js("window.scrollTo(0, 0)")
    phone.check_state("phone-14-reconnecting")
    start_again(show)
    phone.wait(lambda b: b.text("#conn") == "", timeout=30)

    # The server unreachable while showing a story: the banner says so and offers Try again.
    phone.js("var real = window.realNow = Date.now.bind(Date), start = real();"
             "Date.now = function () { return start + (real() - start) * 20; };")
    show.kill()
    phone.wait_text("We can’t reach the show", "#conn", timeout=20)
    assert "Who should Maya call?" in phone.text("#view")
    phone.check_state("phone-15-unreachable-banner")
    start_again(show)
    phone.js("Date.now = window.realNow")
    phone.click("#conn button")
    phone.wait(lambda b: b.text("#conn") == "", timeout=30)

    # Story ended.
    show.host("end")
    phone.wait_text("Thank you")
    phone.wait_text("The story has ended. Thank you.", "#announce")
    phone.check_state("phone-16-story-ended")
    assert not phone.console_errors()


def test_phone_states_in_dark_mode_and_high_contrast(show, browsers, crowd):
    dark = browsers(PHONE, dark=True).open(show.http + "/")
    contrast = browsers(PHONE, media=[{"name": "prefers-contrast", "value": "more"}]).open(show.http + "/")
    still = browsers(PHONE, media=[{"name": "prefers-reduced-motion", "value": "reduce"}]).open(show.http + "/")
    assert still.js("return matchMedia('(prefers-reduced-motion: reduce)').matches")
    for browser in (dark, contrast):
        browser.wait_text("The show will start soon.")
    dark.check_state("phone-dark-waiting")
    show.host("start", "sams-night")
    show.host("next")
    show.host("open")
    for browser in (dark, contrast, still):
        browser.wait_text("Before the story starts")
        browser.click("#view button.primary")
        browser.wait(lambda b: len(b.finds("button.option")) == 3)
        browser.click_option("NHS 111")
        browser.wait_text("Vote recorded", ".vote-status")
        browser.js("document.querySelector('.decision').scrollIntoView()")
    dark.check_state("phone-dark-vote-recorded")
    contrast.check_state("phone-contrast-vote-recorded")
    for perspective, option in CROWD:
        crowd(perspective=perspective).vote(option)
    show.host("reveal")
    for browser in (dark, contrast, still):
        browser.wait_text("Here is how the room voted.")
        browser.js("document.querySelector('.decision').scrollIntoView()")
    dark.check_state("phone-dark-results")
    contrast.check_state("phone-contrast-results")
    # Reduced motion: the bars do not animate.
    assert still.js("return getComputedStyle(document.querySelector('.fill')).transitionDuration") == "0s"
    assert dark.js("return getComputedStyle(document.querySelector('.fill')).transitionDuration") != "0s"


def test_every_projector_state(show, browsers, crowd):
    screen = browsers(PROJECTOR, before_load=NEVER_OPENS)
    screen.open(show.http + "/screen")
    screen.wait_text("Connecting…")
    screen.check_state("screen-01-connecting")

    screen.before_load(ALWAYS_FAILS)
    screen.open(show.http + "/screen")
    screen.wait_text("Cannot reach the Forum server")
    screen.check_state("screen-02-unreachable")

    screen.before_load(None)
    screen.open(show.http + "/screen")
    screen.wait_text("The show will start soon")
    # The join address as text, and as the QR code the server draws (from this server only).
    address = screen.text("#join-urls").strip().splitlines()[0]
    assert address == "192.168.1.20:8080", "the address given with forum serve --join-url"
    screen.wait(lambda b: b.js("var i = document.querySelector('#qr img'); return i && i.complete && i.naturalWidth > 0"),
                message="the QR code image loads")
    assert screen.find("#qr img").get_attribute("src") == show.http + "/qr/join.svg"
    assert address in screen.find("#qr img").get_attribute("alt")
    assert "scan the code" in screen.text("#join-hint")
    screen.check_state("screen-03-waiting-join")

    show.host("start", "sams-night")
    screen.wait_text("The kitchen, 2am")
    screen.check_state("screen-04-scene")

    show.host("next")
    screen.wait_text("The vote opens soon")
    screen.check_state("screen-05-vote-soon")

    show.host("open")
    screen.wait_text("Vote now on your phone")
    voters = [(crowd(perspective=p), option) for p, option in CROWD]
    for phone, option in voters:
        phone.vote(option)
    screen.wait(lambda b: b.text(".votes-cast strong") == str(len(CROWD)))
    assert f"Phones connected\n{len(CROWD)}" in screen.text("#counts")
    assert not screen.finds(".results"), "hidden until the reveal by default"
    marks = screen.js("return Array.from(document.querySelectorAll('.option-list .letter'), function (m) {"
                      " return m.textContent; })")
    assert marks == ["1", "2", "3"], marks
    screen.check_state("screen-06-vote-open")

    # Live on the projector only.
    show.host("results", "screen")
    screen.wait(lambda b: b.finds(".decision-col .results"))
    screen.wait_text("live results", ".status-line")
    audience = voters[0][0]
    while audience.state["decision"].get("results") != "screen":
        audience.expect("state")
    assert audience.state.get("tally") is None, "phones do not see the tally in 'screen' mode"
    screen.check_state("screen-07-live-results")

    show.host("close")
    screen.wait_text("Voting has closed")
    show.host("results", "hidden")
    screen.wait(lambda b: not b.finds(".decision-col .results"))
    screen.check_state("screen-08-vote-closed")

    show.host("reveal")
    screen.wait_text("How the room voted")
    screen.wait_text("10 votes, 63%")  # crisis line: 10 of 16
    screen.wait_text("4 votes, 25%")
    assert "Most votes" in screen.text(".result.top")
    assert screen.js("return document.querySelector('.results .letter').textContent") == "1"
    screen.check_state("screen-09-results")

    show.host("split", "on")
    screen.wait_text("By perspective")
    split = screen.text(".split")
    # Police and lived experience are 6 each: on a tie the first by id is counted in
    # "Everyone else" with the 4 people who would otherwise be known.
    assert "Police\n6 people" in split and "1: 3 (50%) · 2: 3 (50%) · 3: 0 (0%)" in split
    assert "Everyone else\n10 people" in split and "1: 1 (10%) · 2: 7 (70%) · 3: 2 (20%)" in split
    assert "I have used" not in split and "Ambulance" not in split and "No perspective" not in split
    assert "counted together in “Everyone else”" in screen.text(".split-note")
    # Small groups never show their votes, not even hidden in the page.
    tally = screen_state(show)["tally"]
    assert set(tally["by_perspective"]) == {"police"} and tally["no_perspective"] is None
    assert tally["others"]["voters"] == 10 and tally["folded_groups"] == ["lived-experience"]
    screen.check_state("screen-10-results-by-perspective")

    show.host("split", "off")
    show.kill()
    screen.wait_text("Reconnecting", "#conn")
    screen.check_state("screen-11-reconnecting")
    start_again(show)
    screen.wait(lambda b: b.text("#conn") == "", timeout=30)
    screen.wait_text("How the room voted")

    show.host("follow")
    screen.wait_text("On the phone")
    show.host("end")
    screen.wait_text("The next story will start soon")
    screen.check_state("screen-12-story-ended")
    assert not screen.console_errors()


def test_projector_in_a_lit_room(show, browsers, crowd):
    """?theme=light, for projectors in daylight."""
    # /screen redirects to /screen/ without its query, so the theme goes on /screen/.
    screen = browsers(PROJECTOR).open(show.http + "/screen/?theme=light")
    screen.wait_text("The show will start soon")
    show.host("start", "coming-home")
    show.host("next")
    show.host("open")
    for perspective, option in ([("carer", "proper-meeting")] * 5 + [("police", "weekend-leave")] * 6
                                + [("other", "weekend-leave")] * 2):
        crowd(perspective=perspective).vote(option)
    show.host("reveal")
    show.host("split", "on")
    screen.wait_text("By perspective")
    screen.wait_text("Everyone else", ".split")
    assert screen.js("return document.documentElement.className") == "light"
    screen.check_state("screen-light-results-by-perspective")
