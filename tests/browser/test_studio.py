"""The studio in a real browser (issue 12): a contributor on a phone builds a story with two
decisions from an invite link, meets a check and fixes it, previews a scene, loses the
connection mid-edit and loses nothing, and sends the story for review; an organiser on a
laptop comments, approves and publishes it; `forum serve` plays it and phones vote on it.
Every screen is audited with axe and photographed into docs/screenshots/."""

import shutil

import pytest
from selenium.webdriver.common.keys import Keys

from conftest import ForumProcess, Phone
from tests.studio.harness import STUDIO_KEY, StudioClient, StudioProcess, invite_link, kill

from .pages import PHONE

LAPTOP = (1280, 900)


@pytest.fixture
def studio(tmp_path):
    process = StudioProcess(tmp_path).start()
    yield process
    process.stop()


def type_into(browser, css: str, text: str, *, enter: bool = False, clear: bool = False) -> None:
    field = browser.find(css)
    browser.js("arguments[0].scrollIntoView({block: 'center'})", field)
    if clear:
        field.send_keys(Keys.CONTROL, "a")
        field.send_keys(Keys.DELETE)
    field.send_keys(text)
    if enter:
        field.send_keys(Keys.TAB)


def click_button(browser, text: str) -> None:
    for button in browser.finds("button"):
        if button.text.strip() == text and button.is_displayed():
            browser.js("arguments[0].scrollIntoView({block: 'center'})", button)
            button.click()
            return
    raise AssertionError(f"no button {text!r}: {browser.text()!r}")


def saved(browser) -> None:
    browser.wait_text("All changes saved", "#save-status")


