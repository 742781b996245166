"""The database a show writes to: one `forum serve` per file, and never another program's file.
Found by a hostile probe: two servers on one database both acknowledged votes and both made a
round "D2", and a foreign SQLite file given as --db got Forum's tables added."""

import sqlite3
import subprocess

from conftest import REPO, ForumProcess, forum_binary, free_port


def serve_once(db, timeout=20) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(forum_binary()), "serve", "--headless", "--port", str(free_port()), "--db", str(db),
         "--scenarios", str(REPO / "scenarios"), "--web", str(REPO / "web"), "--host-key", "k"],
        capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL,
    )


def test_a_second_server_on_a_database_in_use_refuses_and_the_first_goes_on(forum, phones):
    second = serve_once(forum.db)
    assert second.returncode == 1
    assert f"forum serve: {forum.db} is in use by another forum serve" in second.stderr
    # The first server is untouched: it still takes a story and a phone.
    forum.host("start", "sams-night")
    assert phones().state["story"]["id"] == "sams-night"


def test_after_a_crash_the_database_opens_again(tmp_path):
    server = ForumProcess(tmp_path).start()
    server.host("start", "sams-night")
    server.kill()  # kill -9: the kernel drops the hold on the file
    server.start()
    try:
        assert server.host("status").returncode == 0
    finally:
        server.stop()


def test_another_programs_database_is_refused_and_left_as_it_was(tmp_path):
    notes = tmp_path / "notes.sqlite"
    with sqlite3.connect(notes) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
        connection.execute("INSERT INTO notes VALUES ('keep me')")
    result = serve_once(notes)
    assert result.returncode == 1
    assert "is another program's SQLite database, not Forum's" in result.stderr
    with sqlite3.connect(notes) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert tables == ["notes"]
        assert connection.execute("PRAGMA application_id").fetchone()[0] == 0
