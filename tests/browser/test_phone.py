"""The phone page and the projector in a real browser against a real server: voting,
reconnecting after a crash, a late joiner, story text that looks like HTML."""

from selenium.webdriver.support.ui import Select

from .pages import PHONE, PROJECTOR, screen_state, start_again, wait_until


def pressed(browser, option: str) -> bool:
    return browser.js("var b = document.querySelector('button.option[data-option=\"' + arguments[0] + '\"]');"
                      "return !!b && b.getAttribute('aria-pressed') === 'true';", option)


def past_content_notes(browser) -> None:
    browser.wait_text("Before the story starts")
    assert "take a break" in browser.text("#view")
    browser.click("#view button.primary")
    browser.wait(lambda b: b.finds("article.scene"), message="the scene after the content notes")


def test_phone_joins_picks_a_perspective_votes_changes_its_vote_and_sees_recorded(show, browsers):
    phone = browsers(PHONE).open(show.http + "/")
    phone.wait_text("The show will start soon")
    # The perspective is offered, never required: the optional picker below the welcome.
    phone.click("#persp summary")
    assert phone.js("return document.getElementById('persp').open")
    Select(phone.find("#psel")).select_by_value("carer")
    phone.wait_text("Saved", "#pstatus")
    phone.wait_text("Your perspective: Family member or carer", "#psum")

    show.host("start", "sams-night")
    past_content_notes(phone)
    assert phone.js("return document.activeElement === document.querySelector('#view h1')")
    show.host("next")
    phone.wait_text("Who should Maya call?")
    assert phone.js("return document.activeElement === document.querySelector('#view h1')"), \
        "focus moves to the new scene's heading"
    phone.wait_text("New scene", "#announce")
    show.host("open")
    phone.wait(lambda b: len(b.finds("button.option")) == 3, message="three big option buttons")

    phone.click_option("NHS 111")
    phone.wait(lambda b: pressed(b, "crisis-line") and "Vote recorded" in b.text(".vote-status"))
    phone.wait_text("Vote recorded: NHS 111 and choose the mental health option", "#announce")

    phone.click_option("999")
    phone.wait(lambda b: pressed(b, "police") and not pressed(b, "crisis-line")
               and "999, and ask for the police" in b.text(".vote-status .chosen"), message="changed vote")
    assert "Vote recorded" in phone.text(".vote-status")
    assert "You can change it until voting closes" in phone.text(".vote-status")
    phone.wait_text("Vote recorded: 999, and ask for the police", "#announce")

    # The server counted one vote, the latest, under the chosen perspective: the host sees it
    # exactly; the projector only that a vote came in (one voter: no counts for the room).
    tally = wait_until(lambda: (screen_state(show, "host").get("tally") or {}).get("total") == 1
                       and screen_state(show, "host")["tally"])
    assert tally["counts"]["police"] == 1 and tally["counts"]["crisis-line"] == 0
    assert tally["by_perspective"]["carer"]["police"] == 1
    projector = screen_state(show)
    assert projector["tally"] is None and projector["audience"]["voted"] == 1
    assert projector["decision"]["results_withheld"] == "too_few_voters"
    assert not phone.console_errors()


def test_the_page_reconnects_by_itself_after_the_server_is_killed_and_restarted(show, browsers):
    show.host("start", "sams-night")
    show.host("next")
    show.host("open")
    phone = browsers(PHONE).open(show.http + "/")
    past_content_notes(phone)
    phone.wait_text("Who should Maya call?")
    phone.click_option("ring the GP")
    phone.wait(lambda b: pressed(b, "wait-for-gp") and "Vote recorded" in b.text(".vote-status"))

    show.kill()
    phone.wait_text("Reconnecting", "#conn")
    # A calm banner over the page, which keeps the scene and the vote.
    assert "Who should Maya call?" in phone.text("#view")
    assert pressed(phone, "wait-for-gp")

    start_again(show)
    phone.wait(lambda b: b.text("#conn") == "", timeout=30, message="the banner goes once back")
    phone.wait(lambda b: "Who should Maya call?" in b.text("#view") and pressed(b, "wait-for-gp"))
    # It really is a new connection that got the vote back from the server: change it.
    phone.click_option("NHS 111")
    phone.wait(lambda b: pressed(b, "crisis-line") and "Vote recorded" in b.text(".vote-status"))
    assert wait_until(lambda: (screen_state(show, "host").get("tally") or {}).get("counts", {}).get("crisis-line") == 1)


