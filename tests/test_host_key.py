"""Where `forum serve` and `forum host` take the host key from, as an organiser meets it: a key
given is never printed (nor left in `ps` when it comes from a file or the environment); a key
made by the server is printed once; weak or exposed keys are warned about."""

import os
import subprocess
import time

from conftest import REPO, forum_binary, free_port, wait_for_port


def serve(tmp_path, *args, env=None):
    port = free_port()
    log = open(tmp_path / "serve.log", "w+")
    process = subprocess.Popen(
        [str(forum_binary()), "serve", "--headless", "--port", str(port), "--db", str(tmp_path / "f.sqlite"),
         "--scenarios", str(REPO / "scenarios"), "--web", str(REPO / "web"), *args],
        stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env={**os.environ, **(env or {})})
    wait_for_port(port)
    deadline = time.monotonic() + 10
    while "Remote console" not in (tmp_path / "serve.log").read_text() and time.monotonic() < deadline:
        time.sleep(0.05)
    return process, port, (tmp_path / "serve.log").read_text()


def host(port, *args, env=None):
    return subprocess.run(
        [str(forum_binary()), "host", f"ws://127.0.0.1:{port}/ws", *args, "--command", "status"],
        capture_output=True, text=True, timeout=30, env={**os.environ, **(env or {})})


def test_a_key_from_a_file_or_the_environment_is_never_printed(tmp_path):
    key_file = tmp_path / "host.key"
    key_file.write_text("correct-horse-battery-staple\n")
    key_file.chmod(0o600)
    process, port, banner = serve(tmp_path, "--host-key-file", str(key_file))
    try:
        assert f"Host key: the one in {key_file}" in banner
        assert "correct-horse-battery-staple" not in banner
        assert "warning" not in banner
        # Not in the process list either.
        assert "correct-horse-battery-staple" not in open(f"/proc/{process.pid}/cmdline").read()
        assert host(port, "--key-file", str(key_file)).returncode == 0
        assert host(port, env={"FORUM_HOST_KEY": "correct-horse-battery-staple"}).returncode == 0
        wrong = host(port, "--key", "guess")
        assert wrong.returncode == 1 and "The host key is wrong" in wrong.stdout
    finally:
        process.terminate()
        process.wait(timeout=15)


def test_a_made_key_is_printed_and_a_weak_or_exposed_one_is_warned_about(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "FORUM_HOST_KEY"}
    made = subprocess.Popen(
        [str(forum_binary()), "serve", "--headless", "--port", str(port := free_port()), "--db",
         str(tmp_path / "a.sqlite"), "--scenarios", str(REPO / "scenarios"), "--web", str(REPO / "web")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True, env=env)
    try:
        wait_for_port(port)
        lines = [made.stdout.readline() for _ in range(12)]
        key_line = next(line for line in lines if line.startswith("Host key: "))
        key = key_line.split()[2]
        assert "new for this show" in key_line and len(key) >= 20
        assert host(port, "--key", key).returncode == 0
    finally:
        made.terminate()
        made.wait(timeout=15)

    process, _, banner = serve(tmp_path, "--host-key", "abc")
    try:
        assert "a host key on the command line can be read by anyone on this machine (ps)" in banner
        assert "the host key is shorter than 12 characters" in banner
        key_lines = [line for line in banner.splitlines() if line.startswith("Host key:")]
        assert key_lines == ["Host key: the one given with --host-key"]
    finally:
        process.terminate()
        process.wait(timeout=15)
