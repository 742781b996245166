"""Twine in and out through the studio: a Twee 3 file and a Twine 2 published HTML file are
brought in by upload (the same importer as `forum import`), open as studio stories that pass
the checks, and come back out as Twee that `forum import` reads to the same story."""

import subprocess

import pytest

from tests.conftest import REPO, forum_binary
from tests.studio.harness import StudioClient, invite_link

FIXTURES = REPO / "Tests" / "ForumTwineTests" / "Fixtures"


def essentials(content: dict) -> list:
    """What a round trip must keep: each scene's id, text, next and decision."""
    return [(s["id"], s["text"], s.get("next"), s.get("decision")) for s in content["scenes"]]


@pytest.mark.parametrize("name", ["night-shift.twee", "late-shift.html"])
def test_twine_files_come_in_and_go_back_out(studio, tmp_path, name):
    writer = StudioClient(studio, invite=invite_link(studio))
    writer.send({"type": "import", "file": name, "data": (FIXTURES / name).read_text()})
    story = writer.expect("story")
    content = story["story"]["content"]
    assert story["story"]["status"] == "draft" and len(content["scenes"]) >= 2
    assert [c for c in story["checks"] if c["severity"] == "error"] == []
    if name.endswith(".twee"):
        # Story formats' macros stay as text and are reported with the passage's file and line.
        notes = writer.expect("import_notes")
        assert any(problem.startswith(name + ":") and "story-format code" in problem for problem in notes["problems"])
    twee = writer.ask({"type": "download", "story": story["story"]["id"], "format": "twee"}, "file")
    assert twee["file"] == story["story"]["id"] + ".twee"
    # Back in through the studio: the same scenes, texts and choices.
    writer.send({"type": "import", "file": twee["file"], "data": twee["text"]})
    again = writer.expect("story")["story"]
    assert essentials(again["content"]) == essentials(content)
    # And `forum import` reads the download to a story that `forum check` accepts.
    (tmp_path / twee["file"]).write_text(twee["text"])
    out = tmp_path / "out"
    out.mkdir()
    result = subprocess.run([str(forum_binary()), "import", str(tmp_path / twee["file"]), "--out", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    check = subprocess.run([str(forum_binary()), "check", str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    yaml = writer.ask({"type": "download", "story": story["story"]["id"], "format": "yaml"}, "file")
    assert yaml["file"].endswith(".yaml") and "scenes:" in yaml["text"]


def test_a_broken_import_says_what_and_where(studio):
    writer = StudioClient(studio, invite=invite_link(studio))
    error = writer.ask({"type": "import", "file": "broken.html", "data": "<html><body>no story</body></html>"}, "error")
    assert error["code"] == "invalid_content"
    assert error["problems"][0].startswith("broken.html:1:1: error: this HTML file holds no Twine 2 story")
    assert writer.ask({"type": "list"}, "stories")["stories"] == []


def test_a_published_file_with_its_story_format_is_not_too_large(studio):
    """Published Twine files carry their story format (hundreds of KB of script)."""
    writer = StudioClient(studio, invite=invite_link(studio))
    html = (FIXTURES / "late-shift.html").read_text()
    html = html.replace("</body>", "<script>" + "var format = 1;\n" * 60_000 + "</script></body>")
    assert len(html.encode()) > 800_000
    story = writer.ask({"type": "import", "file": "late-shift.html", "data": html}, "story", "error")
    assert story["type"] == "story", story
