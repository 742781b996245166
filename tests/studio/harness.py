"""For tests of `forum studio`: a real `forum studio` on a real port, with its own database and scenarios folder, and a
small client for its WebSocket protocol (docs/studio.md)."""

import json
import os
import shutil
import signal
import subprocess
from pathlib import Path

import websocket

from tests.conftest import REPO, forum_binary, free_port, wait_for_port

STUDIO_KEY = "studio-test-key-123"


class StudioProcess:
    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.port = free_port()
        self.db = workdir / "studio.sqlite"
        self.scenarios = workdir / "scenarios"
        shutil.copytree(REPO / "scenarios", self.scenarios, dirs_exist_ok=True)
        self.log = workdir / "studio.log"
        self.process = None

    @property
    def http(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    def start(self) -> "StudioProcess":
        environment = dict(os.environ, FORUM_STUDIO_KEY=STUDIO_KEY)
        self.process = subprocess.Popen(
            [str(forum_binary()), "studio", "--port", str(self.port), "--db", str(self.db),
             "--scenarios", str(self.scenarios), "--web", str(REPO / "web")],
            cwd=self.workdir, stdout=open(self.log, "ab"), stderr=subprocess.STDOUT, env=environment)
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


class StudioClient:
    """One page's connection: send a message, wait for a reply of a type."""

    def __init__(self, studio: StudioProcess, **hello):
        self.socket = websocket.create_connection(studio.ws, timeout=10)
        self.pending: list[dict] = []
        if hello:
            self.send({"type": "hello", **hello})
            self.welcome = self.expect("welcome", "error")

    def send(self, message: dict) -> None:
        self.socket.send(json.dumps(message))

    def expect(self, *kinds: str) -> dict:
        for index, message in enumerate(self.pending):
            if message["type"] in kinds:
                return self.pending.pop(index)
        while True:
            message = json.loads(self.socket.recv())
            if message["type"] in kinds:
                return message
            self.pending.append(message)

    def ask(self, message: dict, *kinds: str) -> dict:
        self.send(message)
        return self.expect(*kinds)

    def close(self) -> None:
        self.socket.close()



def invite_link(studio: StudioProcess, label: str = "Tuesday group") -> str:
    """Makes an invite as an organiser; returns its token."""
    organiser = StudioClient(studio, key=STUDIO_KEY, name="Org")
    invites = organiser.ask({"type": "invite_create", "label": label, "days": 7}, "invites")
    organiser.close()
    return next(invite["token"] for invite in invites["invites"] if invite["label"] == label)


def kill(studio: StudioProcess) -> None:
    """Kills the studio without warning (SIGKILL), as a crash or a lost network would look."""
    if studio.process and studio.process.poll() is None:
        studio.process.kill()
        studio.process.wait()
