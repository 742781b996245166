"""Shared fixtures for Forum's real-part tests: the built `forum` binary, a real server on a
real port with a real SQLite file, and small helpers to drive it (host commands through
`forum host --command`, audience phones through a plain WebSocket client)."""

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import time
import uuid
from pathlib import Path

import pytest
import websocket  # websocket-client

REPO = Path(__file__).resolve().parent.parent
HOST_KEY = "test-host-key"


def forum_binary() -> Path:
    """The `forum` executable: $FORUM_BIN, else the debug build's."""
    if os.environ.get("FORUM_BIN"):
        return Path(os.environ["FORUM_BIN"])
    bin_path = subprocess.run(
        ["swift", "build", "--show-bin-path"], cwd=REPO, check=True, capture_output=True, text=True
    ).stdout.strip()
    return Path(bin_path) / "forum"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listening on port {port} after {timeout}s")


def self_signed_certificate(directory: Path, name: str = "localhost") -> tuple[Path, Path]:
    """A self-signed certificate for `name` and 127.0.0.1, and its key, made with openssl (as a
    venue without a domain makes its own): returns (cert, key)."""
    cert, key = directory / f"{name}-cert.pem", directory / f"{name}-key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={name}",
         "-addext", f"subjectAltName=DNS:{name},IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True)
    return cert, key


class ForumProcess:
    """`forum serve --headless` on a free port with its own database; restartable on the same
    port and database (the way a venue laptop comes back after a crash). With `tls`
    (cert, key), it serves HTTPS and WSS, and `forum host` trusts that certificate."""

    def __init__(self, workdir: Path, scenarios: Path | None = None, port: int | None = None,
                 extra_args: list[str] | None = None, tls: tuple[Path, Path] | None = None):
        self.workdir = workdir
        self.tls = tls
        self.port = port or free_port()
        self.db = workdir / "forum.sqlite"
        self.scenarios = scenarios or REPO / "scenarios"
        self.log = workdir / "serve.log"
        self.extra_args = extra_args or []
        self.process: subprocess.Popen | None = None

    @property
    def http(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    @property
    def ws(self) -> str:
        return f"{'wss' if self.tls else 'ws'}://127.0.0.1:{self.port}/ws"

    @property
    def tls_args(self) -> list[str]:
        """`forum host`'s arguments to trust this server's certificate (none without TLS)."""
        return ["--ca-file", str(self.tls[0])] if self.tls else []

    def start(self) -> "ForumProcess":
        log = open(self.log, "ab")
        self.process = subprocess.Popen(
            [
                str(forum_binary()), "serve", "--headless", "--port", str(self.port),
                "--db", str(self.db), "--scenarios", str(self.scenarios), "--web", str(REPO / "web"),
                "--host-key", HOST_KEY, *self.extra_args,
                *(["--tls-cert", str(self.tls[0]), "--tls-key", str(self.tls[1])] if self.tls else []),
            ],
            cwd=self.workdir, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
        wait_for_port(self.port)
        return self

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def kill(self) -> None:
        """Kills the server without warning (SIGKILL), as a crash would."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def restart(self) -> None:
        self.kill()
        self.start()

    def host(self, command: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        """Runs one host command with `forum host URL --key K --command ...`."""
        result = subprocess.run(
            [str(forum_binary()), "host", self.ws, "--key", HOST_KEY, *self.tls_args, "--command", command, *args],
            capture_output=True, text=True, timeout=30,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"forum host {command} {args} failed: {result.stdout}{result.stderr}")
        return result


class Phone:
    """An audience member speaking the live protocol over a plain WebSocket."""

    def __init__(self, server: ForumProcess, device: str | None = None, perspective: str | None = None,
                 place: str | None = None):
        trust = {"sslopt": {"ca_certs": str(server.tls[0])}} if server.tls else {}
        self.socket = websocket.create_connection(server.ws, timeout=10, **trust)
        hello = {"type": "hello", "role": "audience"}
        if device:
            hello["device"] = device
        if place:
            hello["place"] = place
        self.send(hello)
        self.welcome = self.expect("welcome")
        self.device = self.welcome["device"]
        self.state = self.expect("state")
        if perspective:
            self.send({"type": "perspective", "perspective": perspective, "ref": "p"})
            self.expect("ack")

    def send(self, message: dict) -> None:
        self.socket.send(json.dumps(message))

    def receive(self) -> dict:
        message = json.loads(self.socket.recv())
        if message.get("type") == "state":
            self.state = message
        return message

    def expect(self, kind: str, timeout: float = 10.0) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = self.receive()
            if message.get("type") == kind:
                return message
            if message.get("type") == "error" and kind != "error":
                raise AssertionError(f"expected {kind}, got error {message}")
        raise TimeoutError(f"no {kind} within {timeout}s")

    def vote(self, option: str, decision: str | None = None) -> dict:
        """Votes in the current round and waits for the durable ack."""
        decision = decision or self.current_round()
        ref = uuid.uuid4().hex[:8]
        self.send({"type": "vote", "decision": decision, "option": option, "ref": ref})
        while True:
            message = self.receive()
            if message.get("type") == "ack" and message.get("ref") == ref:
                return message
            if message.get("type") == "error" and message.get("ref") == ref:
                raise AssertionError(f"vote refused: {message}")

    def current_round(self, timeout: float = 10.0) -> str:
        """Waits for an open round and returns its id."""
        deadline = time.monotonic() + timeout
        while True:
            decision = (self.state or {}).get("decision") or {}
            if decision.get("status") == "open" and decision.get("id"):
                return decision["id"]
            if time.monotonic() > deadline:
                raise TimeoutError("no open round")
            self.socket.settimeout(max(0.1, deadline - time.monotonic()))
            try:
                self.receive()
            finally:
                self.socket.settimeout(10)

    def close(self) -> None:
        self.socket.close()


@pytest.fixture
def forum(tmp_path):
    """A real `forum serve` on a free port with a fresh database, stopped after the test."""
    server = ForumProcess(tmp_path).start()
    yield server
    server.stop()


@contextlib.contextmanager
def phone_maker(server: ForumProcess):
    """Yields make(**kwargs) -> Phone for `server`; every phone made is closed on exit."""
    made: list[Phone] = []

    def make(**kwargs) -> Phone:
        phone = Phone(server, **kwargs)
        made.append(phone)
        return phone

    try:
        yield make
    finally:
        for phone in made:
            try:
                phone.close()
            except Exception:
                pass


@pytest.fixture
def phones(forum):
    """Makes audience phones for the running server; all are closed after the test."""
    with phone_maker(forum) as make:
        yield make
