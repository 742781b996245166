/* Forum: the audience page. Joins the show as "audience", shows the story and lets this
 * phone vote. The server always sends the whole state, so every render starts from it.
 * Community text is data, never markup: build text with textContent only.
 */
(function () {
  'use strict';

  var F = window.ForumUI;
  var el = F.el;
  var DEVICE_KEY = 'forum.device';
  var NOTES_KEY = 'forum.notesSeen';

  var view = document.getElementById('view');
  var connBox = document.getElementById('conn');
  var announcer = document.getElementById('announce');
  var eventTitle = document.getElementById('event-title');
  var pBox = document.getElementById('perspective-box');
  var pSelect = document.getElementById('perspective-select');
  var pStatus = document.getElementById('perspective-status');

  var m = {
    conn: 'connecting',
    welcome: null,
    state: null,
    hadStory: false,
    afterWelcome: false,
    pending: null,        /* vote on its way: {decision, option, ref, sent} */
    voteError: null,      /* {decision, status, text} shown near the buttons */
    perspective: null,    /* change on its way: {value, ref, sent} */
    perspectiveList: '',
    notesSeen: F.storageGet(NOTES_KEY),
    viewKey: null,
    decisionKey: null,
    decisionStatus: null,
    rendered: false
  };

  var conn = new window.ForumConnection({
    hello: function () {
      var msg = { type: 'hello', role: 'audience' };
      var device = F.storageGet(DEVICE_KEY);
      if (device) msg.device = device;
      return msg;
    },
    onMessage: onMessage,
    onStatus: function (status) {
      m.conn = status;
      if (status !== 'open' && m.pending) m.pending.sent = false;
      renderConn();
      render();
    }
  });

  /* ---- messages ---- */

  function onMessage(msg) {
    if (msg.type === 'welcome') onWelcome(msg);
    else if (msg.type === 'state') onState(msg);
    else if (msg.type === 'ack') onAck(msg);
    else if (msg.type === 'error') onError(msg);
    /* anything else is from a newer server: ignore it */
  }

  function onWelcome(msg) {
    m.welcome = msg;
    m.afterWelcome = true;
    if (typeof msg.device === 'string' && msg.device) F.storageSet(DEVICE_KEY, msg.device);
    eventTitle.textContent = (msg.event && msg.event.title) || 'Forum';
    setupPerspectives(msg);
  }

  function onState(st) {
    var d = st.decision;
    var p = m.pending;
    if (st.story) m.hadStory = true;
    if (p) {
      if (!d || d.id !== p.decision) {
        m.pending = null;
      } else if (d.my_vote === p.option) {
        m.pending = null;
      } else if (m.afterWelcome || !p.sent) {
        /* The connection dropped before the vote was acknowledged: send it again. */
        if (d.status === 'open') {
          sendVote(p.option, d.id);
        } else {
          m.pending = null;
          m.voteError = { decision: d.id, status: d.status, text: 'Voting closed before your vote reached us.' };
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

  function onAck(msg) {
    var p = m.pending;
    var d = m.state && m.state.decision;
    if (p && msg.ref === p.ref) {
      m.pending = null;
      m.voteError = null;
      if (d && d.id === p.decision) d.my_vote = msg.option || p.option;
      render();
      announce('Vote recorded: ' + optionLabel(p.option));
    } else if (m.perspective && msg.ref === m.perspective.ref) {
      if (m.welcome) m.welcome.perspective = m.perspective.value;
      m.perspective = null;
      pStatus.textContent = pSelect.value ? 'Saved. Thank you.' : 'Cleared.';
    }
  }

  function onError(msg) {
    var text = typeof msg.message === 'string' && msg.message ? msg.message
      : 'Something went wrong. Please try again.';
    var d = m.state && m.state.decision;
    if (m.pending && msg.ref === m.pending.ref) {
      m.voteError = { decision: m.pending.decision, status: d ? d.status : null, text: text };
      m.pending = null;
      render();
    } else if (m.perspective && msg.ref === m.perspective.ref) {
      m.perspective = null;
      pStatus.textContent = text;
      pSelect.value = (m.welcome && m.welcome.perspective) || '';
    } else if (d && msg.ref === undefined) {
      m.voteError = { decision: d.id, status: d.status, text: text };
      render();
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
    if (!d || d.status !== 'open' || !d.id) return;
    if (m.pending && m.pending.option === option) return;
    m.voteError = null;
    if (!m.pending && d.my_vote === option) {
      announce('Vote recorded: ' + optionLabel(option));
      return;
    }
    sendVote(option, d.id);
    render();
  }

  function setupPerspectives(w) {
    var list = Array.isArray(w.perspectives) ? w.perspectives : [];
    var signature = JSON.stringify(list);
    var wanted;
    if (signature !== m.perspectiveList) {
      m.perspectiveList = signature;
      while (pSelect.options.length > 1) pSelect.remove(1);
      list.forEach(function (p) {
        if (p && typeof p.id === 'string') pSelect.add(new Option(String(p.label || p.id), p.id));
      });
    }
    pBox.hidden = list.length === 0;
    if (m.perspective) {
      sendPerspective(m.perspective.value);
      return;
    }
    wanted = typeof w.perspective === 'string' ? w.perspective : '';
    pSelect.value = wanted;
    if (pSelect.value !== wanted) pSelect.value = '';
  }

  function sendPerspective(value) {
    var ref = F.ref('p');
    var sent = conn.send({ type: 'perspective', perspective: value, ref: ref });
    m.perspective = { value: value, ref: ref, sent: sent };
    pStatus.textContent = sent ? 'Saving…' : 'Not connected. This will be saved when you are back online.';
  }

  pSelect.addEventListener('change', function () {
    sendPerspective(pSelect.value || null);
  });

  /* ---- rendering ---- */

  function optionLabel(id) {
    var d = m.state && m.state.decision;
    var options = (d && d.options) || [];
    for (var i = 0; i < options.length; i += 1) {
      if (options[i].id === id) return options[i].label;
    }
    return id;
  }

  function runKey(story) {
    return story.id + '/' + story.run;
  }

  function notesNeeded(story) {
    return Array.isArray(story.content_notes) && story.content_notes.length > 0 &&
      m.notesSeen !== runKey(story);
  }

  function currentView() {
    var st = m.state;
    if (!st) return m.conn === 'unreachable' ? 'unreachable' : 'connecting';
    if (!st.story) return m.hadStory ? 'ended' : 'waiting';
    if (notesNeeded(st.story)) return 'notes';
    if (!st.scene) return 'ended';
    return 'scene';
  }

  function render() {
    var st = m.state;
    var name = currentView();
    var key = name;
    var story = st && st.story;
    var heading;
    F.setLanguage(story ? story.language : 'en');
    document.title = (story ? story.title + ' · ' : '') + ((m.welcome && m.welcome.event &&
      m.welcome.event.title) || 'Forum');
    if (name === 'scene') {
      key += '|' + runKey(story) + '|' + JSON.stringify([st.scene.id, st.scene.title,
        st.scene.text, st.scene.image, st.scene.image_alt, story.title]);
    } else if (name === 'notes') {
      key += '|' + runKey(story) + '|' + story.title;
    } else if (name === 'waiting' || name === 'ended') {
      key += '|' + (st.session ? st.session.title : '') + '|' + (story ? story.title : '');
    }
    if (key !== m.viewKey) {
      F.clear(view);
      m.decisionKey = null;
      if (name === 'connecting') buildConnecting();
      else if (name === 'unreachable') buildUnreachable();
      else if (name === 'waiting') buildWaiting(st);
      else if (name === 'notes') buildNotes(story);
      else if (name === 'ended') buildEnded(story);
      else buildScene(st);
      heading = view.querySelector('.view-heading');
      if (m.rendered && m.viewKey !== null) arrived(name, heading);
      m.viewKey = key;
    }
    if (name === 'scene') renderDecision(st.decision, st.tally);
    m.rendered = true;
  }

  /* A new view: tell screen readers, and move focus to its heading unless the person is
   * busy with the optional controls below. */
  function arrived(name, heading) {
    var active = document.activeElement;
    var busy = active && active !== document.body && !view.contains(active) &&
      active.closest && active.closest('.extras, .conn');
    if (heading && !busy) heading.focus();
    if (name === 'scene') announce('New scene');
    else if (name === 'notes') announce('A new story is starting');
    else if (name === 'ended') announce('The story has ended. Thank you.');
  }

  function heading(tag, text, isUI) {
    var h = el(tag, 'view-heading', text);
    h.setAttribute('tabindex', '-1');
    if (isUI) F.ui(h);
    return h;
  }

  function uiPara(text, className) {
    return F.ui(el('p', className || null, text));
  }

  function tryAgainButton() {
    var b = F.ui(el('button', 'secondary', 'Try again'));
    b.type = 'button';
    b.addEventListener('click', function () { conn.retryNow(); });
    return b;
  }

  function buildConnecting() {
    view.appendChild(heading('h1', 'Connecting…', true));
    view.appendChild(uiPara('Joining the show. This usually takes a few seconds.'));
  }

  function buildUnreachable() {
    view.appendChild(heading('h1', 'We can’t reach the show right now', true));
    view.appendChild(uiPara('Check that your phone is on the event wifi or has mobile data. ' +
      'We will keep trying.'));
    view.appendChild(tryAgainButton());
  }

  function buildWaiting(st) {
    var title = (m.welcome && m.welcome.event && m.welcome.event.title) || 'Welcome';
    view.appendChild(heading('h1', title));
    if (st.session && st.session.title) {
      view.appendChild(uiPara('Now: ' + st.session.title, 'kicker'));
    }
    view.appendChild(uiPara('The show will start soon.', 'lead'));
    view.appendChild(uiPara('Keep this page open. The story will appear here, and you can vote ' +
      'when the host asks.'));
  }

  function buildNotes(story) {
    var list = el('ul', 'notes');
    var button = F.ui(el('button', 'primary', 'Continue'));
    view.appendChild(uiPara('Before the story starts', 'kicker'));
    view.appendChild(heading('h1', story.title));
    view.appendChild(uiPara('This story includes:'));
    story.content_notes.forEach(function (note) { list.appendChild(el('li', null, note)); });
    view.appendChild(list);
    view.appendChild(uiPara('It is fine to take a break, look away or step out at any time. ' +
      'The story will be here when you come back.', 'reassure'));
    view.appendChild(uiPara('If you would like to talk to someone, the event team is here to help.'));
    button.type = 'button';
    button.addEventListener('click', function () {
      m.notesSeen = runKey(story);
      F.storageSet(NOTES_KEY, m.notesSeen);
      render();
      var h = view.querySelector('.view-heading');
      if (h) h.focus();
    });
    view.appendChild(button);
  }

  function buildEnded(story) {
    view.appendChild(heading('h1', 'Thank you', true));
    if (story) {
      view.appendChild(uiPara('“' + story.title + '” has reached its end.', 'lead'));
      view.appendChild(uiPara('Thank you for taking part. The host will tell you what happens next.'));
    } else {
      view.appendChild(uiPara('Thank you for taking part.', 'lead'));
      view.appendChild(uiPara('Keep this page open if you are staying. The next story will ' +
        'appear here when it starts.'));
    }
    view.appendChild(uiPara('If today has brought things up for you, it is fine to take a break. ' +
      'The event team is here to help.'));
  }

  function buildScene(st) {
    var scene = st.scene;
    var article = el('article', 'scene');
    var text = el('div', 'scene-text');
    var img;
    article.appendChild(el('p', 'kicker', st.story.title));
    article.appendChild(heading('h1', scene.title || st.story.title));
    if (typeof scene.image === 'string' && scene.image) {
      img = el('img', 'scene-image');
      img.setAttribute('src', '/scenarios-media/' + scene.image.split('/').map(encodeURIComponent).join('/'));
      img.setAttribute('alt', scene.image_alt || '');
      img.setAttribute('decoding', 'async');
      article.appendChild(img);
    }
    F.paragraphs(text, scene.text);
    article.appendChild(text);
    view.appendChild(article);
    view.appendChild(el('div', 'decision-slot'));
  }

  var STATUS_TEXT = {
    pending: 'The vote opens soon.',
    open: 'Voting is open. Tap your choice. You can change it until voting closes.',
    closed: 'Voting has closed.',
    revealed: 'Here is how the room voted.'
  };

  function renderDecision(d, tally) {
    var slot = view.querySelector('.decision-slot');
    var key;
    if (!slot) return;
    key = d ? JSON.stringify([d.id, d.status, d.question, d.options]) : '';
    if (key !== m.decisionKey) {
      F.clear(slot);
      if (d) buildDecision(slot, d);
      if (m.decisionKey !== null && d && d.status !== m.decisionStatus) {
        if (d.status === 'open') announce('Voting is open: ' + d.question);
        else if (d.status === 'closed') announce('Voting has closed.');
        else if (d.status === 'revealed') announce('The results are in.');
      }
      m.decisionKey = key;
      m.decisionStatus = d ? d.status : null;
    }
    if (d) updateDecision(slot, d, tally);
  }

  function buildDecision(slot, d) {
    var section = el('section', 'decision');
    var q = el('h2', 'question', d.question);
    var options = Array.isArray(d.options) ? d.options : [];
    var box;
    q.id = 'question';
    section.setAttribute('aria-labelledby', 'question');
    section.appendChild(q);
    section.appendChild(uiPara(STATUS_TEXT[d.status] || '', 'status-line status-' + d.status));
    if (d.status === 'open') {
      box = el('div', 'options');
      box.setAttribute('role', 'group');
      box.setAttribute('aria-labelledby', 'question');
      options.forEach(function (o) {
        var b = el('button', 'option');
        b.type = 'button';
        b.setAttribute('data-option', o.id);
        b.setAttribute('aria-pressed', 'false');
        b.appendChild(el('span', 'option-label', o.label));
        b.appendChild(F.ui(el('span', 'option-state')));
        b.addEventListener('click', function () { vote(o.id); });
        box.appendChild(b);
      });
      section.appendChild(box);
    } else if (d.status !== 'revealed') {
      box = el('ul', 'option-list');
      options.forEach(function (o) {
        var li = el('li', null, o.label);
        li.setAttribute('data-option', o.id);
        box.appendChild(li);
      });
      section.appendChild(box);
    } else {
      section.appendChild(el('div', 'results-slot'));
    }
    section.appendChild(F.ui(el('div', 'vote-status')));
    section.appendChild(F.ui(el('p', 'vote-error')));
    slot.appendChild(section);
  }

  function updateDecision(slot, d, tally) {
    var mine = d.my_vote || null;
    var pending = m.pending && m.pending.decision === d.id ? m.pending : null;
    var status = slot.querySelector('.vote-status');
    var error = slot.querySelector('.vote-error');
    var resultsSlot = slot.querySelector('.results-slot');
    var recorded, note;

    Array.prototype.forEach.call(slot.querySelectorAll('button.option'), function (b) {
      var id = b.getAttribute('data-option');
      var state = b.querySelector('.option-state');
      var isMine = id === mine;
      var isSending = pending && pending.option === id;
      b.setAttribute('aria-pressed', isMine ? 'true' : 'false');
      b.classList.toggle('sending', !!isSending);
      F.clear(state);
      if (isSending) {
        state.textContent = pending.sent ? 'Sending…' : 'Waiting to send…';
      } else if (isMine) {
        state.appendChild(F.icon('✓'));
        state.appendChild(document.createTextNode('Your vote'));
      }
    });
    Array.prototype.forEach.call(slot.querySelectorAll('.option-list li'), function (li) {
      var isMine = li.getAttribute('data-option') === mine;
      li.classList.toggle('mine', isMine);
      var badge = li.querySelector('.badge');
      if (isMine && !badge) {
        badge = F.ui(el('span', 'badge'));
        badge.appendChild(F.icon('✓'));
        badge.appendChild(document.createTextNode('Your vote'));
        li.appendChild(badge);
      } else if (!isMine && badge) {
        li.removeChild(badge);
      }
    });

    F.clear(status);
    status.className = 'vote-status';
    if (pending) {
      status.classList.add('is-sending');
      status.appendChild(el('p', null, pending.sent ? 'Sending your vote…'
        : 'Waiting for the connection. Your vote will be sent when you are back online.'));
    } else if (mine && d.status !== 'revealed') {
      status.classList.add('is-recorded');
      recorded = el('p', 'recorded');
      recorded.appendChild(F.icon('✓'));
      recorded.appendChild(document.createTextNode('Vote recorded'));
      status.appendChild(recorded);
      note = el('p', null, 'You chose: ');
      note.appendChild(el('span', 'chosen', optionLabel(mine)));
      status.appendChild(note);
      if (d.status === 'open') status.appendChild(el('p', 'small', 'You can change it until voting closes.'));
    } else if (d.status === 'closed' && !mine) {
      status.appendChild(el('p', 'small', 'You did not vote this time. That is fine.'));
    }

    error.textContent = m.voteError && m.voteError.decision === d.id ? m.voteError.text : '';

    if (resultsSlot) {
      F.clear(resultsSlot);
      if (tally && (tally.decision === undefined || tally.decision === d.id)) {
        resultsSlot.appendChild(F.results(d.options || [], tally, mine));
        resultsSlot.appendChild(uiPara('Total: ' + F.votes(tally.total || 0), 'small'));
      } else {
        resultsSlot.appendChild(uiPara('The results will appear here in a moment.'));
      }
    }
  }

  /* ---- connection banner ---- */

  function renderConn() {
    var msg;
    F.clear(connBox);
    connBox.className = 'conn';
    if (!m.state || m.conn === 'open' || m.conn === 'connecting') return;
    if (m.conn === 'reconnecting') {
      connBox.classList.add('show');
      connBox.appendChild(el('p', null, 'Reconnecting… You don’t need to do anything.'));
    } else if (m.conn === 'unreachable') {
      connBox.classList.add('show', 'bad');
      msg = el('p', null, 'We can’t reach the show. Check your wifi or mobile data. We will keep trying.');
      connBox.appendChild(msg);
      connBox.appendChild(tryAgainButton());
    }
  }

  function announce(text) {
    announcer.textContent = '';
    window.setTimeout(function () { announcer.textContent = text; }, 60);
  }

  render();
  conn.start();
}());
