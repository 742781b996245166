"""`forum serve --tls-cert --tls-key`: HTTPS and WSS in Forum itself, with a self-signed
certificate made by openssl in the test (as a venue without a domain would). A phone's vote
over WSS is acknowledged, `forum host wss://` trusts the venue's certificate only when told to
(--ca-file), and wrong files are refused by name before anything listens."""

import json
import socket
import ssl
import subprocess
import urllib.request

import pytest
import websocket  # websocket-client

from conftest import HOST_KEY, REPO, ForumProcess, Phone, forum_binary, free_port, self_signed_certificate


@pytest.fixture
def secure(tmp_path):
    server = ForumProcess(tmp_path, tls=self_signed_certificate(tmp_path)).start()
    yield server
    server.stop()


def serve(tmp_path, *args: str) -> subprocess.CompletedProcess:
    """`forum serve` with these arguments; expected to refuse to start."""
    port = free_port()
    return subprocess.run(
        [str(forum_binary()), "serve", "--headless", "--port", str(port), "--db", str(tmp_path / "x.sqlite"),
         "--scenarios", str(REPO / "scenarios"), "--web", str(REPO / "web"), "--host-key", HOST_KEY, *args],
        capture_output=True, text=True, timeout=60)


def test_pages_over_https_and_a_vote_over_wss_is_acknowledged(secure):
    cert = secure.tls[0]
    context = ssl.create_default_context(cafile=str(cert))
    with urllib.request.urlopen(secure.http + "/", context=context, timeout=10) as page:
        assert page.status == 200 and b"<html" in page.read().lower()
    with urllib.request.urlopen(secure.http + "/screen", context=context, timeout=10) as page:
        assert page.status == 200
    # Plain HTTP on the TLS port gets no page.
    with socket.create_connection(("127.0.0.1", secure.port), timeout=5) as plain:
        plain.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        try:
            answer = plain.recv(4096)
        except (ConnectionResetError, TimeoutError):
            answer = b""
        assert b"<html" not in answer.lower()

    phone = Phone(secure)
    # The join address phones are told defaults to https://.
    assert all(url.startswith("https://") for url in phone.welcome["join_urls"]), phone.welcome["join_urls"]
    secure.host("start", "sams-night")
    secure.host("next")
    secure.host("open")
    ack = phone.vote("crisis-line")
    assert ack["option"] == "crisis-line"
    phone.close()


def test_forum_host_over_wss_trusts_the_venue_certificate_only_when_given(secure, tmp_path):
    run = lambda *args: subprocess.run(  # noqa: E731
        [str(forum_binary()), "host", secure.ws, "--key", HOST_KEY, *args, "--command", "status"],
        capture_output=True, text=True, timeout=30)
    trusted = run("--ca-file", str(secure.tls[0]))
    assert trusted.returncode == 0, trusted.stdout + trusted.stderr
    assert "No story running" in trusted.stdout
    # Without --ca-file the self-signed certificate is not trusted (the system CAs are used).
    untrusted = run()
    assert untrusted.returncode != 0
    said = untrusted.stdout + untrusted.stderr
    assert "certificate is not trusted" in said and "--ca-file" in said, said
    # Another certificate than the server's is not trusted either.
    other, _ = self_signed_certificate(tmp_path, "other.example")
    wrong = run("--ca-file", str(other))
    assert wrong.returncode != 0 and "not trusted" in wrong.stdout + wrong.stderr
    # A ws:// address for a TLS server says what to do.
    plain = subprocess.run(
        [str(forum_binary()), "host", f"ws://127.0.0.1:{secure.port}/ws", "--key", HOST_KEY, "--command", "status"],
        capture_output=True, text=True, timeout=30)
    assert plain.returncode != 0 and "wss://" in plain.stdout + plain.stderr


def test_a_browser_page_elsewhere_is_refused_over_wss_too(secure):
    with pytest.raises(websocket.WebSocketBadStatusException) as refused:
        websocket.create_connection(secure.ws, timeout=10, origin="https://evil.example",
                                    sslopt={"ca_certs": str(secure.tls[0])})
    assert refused.value.status_code == 403
    allowed = websocket.create_connection(secure.ws, timeout=10, origin=secure.http,
                                          sslopt={"ca_certs": str(secure.tls[0])})
    allowed.send(json.dumps({"type": "hello", "role": "screen"}))
    assert json.loads(allowed.recv())["type"] == "welcome"
    allowed.close()


def test_wrong_certificate_or_key_files_are_refused_by_name_before_listening(tmp_path):
    cert, key = self_signed_certificate(tmp_path)
    _, other_key = self_signed_certificate(tmp_path, "other.example")
    cases = [
        (["--tls-cert", str(tmp_path / "missing.pem"), "--tls-key", str(key)],
         ["missing.pem", "--tls-cert", "does not exist"]),
        (["--tls-cert", str(cert), "--tls-key", str(tmp_path / "nokey.pem")],
         ["nokey.pem", "--tls-key", "does not exist"]),
        (["--tls-cert", str(key), "--tls-key", str(key)],
         ["holds no PEM certificate", "BEGIN CERTIFICATE"]),
        (["--tls-cert", str(cert), "--tls-key", str(cert)],
         ["holds no unencrypted PEM private key"]),
        (["--tls-cert", str(cert), "--tls-key", str(other_key)],
         ["does not belong to the certificate", str(other_key)]),
        (["--tls-cert", str(cert)], ["--tls-cert and --tls-key go together"]),
    ]
    for args, words in cases:
        result = serve(tmp_path, *args)
        assert result.returncode != 0, args
        for word in words:
            assert word in result.stderr, (args, result.stderr)
        assert "Forum is running" not in result.stdout


def test_forum_host_warns_when_the_key_would_travel_unencrypted(forum):
    """A ws:// address that is not this machine's loopback: the key would cross a network."""
    address = next((a for a in subprocess.run(["hostname", "-I"], capture_output=True, text=True).stdout.split()
                    if "." in a and not a.startswith("127.")), None)
    if address is None:
        pytest.skip("this machine has no non-loopback IPv4 address")
    remote = subprocess.run(
        [str(forum_binary()), "host", f"ws://{address}:{forum.port}/ws", "--key", HOST_KEY, "--command", "status"],
        capture_output=True, text=True, timeout=30)
    assert remote.returncode == 0, remote.stderr
    assert "crosses the network unencrypted" in remote.stderr and "wss://" in remote.stderr
    local = forum.host("status")
    assert "unencrypted" not in local.stderr
