/* Forum: the phone page. Joins as "audience", shows the story, lets this phone vote. Every
 * state is whole, so each render starts from it. Story text goes in as textContent only. */
(function () {
'use strict';

var F = window.ForumUI, el = F.el, t = F.t, ui = F.ui;
/* English; other languages in i18n/CODE.json. Words in index.html are not repeated. */
F.words({
  connecting: 'Connecting…',
  connectingText: 'Joining the show. This usually takes a few seconds.',
  unreachable: 'We can’t reach the show right now',
  unreachableText: 'Check that your phone is on the event wifi or has mobile data. We will keep trying.',
  tryAgain: 'Try again',
  reconnecting: 'Reconnecting… You don’t need to do anything.',
  lost: 'We can’t reach the show. Check your wifi or mobile data. We will keep trying.',
  welcome: 'Welcome',
  now: 'Now: {n}',
  soon: 'The show will start soon.',
  keepOpen: 'Keep this page open. The story will appear here, and you can vote when the host asks.',
  before: 'Before the story starts',
  includes: 'This story includes:',
  breakOk: 'It is fine to take a break, look away or step out at any time. The story will be here when you come back.',
  talk: 'If you would like to talk to someone, the event team is here to help.',
  cont: 'Continue to the story',
  thanks: 'Thank you',
  ended: '“{n}” has reached its end.',
  endedText: 'Thank you for taking part. The host will tell you what happens next.',
  stayOpen: 'Keep this page open if you are staying.',
  nextUp: 'Next: {n}',
  finished: 'The show has finished',
  closingText: 'Thank you for coming and for voting today.',
  whatNext: 'What happens next',
  offAir: 'The show has finished, so this page no longer updates.',
  call: 'Call',
  aftercare: 'If today has brought things up for you, it is fine to take a break. The event team is here to help.',
  newScene: 'New scene: {n}',
  newStory: 'A new story is starting: {n}',
  storyEnded: 'The story has ended. Thank you.',
  pending: 'The vote opens soon.',
  open: 'Voting is open. Tap your choice. You can change it until voting closes.',
  closed: 'Voting has closed.',
  revealed: 'Here is how the room voted.',
  live: 'Live results: they change as people vote.',
  left: 'Voting closes in {n}',
  opened: 'Voting is open: {n}',
  revealedNow: 'The results are in.',
  sendingVote: 'Sending your vote…',
  offlineVote: 'Waiting for the connection. Your vote will be sent when you are back online.',
  recorded: 'Vote recorded',
  recordedN: 'Vote recorded: {n}',
  chose: 'You chose: ',
  canChange: 'You can change it until voting closes.',
  noVote: 'You did not vote this time. That is fine.',
  tooLate: 'Voting closed before your vote reached us.',
  oops: 'Something went wrong. Please try again.',
  yourVote: 'Your vote',
  vote1: '1 vote',
  votes: '{n} votes',
  total: 'Total: {n}',
  byP: 'By perspective',
  people: '{n} people',
  noP: 'No perspective given',
  others: 'Everyone else',
  together: 'Groups of fewer than 5 people are counted together in “Everyone else”, with another group if needed, so no one’s vote can be worked out.',
  noSplit: 'Not shown by perspective: the groups are too small to keep everyone’s vote private.',
  pSummary: 'Where are you coming from? (optional)',
  pNow: 'Your perspective: {n}',
  saving: 'Saving…',
  saved: 'Saved. Thank you.',
  cleared: 'Cleared.',
  pOffline: 'Not connected. This will be saved when you are back online.',
  sizeNow: 'Text size {n}%',
  langNow: 'The page is now in English.',
  fewVoters: 'Fewer than 5 people have voted, so the results are not shown: that keeps every vote private.',
  stop: 'Stop! I’d do something different here',
  stopped: 'The host knows you want to step in. Tap again to take it back.',
  propose: 'What should happen instead?',
  noNames: 'Please don’t name real people. Up to 280 characters.',
  send: 'Send my idea',
  mine: 'Your ideas',
  vPending: 'Waiting for the moderator',
  vApproved: 'Approved',
  vRejected: 'Not taken up',
  vMerged: 'Joined with the same idea from someone else',
  vVote: 'Now an option in the vote',
  fromRoom: 'An idea from the audience',
  remoteNote: 'You’re following remotely: the scene below is what happens on stage.',
  byPl: 'By place',
  noSplitPl: 'Not shown by place: the groups are too small to keep everyone’s vote private.',
  noPl: 'Did not say'
});

var SIZES = [100, 115, 130, 150, 175];
function $(id) { return document.getElementById(id); }
var view = $('view'), connBox = $('conn'), announcer = $('announce');
var plSel = $('plsel'), pSel = $('psel'), pStatus = $('pstatus'), pSum = $('psum');
var langSel = $('lang'), smaller = $('smaller'), larger = $('larger');

/* pending: a vote on its way; persp: a perspective on its way; quiet: the next render is
 * no news (no announcement, no focus move). */
var m = {
  conn: 'connecting', welcome: null, state: null, hadStory: false, afterWelcome: false,
  pending: null, voteError: null, persp: null, perspList: '', notesSeen: F.get('forum.notes'),
  viewKey: null, viewName: null, decisionKey: null, decisionStatus: null, quiet: true,
  size: Math.max(0, SIZES.indexOf(Number(F.get('forum.size'))))
};

var conn = new window.ForumConnection({
  hello: function () {
    var d = F.get('forum.device');
    return { type: 'hello', role: 'audience', device: d || undefined, state_after_ack: false,
      place: !d && /place=remote/.test(location.search) ? 'remote' : undefined };
  },
  onMessage: function (msg) {
    var f = { welcome: onWelcome, state: onState, tally: onTally, ack: onAck, error: onError, voice: onVoice }[msg.type];
    if (f) f(msg);
  },
  onStatus: function (status) {
    m.conn = status;
    if (status !== 'open' && m.pending) m.pending.sent = false;
    render();
  }
});


function onWelcome(msg) {
  m.welcome = msg;
  m.afterWelcome = true;
  if (msg.device) F.set('forum.device', msg.device);
  eventTitle();
  setupPerspectives(msg);
  supportLines($('lines'), msg.support);
}

function onState(st) {
  var d = st.decision;
  var p = m.pending;
  var e = m.voteError;
  if (st.story) m.hadStory = true;
  if (p && (!d || d.id !== p.decision || d.my_vote === p.option)) {
    m.pending = null;
  } else if (p && (m.afterWelcome || !p.sent)) {
    /* The connection dropped before the vote was acknowledged: send it again. */
    if (d.status === 'open') sendVote(p.option, d.id);
    else {
      m.pending = null;
      m.voteError = { decision: d.id, status: d.status, text: t('tooLate') };
    }
  }
  if (e && (!d || d.id !== e.decision || d.status !== e.status)) m.voteError = null;
  m.afterWelcome = false;
  m.state = st;
  render();
}

function onTally(msg) {
  var d = m.state && m.state.decision;
  if (d && d.id === msg.decision) {
    m.state.tally = msg;
    render();
  }
}

function onAck(msg) {
  var p = m.pending;
  var d = m.state && m.state.decision;
  if (p && msg.ref === p.ref) {
    m.pending = m.voteError = null;
    if (d && d.id === p.decision) d.my_vote = msg.option || p.option;
    render();
    announce(t('recordedN', optionLabel(p.option)));
  } else if (m.persp && msg.ref === m.persp.ref) {
    m.welcome.perspective = m.persp.value;
    m.persp = null;
    pStatus.textContent = t(pSel.value ? 'saved' : 'cleared');
    perspSummary();
  } else if (m.plc && msg.ref === m.plc) {
    m.welcome.place = plSel.value || null;
    m.plc = null;
    pStatus.textContent = t('saved');
    render();
  }
}

function onError(msg) {
  var text = msg.message || t('oops');
  var d = m.state && m.state.decision;
  if (/^[sq]/.test(msg.ref)) { m.voiceError = text; render(); }
  if (m.pending && msg.ref === m.pending.ref) {
    m.voteError = { decision: m.pending.decision, status: d && d.status, text: text };
    m.pending = null;
    render();
  } else if (m.persp && msg.ref === m.persp.ref) {
    m.persp = null;
    pStatus.textContent = text;
    pSel.value = m.welcome.perspective || '';
  }
}


function sendVote(option, decision) {
  var ref = F.ref('v');
  m.pending = { decision: decision, option: option, ref: ref };
  m.pending.sent = conn.send({ type: 'vote', decision: decision, option: option, ref: ref });
}

function vote(option) {
  var d = m.state && m.state.decision;
  if (!d || d.status !== 'open' || (m.pending && m.pending.option === option)) return;
  m.voteError = null;
  if (!m.pending && d.my_vote === option) return announce(t('recordedN', optionLabel(option)));
  sendVote(option, d.id);
  render();
}

/* The event's own words in the page's language (event.yaml `translations`), else as written. */
function ev(kind, id, text) {
  var all = m.welcome && m.welcome.translations, tr = all && all[langSel.value];
  var found = tr && (id == null ? tr[kind] : tr[kind] && tr[kind][id]);
  return found || text;
}

function eventTitle() {
  $('event-title').textContent = ev('title', null, m.welcome.event && m.welcome.event.title) || 'Forum';
}

function setupPerspectives(w) {
  var list = w.perspectives || [];
  var wanted = w.perspective || '';
  if (JSON.stringify(list) + langSel.value !== m.perspList) {
    m.perspList = JSON.stringify(list) + langSel.value;
    while (pSel.options.length > 1) pSel.remove(1);
    list.forEach(function (p) { pSel.add(new Option(ev('perspectives', p.id, p.label) || p.id, p.id)); });
  }
  $('pw').hidden = !list.length;
  $('pbox').hidden = false;
  plSel.value = w.place || '';
  if (m.persp) return sendPerspective(m.persp.value);
  pSel.value = wanted;
  if (pSel.value !== wanted) pSel.value = '';
  perspSummary();
}

function perspSummary() {
  var o = pSel.options[pSel.selectedIndex];
  pSum.textContent = m.welcome && m.welcome.perspective && o.value ? t('pNow', o.text) : t('pSummary');
}

function sendPerspective(value) {
  var ref = F.ref('p');
  pStatus.textContent = t(conn.send({ type: 'perspective', perspective: value, ref: ref }) ? 'saving' : 'pOffline');
  m.persp = { value: value, ref: ref };
}

pSel.addEventListener('change', function () { sendPerspective(pSel.value || null); });
plSel.addEventListener('change', function () {
  m.plc = F.ref('l');
  pStatus.textContent = t(conn.send({ type: 'place', place: plSel.value || null, ref: m.plc }) ? 'saving' : 'pOffline');
});


function resize(step) {
  m.size = Math.min(SIZES.length - 1, Math.max(0, m.size + step));
  document.documentElement.style.fontSize = SIZES[m.size] + '%';
  smaller.disabled = !m.size;
  larger.disabled = m.size === SIZES.length - 1;
  if (!step) return;
  F.set('forum.size', SIZES[m.size]);
  announce(t('sizeNow', SIZES[m.size]));
}

smaller.addEventListener('click', function () { resize(-1); });
larger.addEventListener('click', function () { resize(1); });

/* The saved choice, else the browser's first language the page has, else English. */
function pickLanguage() {
  var saved = F.get('forum.lang');
  var wanted = saved ? [saved] : navigator.languages || [navigator.language];
  for (var i = 0; i < wanted.length; i += 1) {
    var code = String(wanted[i]).toLowerCase().split('-')[0];
    if (langSel.querySelector('[value="' + code + '"]')) return code;
  }
  return 'en';
}

/* announced: the person switched, so a screen reader hears the switch in the new language. */
function useLanguage(code, announced) {
  langSel.value = code;
  F.useLanguage(code, function () {
    m.viewKey = null;
    m.quiet = true;
    pStatus.textContent = '';
    if (m.welcome) { eventTitle(); setupPerspectives(m.welcome); }
    perspSummary();
    render();
    if (announced) announce(t('langNow'));
  });
}

langSel.addEventListener('change', function () {
  F.set('forum.lang', langSel.value);
  useLanguage(langSel.value, true);
});


function optionLabel(id) {
  var d = m.state && m.state.decision;
  var found = d && d.options.filter(function (o) { return o.id === id; })[0];
  return found ? found.label : id;
}

function runKey(story) {
  return story.id + '/' + story.run;
}

function currentView() {
  var st = m.state;
  var notes = st && st.story && st.story.content_notes;
  if (!st) return m.conn === 'unreachable' ? 'unreachable' : 'connecting';
  if (st.finished) return 'closing';
  if (!st.story) return m.hadStory ? 'ended' : 'waiting';
  if (notes && notes.length && m.notesSeen !== runKey(st.story)) return 'notes';
  return st.scene ? 'scene' : 'ended';
}

function render() {
  var st = m.state;
  var name = currentView();
  var story = st && st.story;
  var title = ev('title', null, m.welcome && m.welcome.event && m.welcome.event.title) || 'Forum';
  var key = name + JSON.stringify(name === 'scene' ? [runKey(story), story.title, st.scene]
    : st ? [st.session, st.next_session, story && story.title, story && runKey(story), m.welcome && m.welcome.perspective] : 0) + (m.welcome && m.welcome.place);
  F.setLanguage(story && name !== 'ended' ? story.language : null);
  document.title = story ? story.title + ' · ' + title : title;
  renderConn();
  document.body.classList.toggle('closing', name === 'closing');
  if (key !== m.viewKey) {
    F.clear(view);
    m.decisionKey = null;
    if (name === 'connecting') build(view, [heading(t('connecting'), 1), para('connectingText')]);
    else if (name === 'unreachable') build(view, [heading(t('unreachable'), 1), para('unreachableText'), tryAgain()]);
    else if (name === 'waiting') buildWaiting(st);
    else if (name === 'notes') buildNotes(story);
    else if (name === 'ended') buildEnded(story, st);
    else if (name === 'closing') buildClosing();
    else buildScene(st);
    if (!m.quiet && (name !== m.viewName || name === 'scene' || name === 'notes')) arrived(name, st);
    m.viewKey = key;
    m.viewName = name;
  }
  if (name === 'scene') { renderDecision(st.decision, st.tally); renderVoice(st); }
  m.quiet = false;
}

/* A new view: announce it; focus its heading unless the person is busy elsewhere. */
function arrived(name, st) {
  var active = document.activeElement;
  if (!active || active === document.body || view.contains(active)) view.querySelector('h1').focus();
  if (name === 'scene') announce(t('newScene', st.scene.title || st.story.title));
  else if (name === 'notes') announce(t('newStory', st.story.title));
  else if (name === 'ended') announce(t('storyEnded'));
  else if (name === 'closing') announce(t('finished'));
}

function build(parent, nodes) {
  nodes.forEach(function (n) { if (n) parent.appendChild(n); });
  return parent;
}

function heading(text, isUI) {
  var h = el('h1', 'view-heading', text);
  h.tabIndex = -1;
  return isUI ? ui(h) : h;
}

function para(key, className, n) {
  return ui(el('p', className, t(key, n)));
}

function button(key, className, onClick) {
  var b = ui(el('button', className, t(key)));
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

function tryAgain() {
  return button('tryAgain', 'secondary', function () { conn.retryNow(); });
}

function buildWaiting(st) {
  build(view, [st.session && st.session.title ? para('now', 'kicker', ev('sessions', st.session.id, st.session.title)) : null,
    heading(t('welcome'), 1), para('soon', 'lead'), nextUp(st), para('keepOpen')]);
}

/* What comes next in the programme: the session's title and start time. */
function nextUp(st) {
  var s = st.next_session;
  return s ? para('nextUp', 'next-up', ev('sessions', s.id, s.title) + (s.starts ? ' · ' + s.starts : '')) : null;
}

/* The day is over: thanks, what happens to the votes, and the support lines below, open. */
function buildClosing() {
  var next = el('p', null, ev('next_steps', null, m.welcome && m.welcome.event && m.welcome.event.next_steps));
  next.dir = 'auto';
  build(view, [heading(t('finished'), 1), para('closingText', 'lead'),
    ui(el('h2', null, t('whatNext'))), next, para('aftercare', 'reassure')]);
  document.querySelector('footer details').open = true;
}

/* The event's own support lines: a call button where a number is given. */
function supportLines(box, lines) {
  F.clear(box);
  (lines || []).forEach(function (s) {
    var label = el('p', 'line-label', s.label);
    label.dir = 'auto';
    if (s.when) label.appendChild(el('span', 'small', ' · ' + s.when));
    build(box, [label, s.dial ? callLink('tel:' + s.dial, t('call') + ' ' + s.number) : null,
      /^(https?|tel):/i.test(s.link || '') ? callLink(s.link, s.link.replace(/^\w+:(\/\/)?/, '')) : null]);
  });
}

function callLink(href, text) {
  var a = ui(el('a', 'call', text));
  a.href = href;
  return a;
}

function buildNotes(story) {
  var list = el('ul', 'notes');
  story.content_notes.forEach(function (note) { list.appendChild(el('li', null, note)); });
  build(view, [para('before', 'kicker'), heading(story.title), para('includes'), list,
    para('breakOk', 'reassure'), para('talk'),
    button('cont', 'primary', function () {
      m.notesSeen = runKey(story);
      F.set('forum.notes', m.notesSeen);
      m.quiet = true;
      render();
      view.querySelector('h1').focus();
    })]);
}

function buildEnded(story, st) {
  build(view, [heading(t('thanks'), 1), story ? para('ended', 'lead', story.title) : nextUp(st),
    para(story ? 'endedText' : 'stayOpen'), para('aftercare', 'reassure')]);
}

function buildScene(st) {
  var scene = st.scene;
  var article = build(el('article', 'scene'), [el('p', 'kicker', st.story.title), heading(scene.title || st.story.title),
    m.welcome.place == 'remote' ? para('remoteNote', 'small') : null]);
  var img;
  if (scene.image) {
    img = el('img', 'scene-image');
    img.src = '/scenarios-media/' + scene.image.split('/').map(encodeURIComponent).join('/');
    img.alt = scene.image_alt || '';
    article.appendChild(img);
  }
  F.paragraphs(article, scene.text);
  build(view, [article, el('div', 'decision-slot'), el('div', 'voice')]);
}

/* "Stop!" in any scene: one tap, undoable. The proposal form's code, voice.js, is fetched
 * once proposals open (or this phone has proposals to hear about). */
function onVoice(msg) {
  m.voice = msg;
  m.voiceError = null;
  render();
}

function stopOn() {
  var r = m.state.room, v = m.voice;
  return !!(r && v && v.visit === r.visit && v.stop);
}

function renderVoice(st) {
  var box = view.querySelector('.voice'), b = box.firstChild, on = stopOn(), r = st.room || {};
  if (!b) {
    b = button('stop', 'secondary stop', function () {
      conn.send({ type: 'intervene', on: !stopOn(), ref: F.ref('s') });
    });
    build(box, [b, ui(el('p', 'small', '')), el('div')]);
  }
  b.setAttribute('aria-pressed', on);
  b.nextSibling.textContent = m.voiceError || (on ? t('stopped') : '');
  if ((r.proposals_open || m.voice && m.voice.proposals.length) && !m.voiceJS) {
    m.voiceJS = document.head.appendChild(el('script'));
    m.voiceJS.onload = render;
    m.voiceJS.src = 'voice.js';
  }
  if (window.ForumVoice) window.ForumVoice(box.lastChild, r, m.voice, conn, build, para);
}

/* Results show once revealed, or live while the host has chosen "everyone". */
function resultsShown(d, tally) {
  return !!(d.id && tally && tally.decision === d.id &&
    (d.status === 'revealed' || (d.results === 'everyone' && d.status !== 'pending')));
}

function renderDecision(d, tally) {
  var slot = view.querySelector('.decision-slot');
  var shown = d && resultsShown(d, tally);
  var key = d ? JSON.stringify([d.id, d.status, d.question, d.options, shown, d.results_withheld]) : '';
  if (key !== m.decisionKey) {
    clearInterval(m.tick);
    F.clear(slot);
    if (d) buildDecision(slot, d, shown);
    if (m.decisionKey && d && d.status !== m.decisionStatus && !m.quiet) {
      announce(d.status === 'open' ? t('opened', d.question) : t(d.status === 'closed' ? 'closed' : 'revealedNow'));
    }
    m.decisionKey = key;
    m.decisionStatus = d && d.status;
  }
  if (d) updateDecision(slot, d, shown && tally);
}

function buildDecision(slot, d, shown) {
  var section = el('section', 'decision');
  var q = el('h2', 'question', d.question);
  var box;
  q.id = 'question';
  section.setAttribute('aria-labelledby', 'question');
  build(section, [q, para(d.status, 'status-line status-' + d.status),
    d.status === 'open' && d.closes_in_ms != null ? countdown(d.closes_in_ms) : null,
    shown && d.status !== 'revealed' ? para('live', 'small') : null,
    d.results_withheld && (d.status === 'revealed' || d.results === 'everyone') ? para('fewVoters', 'small') : null]);
  if (d.status === 'open') {
    box = el('div', 'options');
    box.setAttribute('role', 'group');
    box.setAttribute('aria-labelledby', 'question');
  } else if (!shown) {
    box = el('ul', 'option-list');
  }
  if (box) d.options.forEach(function (o, i) {
    var b = el(d.status === 'open' ? 'button' : 'li', d.status === 'open' ? 'option' : null);
    b.setAttribute('data-option', o.id);
    build(b, [F.letter(i), el('span', 'option-label', o.label), o.from ? ui(el('span', 'small', t('fromRoom'))) : null,
      ui(el('span', 'option-state'))]);
    if (d.status === 'open') {
      b.type = 'button';
      b.addEventListener('click', function () { vote(o.id); });
    }
    box.appendChild(b);
  });
  slot.appendChild(build(section, [box, ui(el('div', 'vote-status')), ui(el('p', 'vote-error')),
    shown ? el('div', 'results-slot') : null]));
}

/* Time left, by the server's figure: phone clocks drift. */
function countdown(ms) {
  var end = Date.now() + ms, p = ui(el('p', 'status-line countdown'));
  p.setAttribute('role', 'timer');
  function show() {
    var s = Math.max(0, Math.ceil((end - Date.now()) / 1000));
    p.textContent = t('left', (s / 60 | 0) + ':' + ('0' + s % 60).slice(-2));
    if (!s) clearInterval(m.tick);
  }
  show();
  m.tick = setInterval(show, 1000);
  return p;
}

function updateDecision(slot, d, tally) {
  var mine = d.my_vote;
  var pending = m.pending && m.pending.decision === d.id && m.pending;
  var status = slot.querySelector('.vote-status');
  var resultsSlot = slot.querySelector('.results-slot');

  Array.prototype.forEach.call(slot.querySelectorAll('[data-option]'), function (b) {
    var id = b.getAttribute('data-option');
    var state = b.querySelector('.option-state');
    var sending = pending && pending.option === id;
    var isMine = id === mine && !pending;
    b.classList.toggle('mine', isMine);
    b.classList.toggle('sending', !!sending);
    if (b.type) b.setAttribute('aria-pressed', !!(isMine || sending));
    F.clear(state);
    if (isMine) state.appendChild(F.badge(t('yourVote')));
  });

  F.clear(status);
  status.className = 'vote-status';
  if (pending) {
    status.classList.add('is-sending');
    status.appendChild(el('p', null, t(pending.sent ? 'sendingVote' : 'offlineVote')));
  } else if (mine && d.status !== 'revealed') {
    status.classList.add('is-recorded');
    status.appendChild(build(el('p', 'recorded'), [F.icon('✓'), document.createTextNode(t('recorded'))]));
    status.appendChild(build(el('p', null, t('chose')), [el('span', 'chosen', optionLabel(mine))]));
    if (d.status === 'open') status.appendChild(el('p', 'small', t('canChange')));
  } else if (d.status === 'closed' && !mine) {
    status.appendChild(el('p', 'small', t('noVote')));
  }

  slot.querySelector('.vote-error').textContent =
    m.voteError && m.voteError.decision === d.id ? m.voteError.text : '';

  if (resultsSlot) {
    F.clear(resultsSlot);
    build(resultsSlot, [F.results(d.options, tally, mine), para('total', 'small', F.votes(tally.total)),
      d.split ? split(d, tally) : null]);
  }
}

/* Votes by perspective as the server lets the room see them (groups of 5 or more, everyone
 * else together), with a note when groups were counted together or no split can show. */
function split(d, tally) {
  var list = el('ul', 'groups');
  var pl = tally.place_split, s = pl || tally, by = (pl ? pl.by_place : tally.by_perspective) || {};
  var groups = pl ? [[plSel[1].text, by.room], [plSel[2].text, by.remote]]
    : (m.welcome.perspectives || []).map(function (p) { return [ev('perspectives', p.id, p.label), by[p.id]]; });
  var note = s.split_withheld ? (pl ? 'noSplitPl' : 'noSplit') : s.others ? 'together' : null;
  groups.push(pl ? [t('noPl'), pl.no_place] : [t('noP'), tally.no_perspective], [t('others'), s.others && s.others.counts]);
  groups.forEach(function (g) {
    var counts = g[1] || {};
    var total = 0;
    for (var k in counts) total += counts[k];
    if (total) list.appendChild(build(el('li', 'group'), [el('p', 'group-name', g[0] + ' · ' + t('people', total)),
      F.results(d.options, { counts: counts, total: total })]));
  });
  return build(ui(el('section', 'split')), [el('h3', null, t(pl ? 'byPl' : 'byP')), list.firstChild ? list : null,
    note ? para(note, 'split-note') : null]);
}


function renderConn() {
  var bad = m.conn === 'unreachable';
  F.clear(connBox);
  connBox.className = 'conn' + (bad ? ' bad' : '');
  if (m.state && m.state.finished) {
    /* After the end of the day a lost server is no news: a quiet note, no alarm. */
    connBox.className = 'conn quiet';
    if (m.conn !== 'open') connBox.appendChild(el('p', null, t('offAir')));
  } else if (m.state && (bad || m.conn === 'reconnecting')) {
    build(connBox, [el('p', null, t(bad ? 'lost' : 'reconnecting')), bad ? tryAgain() : null]);
  }
}

function announce(text) {
  announcer.textContent = '';
  setTimeout(function () { announcer.textContent = text; }, 60);
}

resize(0);
useLanguage(pickLanguage());
conn.start();
}());
