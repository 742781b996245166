"""The room speaks back, in real browsers against a real server: phones tap Stop and the host
sees the count rise; phones propose, a moderator (with a key of their own) approves one on the
moderation page, the host puts it to the vote, phones vote on it, and the revealed tally and
the export include it. Every new state is screenshotted and axe-audited."""

import csv
import shutil
import subprocess
import uuid

import pytest

from conftest import ForumProcess, forum_binary, phone_maker

from .pages import HERE, PHONE, PROJECTOR, REPO, screen_state, wait_until

MODERATOR_KEY = "moderator-key-for-tests"


@pytest.fixture
def voice_show(tmp_path):
    """A real server on the bundled stories with a moderator key from a file."""
    scenarios = tmp_path / "scenarios"
    shutil.copytree(REPO / "scenarios", scenarios)
    for story in (HERE / "scenarios").glob("*.yaml"):
        shutil.copy(story, scenarios / story.name)
    key_file = tmp_path / "moderator.key"
    key_file.write_text(MODERATOR_KEY + "\n")
    server = ForumProcess(tmp_path, scenarios=scenarios, extra_args=[
        "--join-url", "http://192.168.1.20:8080/", "--moderator-key-file", str(key_file)]).start()
    yield server
    server.stop()


def speak(phone, message: dict) -> dict:
    """Sends an audience message with a ref and returns its answer (voice or error)."""
    ref = ("s" if message["type"] == "intervene" else "q") + uuid.uuid4().hex[:6]
    phone.send({**message, "ref": ref})
    while True:
        answer = phone.receive()
        if answer.get("ref") == ref:
            return answer


def room(server) -> dict:
    return screen_state(server, "host").get("room") or {}


