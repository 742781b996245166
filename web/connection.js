/* Forum: one reconnecting WebSocket to /ws, shared by the audience and screen pages.
 *
 * new ForumConnection({ hello: fn -> object, onMessage: fn(msg), onStatus: fn(status) })
 * status is one of: "connecting" (never joined yet), "open" (welcome received),
 * "reconnecting", "unreachable" (failing for about 30 seconds; retries go on).
 * Backoff: 0.5 s doubling to 10 s, plus up to 30% jitter. A ping every 20 s; no message
 * for 45 s means the connection is dead, so it is closed and opened again.
 */
(function () {
  'use strict';

  var MIN_DELAY = 500;
  var MAX_DELAY = 10000;
  var PING_EVERY = 20000;
  var DEAD_AFTER = 45000;
  var CONNECT_TIMEOUT = 10000;
  var UNREACHABLE_AFTER = 30000;

  function socketURL() {
    var scheme = window.location.protocol === 'https:' ? 'wss://' : 'ws://';
    return scheme + window.location.host + '/ws';
  }

  function ForumConnection(options) {
    this.options = options;
    this.ws = null;
    this.joined = false;
    this.status = 'connecting';
    this.delay = MIN_DELAY;
    this.retryTimer = null;
    this.connectTimer = null;
    this.failingSince = null;
    this.lastMessageAt = 0;
    this.everJoined = false;
  }

  ForumConnection.prototype.start = function () {
    var self = this;
    this.failingSince = Date.now();
    this.connect();
    window.setInterval(function () { self.tick(); }, 5000);
    window.setInterval(function () { self.send({ type: 'ping' }); }, PING_EVERY);
    window.addEventListener('online', function () { self.wake(); });
    window.addEventListener('pageshow', function () { self.wake(); });
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'visible') self.wake();
    });
  };

  ForumConnection.prototype.setStatus = function (status) {
    if (this.status === status) return;
    this.status = status;
    if (this.options.onStatus) this.options.onStatus(status);
  };

  ForumConnection.prototype.connect = function () {
    var self = this;
    var ws;
    window.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.joined = false;
    try {
      ws = new WebSocket(socketURL());
    } catch (e) {
      this.failed();
      return;
    }
    this.ws = ws;
    this.lastMessageAt = Date.now();
    this.connectTimer = window.setTimeout(function () {
      if (self.ws === ws && ws.readyState !== 1) self.drop();
    }, CONNECT_TIMEOUT);
    ws.onopen = function () {
      if (self.ws !== ws) return;
      window.clearTimeout(self.connectTimer);
      self.lastMessageAt = Date.now();
      ws.send(JSON.stringify(self.options.hello()));
    };
    ws.onmessage = function (event) {
      var msg;
      if (self.ws !== ws) return;
      self.lastMessageAt = Date.now();
      try { msg = JSON.parse(event.data); } catch (e) { return; }
      if (!msg || typeof msg !== 'object' || typeof msg.type !== 'string') return;
      if (msg.type === 'welcome') {
        self.joined = true;
        self.everJoined = true;
        self.delay = MIN_DELAY;
        self.failingSince = null;
        self.setStatus('open');
      }
      if (msg.type === 'pong') return;
      self.options.onMessage(msg);
    };
    ws.onclose = function () {
      if (self.ws === ws) self.failed();
    };
    ws.onerror = function () {
      /* onclose follows and does the work */
    };
  };

  /* Close the current socket, if any, without its handlers firing, and plan a retry. */
  ForumConnection.prototype.drop = function () {
    var ws = this.ws;
    if (ws) {
      ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
      try { ws.close(); } catch (e) { /* already closed */ }
    }
    this.failed();
  };

  ForumConnection.prototype.failed = function () {
    var self = this;
    var wait;
    window.clearTimeout(this.connectTimer);
    this.ws = null;
    this.joined = false;
    if (this.failingSince === null) this.failingSince = Date.now();
    if (Date.now() - this.failingSince >= UNREACHABLE_AFTER) {
      this.setStatus('unreachable');
    } else {
      this.setStatus(this.everJoined ? 'reconnecting' : 'connecting');
    }
    if (this.retryTimer) return;
    wait = this.delay + Math.random() * this.delay * 0.3;
    this.delay = Math.min(this.delay * 2, MAX_DELAY);
    this.retryTimer = window.setTimeout(function () {
      self.retryTimer = null;
      self.connect();
    }, wait);
  };

  ForumConnection.prototype.tick = function () {
    if (this.ws && Date.now() - this.lastMessageAt > DEAD_AFTER) {
      this.drop();
    } else if (!this.ws && this.failingSince !== null &&
               Date.now() - this.failingSince >= UNREACHABLE_AFTER) {
      this.setStatus('unreachable');
    }
  };

  /* The page came back (screen on, network back): check quickly instead of waiting. */
  ForumConnection.prototype.wake = function () {
    if (this.ws && this.ws.readyState === 1) {
      if (Date.now() - this.lastMessageAt > DEAD_AFTER) this.drop();
      else this.send({ type: 'ping' });
    } else if (!this.ws) {
      this.delay = MIN_DELAY;
      this.connect();
    }
  };

  /* "Try again": start over at once, with a fresh 30 seconds before "unreachable". */
  ForumConnection.prototype.retryNow = function () {
    var ws = this.ws;
    window.clearTimeout(this.retryTimer);
    window.clearTimeout(this.connectTimer);
    this.retryTimer = null;
    this.delay = MIN_DELAY;
    this.failingSince = Date.now();
    this.setStatus(this.everJoined ? 'reconnecting' : 'connecting');
    if (ws) {
      ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
      try { ws.close(); } catch (e) { /* already closed */ }
      this.ws = null;
    }
    this.connect();
  };

  /* Sends a message when joined (or a hello while joining). Returns whether it went out. */
  ForumConnection.prototype.send = function (msg) {
    var ws = this.ws;
    if (!ws || ws.readyState !== 1) return false;
    if (!this.joined && msg.type !== 'hello') return false;
    try {
      ws.send(JSON.stringify(msg));
    } catch (e) {
      return false;
    }
    return true;
  };

  window.ForumConnection = ForumConnection;
}());
