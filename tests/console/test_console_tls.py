"""The console over TLS: `forum host wss://` in tmux against `forum serve --tls-cert`, trusting
the venue's self-signed certificate with --ca-file; `forum serve --tls-cert` itself in a
terminal, whose console trusts exactly the certificate it serves; and the warning when a host
key would travel unencrypted to another machine."""

import subprocess

import pytest

from conftest import HOST_KEY, REPO, ForumProcess, forum_binary, free_port, self_signed_certificate

from .terminal import Screen


@pytest.fixture
def secure(tmp_path):
    server = ForumProcess(tmp_path, tls=self_signed_certificate(tmp_path)).start()
    yield server
    server.stop()


def test_forum_host_wss_shows_the_show(secure):
    screen = Screen([str(forum_binary()), "host", secure.ws, "--key", HOST_KEY, *secure.tls_args], 80, 24)
    try:
        screen.wait_for("● live", timeout=20)
        screen.wait_for("No story running")
        screen.keys("s", "1")
        screen.wait_for("Scene 1 of 16")
        secure.host("next")
        screen.wait_for("Who should Maya call?")
        assert "unencrypted" not in screen.capture()
    finally:
        screen.close()


def test_forum_host_wss_without_the_venue_certificate_says_why(secure):
    result = subprocess.run([str(forum_binary()), "host", secure.ws, "--key", HOST_KEY, "--command", "status"],
                            capture_output=True, text=True, timeout=30)
    said = result.stdout + result.stderr
    assert result.returncode != 0 and "certificate is not trusted" in said and "--ca-file" in said, said


def test_serve_with_tls_opens_its_console_over_wss(tmp_path):
    cert, key = self_signed_certificate(tmp_path)
    port = free_port()
    command = [
        str(forum_binary()), "serve", "--port", str(port), "--db", str(tmp_path / "serve.sqlite"),
        "--scenarios", str(REPO / "scenarios"), "--web", str(REPO / "web"), "--host-key", HOST_KEY,
        "--tls-cert", str(cert), "--tls-key", str(key),
    ]
    screen = Screen(command, 80, 24)
    try:
        screen.wait_for("● live", timeout=20)
        screen.wait_for("No story running")
        screen.keys("i")
        screen.wait_for("wss://")
        screen.wait_for("https://")
    finally:
        screen.close()


def test_the_console_warns_when_the_key_would_travel_unencrypted(forum):
    address = next((a for a in subprocess.run(["hostname", "-I"], capture_output=True, text=True).stdout.split()
                    if "." in a and not a.startswith("127.")), None)
    if address is None:
        pytest.skip("this machine has no non-loopback IPv4 address")
    screen = Screen([str(forum_binary()), "host", f"ws://{address}:{forum.port}/ws", "--key", HOST_KEY], 100, 30)
    try:
        screen.wait_for("● live", timeout=20)
        screen.wait_for("unencrypted")
    finally:
        screen.close()
