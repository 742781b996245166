"""The C reference server (bench/c-reference) that issue 10's table compares Forum with: it
must build, and forum-bench, unchanged, must run against it with every vote acknowledged and
every tally exact. A second test drives it by hand over a WebSocket for the refusals the
bench never provokes (wrong host key, closed round, unknown option, bad JSON, a flood), and
checks that SIGTERM stops it cleanly with every acknowledged vote in its SQLite file."""

import contextlib
import json
import signal
import sqlite3
import subprocess
import time

import websocket  # websocket-client

from conftest import REPO, forum_binary, free_port, wait_for_port

BINARY = REPO / ".build" / "c-reference" / "forum-c-reference"


def build_c_reference() -> None:
    result = subprocess.run([str(REPO / "bench" / "c-reference" / "build")], capture_output=True, text=True,
                            timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    assert BINARY.exists()


def test_forum_bench_runs_against_the_c_reference_server(tmp_path):
    build_c_reference()
    bench = forum_binary().parent / "forum-bench"
    figures = tmp_path / "bench.json"
    result = subprocess.run(
        [
            str(bench), "--forum", str(BINARY), "--scenarios", str(REPO / "scenarios"), "--web", str(REPO / "web"),
            "--work-dir", str(tmp_path), "--phones", "20", "--bursts", "2", "--fanouts", "2",
            "--sustained-rate", "100", "--sustained-seconds", "1", "--json", str(figures),
        ],
        capture_output=True, text=True, timeout=90,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "tally: the host saw exactly 20 votes" in result.stdout, result.stdout
    data = json.loads(figures.read_text())
    assert data["correct"] is True
    assert data["phones"] == 20
    for kind in ("first", "changed"):
        assert data["bursts"][kind]["latency"]["count"] == 40  # 2 rounds of 20 phones, each acked
    assert data["sustained"]["votes"] == 100
    assert data["sustained"]["latency"]["count"] == 100


class Client:
    def __init__(self, port: int):
        self.socket = websocket.create_connection(f"ws://127.0.0.1:{port}/ws", timeout=10)

    def send(self, **message) -> None:
        self.socket.send(json.dumps(message))

    def receive(self) -> dict:
        return json.loads(self.socket.recv())

    def until(self, kind: str, **fields) -> dict:
        while True:
            message = self.receive()
            if message["type"] == kind and all(message.get(k) == v for k, v in fields.items()):
                return message


def test_c_reference_refuses_as_forum_does_and_stops_cleanly(tmp_path):
    build_c_reference()
    port = free_port()
    database = tmp_path / "c.sqlite"
    server = subprocess.Popen(
        [str(BINARY), "serve", "--headless", "--port", str(port), "--db", str(database), "--scenarios", "x",
         "--web", "y", "--host-key", "right"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        wait_for_port(port)
        intruder = Client(port)
        intruder.send(type="hello", role="host", key="wrong", ref="h0")
        assert intruder.until("error")["code"] == "unauthorized"

        host = Client(port)
        host.send(type="hello", role="host", key="right")
        assert host.until("welcome")["stories"][0]["id"] == "bench"
        phone = Client(port)
        phone.send(type="hello", role="audience", state_after_ack=False)
        device = phone.until("welcome")["device"]
        assert phone.until("state")["scene"] is None

        for ref, command, args in [("c1", "start", {"story": "bench"}), ("c2", "next", None), ("c3", "open", None)]:
            message = {"type": "command", "command": command, "ref": ref}
            if args:
                message["args"] = args
            host.send(**message)
            assert host.until("ack", ref=ref)["command"] == command
        state = phone.until("state", decision=phone_state_decision_open())
        round_id = state["decision"]["id"]
        options = [option["id"] for option in state["decision"]["options"]]
        assert len(options) == 3

        phone.send(type="vote", decision=round_id, option="nobody", ref="v0")
        assert phone.until("error", ref="v0")["code"] == "unknown_option"
        phone.send(type="vote", decision=round_id, option=options[1], ref="v1")
        assert phone.until("ack", ref="v1") == {"type": "ack", "ref": "v1", "decision": round_id, "option": options[1]}
        assert host.until("tally")["counts"] == {options[0]: 0, options[1]: 1, options[2]: 0}
        phone.socket.send("{not json")
        assert phone.until("error")["code"] == "bad_json"
        phone.socket.send(json.dumps({"type": "ping", "pad": "x" * 9000}))
        assert phone.until("error")["code"] == "too_large"

        host.send(type="command", command="close", ref="c4")
        host.until("ack", ref="c4")
        phone.send(type="vote", decision=round_id, option=options[0], ref="v2")
        assert phone.until("error", ref="v2")["code"] == "decision_closed"

        # 40 at once, then 20 a second, per device: a flood is told once.
        for _ in range(60):
            phone.send(type="ping")
        pongs = 0
        while (message := phone.receive())["type"] == "pong":
            pongs += 1
        assert message["code"] == "rate_limited" and 30 <= pongs < 60, (pongs, message)
        phone.socket.settimeout(0.5)
        rest = []
        with contextlib.suppress(websocket.WebSocketTimeoutException):
            while True:
                rest.append(phone.receive()["type"])
        assert "error" not in rest, rest

        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=15) == 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT round_id, device, option_id, reason FROM votes").fetchall() == [
            (round_id, device, options[1], "vote")
        ]
        assert db.execute("SELECT status FROM rounds").fetchall() == [("closed",)]
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def phone_state_decision_open():
    """A matcher for `until`: a state whose decision is open (compared by equality)."""

    class OpenDecision:
        def __eq__(self, decision):
            return isinstance(decision, dict) and decision.get("status") == "open"

    return OpenDecision()
