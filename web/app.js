/* Forum: the phone page. Joins the show as "audience", shows the story and lets this phone
 * vote. The server always sends the whole state, so every render starts from it.
 * Community text is data, never markup: text goes in with textContent only. */
(function () {
  'use strict';

  var F = window.ForumUI, el = F.el, t = F.t, ui = F.ui;
  /* English words; other languages are in i18n/CODE.json (words already in index.html are
   * taken from it). */
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
    pInvite: 'Say where you’re coming from (optional)',
    before: 'Before the story starts',
    includes: 'This story includes:',
    breakOk: 'It is fine to take a break, look away or step out at any time. The story will be here when you come back.',
    talk: 'If you would like to talk to someone, the event team is here to help.',
    cont: 'Continue to the story',
    thanks: 'Thank you',
    ended: '“{n}” has reached its end.',
    endedText: 'Thank you for taking part. The host will tell you what happens next.',
    nextStory: 'Keep this page open if you are staying. The next story will appear here when it starts.',
    aftercare: 'If today has brought things up for you, it is fine to take a break. The event team is here to help.',
    newScene: 'New scene: {n}',
    newStory: 'A new story is starting: {n}',
    storyEnded: 'The story has ended. Thank you.',
    pending: 'The vote opens soon.',
    open: 'Voting is open. Tap your choice. You can change it until voting closes.',
    closed: 'Voting has closed.',
    revealed: 'Here is how the room voted.',
    live: 'Live results: they change as people vote.',
    opened: 'Voting is open: {n}',
    revealedNow: 'The results are in.',
    sending: 'Sending…',
    waitSend: 'Waiting to send…',
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
    soonResults: 'The results will appear here in a moment.',
    byP: 'By perspective',
    people: '{n} people',
    fewer: 'fewer than 5',
    noP: 'No perspective given',
    pSummary: 'Where are you coming from? (optional)',
    pNow: 'Your perspective: {n}',
    saving: 'Saving…',
    saved: 'Saved. Thank you.',
    cleared: 'Cleared.',
    pOffline: 'Not connected. This will be saved when you are back online.',
    sizeNow: 'Text size {n}%'
  });

  var DEVICE = 'forum.device', NOTES = 'forum.notesSeen', SIZE = 'forum.size', LANG = 'forum.lang';
  var SIZES = [100, 115, 130, 150, 175];
  function $(id) { return document.getElementById(id); }
  var view = $('view'), connBox = $('conn'), announcer = $('announce'), eventTitle = $('event-title');
  var pBox = $('pbox'), pDetails = $('persp'), pSel = $('psel'), pStatus = $('pstatus'), pSum = $('psum');
  var langSel = $('lang'), smaller = $('smaller'), larger = $('larger');

  var m = {
    conn: 'connecting',
    welcome: null,
    state: null,
    hadStory: false,
    afterWelcome: false,
    pending: null,      /* vote on its way: {decision, option, ref, sent} */
    voteError: null,    /* {decision, status, text} */
    persp: null,        /* perspective change on its way: {value, ref} */
    perspList: '',
    notesSeen: F.get(NOTES),
    viewKey: null,
    viewName: null,
    decisionKey: null,
    decisionStatus: null,
    quiet: true,        /* the next render is not news: no announcement, no focus move */
    size: Math.max(0, SIZES.indexOf(Number(F.get(SIZE))))
  };

  var conn = new window.ForumConnection({
    hello: function () {
      var device = F.get(DEVICE);
      return device ? { type: 'hello', role: 'audience', device: device } : { type: 'hello', role: 'audience' };
    },
    onMessage: function (msg) {
      if (msg.type === 'welcome') onWelcome(msg);
      else if (msg.type === 'state') onState(msg);
      else if (msg.type === 'tally') onTally(msg);
      else if (msg.type === 'ack') onAck(msg);
      else if (msg.type === 'error') onError(msg);
    },
    onStatus: function (status) {
      m.conn = status;
      if (status !== 'open' && m.pending) m.pending.sent = false;
      renderConn();
      render();
    }
  });

  /* ---- messages ---- */

  function onWelcome(msg) {
    m.welcome = msg;
    m.afterWelcome = true;
    if (typeof msg.device === 'string' && msg.device) F.set(DEVICE, msg.device);
    eventTitle.textContent = (msg.event && msg.event.title) || 'Forum';
    setupPerspectives(msg);
  }

  function onState(st) {
    var d = st.decision;
    var p = m.pending;
    if (st.story) m.hadStory = true;
    if (p) {
      if (!d || d.id !== p.decision || d.my_vote === p.option) {
        m.pending = null;
      } else if (m.afterWelcome || !p.sent) {
        /* The connection dropped before the vote was acknowledged: send it again. */
        if (d.status === 'open') sendVote(p.option, d.id);
        else {
          m.pending = null;
          m.voteError = { decision: d.id, status: d.status, text: t('tooLate') };
        }
      }
    }
    if (m.voteError && (!d || d.id !== m.voteError.decision || d.status !== m.voteError.status)) {
      m.voteError = null;
    }
    m.afterWelcome = false;
    m.state = st;
    renderConn();
    render();
  }

  function onTally(msg) {
    var st = m.state;
    if (st && st.decision && st.decision.id === msg.decision) {
      st.tally = msg;
      render();
    }
  }

  function onAck(msg) {
    var p = m.pending;
    var d = m.state && m.state.decision;
    if (p && msg.ref === p.ref) {
      m.pending = null;
      m.voteError = null;
      if (d && d.id === p.decision) d.my_vote = msg.option || p.option;
      render();
      announce(t('recordedN', optionLabel(p.option)));
    } else if (m.persp && msg.ref === m.persp.ref) {
      if (m.welcome) m.welcome.perspective = m.persp.value;
      m.persp = null;
      pStatus.textContent = t(pSel.value ? 'saved' : 'cleared');
      perspSummary();
    }
  }

  function onError(msg) {
    var text = typeof msg.message === 'string' && msg.message ? msg.message : t('oops');
    var d = m.state && m.state.decision;
    if (m.pending && msg.ref === m.pending.ref) {
      m.voteError = { decision: m.pending.decision, status: d ? d.status : null, text: text };
      m.pending = null;
      render();
    } else if (m.persp && msg.ref === m.persp.ref) {
      m.persp = null;
      pStatus.textContent = text;
      pSel.value = (m.welcome && m.welcome.perspective) || '';
    }
  }

  /* ---- actions ---- */

  function sendVote(option, decision) {
    var ref = F.ref('v');
    m.pending = { decision: decision, option: option, ref: ref, sent: false };
    m.pending.sent = conn.send({ type: 'vote', decision: decision, option: option, ref: ref });
  }

  function vote(option) {
    var d = m.state && m.state.decision;
    if (!d || d.status !== 'open' || !d.id || (m.pending && m.pending.option === option)) return;
    m.voteError = null;
    if (!m.pending && d.my_vote === option) return announce(t('recordedN', optionLabel(option)));
    sendVote(option, d.id);
    render();
  }

  function setupPerspectives(w) {
    var list = Array.isArray(w.perspectives) ? w.perspectives : [];
    var signature = JSON.stringify(list);
    var wanted;
    if (signature !== m.perspList) {
      m.perspList = signature;
      while (pSel.options.length > 1) pSel.remove(1);
      list.forEach(function (p) {
        if (p && typeof p.id === 'string') pSel.add(new Option(String(p.label || p.id), p.id));
      });
    }
    pBox.hidden = list.length === 0;
    if (m.persp) return sendPerspective(m.persp.value);
    wanted = typeof w.perspective === 'string' ? w.perspective : '';
    pSel.value = wanted;
    if (pSel.value !== wanted) pSel.value = '';
    perspSummary();
  }

  function perspSummary() {
    var o = pSel.options[pSel.selectedIndex];
    var saved = m.welcome && m.welcome.perspective;
    pSum.textContent = saved && o && o.value ? t('pNow', o.text) : t('pSummary');
  }

  function sendPerspective(value) {
    var ref = F.ref('p');
    var sent = conn.send({ type: 'perspective', perspective: value, ref: ref });
    m.persp = { value: value, ref: ref };
    pStatus.textContent = t(sent ? 'saving' : 'pOffline');
  }

  pSel.addEventListener('change', function () { sendPerspective(pSel.value || null); });

  /* ---- text size and language ---- */

  function applySize() {
    document.documentElement.style.fontSize = SIZES[m.size] + '%';
    smaller.disabled = m.size === 0;
    larger.disabled = m.size === SIZES.length - 1;
  }

  function resize(step) {
    m.size = Math.min(SIZES.length - 1, Math.max(0, m.size + step));
    F.set(SIZE, String(SIZES[m.size]));
    applySize();
    announce(t('sizeNow', SIZES[m.size]));
  }

  smaller.addEventListener('click', function () { resize(-1); });
  larger.addEventListener('click', function () { resize(1); });

  function pickLanguage() {
    var saved = F.get(LANG);
    var wanted = saved ? [saved] : (navigator.languages || [navigator.language || 'en']);
    for (var i = 0; i < wanted.length; i += 1) {
      var code = String(wanted[i]).toLowerCase().split('-')[0];
      if (langSel.querySelector('option[value="' + code + '"]')) return code;
    }
    return 'en';
  }

  function useLanguage(code) {
    langSel.value = code;
    F.useLanguage(code, function () {
      m.viewKey = null;
      m.quiet = true;
      pStatus.textContent = '';
      perspSummary();
      renderConn();
      render();
    });
  }

  langSel.addEventListener('change', function () {
    F.set(LANG, langSel.value);
    useLanguage(langSel.value);
  });

  /* ---- rendering ---- */

  function optionLabel(id) {
    var d = m.state && m.state.decision;
    var options = (d && d.options) || [];
    for (var i = 0; i < options.length; i += 1) if (options[i].id === id) return options[i].label;
    return id;
  }

  function runKey(story) {
    return story.id + '/' + story.run;
  }

  function currentView() {
    var st = m.state;
    if (!st) return m.conn === 'unreachable' ? 'unreachable' : 'connecting';
    if (!st.story) return m.hadStory ? 'ended' : 'waiting';
    if (Array.isArray(st.story.content_notes) && st.story.content_notes.length &&
        m.notesSeen !== runKey(st.story)) return 'notes';
    return st.scene ? 'scene' : 'ended';
  }

  function render() {
    var st = m.state;
    var name = currentView();
    var story = st && st.story;
    var key = name;
    var title = (m.welcome && m.welcome.event && m.welcome.event.title) || 'Forum';
    F.setLanguage(story && name !== 'ended' ? story.language : null);
    document.title = story ? story.title + ' · ' + title : title;
    if (name === 'scene') {
      key += JSON.stringify([runKey(story), story.title, st.scene]);
    } else if (name !== 'connecting' && name !== 'unreachable') {
      key += JSON.stringify([st.session, story && story.title, story && runKey(story), m.welcome && m.welcome.perspective]);
    }
    if (key !== m.viewKey) {
      F.clear(view);
      m.decisionKey = null;
      if (name === 'connecting') build(view, [heading(t('connecting'), true), para('connectingText')]);
      else if (name === 'unreachable') build(view, [heading(t('unreachable'), true), para('unreachableText'), tryAgain()]);
      else if (name === 'waiting') buildWaiting(st);
      else if (name === 'notes') buildNotes(story);
      else if (name === 'ended') buildEnded(story);
      else buildScene(st);
      if (!m.quiet && (name !== m.viewName || name === 'scene' || name === 'notes')) arrived(name, st);
      m.viewKey = key;
      m.viewName = name;
    }
    if (name === 'scene') renderDecision(st.decision, st.tally);
    m.quiet = false;
  }

  /* A new view: tell screen readers, and move focus to its heading unless the person is busy
   * with the optional controls around it. */
  function arrived(name, st) {
    var active = document.activeElement;
    var busy = active && active !== document.body && !view.contains(active);
    var h = view.querySelector('.view-heading');
    if (h && !busy) h.focus();
    if (name === 'scene') announce(t('newScene', st.scene.title || st.story.title));
    else if (name === 'notes') announce(t('newStory', st.story.title));
    else if (name === 'ended') announce(t('storyEnded'));
  }

  function build(parent, nodes) {
    nodes.forEach(function (n) { if (n) parent.appendChild(n); });
  }

  function heading(text, isUI) {
    var h = el('h1', 'view-heading', text);
    h.setAttribute('tabindex', '-1');
    return isUI ? ui(h) : h;
  }

  function para(key, className, n) {
    return ui(el('p', className || null, t(key, n)));
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
    build(view, [
      st.session && st.session.title ? para('now', 'kicker', st.session.title) : null,
      heading(t('welcome'), true),
      para('soon', 'lead'),
      para('keepOpen'),
      !pBox.hidden && !(m.welcome && m.welcome.perspective) ? button('pInvite', 'secondary', function () {
        pDetails.open = true;
        pSel.focus();
      }) : null
    ]);
  }

  function buildNotes(story) {
    var list = el('ul', 'notes');
    story.content_notes.forEach(function (note) { list.appendChild(el('li', null, note)); });
    build(view, [para('before', 'kicker'), heading(story.title), para('includes'), list,
      para('breakOk', 'reassure'), para('talk'),
      button('cont', 'primary', function () {
        m.notesSeen = runKey(story);
        F.set(NOTES, m.notesSeen);
        m.quiet = true;
        render();
        view.querySelector('.view-heading').focus();
      })]);
  }

  function buildEnded(story) {
    build(view, [heading(t('thanks'), true),
      story ? para('ended', 'lead', story.title) : null,
      para(story ? 'endedText' : 'nextStory'),
      para('aftercare', 'reassure')]);
  }

  function buildScene(st) {
    var scene = st.scene;
    var article = el('article', 'scene');
    var text = el('div', 'scene-text');
    var img;
    build(article, [el('p', 'kicker', st.story.title), heading(scene.title || st.story.title)]);
    if (typeof scene.image === 'string' && scene.image) {
      img = el('img', 'scene-image');
      img.src = '/scenarios-media/' + scene.image.split('/').map(encodeURIComponent).join('/');
      img.alt = scene.image_alt || '';
      article.appendChild(img);
    }
    F.paragraphs(text, scene.text);
    article.appendChild(text);
    build(view, [article, el('div', 'decision-slot')]);
  }

  function resultsShown(d, tally) {
    return !!(d.id && tally && (tally.decision === undefined || tally.decision === d.id) &&
      (d.status === 'revealed' || (d.results === 'everyone' && d.status !== 'pending')));
  }

  function renderDecision(d, tally) {
    var slot = view.querySelector('.decision-slot');
    var shown = d && resultsShown(d, tally);
    var key = d ? JSON.stringify([d.id, d.status, d.question, d.options, shown, m.viewKey]) : '';
    if (key !== m.decisionKey) {
      F.clear(slot);
      if (d) buildDecision(slot, d, shown);
      if (m.decisionKey && d && d.status !== m.decisionStatus && !m.quiet) {
        if (d.status === 'open') announce(t('opened', d.question));
        else if (d.status === 'closed') announce(t('closed'));
        else if (d.status === 'revealed') announce(t('revealedNow'));
      }
      m.decisionKey = key;
      m.decisionStatus = d ? d.status : null;
    }
    if (d) updateDecision(slot, d, shown ? tally : null);
  }

  function buildDecision(slot, d, shown) {
    var section = el('section', 'decision');
    var q = el('h2', 'question', d.question);
    var options = Array.isArray(d.options) ? d.options : [];
    var box;
    q.id = 'question';
    section.setAttribute('aria-labelledby', 'question');
    build(section, [q, para(d.status, 'status-line status-' + d.status),
      shown && d.status !== 'revealed' ? para('live', 'small') : null]);
    if (d.status === 'open') {
      box = el('div', 'options');
      box.setAttribute('role', 'group');
      box.setAttribute('aria-labelledby', 'question');
      options.forEach(function (o, i) {
        var b = el('button', 'option');
        b.type = 'button';
        b.setAttribute('data-option', o.id);
        b.setAttribute('aria-pressed', 'false');
        build(b, [F.letter(i), el('span', 'option-label', o.label), ui(el('span', 'option-state'))]);
        b.addEventListener('click', function () { vote(o.id); });
        box.appendChild(b);
      });
    } else if (!shown) {
      box = el('ul', 'option-list');
      options.forEach(function (o, i) {
        var li = el('li');
        li.setAttribute('data-option', o.id);
        build(li, [F.letter(i), el('span', null, o.label)]);
        box.appendChild(li);
      });
    }
    build(section, [box, ui(el('div', 'vote-status')), ui(el('p', 'vote-error')),
      shown ? el('div', 'results-slot') : null]);
    slot.appendChild(section);
  }

  function updateDecision(slot, d, tally) {
    var mine = d.my_vote || null;
    var pending = m.pending && m.pending.decision === d.id ? m.pending : null;
    var status = slot.querySelector('.vote-status');
    var resultsSlot = slot.querySelector('.results-slot');
    var line;

    Array.prototype.forEach.call(slot.querySelectorAll('[data-option]'), function (b) {
      var id = b.getAttribute('data-option');
      var state = b.querySelector('.option-state');
      var isMine = id === mine && !(pending && b.tagName === 'BUTTON');
      var isSending = pending && pending.option === id;
      b.classList.toggle('mine', isMine);
      b.classList.toggle('sending', !!isSending);
      if (b.tagName === 'BUTTON') {
        b.setAttribute('aria-pressed', isMine || isSending ? 'true' : 'false');
        F.clear(state);
        if (isSending) state.textContent = t(pending.sent ? 'sending' : 'waitSend');
        else if (isMine) state.appendChild(F.badge(t('yourVote'), 'mark'));
      } else if (isMine && !b.querySelector('.badge')) {
        b.appendChild(F.badge(t('yourVote')));
      }
    });

    F.clear(status);
    status.className = 'vote-status';
    if (pending) {
      status.classList.add('is-sending');
      status.appendChild(el('p', null, t(pending.sent ? 'sendingVote' : 'offlineVote')));
    } else if (mine && d.status !== 'revealed') {
      status.classList.add('is-recorded');
      line = el('p', 'recorded');
      build(line, [F.icon('✓'), document.createTextNode(t('recorded'))]);
      status.appendChild(line);
      line = el('p', null, t('chose'));
      line.appendChild(el('span', 'chosen', optionLabel(mine)));
      status.appendChild(line);
      if (d.status === 'open') status.appendChild(el('p', 'small', t('canChange')));
    } else if (d.status === 'closed' && !mine) {
      status.appendChild(el('p', 'small', t('noVote')));
    }

    slot.querySelector('.vote-error').textContent =
      m.voteError && m.voteError.decision === d.id ? m.voteError.text : '';

    if (resultsSlot) {
      F.clear(resultsSlot);
      resultsSlot.appendChild(F.results(d.options || [], tally, mine));
      resultsSlot.appendChild(para('total', 'small', F.votes(tally.total || 0)));
      if (d.split) resultsSlot.appendChild(split(d, tally));
    }
  }

  /* Votes by perspective. Groups of fewer than 5 people show no numbers, only "fewer than 5". */
  function split(d, tally) {
    var section = ui(el('section', 'split'));
    var list = el('ul', 'groups');
    var by = tally.by_perspective || {};
    var small = tally.small_groups || [];
    var groups = ((m.welcome && m.welcome.perspectives) || []).map(function (p) {
      return [p.label, by[p.id], small.indexOf(p.id) >= 0];
    });
    groups.push([t('noP'), tally.no_perspective, false]);
    section.appendChild(el('h3', null, t('byP')));
    groups.forEach(function (g) {
      var counts = g[1] || {};
      var total = 0;
      var li = el('li', 'group');
      var name = el('p', 'group-name', g[0]);
      Object.keys(counts).forEach(function (k) { total += counts[k] || 0; });
      if (!g[2] && total === 0) return;
      li.appendChild(name);
      if (g[2] || total < 5) {
        name.appendChild(document.createTextNode(': ' + t('fewer')));
      } else {
        name.appendChild(document.createTextNode(' · ' + t('people', total)));
        li.appendChild(F.results(d.options || [], { counts: counts, total: total }, null));
      }
      list.appendChild(li);
    });
    section.appendChild(list);
    return section;
  }

  /* ---- connection banner ---- */

  function renderConn() {
    F.clear(connBox);
    connBox.className = 'conn';
    if (!m.state || m.conn === 'open' || m.conn === 'connecting') return;
    if (m.conn === 'reconnecting') {
      connBox.appendChild(el('p', null, t('reconnecting')));
    } else {
      connBox.classList.add('bad');
      build(connBox, [el('p', null, t('lost')), tryAgain()]);
    }
  }

  function announce(text) {
    announcer.textContent = '';
    window.setTimeout(function () { announcer.textContent = text; }, 60);
  }

  applySize();
  useLanguage(pickLanguage());
  conn.start();
}());
