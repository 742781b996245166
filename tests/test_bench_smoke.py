"""forum-bench must keep working: a tiny run (20 phones, a 1 s sustained phase) against the
build under test. It starts its own `forum serve`, so this also checks that the bench's
correctness checks pass: every vote acknowledged, every tally exact."""

import json
import subprocess

from conftest import REPO, forum_binary


def test_forum_bench_runs_and_prints_its_table(tmp_path):
    forum = forum_binary()
    bench = forum.parent / "forum-bench"
    figures = tmp_path / "bench.json"
    result = subprocess.run(
        [
            str(bench), "--forum", str(forum), "--scenarios", str(REPO / "scenarios"), "--web", str(REPO / "web"),
            "--work-dir", str(tmp_path), "--phones", "20", "--bursts", "1", "--fanouts", "2",
            "--sustained-rate", "100", "--sustained-seconds", "1", "--json", str(figures),
        ],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for row in ("join: connect", "fan-out: goto", "burst: first vote", "burst: changed vote", "sustained 100/s"):
        assert row in result.stdout, result.stdout
    data = json.loads(figures.read_text())
    assert data["correct"] is True
    assert data["phones"] == 20
    assert data["bursts"]["first"]["latency"]["count"] == 20
    assert data["sustained"]["votes"] == 100
