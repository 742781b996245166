"""The studio in a real browser (issue 12): a contributor on a phone builds a story with two
decisions from an invite link, meets a check and fixes it, previews a scene, loses the
connection mid-edit and loses nothing, and sends the story for review; an organiser on a
laptop comments, approves and publishes it; `forum serve` plays it and phones vote on it.
Every screen is audited with axe and photographed into docs/screenshots/."""

import shutil
import subprocess

import pytest
from selenium.webdriver.common.keys import Keys

from conftest import ForumProcess, Phone, forum_binary
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


def png_file(path, width: int = 64, height: int = 48) -> None:
    """A real PNG (a colour gradient) written with the standard library."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes(v for x in range(width) for v in (x * 4 % 256, y * 5 % 256, 160))
                    for y in range(height))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def loaded_image(browser, css: str) -> bool:
    return browser.js("var i = document.querySelector(arguments[0]); return !!i && i.complete && i.naturalWidth > 0;", css)


def test_a_picture_from_the_phone_reaches_the_show(studio, browsers, tmp_path):
    """A contributor adds a picture to a scene from the phone: a file that is not a picture and
    one over 2 MB are refused with a clear message; the description is asked for, and required,
    before the picture is saved; the picture shows in the editor and the preview; publishing
    writes it into images/, `forum check` accepts the folder, and the phone page shows it."""
    token = invite_link(studio, "Kitchen table group")
    maker = StudioClient(studio, invite=token, name="Cy")
    maker.ask({"type": "create", "title": "Kitchen", "template": "decision"}, "story")
    fake, big, good = tmp_path / "notes.png", tmp_path / "huge.png", tmp_path / "kitchen.png"
    fake.write_text("this is not a picture")
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * (3 * 1024 * 1024))
    png_file(good)

    phone = browsers(PHONE)
    phone.open(f"{studio.http}/?invite={token}")
    type_into(phone, "#name", "Ann")
    click_button(phone, "Start writing")
    phone.wait_text("Kitchen")
    click_button(phone, "Kitchen")
    phone.wait(lambda b: b.finds("#s0-upload"))
    saved(phone)
    phone.js("document.querySelector('#s0-upload').closest('details').open = true")

    phone.find("#s0-upload").send_keys(str(big))
    phone.wait_text("This picture is 3.1 MB: a picture can be at most 2 MB.", "#s0-upload-prompt")
    phone.find("#s0-upload").send_keys(str(fake))
    phone.wait(lambda b: b.finds("#s0-new-alt"))
    type_into(phone, "#s0-new-alt", "Some notes")
    click_button(phone, "Save the picture")
    phone.wait_text("not a PNG, JPEG or WebP picture", "#s0-upload-problem")

    phone.find("#s0-upload").send_keys(str(good))
    phone.wait(lambda b: b.finds("#s0-new-alt") and not b.find("#s0-new-alt").get_attribute("value"))
    click_button(phone, "Save the picture")
    phone.wait_text("Describe the picture first", "#s0-upload-problem")
    assert phone.find("#s0-new-alt").get_attribute("aria-invalid") == "true"
    phone.js("document.getElementById('s0-upload-prompt').scrollIntoView({block: 'center'})")
    phone.check_state("studio-picture-describe", screenshot=False)
    phone.screenshot("studio-picture-describe", full_page=False)
    type_into(phone, "#s0-new-alt", "Jo's kitchen at night, the kettle on")
    click_button(phone, "Save the picture")
    phone.wait(lambda b: loaded_image(b, "#s0-picture img"), message="the saved picture in the editor")
    saved(phone)
    assert phone.find("#s0-picture img").get_attribute("alt") == "Jo's kitchen at night, the kettle on"
    story = maker.ask({"type": "open", "story": "kitchen"}, "story")["story"]
    image = story["content"]["scenes"][0]["image"]
    assert image.startswith("images/kitchen-") and image.endswith(".png")
    assert story["content"]["scenes"][0]["imageAlt"] == "Jo's kitchen at night, the kettle on"
    phone.js("document.getElementById('s0-picture').scrollIntoView({block: 'center'})")
    phone.check_state("studio-picture-saved", screenshot=False)
    phone.screenshot("studio-picture-saved", full_page=False)

    click_button(phone, "Preview scene 1")
    phone.wait(lambda b: b.js("var f = document.querySelector('dialog iframe'), d = f && f.contentDocument,"
                              " i = d && d.querySelector('img.scene-image'); return !!i && i.naturalWidth > 0"))
    phone.check_state("studio-picture-preview", screenshot=False)
    phone.screenshot("studio-picture-preview", full_page=False)
    click_button(phone, "Close the preview")

    # Sent for review, approved and published: the picture goes into images/ with the story.
    click_button(phone, "Send for review")
    phone.wait_text("Sent for review")
    organiser = StudioClient(studio, key=STUDIO_KEY, name="Org")
    for action in ("approve", "publish"):
        assert organiser.ask({"type": "review", "story": "kitchen", "action": action}, "story", "error")["type"] == "story"
    assert (studio.scenarios / image).read_bytes() == good.read_bytes()
    check = subprocess.run([str(forum_binary()), "check", str(studio.scenarios)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr

    # forum serve plays it: the phone page shows the picture with its description.
    show_dir = tmp_path / "show"
    show_dir.mkdir()
    show = ForumProcess(show_dir, scenarios=studio.scenarios).start()
    try:
        audience = browsers(PHONE).open(show.http + "/")
        audience.wait_text("The show will start soon")
        show.host("start", "kitchen")
        audience.wait(lambda b: loaded_image(b, "img.scene-image"), message="the picture on the phone page")
        assert audience.find("img.scene-image").get_attribute("alt") == "Jo's kitchen at night, the kettle on"
        audience.check_state("phone-studio-picture")
    finally:
        show.stop()


def test_the_studio_speaks_welsh_and_arabic(studio, browsers):
    """The studio's own words follow the browser's language (Arabic: right to left), a switch
    at the top changes them and is remembered; the writers' story text is left as it is."""
    token = invite_link(studio, "Grŵp y gegin")
    maker = StudioClient(studio, invite=token, name="Cy")
    maker.ask({"type": "create", "title": "Kitchen", "template": "decision"}, "story")

    phone = browsers(PHONE, languages="ar")
    phone.open(f"{studio.http}/?invite={token}")
    phone.wait_text("لنكتب قصة معًا")
    assert phone.js("return [document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
    assert phone.js("return document.getElementById('studio-lang').value") == "ar"
    phone.check_state("studio-arabic-welcome")
    click_button(phone, "ابدأ الكتابة")
    phone.wait_text("قصص Grŵp y gegin")
    click_button(phone, "Kitchen")
    phone.wait(lambda b: b.finds("#s0-text"))
    phone.wait_text("المشهد 1 (البداية)")
    # The story's own text is the writer's, in its own direction.
    assert phone.find("#s0-text").get_attribute("dir") == "auto"
    assert phone.find("#s0-text").get_attribute("value").startswith("Write what happens first.")
    phone.check_state("studio-arabic-editor", screenshot=False)
    phone.screenshot("studio-arabic-editor", full_page=False)

    # The switch: Welsh, left to right, remembered on this device.
    phone.find("#studio-lang").send_keys("Cymraeg")
    phone.wait_text("Golygfa 1 (y dechrau)")
    assert phone.js("return [document.documentElement.lang, document.documentElement.dir]") == ["cy", "ltr"]
    assert phone.js("return localStorage.getItem('studio.lang')") == "cy"
    assert phone.js("return document.activeElement.id") == "studio-lang"
    phone.check_state("studio-welsh-editor", screenshot=False)
    phone.screenshot("studio-welsh-editor", full_page=False)
    phone.open(f"{studio.http}/")
    phone.wait_text("Stiwdio Fforwm")
