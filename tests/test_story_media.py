"""Story images as a hostile or careless author meets them: an image that is a symbolic link to
a file outside the scenarios folder (`ln -s /etc/shadow images/x.png`) fails `forum check` at
the line that names it, and is never published; a link that stays inside the folder is fine."""

import os
import subprocess
import urllib.error
import urllib.request

from conftest import ForumProcess, forum_binary

STORY = """title: A picture
scenes:
  - id: start
    text: Maya looks at the photo.
    image: images/photo.png
    image_alt: A photo of a kitchen
"""
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def make_scenarios(root, link_target):
    folder = root / "scenarios"
    (folder / "images").mkdir(parents=True)
    (folder / "a-picture.yaml").write_text(STORY)
    os.symlink(link_target, folder / "images" / "photo.png")
    return folder


def check(folder) -> subprocess.CompletedProcess:
    return subprocess.run([str(forum_binary()), "check", "scenarios"], cwd=folder.parent,
                          capture_output=True, text=True, timeout=30)


def test_an_image_linking_outside_the_folder_fails_the_check_and_serve(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the audience")
    folder = make_scenarios(tmp_path, secret)
    result = check(folder)
    assert result.returncode == 1
    assert ("scenarios/a-picture.yaml:5:12: error: the image file `images/photo.png` is not in the "
            "scenarios folder") in result.stdout
    assert ("scenarios/images/photo.png:1:1: warning: this is a link to a file outside the scenarios "
            "folder: it is never published") in result.stdout
    served = subprocess.run(
        [str(forum_binary()), "serve", "--headless", "--port", "0", "--db", str(tmp_path / "x.sqlite"),
         "--scenarios", str(folder)], capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL)
    assert served.returncode == 1
    assert "the stories have 1 error(s)" in served.stderr


def test_a_link_inside_the_folder_is_published_as_a_copy(tmp_path):
    folder = make_scenarios(tmp_path, "../shared.png")
    (folder / "shared.png").write_bytes(PNG)
    assert check(folder).returncode == 0
    server = ForumProcess(tmp_path, scenarios=folder).start()
    try:
        with urllib.request.urlopen(f"{server.http}/scenarios-media/images/photo.png", timeout=10) as response:
            assert response.read() == PNG
        try:
            urllib.request.urlopen(f"{server.http}/scenarios-media/a-picture.yaml", timeout=10)
            raise AssertionError("the story file (with host notes) was published")
        except urllib.error.HTTPError as error:
            assert error.code == 404
    finally:
        server.stop()
