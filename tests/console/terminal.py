"""Drives a real terminal for the console tests: a tmux server on a private socket, one
session per console at an exact size, keys in with send-keys and the screen out with
capture-pane, and golden screens with the clock and addresses masked."""

import os
import re
import shlex
import signal
import subprocess
import time
import uuid
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"


class Screen:
    """A tmux session running one command in a pane of a fixed size."""

    def __init__(self, command: list[str], width: int, height: int, env: dict[str, str] | None = None):
        self.socket = f"forum-test-{uuid.uuid4().hex[:12]}"
        self.name = "console"
        environment = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "NO_COLOR": "1"}
        environment.update(env or {})
        # A shell runs the command, then reports how it ended and whether the terminal is back in
        # cooked mode, and stays so the pane can still be read (Ctrl-C in the pane reaches the
        # shell too: it survives it).
        inner = " ".join(shlex.quote(part) for part in command)
        script = f"trap : INT; {inner}; echo \"EXIT=$?\"; stty -a | tr ' ' '\\n' | grep -x -- '-\\?icanon'; sleep 600"
        assignments = [f"{key}={shlex.quote(value)}" for key, value in environment.items()]
        self.tmux(
            "-f", "/dev/null", "new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height),
            "env", *assignments, "sh", "-c", script,
        )
        self.tmux("set-option", "-t", self.name, "status", "off")
        self.socket_path = self.tmux("display-message", "-p", "#{socket_path}").strip()

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-u", "-L", self.socket, *args], capture_output=True, text=True, timeout=10,
            env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
        )
        if result.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)} failed: {result.stderr}")
        return result.stdout

    def capture(self) -> str:
        """The pane's text, one line per row (trailing spaces dropped)."""
        text = self.tmux("capture-pane", "-p", "-t", self.name)
        return "\n".join(line.rstrip() for line in text.removesuffix("\n").split("\n"))

    def lines(self) -> list[str]:
        return self.capture().split("\n")

    def keys(self, *keys: str) -> None:
        """Sends keys; names like Escape, Enter, C-c are tmux key names, the rest literal."""
        for key in keys:
            if key in ("Escape", "Enter", "C-c", "C-l", "Up", "Down", "PageUp", "PageDown", "BSpace"):
                self.tmux("send-keys", "-t", self.name, key)
            else:
                self.tmux("send-keys", "-t", self.name, "-l", key)

    def resize(self, width: int, height: int) -> None:
        self.tmux("resize-window", "-t", self.name, "-x", str(width), "-y", str(height))

    def pane_pid(self) -> int:
        return int(self.tmux("display-message", "-p", "-t", self.name, "#{pane_pid}").strip())

    def wait_for(self, expected, timeout: float = 10.0) -> str:
        """Polls the screen until `expected` (text, compiled regex or predicate) is on it."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.capture()
            if matches(screen, expected):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"waited {timeout}s for {describe(expected)}; the screen was:\n{screen}")

    def settled(self, timeout: float = 5.0) -> str:
        """The screen once it stops changing (the clock aside) for 300 ms."""
        deadline = time.monotonic() + timeout
        last = masked(self.capture())
        while time.monotonic() < deadline:
            time.sleep(0.3)
            now = masked(self.capture())
            if now == last:
                return self.capture()
            last = now
        raise AssertionError(f"the screen kept changing for {timeout}s:\n{last}")

    def wait_for_exit(self) -> str:
        """Waits for the pane's command to end and the shell to report the terminal's mode."""
        return self.wait_for(re.compile(r"^-?icanon$", re.M))

    def wait_until_gone(self, text: str, timeout: float = 10.0) -> str:
        return self.wait_for(lambda screen: text not in screen, timeout)

    def processes(self) -> list[int]:
        """The pane's processes under its shell (the console, `forum serve`, `sleep`)."""
        found, queue = [], [self.pane_pid()]
        while queue:
            parent = queue.pop()
            children = subprocess.run(["pgrep", "-P", str(parent)], capture_output=True, text=True).stdout.split()
            found += [int(child) for child in children]
            queue += [int(child) for child in children]
        return found

    def close(self) -> None:
        """Ends what runs in the pane (SIGTERM, so a `forum serve` stops cleanly), then tmux."""
        try:
            pids = self.processes()
        except RuntimeError:
            pids = []
        for pid in pids:
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + 10
        while pids and time.monotonic() < deadline:
            pids = [pid for pid in pids if os.path.exists(f"/proc/{pid}") and not zombie(pid)]
            time.sleep(0.05)
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=10)
        # tmux leaves its socket file behind when the server ends with its last pane.
        Path(self.socket_path).unlink(missing_ok=True)


def zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"
    except OSError:
        return True


def matches(screen: str, expected) -> bool:
    if isinstance(expected, str):
        return expected in screen
    if isinstance(expected, re.Pattern):
        return expected.search(screen) is not None
    return bool(expected(screen))


def describe(expected) -> str:
    if isinstance(expected, re.Pattern):
        return f"/{expected.pattern}/"
    return repr(expected) if isinstance(expected, str) else "a condition"


def masked(screen: str) -> str:
    """The screen with what changes from run to run masked: the clock on the header line,
    join addresses (machine address and a free port)."""
    lines = screen.split("\n")
    if lines:
        lines[0] = re.sub(r"\d\d:\d\d:\d\d", "HH:MM:SS", lines[0])
    text = "\n".join(lines)
    # The join addresses depend on the machine (how many, how long): the whole list is masked
    # and padded to the room it had, so a column separator after it stays in place.
    text = re.sub(r"(Phones join at )([^│\n]*)", lambda m: m.group(1) + "ADDRESSES".ljust(len(m.group(2))), text)
    text = re.sub(r"http://\S+", "http://ADDRESS/", text)
    text = re.sub(r"\(attempt \d+\)", "(attempt N)", text)
    text = re.sub(r"ws://\S+", "ws://ADDRESS/ws", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).rstrip("\n") + "\n"


def check_golden(name: str, screen: str) -> None:
    """Compares a captured screen with golden/NAME.txt; UPDATE_GOLDEN=1 writes it instead."""
    path = GOLDEN / f"{name}.txt"
    actual = masked(screen)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(actual)
        return
    assert path.exists(), f"no golden screen {path}: run with UPDATE_GOLDEN=1 to write it, then check it by eye"
    expected = path.read_text()
    assert actual == expected, (
        f"screen {name} differs from {path} (UPDATE_GOLDEN=1 rewrites it):\n--- expected\n{expected}\n--- actual\n{actual}"
    )
