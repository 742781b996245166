/* Forum: one reconnecting WebSocket to /ws for the phone and projector pages.
 * new ForumConnection({hello, onMessage, onStatus}). Status: "connecting" (not joined yet),
 * "open", "reconnecting", "unreachable" (failing for 30 s; retries go on). Retries back off
 * from 0.5 s to 10 s with jitter; a ping every 20 s; 45 s of silence, or no welcome 8 s
 * after connecting, means a dead socket. */
(function () {
'use strict';

var MIN = 500, MAX = 10000, DEAD = 45000, JOIN = 8000, UNREACHABLE = 30000;
var now = function () { return Date.now(); };

function C(o) {
  this.o = o;
  this.ws = this.retry = this.since = null;
  this.joined = this.ever = false;
  this.status = 'connecting';
  this.delay = MIN;
  this.last = 0;
}

var P = C.prototype;

P.start = function () {
  var self = this;
  function wake() { self.wake(); }
  this.since = now();
  this.connect();
  setInterval(function () { self.tick(); }, 2000);
  setInterval(function () { self.send({ type: 'ping' }); }, 20000);
  addEventListener('online', wake);
  addEventListener('pageshow', wake);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') wake();
  });
};

P.set = function (status) {
  if (this.status !== status) {
    this.status = status;
    this.o.onStatus(status);
  }
};

P.connect = function () {
  var self = this, ws;
  clearTimeout(this.retry);
  this.retry = null;
  this.joined = false;
  try {
    ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
  } catch (e) {
    return this.failed();
  }
  this.ws = ws;
  this.last = now();
  ws.onopen = function () {
    self.last = now();
    self.delay = MIN;
    ws.send(JSON.stringify(self.o.hello()));
  };
  ws.onmessage = function (event) {
    var msg;
    self.last = now();
    try { msg = JSON.parse(event.data); } catch (e) { return; }
    if (!msg || typeof msg.type !== 'string') return;
    if (msg.type === 'welcome') {
      self.joined = self.ever = true;
      self.delay = MIN;
      self.since = null;
      self.set('open');
    }
    if (msg.type !== 'pong') self.o.onMessage(msg);
  };
  ws.onclose = function () { self.failed(); };
};

/* Forgets the socket: its handlers never fire again. */
P.close = function () {
  var ws = this.ws;
  this.ws = null;
  this.joined = false;
  if (ws) {
    ws.onopen = ws.onmessage = ws.onclose = null;
    try { ws.close(); } catch (e) { /* already closed */ }
  }
};

P.failed = function () {
  var self = this;
  this.close();
  if (this.since === null) this.since = now();
  this.set(now() - this.since >= UNREACHABLE ? 'unreachable' : this.ever ? 'reconnecting' : 'connecting');
  if (this.retry) return;
  this.retry = setTimeout(function () { self.connect(); }, this.delay * (1 + Math.random() * 0.3));
  this.delay = Math.min(this.delay * 2, MAX);
};

/* Every 2 s: a socket silent too long, or not joined soon after connecting, is dead. */
P.tick = function () {
  var ws = this.ws;
  if (ws && now() - this.last > (this.joined ? DEAD : JOIN)) this.failed();
  else if (!ws && this.since !== null && now() - this.since >= UNREACHABLE) this.set('unreachable');
};

/* The page came back (screen on, network back): check now instead of waiting. */
P.wake = function () {
  if (!this.ws) return this.retryNow();
  this.tick();
  this.send({ type: 'ping' });
};

/* "Try again": at once, with a fresh 30 s before "unreachable". */
P.retryNow = function () {
  clearTimeout(this.retry);
  this.retry = null;
  this.delay = MIN;
  this.since = now();
  this.set(this.ever ? 'reconnecting' : 'connecting');
  this.close();
  this.connect();
};

/* Sends once joined; returns whether it went out. */
P.send = function (msg) {
  var ws = this.ws;
  if (!ws || ws.readyState !== 1 || !this.joined) return false;
  try { ws.send(JSON.stringify(msg)); } catch (e) { return false; }
  return true;
};

window.ForumConnection = C;
}());