def test_a_late_joiner_lands_on_the_current_scene_and_the_projector_counts_right(show, browsers, crowd):
    show.host("start", "sams-night")
    show.host("next")
    show.host("open")
    for option in ["crisis-line", "crisis-line", "police", "police"]:
        crowd().vote(option)
    screen = browsers(PROJECTOR).open(show.http + "/screen")
    screen.wait_text("Who should Maya call?")

    late = browsers(PHONE).open(show.http + "/")
    past_content_notes(late)
    assert "On the phone" not in late.text("#view")
    late.wait_text("Maya is frightened")
    late.wait(lambda b: len(b.finds("button.option")) == 3)
    screen.wait(lambda b: "Phones connected\n5" in b.text("#counts") or "Phones connected 5" in b.text("#counts"),
                message="4 protocol phones and the late browser")
    screen.wait(lambda b: b.text(".votes-cast strong") == "4")
    assert "Vote now on your phone" in screen.text(".decision-col")
    # The projector never shows the bars before the reveal by default.
    assert not screen.finds(".decision-col .results")

    late.click_option("NHS 111")
    late.wait(lambda b: "Vote recorded" in b.text(".vote-status"))
    screen.wait(lambda b: b.text(".votes-cast strong") == "5")

    show.host("reveal")
    screen.wait(lambda b: b.finds(".decision-col .results"))
    screen.wait_text("3 votes, 60%", ".decision-col")
    screen.wait_text("2 votes, 40%", ".decision-col")
    assert "Most votes" in screen.text(".result.top")
    late.wait_text("3 votes, 60%", ".results")
    late.wait_text("Your vote", ".result.mine")


def test_story_text_that_looks_like_html_is_shown_as_text(show, browsers, crowd):
    phone = browsers(PHONE).open(show.http + "/")
    screen = browsers(PROJECTOR).open(show.http + "/screen")
    phone.wait_text("The show will start soon")
    show.host("start", "markup-in-text")
    phone.wait_text("<b>bold?</b> no, plain text")
    phone.wait_text("Markup <script>alert('title')</script> test")
    phone.click("#view button.primary")
    phone.wait_text("This line has <img src=x onerror=alert(1)> in it.")
    phone.wait_text("And this one has <script>alert(2)</script> too, & an ampersand.")
    assert phone.text("#view h1") == "<img src=x onerror=alert(1)>"
    show.host("open")
    phone.wait_text("<img src=x onerror=alert(3)> yes")
    phone.wait_text("<script>alert(4)</script> no")
    phone.click_option("yes")
    phone.wait_text("Vote recorded")
    for option in ["yes", "no", "no", "yes"]:  # 5 voters: the room sees the results
        crowd().vote(option)
    show.host("reveal")
    phone.wait(lambda b: b.finds(".results"))
    screen.wait_text("This line has <img src=x onerror=alert(1)> in it.")
    screen.wait_text("<img src=x onerror=alert(3)> yes")
    screen.wait_text("Is <em>this</em> shown as text?")
    assert "<script>alert('title')</script>" in phone.js("return document.title")
    for browser in (phone, screen):
        browser.assert_no_alert()
        # The only elements are the page's own: no image, no script, no emphasis from the story.
        assert browser.js("return document.querySelectorAll('main img, main script, main em, main b').length") == 0
        assert browser.js("return document.querySelectorAll('script').length") == 3
        assert not browser.console_errors()


def test_a_phone_that_cannot_vote_in_time_is_told_and_nothing_is_lost(show, browsers):
    """A vote on a round that closes first is answered honestly; the page stays usable."""
    show.host("start", "sams-night")
    show.host("next")
    phone = browsers(PHONE).open(show.http + "/")
    past_content_notes(phone)
    phone.wait_text("The vote opens soon")
    show.host("open")
    phone.wait(lambda b: b.finds("button.option"))
    show.host("close")
    phone.wait_text("Voting has closed")
    assert not phone.finds("button.option")
    phone.wait_text("You did not vote this time. That is fine.")


def test_a_timed_vote_counts_down_on_phone_and_projector_and_closes_itself(show, browsers):
    phone = browsers(PHONE).open(show.http + "/")
    phone.wait_text("The show will start soon")
    show.host("start", "sams-night")
    past_content_notes(phone)
    show.host("next")
    screen = browsers(PROJECTOR).open(show.http + "/screen")
    screen.wait_text("Who should Maya call?")
    show.host("open", "8")

    def seconds_left(browser, css):
        text = browser.text(css)
        minutes, seconds = text.rsplit(" ", 1)[-1].split(":")
        return int(minutes) * 60 + int(seconds)

    phone.wait(lambda b: b.finds(".countdown"), message="the phone's countdown")
    assert phone.find(".countdown").get_attribute("role") == "timer", "read on request, never announced"
    assert "Voting closes in 0:0" in phone.text(".countdown")
    screen.wait(lambda b: b.finds(".countdown"), message="the projector's countdown")
    first = seconds_left(phone, ".countdown")
    assert 1 <= first <= 8
    phone.wait(lambda b: seconds_left(b, ".countdown") < first, message="the countdown moves")
    assert 0 <= seconds_left(screen, ".countdown") <= 8
    phone.check_state("phone-08b-timed-vote")
    screen.check_state("screen-06b-timed-vote")
    # At zero the server closes the round by itself; both pages say so and drop the countdown.
    phone.wait_text("Voting has closed", timeout=15)
    phone.wait(lambda b: not b.finds(".countdown"))
    screen.wait(lambda b: not b.finds(".countdown"))
    assert not phone.console_errors()
