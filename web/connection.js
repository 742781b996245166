/* Forum: one reconnecting WebSocket to /ws, shared by the phone and projector pages.
 * new ForumConnection({hello: fn, onMessage: fn(msg), onStatus: fn(status)}); status is
 * "connecting" (never joined yet), "open" (welcome received), "reconnecting", or
 * "unreachable" (failing for 30 s; retries go on). Backoff 0.5 s doubling to 10 s plus up to
 * 30% jitter. A ping every 20 s; silence for 45 s means the socket is dead. */
(function () {
  'use strict';

  var MIN_DELAY = 500, MAX_DELAY = 10000, PING_EVERY = 20000, DEAD_AFTER = 45000;
  var CONNECT_TIMEOUT = 10000, UNREACHABLE_AFTER = 30000;

  function now() { return Date.now(); }

  function ForumConnection(options) {
    this.o = options;
    this.ws = null;
    this.joined = false;
    this.everJoined = false;
    this.status = 'connecting';
    this.delay = MIN_DELAY;
    this.retryTimer = null;
    this.connectTimer = null;
    this.failingSince = null;
    this.lastMessageAt = 0;
  }

  var P = ForumConnection.prototype;

  P.start = function () {
    var self = this;
    function wake() { self.wake(); }
    this.failingSince = now();
    this.connect();
    window.setInterval(function () { self.tick(); }, 5000);
    window.setInterval(function () { self.send({ type: 'ping' }); }, PING_EVERY);
    window.addEventListener('online', wake);
    window.addEventListener('pageshow', wake);
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'visible') wake();
    });
  };

  P.setStatus = function (status) {
    if (this.status === status) return;
    this.status = status;
    if (this.o.onStatus) this.o.onStatus(status);
  };

  P.connect = function () {
    var self = this;
    var ws;
    window.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.joined = false;
    try {
      ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
    } catch (e) {
      return this.failed();
    }
    this.ws = ws;
    this.lastMessageAt = now();
    this.connectTimer = window.setTimeout(function () {
      if (self.ws === ws && ws.readyState !== 1) self.drop();
    }, CONNECT_TIMEOUT);
    ws.onopen = function () {
      if (self.ws !== ws) return;
      window.clearTimeout(self.connectTimer);
      self.lastMessageAt = now();
      ws.send(JSON.stringify(self.o.hello()));
    };
    ws.onmessage = function (event) {
      var msg;
      if (self.ws !== ws) return;
      self.lastMessageAt = now();
      try { msg = JSON.parse(event.data); } catch (e) { return; }
      if (!msg || typeof msg.type !== 'string') return;
      if (msg.type === 'welcome') {
        self.joined = self.everJoined = true;
        self.delay = MIN_DELAY;
        self.failingSince = null;
        self.setStatus('open');
      }
      if (msg.type !== 'pong') self.o.onMessage(msg);
    };
    ws.onclose = function () {
      if (self.ws === ws) self.failed();
    };
  };

  /* Closes the socket without its handlers firing. */
  P.close = function () {
    var ws = this.ws;
    if (ws) {
      ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
      try { ws.close(); } catch (e) { /* already closed */ }
    }
    this.ws = null;
  };

  P.drop = function () {
    this.close();
    this.failed();
  };

  P.failed = function () {
    var self = this;
    var wait;
    window.clearTimeout(this.connectTimer);
    this.ws = null;
    this.joined = false;
    if (this.failingSince === null) this.failingSince = now();
    this.setStatus(now() - this.failingSince >= UNREACHABLE_AFTER ? 'unreachable'
      : this.everJoined ? 'reconnecting' : 'connecting');
    if (this.retryTimer) return;
    wait = this.delay + Math.random() * this.delay * 0.3;
    this.delay = Math.min(this.delay * 2, MAX_DELAY);
    this.retryTimer = window.setTimeout(function () {
      self.retryTimer = null;
      self.connect();
    }, wait);
  };

  P.tick = function () {
    if (this.ws && now() - this.lastMessageAt > DEAD_AFTER) this.drop();
    else if (!this.ws && this.failingSince !== null && now() - this.failingSince >= UNREACHABLE_AFTER) {
      this.setStatus('unreachable');
    }
  };

  /* The page came back (screen on, network back): check now instead of waiting. */
  P.wake = function () {
    if (this.ws && this.ws.readyState === 1) {
      if (now() - this.lastMessageAt > DEAD_AFTER) this.drop();
      else this.send({ type: 'ping' });
    } else if (!this.ws) {
      this.delay = MIN_DELAY;
      this.connect();
    }
  };

  /* "Try again": start over at once, with a fresh 30 seconds before "unreachable". */
  P.retryNow = function () {
    window.clearTimeout(this.retryTimer);
    window.clearTimeout(this.connectTimer);
    this.retryTimer = null;
    this.delay = MIN_DELAY;
    this.failingSince = now();
    this.setStatus(this.everJoined ? 'reconnecting' : 'connecting');
    this.close();
    this.connect();
  };

  /* Sends when joined (or a hello while joining); returns whether it went out. */
  P.send = function (msg) {
    var ws = this.ws;
    if (!ws || ws.readyState !== 1 || (!this.joined && msg.type !== 'hello')) return false;
    try { ws.send(JSON.stringify(msg)); } catch (e) { return false; }
    return true;
  };

  window.ForumConnection = ForumConnection;
}());
