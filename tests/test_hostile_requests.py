"""What a hostile probe sent the live endpoint, as it arrives over a real socket: a WebSocket
opened by another site's page (Origin), binary frames, and an HTTP request with oversized
headers. Each is refused plainly and costs nobody else anything."""

import json
import socket

import pytest
import websocket  # websocket-client

from conftest import Phone


def test_a_page_from_another_site_cannot_open_the_live_connection(forum):
    with pytest.raises(websocket.WebSocketBadStatusException) as refused:
        websocket.create_connection(forum.ws, timeout=10, origin="http://evil.example")
    assert refused.value.status_code == 403
    # The server's own pages (same origin as the Host they asked) and tools without an
    # Origin header are let in.
    own = websocket.create_connection(forum.ws, timeout=10, origin=forum.http)
    own.send(json.dumps({"type": "hello", "role": "audience"}))
    assert json.loads(own.recv())["type"] == "welcome"
    own.close()
    assert "refused a WebSocket from another site's page" in forum.log.read_text()


def test_a_binary_frame_gets_an_error_and_the_connection_goes_on(forum):
    phone = Phone(forum)
    phone.socket.send_binary(b"\x00\x01{\"type\":\"ping\"}")
    error = phone.expect("error")
    assert error["code"] == "bad_message"
    assert "binary frames are not accepted" in error["message"]
    phone.send({"type": "ping"})
    assert phone.expect("pong")["type"] == "pong"
    phone.close()


def test_oversized_request_headers_close_that_request_only(forum):
    # lws 4.1.6 has no hook to answer 431 (docs/architecture.md): it closes the connection.
    with socket.create_connection(("127.0.0.1", forum.port), timeout=10) as raw:
        raw.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20000 + b"\r\n\r\n")
        raw.settimeout(10)
        answer = b""
        try:
            while chunk := raw.recv(4096):
                answer += chunk
        except ConnectionResetError:
            pass
    assert b"200 OK" not in answer
    # Everyone else is unaffected.
    phone = Phone(forum)
    assert phone.welcome["type"] == "welcome"
    phone.close()