def test_contributor_builds_a_story_the_show_plays(studio, browsers, tmp_path):
    token = invite_link(studio, "Carers group")
    phone = browsers(PHONE)
    phone.open(f"{studio.http}/?invite={token}")
    phone.wait_text("Write a story together")
    phone.check_state("studio-welcome")
    type_into(phone, "#name", "Ann")
    click_button(phone, "Start writing")
    phone.wait_text("Stories of Carers group")
    type_into(phone, "#new-title", "Jo's night")
    phone.check_state("studio-list-empty")
    click_button(phone, "Create the story")
    phone.wait_text("Scene 1 (the start)")
    saved(phone)
    phone.check_state("studio-editor-blank")

    # The first decision: typing the names of scenes that do not exist yet creates them.
    type_into(phone, "#s0-title", "The phone call", clear=True)
    type_into(phone, "#s0-text", "It is 2am. Jo's mum rings the crisis line.")
    phone.click("#s0-mode-decide")
    phone.wait(lambda b: b.finds("#s0-question"))
    type_into(phone, "#s0-question", "What should the call handler do?")
    type_into(phone, "#s0-o0-label", "Send an ambulance")
    type_into(phone, "#s0-o0-next", "Waiting", enter=True)
    phone.wait(lambda b: b.finds("#s1-title"), message="the new scene Waiting")
    type_into(phone, "#s0-o1-label", "Talk it through")
    type_into(phone, "#s0-o1-next", "Calmer", enter=True)
    phone.wait(lambda b: b.finds("#s2-title"), message="the new scene Calmer")
    # The new scenes have no text yet: the checker says so beside their text.
    phone.wait_text("This scene has no text yet", "#c-s1-text")
    phone.wait_text("to fix", "#check-summary")
    saved(phone)
    phone.check_state("studio-editor-checks")
    type_into(phone, "#s1-text", "The ambulance is three hours away.")
    type_into(phone, "#s2-text", "Jo's mum calms down a little.")

    # The second decision, in the scene Waiting.
    phone.click("#s1-mode-decide")
    phone.wait(lambda b: b.finds("#s1-question"))
    type_into(phone, "#s1-question", "Jo is getting worse. What now?")
    type_into(phone, "#s1-o0-label", "Keep waiting")
    type_into(phone, "#s1-o0-next", "Calmer", enter=True)
    type_into(phone, "#s1-o1-label", "Drive to A&E")
    type_into(phone, "#s1-o1-next", "At A&E", enter=True)
    phone.wait(lambda b: b.finds("#s3-text"))
    type_into(phone, "#s3-text", "A nurse sees Jo within the hour.")
    phone.wait_text("No problems found.", "#check-summary")
    saved(phone)
    phone.check_state("studio-editor-two-decisions")

    # The story map: Graphviz's layout drawn by the page, and the same as a list.
    click_button(phone, "Story map")
    phone.wait(lambda b: len(b.finds("#map-picture rect")) == 4, message="four scenes on the map")
    assert phone.js("return Array.from(document.querySelectorAll('#map-picture text.map-name')).map(t => t.textContent)") == [
        "The phone call", "Waiting", "Calmer", "At A&E"]
    assert "Ending: the story ends here" in phone.text("#map-list")
    phone.check_state("studio-story-map")
    phone.js("document.getElementById('revisions').scrollIntoView()")
    phone.screenshot("studio-story-map-view", full_page=False)

    # The preview shows the scene with the phone page's own styles.
    click_button(phone, "Preview scene 1")
    phone.wait(lambda b: b.js("var f = document.querySelector('dialog iframe'); return f && f.contentDocument"
                              " && f.contentDocument.querySelectorAll('button.option').length === 2"))
    phone.check_state("studio-preview")
    click_button(phone, "Close the preview")

    # The connection drops mid-edit: the change is kept on the phone and sent when it returns.
    kill(studio)
    phone.wait_text("Offline", "#save-status")
    type_into(phone, "#s2-text", " She makes a cup of tea.")
    phone.wait_text("kept on this device", "#save-status")
    phone.check_state("studio-offline")
    studio.start()
    saved(phone)
    checker = StudioClient(studio, invite=token)
    story = checker.ask({"type": "open", "story": "jos-night"}, "story")["story"]
    assert story["content"]["scenes"][2]["text"].endswith("She makes a cup of tea.")

    click_button(phone, "Send for review")
    phone.wait_text("Sent for review")
    phone.check_state("studio-submitted")

    # The organiser, on a laptop: comments, approves, publishes.
    laptop = browsers(LAPTOP)
    laptop.open(studio.http + "/")
    laptop.wait_text("Organisers: sign in")
    laptop.check_state("studio-organiser-sign-in")
    type_into(laptop, "#key", STUDIO_KEY)
    click_button(laptop, "Sign in")
    laptop.wait_text("Invite links")
    laptop.wait_text("Carers group")
    laptop.check_state("studio-organiser-list")
    click_button(laptop, "Jo's night")
    laptop.wait_text("Review")
    laptop.find("#comment-scene").send_keys("Waiting")
    type_into(laptop, "#comment-text", "Say how long Jo has been unwell.")
    click_button(laptop, "Add the comment")
    laptop.wait_text("Say how long Jo has been unwell.", "#comments")
    # Comments sit beside their scenes: in the scene's own block (for the writer too), grouped by
    # scene in the review, counted on the story map and its list.
    laptop.wait_text("Say how long Jo has been unwell.", "#s1-comments")
    assert "Scene 2: Waiting (1 comment)" in laptop.text("#comments")
    phone.wait_text("Say how long Jo has been unwell.", "#s1-comments")
    phone.js("document.getElementById('s1-comments').scrollIntoView({block: 'center'})")
    phone.screenshot("studio-comment-beside-scene", full_page=False)
    laptop.click("#s2-comments a")
    assert laptop.js("return document.activeElement.id") == "comment-text"
    assert laptop.find("#comment-scene").get_attribute("value") == laptop.js(
        "return window.Studio.editor().doc.scenes[2].id")
    type_into(laptop, "#comment-text", "Who is with Jo's mum now?")
    click_button(laptop, "Add the comment")
    laptop.wait_text("Who is with Jo's mum now?", "#s2-comments")
    assert "Say how long" not in laptop.text("#s2-comments")
    click_button(laptop, "Story map")
    laptop.wait(lambda b: len(b.finds("#map-picture text.map-count-text")) == 2, message="two scenes with comments")
    assert laptop.text("#map-list").count("1 comment on this scene") == 2
    laptop.check_state("studio-comments-beside-scenes", screenshot=False)
    laptop.js("document.getElementById('revisions').scrollIntoView()")
    laptop.screenshot("studio-story-map-comments", full_page=False)
    click_button(laptop, "Approve")
    laptop.wait_text("Publish to the show")
    click_button(laptop, "Publish to the show")
    laptop.wait_text("Published: in the show")
    laptop.check_state("studio-published")
    assert (studio.scenarios / "jos-night.yaml").exists()

    # forum serve plays the published story, and phones vote on it.
    show_dir = tmp_path / "show"
    show_dir.mkdir()
    show = ForumProcess(show_dir, scenarios=studio.scenarios).start()
    try:
        voter = Phone(show)
        show.host("start", "jos-night")
        while not (voter.state.get("scene") and voter.state.get("decision")):
            voter.expect("state")
        assert voter.state["scene"]["text"].startswith("It is 2am.")
        assert [o["label"] for o in voter.state["decision"]["options"]] == ["Send an ambulance", "Talk it through"]
        show.host("open")
        voter.expect("state")
        assert voter.vote("b")["type"] == "ack"
    finally:
        show.stop()


