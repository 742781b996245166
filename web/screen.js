/* Forum: the projector page. Joins the show as "screen" and shows the story, the question,
 * how many have voted, and the results once the host reveals them (never before).
 * Community text is data, never markup: build text with textContent only.
 */
(function () {
  'use strict';

  var F = window.ForumUI;
  var el = F.el;

  var stage = document.getElementById('stage');
  var counts = document.getElementById('counts');
  var connBox = document.getElementById('conn');
  var eventTitle = document.getElementById('event-title');
  var sessionTitle = document.getElementById('session-title');
  var joinUrls = document.getElementById('join-urls');

  var m = {
    conn: 'connecting',
    welcome: null,
    state: null,
    tally: null,
    audience: null,
    hadStory: false,
    viewKey: null,
    decisionKey: null
  };

  if (/(^|[?&])theme=light(&|$)/.test(window.location.search)) {
    document.documentElement.classList.add('light');
  }

  var conn = new window.ForumConnection({
    hello: function () { return { type: 'hello', role: 'screen' }; },
    onMessage: onMessage,
    onStatus: function (status) {
      m.conn = status;
      renderConn();
      if (!m.state) render();
    }
  });

  function onMessage(msg) {
    var d;
    if (msg.type === 'welcome') {
      m.welcome = msg;
      eventTitle.textContent = (msg.event && msg.event.title) || 'Forum';
      document.title = eventTitle.textContent + ' · big screen';
      renderJoin(Array.isArray(msg.join_urls) ? msg.join_urls : []);
    } else if (msg.type === 'state') {
      m.state = msg;
      d = msg.decision;
      m.tally = msg.tally && d && (msg.tally.decision === undefined || msg.tally.decision === d.id)
        ? msg.tally : null;
      if (msg.audience) m.audience = msg.audience;
      if (msg.story) m.hadStory = true;
      render();
    } else if (msg.type === 'tally') {
      d = m.state && m.state.decision;
      if (d && msg.decision === d.id) m.tally = msg;
      if (msg.audience) m.audience = msg.audience;
      renderLive();
    }
    /* anything else (pong, errors, newer messages) needs nothing on the screen */
  }

  /* ---- join addresses ---- */

  function renderJoin(urls) {
    F.clear(joinUrls);
    urls.forEach(function (url) {
      if (typeof url !== 'string') return;
      joinUrls.appendChild(el('li', 'join-url', url.replace(/^https?:\/\//, '').replace(/\/$/, '')));
    });
    if (!joinUrls.firstChild) {
      joinUrls.appendChild(el('li', 'join-url', window.location.host || ''));
    }
  }

  /* ---- main stage ---- */

  function render() {
    var st = m.state;
    var story = st && st.story;
    var name, key;
    F.setLanguage(story ? story.language : 'en');
    sessionTitle.textContent = st && st.session && st.session.title ? st.session.title : '';
    if (!st) name = m.conn === 'unreachable' ? 'unreachable' : 'connecting';
    else if (!story) name = 'idle';
    else if (!st.scene) name = 'ended';
    else name = 'scene';
    key = name + '|' + JSON.stringify(story ? [story.id, story.run, story.title, story.content_notes] : null) +
      '|' + JSON.stringify(st && st.scene ? st.scene : null) + '|' + (st && st.decision ? 'd' : '');
    document.body.className = name === 'scene' || name === 'ended' ? 'story' : 'idle';
    if (key !== m.viewKey) {
      m.viewKey = key;
      m.decisionKey = null;
      F.clear(stage);
      if (name === 'connecting') stage.appendChild(F.ui(el('h1', 'waiting-title', 'Connecting…')));
      else if (name === 'unreachable') buildUnreachable();
      else if (name === 'idle') buildIdle(st);
      else if (name === 'ended') buildEnded(story);
      else buildScene(st);
    }
    renderLive();
    fitAll();
  }

  function buildUnreachable() {
    stage.appendChild(F.ui(el('h1', 'waiting-title', 'Cannot reach the Forum server')));
    stage.appendChild(F.ui(el('p', 'waiting-text', 'Check that the server is running and this computer ' +
      'is on the same network. Retrying automatically.')));
    stage.appendChild(tryAgainButton());
  }

  function buildIdle(st) {
    var box = F.ui(el('div', 'idle-box'));
    if (m.hadStory) box.appendChild(el('p', 'waiting-title', 'Thank you'));
    box.appendChild(el('h1', 'waiting-title', m.hadStory ? 'The next story will start soon'
      : 'The show will start soon'));
    if (st.session && st.session.title) box.appendChild(el('p', 'waiting-text', 'Now: ' + st.session.title));
    stage.appendChild(box);
  }

  function buildEnded(story) {
    var box = el('div', 'idle-box');
    box.appendChild(el('p', 'kicker', story.title));
    box.appendChild(F.ui(el('h1', 'waiting-title', 'This story has reached its end')));
    box.appendChild(F.ui(el('p', 'waiting-text', 'Thank you. What would you change?')));
    stage.appendChild(box);
  }

  function buildScene(st) {
    var story = st.story;
    var scene = st.scene;
    var grid = el('div', st.decision ? 'scene-grid with-decision' : 'scene-grid');
    var col = el('article', 'scene-col fit');
    var text = el('div', 'scene-text');
    var head = el('p', 'kicker', story.title);
    var img;
    col.appendChild(head);
    col.appendChild(el('h1', 'scene-title', scene.title || story.title));
    if (Array.isArray(story.content_notes) && story.content_notes.length) {
      col.appendChild(F.ui(el('p', 'content-notes', 'Content notes: ' + story.content_notes.join(' · '))));
    }
    if (typeof scene.image === 'string' && scene.image) {
      img = el('img', 'scene-image');
      img.setAttribute('src', '/scenarios-media/' + scene.image.split('/').map(encodeURIComponent).join('/'));
      img.setAttribute('alt', scene.image_alt || '');
      img.addEventListener('load', fitAll);
      col.appendChild(img);
    }
    F.paragraphs(text, scene.text);
    col.appendChild(text);
    grid.appendChild(col);
    if (st.decision) grid.appendChild(el('section', 'decision-col fit'));
    stage.appendChild(grid);
  }

  var STATUS_TEXT = {
    pending: 'The vote opens soon',
    open: 'Vote now on your phone',
    closed: 'Voting has closed',
    revealed: 'How the room voted'
  };

  /* Everything that changes between full states: counts, votes cast, results. */
  function renderLive() {
    var st = m.state;
    var d = st && st.decision;
    var panel = stage.querySelector('.decision-col');
    var a = m.audience;
    var key, cast, list;
    F.clear(counts);
    if (a && typeof a.connected === 'number') {
      counts.appendChild(document.createTextNode('Phones connected: '));
      counts.appendChild(el('strong', null, String(a.connected)));
    }
    if (!panel || !d) return;
    key = JSON.stringify([d.id, d.status, d.question, d.options]);
    if (key !== m.decisionKey) {
      m.decisionKey = key;
      F.clear(panel);
      panel.appendChild(el('h2', 'question', d.question));
      panel.appendChild(F.ui(el('p', 'status-line status-' + d.status, STATUS_TEXT[d.status] || '')));
      if (d.status === 'revealed') {
        panel.appendChild(el('div', 'results-slot'));
      } else {
        list = el('ul', 'option-list');
        (d.options || []).forEach(function (o) { list.appendChild(el('li', null, o.label)); });
        panel.appendChild(list);
      }
      panel.appendChild(F.ui(el('p', 'votes-cast')));
    }
    cast = panel.querySelector('.votes-cast');
    F.clear(cast);
    if (d.status === 'revealed') {
      renderResults(panel.querySelector('.results-slot'), d);
    } else if (d.status !== 'pending') {
      cast.appendChild(document.createTextNode('Votes cast: '));
      cast.appendChild(el('strong', null, String(votesCast())));
    }
    fit(panel);
  }

  function votesCast() {
    if (m.audience && typeof m.audience.voted === 'number') return m.audience.voted;
    if (m.tally && typeof m.tally.total === 'number') return m.tally.total;
    return 0;
  }

  function renderResults(slot, d) {
    var options = d.options || [];
    var counts = (m.tally && m.tally.counts) || {};
    var best = 0;
    var list, items;
    F.clear(slot);
    if (!m.tally) {
      slot.appendChild(F.ui(el('p', 'waiting-text', 'Counting…')));
      return;
    }
    list = F.results(options, m.tally, null);
    options.forEach(function (o) { best = Math.max(best, counts[o.id] || 0); });
    items = list.children;
    options.forEach(function (o, i) {
      var badge;
      if (best > 0 && (counts[o.id] || 0) === best && items[i]) {
        items[i].className += ' top';
        badge = F.ui(el('span', 'badge', 'Most votes'));
        items[i].querySelector('.result-head').appendChild(badge);
      }
    });
    slot.appendChild(list);
    slot.appendChild(F.ui(el('p', 'total', 'Total: ' + F.votes(m.tally.total || 0))));
  }

  /* ---- fitting long text on a fixed 16:9 stage ---- */

  function fit(box) {
    var f = 1;
    box.style.setProperty('--fit', '1');
    while (box.scrollHeight > box.clientHeight + 1 && f > 0.5) {
      f -= 0.05;
      box.style.setProperty('--fit', f.toFixed(2));
    }
  }

  function fitAll() {
    Array.prototype.forEach.call(stage.querySelectorAll('.fit'), fit);
  }

  window.addEventListener('resize', fitAll);

  /* ---- connection ---- */

  function tryAgainButton() {
    var b = F.ui(el('button', 'retry', 'Try again'));
    b.type = 'button';
    b.addEventListener('click', function () { conn.retryNow(); });
    return b;
  }

  function renderConn() {
    F.clear(connBox);
    connBox.className = 'conn';
    if (!m.state || m.conn === 'open' || m.conn === 'connecting') return;
    connBox.classList.add('show');
    if (m.conn === 'reconnecting') {
      connBox.appendChild(el('p', null, 'Reconnecting…'));
    } else if (m.conn === 'unreachable') {
      connBox.appendChild(el('p', null, 'Cannot reach the server. Still trying.'));
      connBox.appendChild(tryAgainButton());
    }
  }

  renderJoin([]);
  render();
  conn.start();
}());
