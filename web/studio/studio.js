/* Forum studio: signing in, the story list, invites. Community text is data, never markup:
 * every node is built with textContent (ForumUI.el). Protocol: docs/studio.md. */
(function () {
'use strict';

var U = window.ForumUI, el = U.el, clear = U.clear, t = U.t;
var view = document.getElementById('view');
var statusLine = document.getElementById('save-status');
var query = new URLSearchParams(location.search);
var S = window.Studio = { me: null, on: {}, screen: null };

function store(key, value) {
  try {
    if (value == null) localStorage.removeItem(key); else localStorage.setItem(key, value);
  } catch (e) { /* private browsing: kept in memory only */ }
}
S.store = store;
S.load = function (key) { return U.get(key); };

/* Children may be nodes, strings (text) or null. */
function build(node, children) {
  children.forEach(function (c) {
    if (c != null) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  });
  return node;
}
S.build = build;

S.button = function (text, onClick, className) {
  var b = el('button', className || null, text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
};

/* A labelled field: {id, label, value, hint, multi, type}. Returns [label, hint, input]. */
S.field = function (o) {
  var input = el(o.multi ? 'textarea' : 'input');
  var label = el('label', null, o.label), hint = o.hint ? el('p', 'hint', o.hint) : null;
  if (!o.multi) input.type = o.type || 'text';
  input.id = o.id;
  input.dir = 'auto';
  input.value = o.value == null ? '' : o.value;
  label.htmlFor = o.id;
  if (hint) {
    hint.id = o.id + '-hint';
    input.setAttribute('aria-describedby', hint.id);
  }
  if (o.onInput) input.addEventListener('input', function () { o.onInput(input.value); });
  if (o.onChange) input.addEventListener('change', function () { o.onChange(input.value); });
  return [label, hint, input];
};

S.show = function (children, title) {
  clear(view);
  build(view, children);
  document.title = (title ? title + ' – ' : '') + t('forumStudio');
  view.focus();
};

S.announce = function (text) {
  var box = document.getElementById('announce');
  box.textContent = '';
  setTimeout(function () { box.textContent = text; }, 50);
};

/* "Saved" / "Saving…" / "Offline: kept on this device". */
S.status = function (kind, text) {
  statusLine.className = 'save-status ' + kind;
  statusLine.textContent = text;
};

S.send = function (msg) { return !!(S.conn && S.conn.send(msg)); };

function hello() {
  var msg = { type: 'hello', name: S.load('studio.name') || '' };
  var key = sessionKey();
  if (key) msg.key = key; else msg.invite = S.load('studio.invite');
  return msg;
}

function sessionKey() {
  try { return sessionStorage.getItem('studio.key'); } catch (e) { return S.key || null; }
}

function connect() {
  if (S.conn) return;
  S.conn = new window.ForumConnection({
    hello: hello,
    onStatus: function (status) {
      if (status !== 'open') S.status('offline', t('offlineKept'));
      else if (S.onOnline) S.onOnline();
    },
    onMessage: function (msg) {
      var handler = S.on[msg.type];
      if (handler) handler(msg);
    }
  });
  S.conn.start();
}

S.on.welcome = function (msg) {
  var first = !S.me;
  S.me = msg;
  if (!S.screen || S.screen === 'signin') S.list();
  else if (S.onReconnect && !first) S.onReconnect();
  if (!S.busy) S.status('saved', t('connected'));
};

S.on.error = function (msg) {
  if (S.onError && S.onError(msg)) return;
  if (msg.code === 'bad_invite' || msg.code === 'bad_key' || msg.code === 'sign_in_first') {
    if (S.conn) S.conn.close();
    S.conn = null;
    S.me = null;
    try { sessionStorage.removeItem('studio.key'); } catch (e) { /* none kept */ }
    signIn(msg.message);
    return;
  }
  S.announce(msg.message);
  var box = document.getElementById('list-error') || document.getElementById('editor-error');
  if (box) box.textContent = msg.message;
};

/* The first screen: an invite link's welcome, or the organisers' sign-in. */
function signIn(problem) {
  S.screen = 'signin';
  S.redraw = function () { signIn(problem); };
  S.status('', '');
  var invite = query.get('invite');
  if (invite) store('studio.invite', invite);
  var error = el('p', 'check error', problem || '');
  error.setAttribute('role', 'alert');
  if (!problem) error.hidden = true;
  if (invite || (S.load('studio.invite') && !problem)) {
    var name = S.field({ id: 'name', label: t('yourName'), value: S.load('studio.name') || '',
      hint: t('yourNameHint') });
    S.show([el('h1', null, t('writeTogether')),
      el('p', null, t('invited')),
      el('p', 'reminder', t('reminder')),
      error, build(el('div'), name),
      S.button(t('startWriting'), function () {
        store('studio.name', name[2].value.trim().slice(0, 40));
        connect();
      }, 'primary')], t('welcome'));
    return;
  }
  var key = S.field({ id: 'key', label: t('organiserKey'), type: 'password',
    hint: t('organiserKeyHint') });
  S.show([el('h1', null, t('organisersSignIn')), error, build(el('div'), key),
    S.button(t('signIn'), function () {
      S.key = key[2].value;
      try { sessionStorage.setItem('studio.key', key[2].value); } catch (e) { /* kept in memory */ }
      store('studio.invite', null);
      connect();
    }, 'primary')], t('signIn'));
}

/* The group's stories, a new story, an upload; organisers also get the invites. */
S.list = function () {
  S.screen = 'list';
  S.onOnline = S.onReconnect = null;
  S.send({ type: 'list' });
  if (S.me && S.me.role === 'organiser') S.send({ type: 'invites' });
};

var statusKeys = { draft: 'stDraft', submitted: 'stSubmitted', changes_requested: 'stChanges',
  approved: 'stApproved', published: 'stPublished', withdrawn: 'stWithdrawn' };
var statusWords = {};
Object.keys(statusKeys).forEach(function (k) {
  Object.defineProperty(statusWords, k, { get: function () { return t(statusKeys[k]); } });
});
S.statusWords = statusWords;

S.on.stories = function (msg) {
  if (S.screen !== 'list') return;
  S.redraw = function () { S.on.stories(msg); };
  var list = el('ul', 'stories');
  msg.stories.forEach(function (s) {
    var open = S.button(s.title || t('untitled'), function () { S.send({ type: 'open', story: s.id }); });
    list.appendChild(build(el('li'), [open, el('span', 'status-tag', statusWords[s.status] || s.status),
      el('p', 'small', (s.scenes === 1 ? t('oneScene') : t('nScenes', s.scenes)) +
        (s.updatedBy ? t('lastChangedBy', s.updatedBy) : ''))]));
  });
  var title = S.field({ id: 'new-title', label: t('newTitle'), hint: t('changeLater') });
  var templates = build(el('fieldset', 'choices'), [el('legend', null, t('startFrom'))]);
  [['blank', t('blankPage')], ['decision', t('example')]].forEach(function (t, i) {
    var radio = el('input');
    radio.type = 'radio';
    radio.name = 'template';
    radio.value = t[0];
    radio.id = 'template-' + t[0];
    radio.checked = i === 0;
    var label = build(el('label'), [radio, t[1]]);
    label.htmlFor = radio.id;
    templates.appendChild(label);
  });
  var upload = el('input');
  upload.type = 'file';
  upload.id = 'upload';
  upload.accept = '.twee,.tw,.txt,.html,.htm';
  var uploadLabel = el('label', null, t('bringTwine'));
  uploadLabel.htmlFor = 'upload';
  var error = el('p', 'check error');
  error.id = 'list-error';
  error.setAttribute('role', 'alert');
  var group = S.me.group ? t('storiesOf', S.me.group) : t('allStories');
  S.show([el('h1', null, group), msg.stories.length ? list : el('p', null, t('noStories')),
    el('h2', null, t('startNew')), build(el('div'), title), templates,
    S.button(t('create'), function () {
      var chosen = view.querySelector('input[name=template]:checked');
      S.send({ type: 'create', title: title[2].value, template: chosen ? chosen.value : 'blank' });
    }, 'primary'),
    el('h2', null, t('bringStory')), uploadLabel, upload,
    S.button(t('bringIt'), function () {
      var file = upload.files && upload.files[0];
      if (!file) { error.textContent = t('chooseFile'); return; }
      if (file.size > 3 * 1024 * 1024) { error.textContent = t('fileTooLarge'); return; }
      file.text().then(function (text) { S.send({ type: 'import', file: file.name, data: text }); });
    }), error, el('section', null)], t('stories'));
  view.lastChild.id = 'invites';
  if (S.invites) S.on.invites(S.invites);
};

/* A broken import: what and where (file:line). */
S.on.import_notes = function (msg) { S.importNotes = msg.problems; };

S.on.invites = function (msg) {
  S.invites = msg;
  var box = document.getElementById('invites');
  if (!box || S.me.role !== 'organiser') return;
  clear(box);
  var label = S.field({ id: 'invite-label', label: t('groupName'), hint: t('groupNameHint') });
  var days = S.field({ id: 'invite-days', label: t('openFor'), type: 'number', value: '14' });
  var list = el('ul', 'stories');
  msg.invites.forEach(function (invite) {
    var link = location.origin + '/?invite=' + invite.token;
    var closed = invite.revokedAt ? t('linkClosed') : new Date(invite.expiresAt) < new Date() ? t('linkExpired') :
      t('openUntil', new Date(invite.expiresAt).toLocaleDateString());
    list.appendChild(build(el('li'), [el('p', null, invite.label + ' (' + closed + ')'),
      invite.revokedAt ? null : el('p', 'link-box', link),
      invite.revokedAt ? null : S.button(t('closeLink', invite.label), function () {
        S.send({ type: 'invite_revoke', token: invite.token });
      })]));
  });
  build(box, [el('h2', null, t('inviteLinks')), el('p', 'hint', t('inviteHint')),
    build(el('div'), label), build(el('div'), days),
    S.button(t('makeInvite'), function () {
      S.send({ type: 'invite_create', label: label[2].value, days: parseInt(days[2].value, 10) || 14 });
    }, 'primary'), list]);
};

/* The page's own words: English, Welsh or Arabic (right to left), from the switch at the top,
 * else the browser's languages; remembered on this device. Story text is never translated. */
var LANGUAGES = /^(en|cy|ar)$/;

function pickLanguage() {
  var kept = S.load('studio.lang');
  if (kept && LANGUAGES.test(kept)) return kept;
  var wanted = (navigator.languages || [navigator.language || 'en']).map(function (l) { return String(l).slice(0, 2).toLowerCase(); });
  return wanted.filter(function (l) { return LANGUAGES.test(l); })[0] || 'en';
}

function useLanguage(code, fromSwitch) {
  U.useLanguage(code, function () {
    var root = document.documentElement, select = document.getElementById('studio-lang');
    root.lang = code;
    root.dir = code === 'ar' ? 'rtl' : 'ltr';
    if (select) select.value = code;
    if (S.redraw) S.redraw();
    if (fromSwitch && select) select.focus();
  });
}

document.addEventListener('DOMContentLoaded', function () {
  var select = document.getElementById('studio-lang');
  select.value = pickLanguage();
  select.addEventListener('change', function () {
    store('studio.lang', select.value);
    useLanguage(select.value, true);
  });
  useLanguage(select.value, false);
  if (query.get('invite') || !S.load('studio.invite')) {
    if (!query.get('invite') && sessionKey()) connect(); else signIn();
  } else {
    signIn();
    connect();
  }
});
}());
