"""bench/venues/run must keep working: one show in three venues (a NATS hub, per venue a leaf
nats-server and `forum serve --nats`), 20 phones at each, measured by forum-bench in venues mode
against the build under test. The run fails unless every vote is acknowledged, the host's merged
tally is exact after every burst and the archive holds each venue's acknowledged votes."""

import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from conftest import REPO, forum_binary

NATS_SERVER = shutil.which("nats-server") or "/usr/sbin/nats-server"


@pytest.mark.skipif(not Path(NATS_SERVER).exists(), reason="needs nats-server")
def test_three_venues_of_twenty_phones_are_measured(tmp_path):
    forum = forum_binary()
    figures = tmp_path / "venues.json"
    started = time.monotonic()
    result = subprocess.run(
        [
            str(REPO / "bench/venues/run"), "--no-build", "--forum", str(forum), "--nats-server", NATS_SERVER,
            "--work-dir", str(tmp_path), "--phones-per-venue", "20", "--bursts", "1", "--fanouts", "3",
            "--json", str(figures),
        ],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert time.monotonic() - started < 60
    out = result.stdout
    for row in ("fan-out: goto → last phone at north", "fan-out: goto → last phone at east",
                "fan-out: goto → last phone at south", "burst: first vote → host's merged tally",
                "burst: first vote → all in the archive", "merged votes/s", "load average before:"):
        assert row in out, out
    data = json.loads(figures.read_text())
    assert data["correct"] is True and data["phones"] == 60
    assert [venue["name"] for venue in data["venues"]] == ["north", "east", "south"]
    # Two bursts (first votes, changed votes) of 20 phones at each venue.
    assert [venue["phones"] for venue in data["venues"]] == [20, 20, 20]
    assert [venue["acked"] for venue in data["venues"]] == [40, 40, 40]
    for burst in data["bursts"]["first"] + data["bursts"]["changed"]:
        assert burst["votes"] == 60
        assert 0 < burst["all_acked_s"] <= burst["merged_tally_s"]
        assert burst["archive_s"] > 0
    # Nothing is left behind: the launcher's folder is gone and no server of it runs.
    assert not any(entry.name.startswith("forum-venues-") for entry in tmp_path.iterdir())
    running = subprocess.run(["pgrep", "-f", str(tmp_path)], capture_output=True, text=True).stdout.split()
    assert running == [], running
