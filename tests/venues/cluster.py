"""One show in several venues, as real processes: a NATS hub (nats-server with JetStream, domain
"hub"), and per venue a leaf nats-server plus `forum serve --nats ... --venue NAME`. A venue may
live in a network namespace of its own, so that its link to the hub can be cut (nftables drops
the leaf connection's packets) while its phones, on the venue's own address, go on voting."""

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import websocket

from conftest import HOST_KEY, REPO, forum_binary, free_port
from netns import VethNamespace, run

NATS_SERVER = shutil.which("nats-server") or "/usr/bin/nats-server"


def wait_until(condition, timeout: float, what: str, step: float = 0.1):
    """Polls `condition` until it returns something true; fails the test after `timeout`."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = condition()
        if last:
            return last
        time.sleep(step)
    raise AssertionError(f"{what}: not within {timeout}s (last: {last!r})")


class Namespace(VethNamespace):
    """A venue's own network namespace: `cut(port)` drops its traffic to and from a port of the
    outside address (the hub), `heal()` lets it through again."""

    def __init__(self, tag: str, subnet: int):
        super().__init__(f"forum-venue-{tag}", f"fvh{tag}", f"fvn{tag}", f"10.214.{subnet}.1", f"10.214.{subnet}.2")

    def create(self) -> None:
        if not shutil.which("nft"):
            pytest.skip("cutting a venue off needs nftables")
        super().create()

    def cut(self, port: int) -> None:
        rules = f"""
table inet forum_cut {{
  chain out {{ type filter hook output priority 0; ip daddr {self.outside} tcp dport {port} drop; }}
  chain in {{ type filter hook input priority 0; ip saddr {self.outside} tcp sport {port} drop; }}
}}
"""
        loaded = subprocess.run(self.exec("nft", "-f", "-"), input=rules, capture_output=True, text=True)
        if loaded.returncode != 0:
            pytest.skip(f"nftables refuses the cut: {loaded.stderr.strip()}")

    def heal(self) -> None:
        run(*self.exec("nft", "delete", "table", "inet", "forum_cut"), check=False)


class Process:
    """A child process with its log, stopped (TERM, then KILL) by `stop()`."""

    def __init__(self, command: list[str], log: Path):
        self.command, self.log = command, log
        self.popen: subprocess.Popen | None = None

    def start(self) -> "Process":
        self.popen = subprocess.Popen(self.command, stdout=open(self.log, "ab"), stderr=subprocess.STDOUT,
                                      stdin=subprocess.DEVNULL)
        return self

    def kill(self) -> None:
        if self.popen and self.popen.poll() is None:
            self.popen.kill()
            self.popen.wait()

    def stop(self) -> None:
        if self.popen and self.popen.poll() is None:
            self.popen.send_signal(signal.SIGTERM)
            try:
                self.popen.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


class Hub:
    """The hub's nats-server: JetStream (domain "hub") and a leaf node port, with a user and
    password for the leaf nodes; pings each second so a cut is noticed within seconds."""

    LEAF_USER, LEAF_PASSWORD = "venue", "leaf-secret"

    def __init__(self, workdir: Path, tls: tuple[Path, Path] | None = None):
        """With `tls` (certificate, key), clients and leaf nodes must speak TLS to the hub."""
        self.dir = workdir / "hub"
        self.dir.mkdir()
        self.tls = tls
        self.client_port, self.leaf_port = free_port(), free_port()
        config = self.dir / "hub.conf"
        tls_block = f'tls {{ cert_file: "{tls[0]}", key_file: "{tls[1]}", timeout: 5 }}' if tls else ""
        config.write_text(f"""
