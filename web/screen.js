/* Forum: the projector page. Joins the show as "screen" and shows the story, the question,
 * phones connected and votes cast, and the results as the host chose for the round: hidden
 * until reveal (the default), live on the projector ("screen") or live everywhere
 * ("everyone"); split by perspective when the host asks, groups of fewer than 5 people shown
 * only as "fewer than 5". Community text is data, never markup: textContent only. */
(function () {
'use strict';

var F = window.ForumUI;
var el = F.el;
F.words({
  vote1: '1 vote',
  votes: '{n} votes',
  yourVote: 'Your vote'
});

function $(id) { return document.getElementById(id); }
var stage = $('stage'), counts = $('counts'), connBox = $('conn'), eventTitle = $('event-title');
var sessionTitle = $('session-title'), joinUrls = $('join-urls'), qr = $('qr');

var m = {
  conn: 'connecting',
  welcome: null,
  state: null,
  tally: null,
  audience: null,
  hadStory: false,
  joinText: '',
  viewKey: null,
  decisionKey: null
};

if (/(^|[?&])theme=light(&|$)/.test(location.search)) document.documentElement.className = 'light';

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
    renderJoin(Array.isArray(msg.join_urls) ? msg.join_urls : [], msg.join_qr);
  } else if (msg.type === 'state') {
    m.state = msg;
    d = msg.decision;
    m.tally = msg.tally && d && (msg.tally.decision === undefined || msg.tally.decision === d.id) ? msg.tally : null;
    if (msg.audience) m.audience = msg.audience;
    if (msg.story) m.hadStory = true;
    render();
  } else if (msg.type === 'tally') {
    d = m.state && m.state.decision;
    if (d && msg.decision === d.id) m.tally = msg;
    if (msg.audience) m.audience = msg.audience;
    renderLive();
  }
}


