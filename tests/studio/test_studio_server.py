"""`forum studio` on a real port: invites, the revision check, review and publishing into
the scenarios folder that `forum serve` plays, and bad input."""

import json
import subprocess
import urllib.request

import pytest
import websocket

from tests.conftest import forum_binary
from tests.studio.harness import STUDIO_KEY, StudioClient, invite_link


def test_serves_the_page_and_refuses_other_sites(studio):
    with urllib.request.urlopen(studio.http + "/") as answer:
        assert b"Forum studio" in answer.read()
    with urllib.request.urlopen(studio.http + "/phone/style.css") as answer:
        assert answer.status == 200
    with pytest.raises(websocket.WebSocketBadStatusException) as refused:
        websocket.create_connection(studio.ws, origin="http://evil.example", timeout=5)
    assert refused.value.status_code == 403


def test_organiser_key_and_invites(studio):
    wrong = StudioClient(studio, key="not-the-key")
    assert wrong.welcome["code"] == "bad_key"
    nobody = StudioClient(studio)
    assert nobody.ask({"type": "list"}, "error")["code"] == "sign_in_first"
    token = invite_link(studio)
    writer = StudioClient(studio, invite=token, name="Ann")
    assert writer.welcome["role"] == "contributor"
    assert writer.welcome["group"] == "Tuesday group"
    assert "real patients" in writer.welcome["reminder"]
    assert writer.ask({"type": "invites"}, "error")["code"] == "not_allowed"
    organiser = StudioClient(studio, key=STUDIO_KEY)
    organiser.ask({"type": "invite_revoke", "token": token}, "invites")
    assert writer.ask({"type": "list"}, "error")["code"] == "bad_invite"
    assert StudioClient(studio, invite=token).welcome["code"] == "bad_invite"
    assert StudioClient(studio, invite="0" * 32).welcome["code"] == "bad_invite"


def test_two_writers_never_overwrite_each_other(studio):
    token = invite_link(studio)
    ann = StudioClient(studio, invite=token, name="Ann")
    bo = StudioClient(studio, invite=token, name="Bo")
    story = ann.ask({"type": "create", "title": "Jo's night", "template": "decision"}, "story")["story"]
    assert story["id"] == "jos-night" and story["revision"] == 1
    bo.ask({"type": "open", "story": story["id"]}, "story")
    content = story["content"]
    content["scenes"][0]["text"] = "Ann's words."
    saved = ann.ask({"type": "save", "story": story["id"], "base": 1, "content": content, "ref": "s1"}, "saved")
    assert saved["revision"] == 2 and saved["ref"] == "s1" and saved["checks"] == []
    assert bo.expect("changed")["by"] == "Ann"
    content["scenes"][0]["text"] = "Bo's words."
    conflict = bo.ask({"type": "save", "story": story["id"], "base": 1, "content": content}, "error")
    assert conflict["code"] == "conflict"
    assert conflict["current"]["content"]["scenes"][0]["text"] == "Ann's words."
    again = bo.ask({"type": "save", "story": story["id"], "base": 2, "content": content}, "saved")
    assert again["revision"] == 3
    revisions = ann.ask({"type": "revisions", "story": story["id"]}, "revisions")["revisions"]
    assert [r["author"] for r in revisions] == ["Ann", "Ann", "Bo"]
    restored = ann.ask({"type": "restore", "story": story["id"], "revision": 2, "base": 3}, "story")
    assert restored["story"]["revision"] == 4
    assert restored["story"]["content"]["scenes"][0]["text"] == "Ann's words."


def test_checks_review_publish_and_withdraw(studio):
    token = invite_link(studio)
    ann = StudioClient(studio, invite=token, name="Ann")
    story = ann.ask({"type": "create", "title": "Crisis line", "template": "decision"}, "story")["story"]
    content = story["content"]
    content["scenes"][0]["decision"]["options"][1]["next"] = "nowhere"
    saved = ann.ask({"type": "save", "story": story["id"], "base": 1, "content": content}, "saved")
    [check] = [c for c in saved["checks"] if c["severity"] == "error"]
    assert check["message"] == "This option leads to a scene that does not exist yet."
    assert (check["scene"], check["option"], check["field"]) == ("start", 1, "next")
    assert ann.ask({"type": "review", "story": story["id"], "action": "submit"}, "error")["code"] == "has_errors"
    content["scenes"][0]["decision"]["options"][1]["next"] = "help"
    ann.ask({"type": "save", "story": story["id"], "base": 2, "content": content}, "saved")
    submitted = ann.ask({"type": "review", "story": story["id"], "action": "submit"}, "story")
    assert submitted["story"]["status"] == "submitted"
    assert ann.ask({"type": "review", "story": story["id"], "action": "approve"}, "error")["code"] == "not_allowed"
    organiser = StudioClient(studio, key=STUDIO_KEY, name="Org")
    organiser.ask({"type": "comment", "story": story["id"], "scene": "start", "text": "Lovely."}, "comments")
    for action in ["approve", "publish"]:
        reply = organiser.ask({"type": "review", "story": story["id"], "action": action}, "story")
    assert reply["story"]["status"] == "published"
    published = studio.scenarios / "crisis-line.yaml"
    assert published.exists()
    check_run = subprocess.run([str(forum_binary()), "check", str(studio.scenarios)], capture_output=True, text=True)
    assert check_run.returncode == 0, check_run.stdout + check_run.stderr
    assert [h["to"] for h in reply["history"]] == ["submitted", "approved", "published"]
    assert reply["comments"][0]["text"] == "Lovely."
    organiser.ask({"type": "review", "story": story["id"], "action": "withdraw"}, "story")
    assert not published.exists()
    assert len(organiser.ask({"type": "revisions", "story": story["id"]}, "revisions")["revisions"]) == 3


def test_bad_input_changes_nothing(studio):
    token = invite_link(studio)
    ann = StudioClient(studio, invite=token)
    ann.socket.send("not json")
    assert ann.expect("error")["code"] == "bad_message"
    story = ann.ask({"type": "create", "title": "<b>Bold</b>"}, "story")["story"]
    assert story["content"]["title"] == "<b>Bold</b>"
    huge = {"type": "save", "story": story["id"], "base": 1, "content": {"x": "y" * 400_000}}
    ann.send(huge)
    assert ann.expect("error")["code"] == "too_large"
    assert ann.ask({"type": "open", "story": story["id"]}, "story")["story"]["revision"] == 1
    other = StudioClient(studio, invite=invite_link(studio, "Another group"))
    assert other.ask({"type": "open", "story": story["id"]}, "error")["code"] == "unknown_story"