server_name: hub
listen: 0.0.0.0:{self.client_port}
{tls_block}
jetstream {{ store_dir: "{self.dir / 'js'}", domain: hub }}
leafnodes {{
  listen: 0.0.0.0:{self.leaf_port}
  {tls_block}
  authorization {{ user: {self.LEAF_USER}, password: {self.LEAF_PASSWORD} }}
}}
ping_interval: "1s"
ping_max: 2
""")
        self.process = Process([NATS_SERVER, "-c", str(config)], self.dir / "hub.log")

    def start(self) -> "Hub":
        self.process.start()
        wait_until(lambda: b"Server is ready" in (self.dir / "hub.log").read_bytes(), 20, "the hub starts")
        return self


class Venue:
    """One venue: its leaf nats-server and its `forum serve`, in the root namespace (on
    loopback) or in a namespace of its own (on the namespace's address)."""

    def __init__(self, workdir: Path, hub: Hub, name: str, namespace: Namespace | None = None,
                 archive: bool = False, leaf_password: str = Hub.LEAF_PASSWORD, host_key: str = HOST_KEY,
                 direct: bool = False):
        """`direct`: no leaf node, forum serve connects to the hub itself (a cloud edge), over
        TLS when the hub has it. `leaf_password`, `host_key`: for venues that must fail."""
        self.name, self.hub, self.namespace, self.host_key = name, hub, namespace, host_key
        self.dir = workdir / name
        self.dir.mkdir()
        self.address = namespace.inside if namespace else "127.0.0.1"
        hub_address = namespace.outside if namespace else "127.0.0.1"
        self.nats_port, self.port = (4222, 8080) if namespace else (free_port(), free_port())
        config = self.dir / "leaf.conf"
        scheme = "tls" if hub.tls else "nats-leaf"
        trust = f'tls {{ ca_file: "{hub.tls[0]}" }}' if hub.tls else ""
        config.write_text(f"""
server_name: leaf-{name}
listen: 127.0.0.1:{self.nats_port}
leafnodes {{
  reconnect: 1
  remotes: [ {{ url: "{scheme}://{Hub.LEAF_USER}:{leaf_password}@{hub_address}:{hub.leaf_port}", {trust} }} ]
}}
ping_interval: "1s"
ping_max: 2
""")
        self.leaf = None if direct else Process(self.wrap([NATS_SERVER, "-c", str(config)]), self.dir / "leaf.log")
        if direct:
            nats = [f"{'tls' if hub.tls else 'nats'}://127.0.0.1:{hub.client_port}",
                    *(["--nats-ca", str(hub.tls[0])] if hub.tls else [])]
        else:
            nats = [f"nats://127.0.0.1:{self.nats_port}"]
        self.db = self.dir / "forum.sqlite"
        self.archive = self.dir / "archive.sqlite" if archive else None
        command = [
            str(forum_binary()), "serve", "--headless", "--port", str(self.port), "--db", str(self.db),
            "--scenarios", str(REPO / "scenarios"), "--web", str(REPO / "web"), "--host-key", host_key,
            "--nats", *nats, "--venue", name,
            *(["--archive", str(self.archive)] if self.archive else []),
        ]
        self.forum = Process(self.wrap(command), self.dir / "serve.log")
        self.tls = None

    def wrap(self, command: list[str]) -> list[str]:
        return self.namespace.exec(*command) if self.namespace else command

    @property
    def ws(self) -> str:
        return f"ws://{self.address}:{self.port}/ws"

    def start(self) -> "Venue":
        if self.leaf:
            self.leaf.start()
        self.start_forum()
        return self

    def start_forum(self) -> None:
        self.forum.start()
        wait_until(self.listening, 30, f"venue {self.name} listens")

    def listening(self) -> bool:
        try:
            websocket.create_connection(self.ws, timeout=1).close()
            return True
        except OSError:
            return False
        except websocket.WebSocketException:
            return False

    def kill_forum(self) -> None:
        self.forum.kill()

    def stop(self) -> None:
        self.forum.stop()
        if self.leaf:
            self.leaf.stop()

    def votes_cast_here(self) -> int:
        with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True) as db:
            return db.execute("SELECT count(*) FROM votes WHERE venue_sequence IS NULL").fetchone()[0]


class Host:
    """The host's console, as a plain WebSocket speaking the protocol: commands, and the last
    state and tally it was sent."""

    def __init__(self, venue: Venue):
        self.socket = websocket.create_connection(venue.ws, timeout=10)
        self.socket.send(json.dumps({"type": "hello", "role": "host", "key": venue.host_key}))
        self.state: dict = {}
        self.tally: dict | None = None
        self.refs = 0
        self.expect(lambda message: message.get("type") == "state", 10)

    def receive(self, timeout: float) -> dict | None:
        self.socket.settimeout(timeout)
        try:
            message = json.loads(self.socket.recv())
        except websocket.WebSocketTimeoutException:
            return None
        if message.get("type") == "state":
            self.state = message
            self.tally = message.get("tally") or self.tally
        elif message.get("type") == "tally":
            self.tally = message
        return message

    def expect(self, matches, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = self.receive(max(0.05, deadline - time.monotonic()))
            if message and matches(message):
                return message
        raise AssertionError(f"the host got no such message within {timeout}s (state: {self.state})")

    def command(self, name: str, expect: str = "ack", **arguments) -> dict:
        """Runs a host command; its answer must be `expect` ("ack", or an error's code)."""
        self.refs += 1
        ref = f"h{self.refs}"
        message = {"type": "command", "command": name, "ref": ref}
        if arguments:
            message["args"] = arguments
        self.socket.send(json.dumps(message))
        answer = self.expect(lambda message: message.get("ref") == ref, 15)
        assert (answer["type"] if expect == "ack" else answer.get("code")) == expect, f"{name}: {answer}"
        return answer

    def pump(self, seconds: float) -> None:
        """Reads what comes for `seconds` (states and tallies)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.receive(max(0.05, deadline - time.monotonic()))

    def counts(self) -> dict:
        return dict((self.tally or {}).get("counts") or {})

    def venues(self) -> dict:
        return {venue["name"]: venue for venue in self.state.get("venues") or []}

    def close(self) -> None:
        self.socket.close()