function renderJoin(urls, qrPath) {
  var img;
  F.clear(joinUrls);
  urls.forEach(function (url) {
    if (typeof url === 'string') joinUrls.appendChild(el('li', 'join-url', url.replace(/^https?:\/\//, '').replace(/\/$/, '')));
  });
  if (!joinUrls.firstChild) joinUrls.appendChild(el('li', 'join-url', location.host));
  m.joinText = joinUrls.firstChild.textContent;
  F.clear(qr);
  hint(false);
  /* Only a path on this server: the projector never loads anything from elsewhere. */
  if (typeof qrPath === 'string' && /^\/[^/\\]/.test(qrPath)) {
    img = el('img');
    img.alt = 'QR code to join: ' + m.joinText;
    img.src = qrPath;
    img.addEventListener('error', function () { F.clear(qr); hint(false); });
    qr.appendChild(img);
    hint(true);
  }
}

function hint(withCode) {
  $('join-hint').textContent = 'Open the address in your phone’s web browser' +
    (withCode ? ', or scan the code with its camera' : '') + '. No app, no account, no name.';
}


function render() {
  var st = m.state;
  var story = st && st.story;
  var d = st && st.decision;
  var name, key;
  F.setLanguage(story ? story.language : 'en');
  sessionTitle.textContent = st && st.session && st.session.title ? st.session.title : '';
  if (!st) name = m.conn === 'unreachable' ? 'unreachable' : 'connecting';
  else if (st.finished) name = 'closing';
  else if (st.join_screen) name = 'join';
  else if (!story) name = 'idle';
  else if (!st.scene) name = 'ended';
  else name = 'scene';
  key = name + JSON.stringify([story && [story.id, story.run, story.title, story.content_notes],
    st && st.scene, !!d, wide(d), st && st.next_session]);
  document.body.className = name === 'scene' || name === 'ended' ? 'story'
    : name === 'closing' ? 'idle closing' : name === 'join' ? 'idle joinscreen' : 'idle';
  if (key !== m.viewKey) {
    m.viewKey = key;
    m.decisionKey = null;
    F.clear(stage);
    if (name === 'connecting') stage.appendChild(F.ui(el('h1', 'waiting-title', 'Connecting…')));
    else if (name === 'unreachable') buildUnreachable();
    else if (name === 'idle') buildIdle(st);
    else if (name === 'closing') buildClosing();
    else if (name === 'join') stage.appendChild(F.ui(el('h1', 'visually-hidden', 'Join the show')));
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
  if (m.hadStory) box.appendChild(el('p', 'waiting-text', 'Thank you'));
  box.appendChild(el('h1', 'waiting-title', m.hadStory ? 'The next story will start soon'
    : 'The show will start soon'));
  if (st.session && st.session.title) box.appendChild(el('p', 'waiting-text', 'Now: ' + st.session.title));
  if (st.next_session) {
    box.appendChild(el('p', 'next-up', 'Next: ' + st.next_session.title +
      (st.next_session.starts ? ' at ' + st.next_session.starts : '')));
  }
  stage.appendChild(box);
}

/* The end of the day: thanks, what happens to the votes, the event's support lines. */
function buildClosing() {
  var w = m.welcome || {};
  var box = F.ui(el('div', 'idle-box closing-box'));
  var list = el('ul', 'support-lines');
  var next = el('p', 'waiting-text', (w.event && w.event.next_steps) || '');
  next.dir = 'auto';
  box.appendChild(el('h1', 'waiting-title', 'Thank you for coming'));
  box.appendChild(el('p', 'waiting-text', 'The show has finished. Thank you for voting today.'));
  box.appendChild(el('h2', 'closing-heading', 'What happens next'));
  box.appendChild(next);
  (w.support || []).forEach(function (s) {
    var li = el('li', null, s.label);
    li.dir = 'auto';
    if (s.number || s.link) li.appendChild(el('strong', null, ' ' + (s.number || s.link.replace(/^\w+:(\/\/)?/, ''))));
    if (s.when) li.appendChild(el('span', 'when', ' · ' + s.when));
    list.appendChild(li);
  });
  if (list.firstChild) {
    box.appendChild(el('h2', 'closing-heading', 'If today has brought things up for you'));
    box.appendChild(list);
  }
  stage.appendChild(box);
}

function buildEnded(story) {
  var box = el('div', 'idle-box');
  box.appendChild(el('p', 'kicker', story.title));
  box.appendChild(F.ui(el('h1', 'waiting-title', 'This story has reached its end')));
  box.appendChild(F.ui(el('p', 'waiting-text', 'Thank you. What would you change?')));
  stage.appendChild(box);
}

/* Results split by perspective need the whole stage: the scene text steps aside. */
function wide(d) {
  return !!(d && d.split && showResults(d));
}

function buildScene(st) {
  var story = st.story;
  var scene = st.scene;
  var grid = el('div', 'scene-grid' + (st.decision ? ' with-decision' : '') + (wide(st.decision) ? ' wide' : ''));
  var col = el('article', 'scene-col fit');
  var text = el('div', 'scene-text');
  var img;
  col.appendChild(el('p', 'kicker', story.title));
  col.appendChild(el('h1', 'scene-title', scene.title || story.title));
  if (Array.isArray(story.content_notes) && story.content_notes.length) {
    col.appendChild(F.ui(el('p', 'content-notes', 'Content notes: ' + story.content_notes.join(' · '))));
  }
  if (typeof scene.image === 'string' && scene.image) {
    img = el('img', 'scene-image');
    img.src = '/scenarios-media/' + scene.image.split('/').map(encodeURIComponent).join('/');
    img.alt = scene.image_alt || '';
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

/* Results show once revealed, or live when the host chose "screen" or "everyone". */
function showResults(d) {
  return !!(d && d.id && d.status !== 'pending' &&
    (d.status === 'revealed' || d.results === 'screen' || d.results === 'everyone'));
}

function votesCast() {
  if (m.audience && typeof m.audience.voted === 'number') return m.audience.voted;
  return m.tally && typeof m.tally.total === 'number' ? m.tally.total : 0;
}

function stat(label, value) {
  var p = F.ui(el('p', 'stat'));
  p.appendChild(el('span', 'stat-label', label));
  p.appendChild(el('strong', 'stat-value', String(value)));
  return p;
}

/* What the host chose to show of the room's voice: how many want to step in, and this
 * scene's approved proposals (their words only, never who wrote them). */
function renderRoom(room) {
  var col = stage.querySelector('.scene-col'), old = col && col.querySelector('.ideas'), box, list;
  if (room && room.stops != null) counts.appendChild(stat('Want to step in', room.stops));
  if (!col || JSON.stringify(room && room.proposals) === m.ideasKey && old) return;
  m.ideasKey = JSON.stringify(room && room.proposals);
  if (old) col.removeChild(old);
  if (!room || !room.proposals || !room.proposals.length) return;
  box = F.ui(el('section', 'ideas'));
  box.appendChild(el('h2', 'ideas-heading', 'From the audience'));
  list = el('ul', 'ideas-list');
  room.proposals.forEach(function (p) {
    var li = el('li', null, p.text);
    li.dir = 'auto';
    list.appendChild(li);
  });
  box.appendChild(list);
  col.appendChild(box);
}

/* Everything that changes between full states: counts, votes cast, results. */
function renderLive() {
  var st = m.state;
  var d = st && st.decision;
  var panel = stage.querySelector('.decision-col');
  var a = m.audience;
  var shown = showResults(d);
  var key, list, status;
  F.clear(counts);
  if (a && typeof a.connected === 'number') {
    counts.appendChild(stat('Phones connected', a.connected));
    if (d && d.id) counts.appendChild(stat('Votes cast', votesCast()));
  }
  renderRoom(st && st.room);
  if (!panel || !d) return;
  key = JSON.stringify([d.id, d.status, d.question, d.options, shown, d.results, d.split]);
  if (key !== m.decisionKey) {
    m.decisionKey = key;
    F.clear(panel);
    panel.appendChild(el('h2', 'question', d.question));
    status = STATUS_TEXT[d.status] || '';
    if (shown && d.status !== 'revealed') status += ' · live results';
    list = F.ui(el('p', 'status-line status-' + d.status, status));
    clearInterval(m.tick);
    if (d.status === 'open' && d.closes_in_ms != null) list.appendChild(countdown(d.closes_in_ms));
    panel.appendChild(list);
    if (shown) {
      panel.appendChild(el('div', 'results-slot'));
    } else {
      list = el('ul', 'option-list');
      (d.options || []).forEach(function (o, i) {
        var li = el('li');
        li.appendChild(F.letter(i));
        li.appendChild(el('span', null, o.label));
        if (o.from === 'audience') li.appendChild(F.ui(el('span', 'from', ' · from the audience')));
        list.appendChild(li);
      });
      panel.appendChild(list);
    }
    panel.appendChild(F.ui(el('p', 'votes-cast')));
  }
  if (shown) renderResults(panel.querySelector('.results-slot'), d);
  list = panel.querySelector('.votes-cast');
  F.clear(list);
  if (d.status !== 'pending' && !shown) {
    list.appendChild(el('span', null, 'Votes cast '));
    list.appendChild(el('strong', null, String(votesCast())));
  }
  fit(panel);
}

/* A timed vote's time left, counted from the server's figure (this machine's clock may be
 * wrong); updated every second, never announced. */
function countdown(ms) {
  var end = Date.now() + ms, span = el('span', 'countdown');
  function show() {
    var s = Math.max(0, Math.ceil((end - Date.now()) / 1000));
    span.textContent = ' · closes in ' + Math.floor(s / 60) + ':' + ('0' + s % 60).slice(-2);
    if (!s) clearInterval(m.tick);
  }
  show();
  m.tick = setInterval(show, 1000);
  return span;
}

function renderResults(slot, d) {
  var options = d.options || [];
  var counts = (m.tally && m.tally.counts) || {};
  var best = 0;
  var list, overall;
  F.clear(slot);
  if (!m.tally) {
    return slot.appendChild(F.ui(el('p', 'waiting-text', d.results_withheld
      ? 'Fewer than 5 people have voted, so the results are not shown: that keeps every vote private.'
      : 'Counting…')));
  }
  list = F.results(options, m.tally, null);
  options.forEach(function (o) { best = Math.max(best, counts[o.id] || 0); });
  Array.prototype.forEach.call(list.children, function (item, i) {
    item.classList.add('o' + i);
    if (d.status === 'revealed' && best > 0 && (counts[options[i].id] || 0) === best) {
      item.classList.add('top');
      item.querySelector('.result-head').appendChild(F.ui(el('span', 'badge', 'Most votes')));
    }
  });
  overall = el('div', 'overall');
  overall.appendChild(list);
  overall.appendChild(F.ui(el('p', 'total', 'Total: ' + F.votes(m.tally.total || 0))));
  slot.appendChild(overall);
  if (d.split) slot.appendChild(split(options, m.tally));
}

/* One row per group the room may see (5 or more people, everyone else together): a stacked
 * bar (decoration) and the figures as text; a note when groups were counted together or no
 * split can show. */
function split(options, tally) {
  var box = F.ui(el('section', 'split'));
  var list = el('ul', 'groups');
  /* Split by place (an addition): the same rows, from place_split. */
  var place = tally.place_split;
  var s = place || tally;
  var by = (place ? place.by_place : tally.by_perspective) || {};
  var names = place ? { room: 'In the room', remote: 'Following remotely' } : {};
  var ids = place ? ['room', 'remote'] : [];
  var note = s.split_withheld
    ? 'Not shown by ' + (place ? 'place' : 'perspective') + ': the groups are too small to keep everyone’s vote private.'
    : s.others ? 'Groups of fewer than 5 people are counted together in “Everyone else”, with another group'
      + ' if needed, so no one’s vote can be worked out.' : '';
  if (!place) {
    ((m.welcome && m.welcome.perspectives) || []).forEach(function (p) { names[p.id] = p.label; ids.push(p.id); });
    Object.keys(by).forEach(function (id) { if (ids.indexOf(id) < 0) ids.push(id); });
  }
  box.appendChild(el('h3', 'split-title', place ? 'By place' : 'By perspective'));
  ids.map(function (id) { return [names[id] || id, by[id]]; })
    .concat([place ? ['Did not say', place.no_place] : ['No perspective given', tally.no_perspective],
      ['Everyone else', s.others && s.others.counts]])
    .forEach(function (g) {
      var c = g[1] || {};
      var total = 0;
      var li = el('li', 'group');
      var head = el('p', 'group-name', g[0]);
      var bar = el('div', 'stack');
      var figures = [];
      options.forEach(function (o) { total += c[o.id] || 0; });
      if (total === 0) return;
      head.appendChild(el('span', 'group-n', total + ' people'));
      bar.setAttribute('aria-hidden', 'true');
      options.forEach(function (o, i) {
        var pct = F.percent(c[o.id] || 0, total);
        var seg = el('div', 'seg o' + i, pct >= 8 ? F.mark(i) : '');
        seg.style.width = pct + '%';
        bar.appendChild(seg);
        figures.push(F.mark(i) + ': ' + (c[o.id] || 0) + ' (' + pct + '%)');
      });
      li.appendChild(head);
      li.appendChild(bar);
      li.appendChild(el('p', 'group-figures', figures.join(' · ')));
      list.appendChild(li);
    });
  if (list.firstChild) box.appendChild(list);
  if (note) box.appendChild(el('p', 'split-note', note));
  return box;
}


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


function tryAgainButton() {
  var b = F.ui(el('button', 'retry', 'Try again'));
  b.type = 'button';
  b.addEventListener('click', function () { conn.retryNow(); });
  return b;
}

function renderConn() {
  F.clear(connBox);
  connBox.className = 'conn';
  /* After the end of the day a lost server is no news: the closing screen stays, quietly. */
  if (!m.state || m.state.finished || m.conn === 'open' || m.conn === 'connecting') return;
  if (m.conn === 'reconnecting') {
    connBox.appendChild(el('p', null, 'Reconnecting…'));
  } else {
    connBox.appendChild(el('p', null, 'Cannot reach the server. Still trying.'));
    connBox.appendChild(tryAgainButton());
  }
}

renderJoin([], null);
render();
conn.start();
}());