def test_stop_propose_moderate_and_vote_on_the_audiences_own_idea(voice_show, browsers, tmp_path):
    show = voice_show
    show.host("start", "sams-night")
    phone = browsers(PHONE).open(show.http + "/")
    phone.wait_text("Before the story starts")
    phone.click("#view button.primary")
    phone.wait(lambda b: b.finds("button.stop"), message="the Stop button on a scene without a vote")
    phone.check_state("phone-21-stop")

    with phone_maker(show) as make:
        crowd = [make() for _ in range(4)]
        # One tap on the page, three phones by protocol: the host's count rises.
        phone.click("button.stop")
        phone.wait(lambda b: b.find("button.stop").get_attribute("aria-pressed") == "true"
                   and "The host knows you want to step in" in b.text(".voice"))
        phone.check_state("phone-22-stopped")
        for member in crowd[:3]:
            assert speak(member, {"type": "intervene", "on": True})["stop"] is True
        assert speak(crowd[2], {"type": "intervene", "on": False})["stop"] is False  # undone
        wait_until(lambda: room(show).get("stops") == 3, message="the host sees 3 stops")
        show.host("acknowledge")
        assert room(show)["acknowledged"] == 3
        show.host("stops", "on")
        projector = browsers(PROJECTOR).open(show.http + "/screen")
        projector.wait_text("Want to step in")
        assert "3" in projector.text("#counts")

        # Proposals at the decision: the form is fetched once they open.
        show.host("next")
        phone.wait_text("Who should Maya call?")
        phone.wait(lambda b: b.find("button.stop").get_attribute("aria-pressed") == "false",
                   message="a new scene: the stop is gone")
        show.host("open")
        show.host("proposals", "on")
        phone.wait(lambda b: b.finds("form.propose textarea"), message="the proposal form")
        assert "Please don’t name real people" in phone.text("form.propose")
        phone.check_state("phone-23-proposals-open")
        phone.find("#idea").send_keys("<b>Ring her sister</b> first")
        phone.click("form.propose button[type=submit]")
        phone.wait_text("Waiting for the moderator", ".voice")
        assert phone.find("#idea").get_attribute("value") == ""
        phone.check_state("phone-24-proposal-pending")
        assert speak(crowd[0], {"type": "propose", "text": "Call the sister before anyone"})["type"] == "voice"
        assert speak(crowd[1], {"type": "propose", "text": "Shout at Sam"})["type"] == "voice"
        too_long = speak(crowd[2], {"type": "propose", "text": "x" * 281})
        assert too_long["type"] == "error" and too_long["code"] == "bad_message"

        # The moderator, with their own key, on the moderation page at phone width.
        moderator = browsers(PHONE).open(show.http + "/moderate")
        moderator.check_state("moderate-01-key")
        moderator.find("#key").send_keys(MODERATOR_KEY)
        moderator.click("#keyform button")
        moderator.wait_text("Waiting (3)")
        assert "<b>Ring her sister</b> first" in moderator.text("#view")
        moderator.check_state("moderate-02-queue")
        moderator.click("li.proposal:nth-of-type(1) button.primary")  # approve P1
        moderator.wait_text("Approved (1)")
        moderator.click("li.proposal:nth-of-type(2) button.secondary")  # reject P3 (now second waiting)
        moderator.wait_text("Rejected (1)")
        merge = moderator.find("li.proposal:nth-of-type(1) select")  # P2, the same idea as P1
        assert merge.get_attribute("value") == "P1"
        moderator.click("li.proposal:nth-of-type(1) .actions button:last-child")
        moderator.wait_text("Merged (1)")
        moderator.check_state("moderate-03-decided")
        phone.wait_text("Approved", ".voice")

        # The projector shows the approved idea as text, and never who wrote it.
        show.host("ideas", "on")
        projector.wait_text("From the audience")
        assert "<b>Ring her sister</b> first" in projector.text(".ideas")
        projector.check_state("screen-21-ideas")

        # Put to the vote beside the staff's options, voted on, revealed, exported.
        show.host("adopt", "P1")
        show.host("open")
        phone.wait(lambda b: len(b.finds("button.option")) == 4, message="the audience's option among the staff's")
        assert "An idea from the audience" in phone.text("button.option[data-option=audience_1]")
        phone.check_state("phone-25-audience-option")
        phone.click_option("Ring her sister")
        phone.wait_text("Vote recorded", ".vote-status")
        for member, option in zip(crowd, ["audience_1", "audience_1", "police", "audience_1"]):
            member.vote(option, decision="D2")
        show.host("reveal")
        phone.wait(lambda b: b.finds(".results"), message="the revealed results")
        assert "Ring her sister" in phone.text(".results")
        tally = screen_state(show)["tally"]
        assert tally["counts"]["audience_1"] == 4 and tally["total"] == 5
        phone.check_state("phone-26-audience-option-revealed")
        assert not phone.console_errors() and not moderator.console_errors()

    out = tmp_path / "export"
    subprocess.run([str(forum_binary()), "export", "--db", str(show.db), "--out", str(out)], check=True,
                   capture_output=True)
    with open(out / "proposals.csv", encoding="utf-8-sig") as f:
        proposals = {row["proposal"]: row for row in csv.DictReader(f)}
    assert proposals["P1"]["status"] == "approved" and proposals["P1"]["option"] == "audience_1"
    assert proposals["P1"]["votes"] == "4" and proposals["P1"]["same_idea"] == "1"
    assert proposals["P2"]["status"] == "merged" and proposals["P3"]["status"] == "rejected"
    with open(out / "rounds.csv", encoding="utf-8-sig") as f:
        audience = [row for row in csv.DictReader(f) if row["option"] == "audience_1"]
    assert audience and audience[0]["count"] == "4" and audience[0]["option_label"] == "<b>Ring her sister</b> first"
    with open(out / "stops.csv", encoding="utf-8-sig") as f:
        stops = list(csv.DictReader(f))
    assert stops[0]["stopped"] == "3" and stops[0]["ever_stopped"] == "4" and stops[0]["acknowledged"] == "3"
    with open(out / "moderation.csv", encoding="utf-8-sig") as f:
        assert [(r["action"], r["by"]) for r in csv.DictReader(f)] == [
            ("approve", "moderator"), ("reject", "moderator"), ("merge", "moderator"), ("adopt", "host")]


def test_a_flood_from_one_phone_is_cut_off_and_the_others_go_on(voice_show):
    show = voice_show
    show.host("start", "sams-night")
    show.host("proposals", "on")
    with phone_maker(show) as make:
        flooder, other = make(), make()
        answers = [speak(flooder, {"type": "intervene", "on": i % 2 == 0}) for i in range(14)]
        assert [a.get("code") for a in answers].count("too_many_interventions") == 4
        ideas = [speak(flooder, {"type": "propose", "text": f"idea {i}"}) for i in range(5)]
        assert [a.get("code") for a in ideas].count("too_many_interventions") == 2
        assert speak(other, {"type": "intervene", "on": True})["stop"] is True
        assert speak(other, {"type": "propose", "text": "mine"})["type"] == "voice"
    # A wrong moderator key is refused; the moderator key never opens the host's console.
    result = subprocess.run([str(forum_binary()), "host", show.ws, "--key", MODERATOR_KEY, "--command", "next"],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode != 0 and "wrong" in (result.stdout + result.stderr)
