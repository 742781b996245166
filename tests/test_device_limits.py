"""Limits that follow the device, on a real server and a real port (issue 13, item 4), the way
the hostile probe went at it: one device token reconnecting in a loop to vote again and again,
and fresh joins in a loop. A phone that reconnects gets no more acknowledged votes than the
limit gives one that stays (40 at once, then 20 a second); one address gets 60 new phones at
once and then one a second; phones that never voted are not stored and memory stays flat."""

import json
import os
import sqlite3
import subprocess
import time

import pytest
import websocket  # websocket-client

from conftest import Phone

BURST, PER_SECOND = 40, 20  # the device's message limit (Sources/ForumSession/Session.swift)
JOIN_BURST = 60  # new phones per address at once, then 1 a second (JoinGuard.swift)


def open_vote(forum) -> None:
    forum.host("start", "sams-night")
    forum.host("next")
    forum.host("open")


def hello(url: str, device: str | None = None) -> tuple[websocket.WebSocket, dict]:
    """Connects, says hello, returns the socket and the first answer (welcome or error)."""
    ws = websocket.create_connection(url, timeout=10)
    message = {"type": "hello", "role": "audience"}
    if device:
        message["device"] = device
    ws.send(json.dumps(message))
    return ws, json.loads(ws.recv())


def answer_to(ws: websocket.WebSocket, ref: str) -> dict:
    """The answer to the message sent with `ref`: its ack or error, or the rate limit's error
    (which has no ref: the message refused was not read)."""
    while True:
        message = json.loads(ws.recv())
        if message.get("ref") == ref or message.get("code") == "rate_limited":
            return message


def devices_stored(forum) -> int:
    with sqlite3.connect(f"file:{forum.db}?mode=ro", uri=True) as db:
        return db.execute("SELECT COUNT(*) FROM devices").fetchone()[0]


def rss_kib(pid: int) -> int:
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def outside_address() -> str | None:
    """This machine's first non-loopback IPv4 address: connecting to it, the server sees a
    source that is not loopback, as it would see a phone's."""
    addresses = subprocess.run(["hostname", "-I"], capture_output=True, text=True).stdout.split()
    return next((a for a in addresses if "." in a and not a.startswith("127.")), None)


def test_a_token_reconnecting_in_a_loop_gets_no_more_acks_than_the_limit(forum):
    open_vote(forum)
    first = Phone(forum)
    decision = first.current_round()
    token = first.device
    first.close()

    def vote_once(ws, index) -> None:
        option = "crisis-line" if index % 2 else "police"
        ws.send(json.dumps({"type": "vote", "decision": decision, "option": option, "ref": f"r{index}"}))

    # The probe's way: many connections of one token, each voting at once. Before, every new
    # connection brought a fresh allowance; now they share the device's.
    sockets = []
    for _ in range(150):
        ws, welcome = hello(forum.ws, token)
        assert welcome["type"] == "welcome" and welcome["device"] == token
        sockets.append(ws)
    started = time.monotonic()
    for index, ws in enumerate(sockets):
        vote_once(ws, index)
    sending = time.monotonic() - started
    answers = [answer_to(ws, f"r{index}") for index, ws in enumerate(sockets)]
    acks = sum(a["type"] == "ack" for a in answers)
    assert all(a["type"] == "ack" or a["code"] == "rate_limited" for a in answers), answers
    assert BURST - 5 <= acks <= BURST + PER_SECOND * sending + 1, (acks, sending)
    for ws in sockets:
        ws.close()

    # One at a time, closing each connection before the next: the same allowance, refilled at
    # 20 a second, never a fresh one per connection.
    time.sleep(BURST / PER_SECOND)  # the bucket refills
    attempts, acks = 120, 0
    started = time.monotonic()
    for index in range(attempts):
        ws, welcome = hello(forum.ws, token)
        assert welcome["device"] == token
        vote_once(ws, index)
        acks += answer_to(ws, f"r{index}")["type"] == "ack"
        ws.close()
    elapsed = time.monotonic() - started
    assert acks <= BURST + PER_SECOND * elapsed + 1, (acks, elapsed)
    if elapsed < (attempts - BURST) / PER_SECOND:  # fast enough for the limit to show
        assert acks < attempts

    # A phone that stays and floods gets the same: 40, then the refill (then silence, and a
    # close for flooding).
    staying = Phone(forum)
    started = time.monotonic()
    for index in range(100):
        staying.send({"type": "vote", "decision": decision, "option": "police", "ref": f"s{index}"})
    sending = time.monotonic() - started
    stayed_acks = 0
    staying.socket.settimeout(1.5)
    try:
        while True:
            stayed_acks += staying.receive().get("type") == "ack"
    except (websocket.WebSocketTimeoutException, websocket.WebSocketConnectionClosedException):
        pass
    assert BURST <= stayed_acks <= BURST + PER_SECOND * sending + 1, (stayed_acks, sending)
    staying.close()


def test_fresh_joins_in_a_loop_are_limited_per_address(forum):
    address = outside_address()
    if address is None:
        pytest.skip("this machine has no non-loopback IPv4 address to connect from")
    url = f"ws://{address}:{forum.port}/ws"
    welcomed, refusals, tokens = 0, [], []
    started = time.monotonic()
    for _ in range(JOIN_BURST + 30):
        ws, first = hello(url)
        if first["type"] == "welcome":
            welcomed += 1
            tokens.append(first["device"])
        else:
            refusals.append(first)
        ws.close()
    elapsed = time.monotonic() - started
    assert JOIN_BURST <= welcomed <= JOIN_BURST + elapsed + 1, (welcomed, elapsed)
    assert refusals and all(r["code"] == "rate_limited" and "new phones" in r["message"] for r in refusals)
    # A phone coming back with its token is not a new phone, from the same address.
    ws, again = hello(url, tokens[0])
    assert again["type"] == "welcome" and again["device"] == tokens[0]
    ws.close()
    # Loopback is never limited (a reverse proxy on it; the proxy limits its clients).
    ws, local = hello(forum.ws)
    assert local["type"] == "welcome"
    ws.close()
    # None of them voted: none is stored.
    assert devices_stored(forum) == 0


def test_a_churn_of_fresh_phones_is_not_stored_and_memory_stays_flat(forum):
    churn = int(os.environ.get("FORUM_CHURN", "3000"))
    pid = forum.process.pid
    samples = []
    for index in range(churn):
        ws, welcome = hello(forum.ws)
        assert welcome["type"] == "welcome"
        ws.close()
        if index + 1 in (churn // 5, churn):
            time.sleep(0.3)
            samples.append(rss_kib(pid))
    print(f"churn {churn}: RSS after {churn // 5}: {samples[0]} KiB, after {churn}: {samples[1]} KiB")
    assert devices_stored(forum) == 0
    # The last four fifths cost next to nothing: idle tokens of phones that never voted are
    # held only up to 10,000 (and a few bytes each until then).
    assert samples[1] - samples[0] < 16 * 1024, samples
    # A phone that votes is stored, once.
    open_vote(forum)
    voter = Phone(forum)
    voter.vote("police")
    assert devices_stored(forum) == 1
