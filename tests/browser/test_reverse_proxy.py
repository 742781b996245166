"""The recipe in docs/recipes/nginx-forum.conf, run for real: Debian's nginx with TLS in front of
`forum serve`, as an organiser puts Forum on the internet for staff who cannot come. The phone
page loads over HTTPS in Chromium and speaks the live protocol over WSS through the proxy; a
vote is acknowledged; plain HTTP is sent to HTTPS; another site's page is still refused."""

import json
import signal
import ssl
import subprocess
import time
import urllib.error
import urllib.request

import pytest
import websocket  # websocket-client

from conftest import HOST_KEY, REPO, ForumProcess, free_port, wait_for_port

from .pages import PHONE
from .test_phone import past_content_notes

RECIPE = REPO / "docs" / "recipes" / "nginx-forum.conf"


def nginx_config(tmp_path, forum_port: int, tls_port: int, http_port: int, cert, key) -> str:
    """The recipe with this test's ports, names and files; the rest as shipped."""
    server = RECIPE.read_text()
    for old, new in [
        ("listen 443 ssl;", f"listen 127.0.0.1:{tls_port} ssl;"),
        ("listen [::]:443 ssl;", ""),
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen [::]:80;", ""),
        ("forum.example.org;", "localhost;"),
        ("/etc/letsencrypt/live/forum.example.org/fullchain.pem", str(cert)),
        ("/etc/letsencrypt/live/forum.example.org/privkey.pem", str(key)),
    ]:
        assert old in server, f"the recipe no longer has {old!r}"
        server = server.replace(old, new)
    server = server.replace("http://127.0.0.1:8080", f"http://127.0.0.1:{forum_port}")
    return f"""
user root;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/nginx-error.log info;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {tmp_path}/body;
    proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fastcgi;
    uwsgi_temp_path {tmp_path}/uwsgi;
    scgi_temp_path {tmp_path}/scgi;
    {server}
}}
"""


@pytest.fixture
def proxied(tmp_path):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True)
    tls_port, http_port = free_port(), free_port()
    forum = ForumProcess(tmp_path, extra_args=["--join-url", f"https://localhost:{tls_port}/"]).start()
    config = tmp_path / "nginx.conf"
    config.write_text(nginx_config(tmp_path, forum.port, tls_port, http_port, cert, key))
    subprocess.run(["nginx", "-t", "-p", str(tmp_path), "-c", str(config)], check=True, capture_output=True)
    nginx = subprocess.Popen(["nginx", "-p", str(tmp_path), "-c", str(config), "-g", "daemon off;"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(tls_port)
        yield forum, tls_port, http_port, cert
    finally:
        nginx.send_signal(signal.SIGQUIT)
        nginx.wait(timeout=15)
        forum.stop()


def test_the_phone_page_over_https_and_the_live_protocol_over_wss(proxied, browsers):
    forum, tls_port, http_port, cert = proxied
    base = f"https://localhost:{tls_port}"
    context = ssl.create_default_context(cafile=str(cert))
    with urllib.request.urlopen(base + "/", context=context, timeout=10) as page:
        assert page.status == 200 and b"<html" in page.read().lower()
    # Plain HTTP is only a redirect to HTTPS.
    opener = urllib.request.build_opener(type("NoRedirect", (urllib.request.HTTPRedirectHandler,),
                                              {"redirect_request": lambda *args: None}))
    with pytest.raises(urllib.error.HTTPError) as moved:
        opener.open(f"http://localhost:{http_port}/screen", timeout=10)
    assert moved.value.code == 301 and moved.value.headers["Location"] == f"https://localhost/screen"

    # A phone over WSS, through the proxy: joins, sees the join address, votes, is acknowledged.
    ws = websocket.create_connection(f"wss://localhost:{tls_port}/ws", timeout=10, origin=base,
                                     sslopt={"ca_certs": str(cert)})
    ws.send(json.dumps({"type": "hello", "role": "audience"}))
    welcome = json.loads(ws.recv())
    assert welcome["type"] == "welcome" and welcome["join_urls"] == [f"https://localhost:{tls_port}/"]
    forum.host("start", "sams-night")
    forum.host("next")
    forum.host("open")
    decision = None
    while not decision or decision.get("status") != "open":
        message = json.loads(ws.recv())
        if message.get("type") == "state":
            decision = message.get("decision")
    ws.send(json.dumps({"type": "vote", "decision": decision["id"], "option": "crisis-line", "ref": "v"}))
    while (message := json.loads(ws.recv())).get("type") != "ack":
        pass
    assert message["option"] == "crisis-line"
    ws.close()

    # Another site's page is refused through the proxy too.
    with pytest.raises(websocket.WebSocketBadStatusException) as refused:
        websocket.create_connection(f"wss://localhost:{tls_port}/ws", timeout=10, origin="https://evil.example",
                                    sslopt={"ca_certs": str(cert)})
    assert refused.value.status_code == 403

    # Someone guessing the host key needs a new connection per guess: past a burst of 40 the
    # proxy answers 429 (Forum never locks out the proxy's own address, 127.0.0.1).
    statuses = []
    for _ in range(70):
        try:
            guess = websocket.create_connection(f"wss://localhost:{tls_port}/ws", timeout=10, origin=base,
                                                sslopt={"ca_certs": str(cert)})
            guess.send(json.dumps({"type": "hello", "role": "host", "key": "guess"}))
            statuses.append(json.loads(guess.recv()).get("code"))
            guess.close()
        except websocket.WebSocketBadStatusException as refused:
            statuses.append(refused.status_code)
    assert "unauthorized" in statuses and 429 in statuses, statuses
    forum.host("status")  # the host on this machine is not locked out
    time.sleep(1.1)  # the page below needs a live connection slot again

    # The real page in Chromium: loads over HTTPS, connects over WSS, shows the open vote.
    phone = browsers(PHONE, accept_insecure_certs=True).open(base + "/")
    past_content_notes(phone)
    phone.wait_text("Who should Maya call?")
    phone.wait(lambda b: len(b.finds("button.option")) == 3)
    assert phone.js("return location.protocol") == "https:"
    assert not phone.console_errors()
    phone.check_state("phone-over-https-proxy", screenshot=False)
