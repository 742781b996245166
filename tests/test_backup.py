"""`forum backup` as an organiser meets it: during a running show, phones voting, the copy is
complete and `forum export` reads it; a plain copy of the database file misses the votes still
in the write-ahead log."""

import csv
import shutil
import subprocess

from conftest import forum_binary


def run_forum(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(forum_binary()), *args], capture_output=True, text=True, timeout=60)


def test_a_backup_during_the_show_keeps_every_acknowledged_vote(forum, phones, tmp_path):
    forum.host("start", "sams-night")
    voters = [phones() for _ in range(12)]
    while not voters[0].state.get("decision"):
        forum.host("next")
        voters[0].expect("state")
    forum.host("open")
    options = [option["id"] for option in voters[0].state["decision"]["options"]]
    for index, phone in enumerate(voters):
        phone.vote(options[index % len(options)])

    plain = tmp_path / "plain-cp.sqlite"
    shutil.copyfile(forum.db, plain)
    copy = tmp_path / "backup.sqlite"
    result = run_forum("backup", "--db", str(forum.db), "--out", str(copy))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"wrote {copy} (12 votes, 1 round, ")

    exported = run_forum("export", "--db", str(copy), "--out", str(tmp_path / "results"))
    assert exported.returncode == 0, exported.stderr
    with open(tmp_path / "results" / "votes.csv", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == 12
    # What the trial run met: the file alone, copied mid-show, has not got the votes.
    plain_export = run_forum("export", "--db", str(plain), "--out", str(tmp_path / "plain"))
    plain_votes = 0
    if plain_export.returncode == 0:
        with open(tmp_path / "plain" / "votes.csv", newline="") as file:
            plain_votes = len(list(csv.DictReader(file)))
    assert plain_votes < 12

    again = run_forum("backup", "--db", str(forum.db), "--out", str(copy))
    assert again.returncode != 0
    assert "already exists" in again.stderr


def test_backup_of_a_file_that_is_not_there_says_so(tmp_path):
    result = run_forum("backup", "--db", str(tmp_path / "nothing.sqlite"), "--out", str(tmp_path / "c.sqlite"))
    assert result.returncode != 0
    assert "There is no database at" in result.stderr
    assert not (tmp_path / "c.sqlite").exists()