def test_two_writers_choose_undo_and_bring_back(studio, browsers):
    token = invite_link(studio, "Ward team")
    maker = StudioClient(studio, invite=token, name="Cy")
    story = maker.ask({"type": "create", "title": "Night ward", "template": "decision"}, "story")["story"]

    laptop = browsers(LAPTOP)
    laptop.open(f"{studio.http}/?invite={token}")
    type_into(laptop, "#name", "Ann")
    click_button(laptop, "Start writing")
    laptop.wait_text("Night ward")
    click_button(laptop, "Night ward")
    laptop.wait(lambda b: b.finds("#s0-text"))
    saved(laptop)
    laptop.check_state("studio-editor-laptop")

    # Ann's edits wait on her device (as when offline) while Cy saves a change.
    laptop.js("window.Studio.realSend = window.Studio.send; window.Studio.send = function () { return false; };")
    type_into(laptop, "#s0-text", " Ann adds this.")
    laptop.wait_text("kept on this device", "#save-status")
    content = story["content"]
    content["scenes"][0]["text"] = "Cy rewrote the opening."
    assert maker.ask({"type": "save", "story": story["id"], "base": 1, "content": content}, "saved")["revision"] == 2
    laptop.js("window.Studio.send = window.Studio.realSend; window.Studio.onOnline();")
    laptop.wait_text("Someone else changed this story", "#conflict")
    laptop.check_state("studio-conflict")
    click_button(laptop, "Save mine over theirs")
    saved(laptop)
    current = maker.ask({"type": "open", "story": story["id"]}, "story")["story"]
    assert current["revision"] == 3 and current["content"]["scenes"][0]["text"].endswith("Ann adds this.")

    # Undo takes back the last change, and it is saved as a new revision.
    click_button(laptop, "Undo")
    saved(laptop)
    laptop.wait(lambda b: not b.find("#s0-text").get_attribute("value").endswith("Ann adds this."))

    # The history lists every revision; bringing back Cy's saves it as the newest.
    click_button(laptop, "History")
    laptop.wait_text("Version 2", "#revisions")
    laptop.check_state("studio-history")
    click_button(laptop, "Bring back version 2")
    laptop.wait(lambda b: b.find("#s0-text").get_attribute("value") == "Cy rewrote the opening.")
    saved(laptop)
    latest = maker.ask({"type": "open", "story": story["id"]}, "story")["story"]
    assert latest["content"]["scenes"][0]["text"] == "Cy rewrote the opening."
    assert [r["author"] for r in maker.ask({"type": "revisions", "story": story["id"]}, "revisions")["revisions"]][:3] == [
        "Cy", "Cy", "Ann"]
