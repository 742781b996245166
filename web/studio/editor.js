/* Forum studio: the editor. Every change is kept on this device at once and saved to the
 * server half a second later; the server says "saved" only after it committed. Offline
 * changes wait in localStorage and go out when the connection returns. */
(function () {
'use strict';

var S = window.Studio, U = window.ForumUI, el = U.el, build = S.build, t = U.t;
var E = null, count = 0;
S.editor = function () { return E; };

function pendingKey(id) { return 'studio.pending.' + id; }
function snapshot() { return JSON.stringify(E.doc); }

S.on.story = function (msg) {
  var story = msg.story;
  if (E && E.id === story.id && msg.ref === 'reopen' && (E.dirty || E.inflight)) {
    E.status = story.status;
    return flush();
  }
  var kept = null;
  try { kept = JSON.parse(S.load(pendingKey(story.id)) || 'null'); } catch (e) { kept = null; }
  E = { id: story.id, base: story.revision, doc: story.content, status: story.status, checks: msg.checks || [],
    comments: msg.comments || [], history: msg.history || [], undo: (E && E.id === story.id) ? E.undo : [],
    dirty: false, inflight: null, ref: null, timer: null };
  if (kept && kept.content) {
    E.doc = kept.content;
    E.base = kept.base;
    E.dirty = true;
  }
  S.screen = 'editor';
  S.onReconnect = function () { S.send({ type: 'open', story: E.id, ref: 'reopen' }); };
  S.onOnline = function () {
    // A save sent just before the connection dropped may never be answered: send it again.
    if (E.inflight) {
      E.inflight = null;
      E.dirty = true;
    }
    if (E.dirty) flush();
  };
  render();
  if (E.dirty) flush(); else S.status('saved', t('allSaved'));
};

/* After every change: keep it here, then save it soon. */
function changed(before, structural) {
  E.undo.push(before);
  if (E.undo.length > 200) E.undo.shift();
  E.dirty = true;
  keep();
  if (structural) render();
  clearTimeout(E.timer);
  E.timer = setTimeout(flush, 500);
}

function keep() {
  S.store(pendingKey(E.id), JSON.stringify({ base: E.base, content: E.doc }));
  S.status(S.conn && S.conn.joined ? 'saving' : 'offline',
    S.conn && S.conn.joined ? t('saving') : t('offlineKept'));
}

function flush() {
  if (!E || !E.dirty || E.inflight) return;
  E.ref = 's' + (++count);
  if (!S.send({ type: 'save', story: E.id, base: E.base, content: E.doc, ref: E.ref })) {
    S.status('offline', t('offlineKept'));
    return;
  }
  E.inflight = snapshot();
  E.dirty = false;
  S.busy = true;
  S.status('saving', t('saving'));
}

S.on.saved = function (msg) {
  if (!E || msg.ref !== E.ref) return;
  E.base = msg.revision;
  E.checks = msg.checks;
  var same = E.inflight === snapshot();
  E.inflight = null;
  S.busy = false;
  if (same && !E.dirty) {
    S.store(pendingKey(E.id), null);
    S.status('saved', t('allSaved'));
  } else {
    E.dirty = true;
    keep();
    flush();
  }
  showChecks();
};

S.onError = function (msg) {
  if (!E || S.screen !== 'editor' || msg.ref !== E.ref || !E.ref) return false;
  E.inflight = null;
  S.busy = false;
  E.dirty = true;
  keep();
  if (msg.code === 'conflict' && JSON.stringify(msg.current.content) === snapshot()) {
    // Our own save went through just before the connection dropped: nothing to choose.
    E.base = msg.current.revision;
    E.dirty = false;
    S.store(pendingKey(E.id), null);
    S.status('saved', t('allSaved'));
  } else if (msg.code === 'conflict') {
    conflict(msg.current);
    S.status('offline', t('notSavedChoose'));
  }
  else S.status('offline', t('notSaved', msg.message));
  return true;
};

S.on.changed = function (msg) {
  if (!E || msg.story_id !== E.id || E.dirty || E.inflight) return;
  S.announce((msg.by || t('someone')) + ' changed this story.');
  S.send({ type: 'open', story: E.id });
};

/* Someone else saved first: the writer chooses, nothing is overwritten silently. */
function conflict(current) {
  var box = document.getElementById('conflict');
  U.clear(box);
  box.hidden = false;
  build(box, [el('h2', null, t('someoneChanged')),
    el('p', null, (current.updatedBy || t('someone')) + ' saved a change while you were editing. Your version is still here. Choose which to keep:'),
    S.button(t('keepTheirs'), function () {
      E.undo.push(snapshot());
      E.doc = current.content;
      E.base = current.revision;
      E.dirty = false;
      S.store(pendingKey(E.id), null);
      S.status('saved', t('allSaved'));
      render();
    }),
    S.button(t('saveMine'), function () {
      E.base = current.revision;
      box.hidden = true;
      keep();
      flush();
    }, 'primary')]);
  box.focus();
}

function undo() {
  if (!E.undo.length) return;
  E.doc = JSON.parse(E.undo.pop());
  E.dirty = true;
  keep();
  render();
  S.announce(t('undone'));
  flush();
}

/* A scene id from a name: lowercase letters, digits and '-', unique in the story. */
function newID(name) {
  var base = String(name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'scene';
  var id = base, n = 2;
  while (E.doc.scenes.some(function (s) { return s.id === id; })) id = base + '-' + n++;
  return id;
}

function sceneName(id) {
  var scene = E.doc.scenes.filter(function (s) { return s.id === id; })[0];
  return scene ? scene.title || scene.id : id || '';
}

/* Typing the name of a scene that does not exist yet creates it (as in Twine). */
function destination(name) {
  var wanted = name.trim().toLowerCase();
  if (!wanted) return null;
  var found = E.doc.scenes.filter(function (s) {
    return (s.title || '').toLowerCase() === wanted || s.id === wanted;
  })[0];
  if (found) return found.id;
  var id = newID(name);
  E.doc.scenes.push({ id: id, title: name.trim().slice(0, 300), text: '' });
  S.announce(t('newSceneAdded', name.trim()));
  return id;
}

function editable() { return E.status === 'draft' || E.status === 'changes_requested'; }

function render() {
  var doc = E.doc, active = document.activeElement && document.activeElement.id;
  S.redraw = render;
  doc.start = doc.scenes.length ? doc.scenes[0].id : doc.start;
  var names = el('datalist');
  names.id = 'scene-names';
  doc.scenes.forEach(function (s) { names.appendChild(build(el('option'), [])).value = s.title || s.id; });
  var title = S.field({ id: 'f-title', label: t('storyTitle'), value: doc.title, onInput: set(function (v) { doc.title = v; }) });
  var notes = S.field({ id: 'f-notes', label: t('contentNotes'), multi: true, value: (doc.contentNotes || []).join('\n'),
    hint: t('contentNotesHint'),
    onInput: set(function (v) { doc.contentNotes = v.split('\n').map(function (l) { return l.trim(); }).filter(Boolean); }) });
  var conflictBox = el('section', 'reminder');
  conflictBox.id = 'conflict';
  conflictBox.hidden = true;
  conflictBox.tabIndex = -1;
  var error = el('p', 'check error');
  error.id = 'editor-error';
  error.setAttribute('role', 'alert');
  var scenes = doc.scenes.map(sceneBlock);
  var body = build(el('fieldset'), [el('legend', null, t('theStory')), build(el('div'), title), slot('c-title'),
    build(el('div'), notes), slot('c-story')].concat(scenes, [
    S.button(t('addScene'), function () {
      var before = snapshot();
      doc.scenes.push({ id: newID('scene ' + (doc.scenes.length + 1)), title: t('sceneN', doc.scenes.length + 1), text: '' });
      changed(before, true);
      document.getElementById('s' + (doc.scenes.length - 1) + '-title').focus();
    })]));
  body.disabled = !editable();
  S.show([el('h1', null, doc.title || t('untitled')),
    build(el('p'), [el('span', 'status-tag', S.statusWords[E.status] || E.status)]),
    el('p', 'reminder', t('reminderShort')),
    build(el('div', 'actions'), [S.button(t('backToStories'), S.list), S.button(t('undo'), undo),
      S.button(t('history'), function () { S.send({ type: 'revisions', story: E.id }); }),
      S.button(t('storyMap'), function () { S.storyMap(E); })]),
    editable() ? null : el('p', 'hint', t('locked', (S.statusWords[E.status] || E.status).toLowerCase())),
    conflictBox, error, el('p', 'small', ''), names, body, el('section')], doc.title);
  view.lastChild.id = 'review';
  view.querySelector('.small').id = 'check-summary';
  showChecks();
  if (S.review) S.review(E);
  if (active && document.getElementById(active)) document.getElementById(active).focus();
}

/* Wraps a setter so every input is a change, saved soon; the page is not redrawn. */
function set(apply, structural) {
  return function (value) {
    var before = snapshot();
    apply(value);
    changed(before, structural);
  };
}

function slot(id) {
  var box = el('div', 'check-slot');
  box.id = id;
  return box;
}

function sceneBlock(scene, i) {
  var p = 's' + i, block = build(el('fieldset', 'scene'), [el('legend', null, t('sceneN', i + 1) + (i === 0 ? t('theStart') : ''))]);
  var name = S.field({ id: p + '-title', label: t('sceneName'), value: scene.title || '', onInput: set(function (v) { scene.title = v; }) });
  var text = S.field({ id: p + '-text', label: t('whatHappens'), multi: true, value: scene.text,
    hint: t('whatHappensHint'), onInput: set(function (v) { scene.text = v; }) });
  var image = S.field({ id: p + '-image', label: t('pictureFile'), value: scene.image || '',
    onInput: set(function (v) { scene.image = v.trim() || null; }) });
  var alt = S.field({ id: p + '-image_alt', label: t('describePicture'), value: scene.imageAlt || '',
    hint: t('describeHint'), onInput: set(function (v) { scene.imageAlt = v.trim() || null; }) });
  var host = S.field({ id: p + '-notes', label: t('hostNotesField'), multi: true, value: scene.hostNotes || '',
    onInput: set(function (v) { scene.hostNotes = v.trim() ? v : null; }) });
  var picture = build(el('details'), [el('summary', null, t('picture')), S.pictureBlock ? S.pictureBlock(E, scene, i) : null,
    build(el('div'), image), build(el('div'), alt), slot('c-' + p + '-image_alt')]);
  picture.open = !!scene.image;
  var hostBox = build(el('details'), [el('summary', null, t('hostNotes')), build(el('div'), host)]);
  hostBox.open = !!scene.hostNotes;
  build(block, [build(el('div'), name), slot('c-' + p + '-title'), build(el('div'), text), slot('c-' + p + '-text'),
    picture, hostBox, nextBlock(scene, p), slot('c-' + p + '-scene'),
    S.button(t('previewScene', i + 1), function () { S.preview(E.doc, scene); }),
    S.sceneComments ? S.sceneComments(E, scene, i) : null,
    i === 0 ? null : S.button(t('deleteScene', i + 1), function () {
      var before = snapshot();
      E.doc.scenes.splice(i, 1);
      changed(before, true);
      S.announce(t('sceneDeleted'));
    })]);
  return block;
}

function nextBlock(scene, p) {
  var mode = scene.decision ? 'decide' : scene.next ? 'next' : 'end';
  var box = build(el('fieldset', 'choices'), [el('legend', null, t('whatNext'))]);
  [['end', t('endsHere')], ['next', t('goesOn')], ['decide', t('audienceDecides')]].forEach(function (c) {
    var radio = el('input');
    radio.type = 'radio';
    radio.name = p + '-mode';
    radio.id = p + '-mode-' + c[0];
    radio.checked = mode === c[0];
    radio.addEventListener('change', set(function () {
      scene.next = null;
      scene.decision = null;
      if (c[0] === 'decide') {
        scene.decision = { question: '', options: [{ id: 'a', label: '', next: null }, { id: 'b', label: '', next: null }] };
      }
      if (c[0] === 'next') scene.next = destination(t('sceneN', E.doc.scenes.length + 1));
    }, true));
    var label = build(el('label'), [radio, c[1]]);
    label.htmlFor = radio.id;
    box.appendChild(label);
  });
  if (mode === 'next') build(box, leadsTo(p + '-next', t('goesOnTo'), scene.next, function (id) { scene.next = id; }).concat([slot('c-' + p + '-next')]));
  if (mode === 'decide') {
    var d = scene.decision;
    build(box, S.field({ id: p + '-question', label: t('question'), value: d.question,
      onInput: set(function (v) { d.question = v; }) }).concat([slot('c-' + p + '-question'), slot('c-' + p + '-options')]));
    d.options.forEach(function (option, j) {
      var q = p + '-o' + j, mark = String(j + 1);
      box.appendChild(build(el('fieldset', 'option'), [el('legend', null, t('optionN', mark))].concat(
        S.field({ id: q + '-label', label: t('optionLabel', mark), value: option.label,
          onInput: set(function (v) { option.label = v; }) }), [slot('c-' + q + '-label')],
        leadsTo(q + '-next', t('optionLeads', mark), option.next, function (id) { option.next = id; }),
        [slot('c-' + q + '-next'), S.button(t('removeOption', mark), set(function () { d.options.splice(j, 1); }, true))])));
    });
    var add = S.button(t('addOption'), set(function () {
      var used = d.options.map(function (o) { return o.id; }), id = 'abcdefgh'.split('').filter(function (c) { return used.indexOf(c) < 0; })[0];
      d.options.push({ id: id, label: '', next: null });
    }, true));
    add.disabled = d.options.length >= 8;
    box.appendChild(add);
  }
  return box;
}

/* "Leads to": a scene's name; a new name makes a new scene. */
function leadsTo(id, label, current, apply) {
  var parts = S.field({ id: id, label: label, value: current ? sceneName(current) : '',
    hint: t('sceneNameHint') });
  parts[2].setAttribute('list', 'scene-names');
  parts[2].addEventListener('change', set(function () { apply(destination(parts[2].value)); }, true));
  return parts;
}

/* Each check goes beside its field, in plain words, and the field points to it. */
function showChecks() {
  Array.prototype.forEach.call(document.querySelectorAll('.check-slot'), U.clear);
  Array.prototype.forEach.call(document.querySelectorAll('[aria-invalid]'), function (n) { n.removeAttribute('aria-invalid'); });
  var errors = 0, warnings = 0;
  E.checks.forEach(function (c) {
    var i = E.doc.scenes.map(function (s) { return s.id; }).indexOf(c.scene), id;
    if (c.scene == null || i < 0) id = c.field === 'title' ? 'c-title' : 'c-story';
    else if (c.option != null && document.getElementById('c-s' + i + '-o' + c.option + '-' + c.field)) id = 'c-s' + i + '-o' + c.option + '-' + c.field;
    else id = document.getElementById('c-s' + i + '-' + c.field) ? 'c-s' + i + '-' + c.field : 'c-s' + i + '-scene';
    var box = document.getElementById(id), line = el('p', 'check ' + c.severity,
      (c.severity === 'error' ? t('toFix') : t('worthALook')) + c.message);
    line.title = c.detail;
    if (c.severity === 'error') errors++; else warnings++;
    if (!box) return;
    box.appendChild(line);
    var field = box.previousElementSibling;
    if (field && /INPUT|TEXTAREA/.test(field.tagName) || (field && (field = field.querySelector('input,textarea')))) {
      field.setAttribute('aria-describedby', ((field.getAttribute('aria-describedby') || '').replace(/\s*c-\S+/g, '') + ' ' + id).trim());
      if (c.severity === 'error') field.setAttribute('aria-invalid', 'true');
    }
  });
  var summary = document.getElementById('check-summary');
  if (summary) summary.textContent = errors || warnings ? (errors ? t('nToFix', errors) : '') + (errors && warnings ? ', ' : '') +
    (warnings ? t('nWorth', warnings) : '') + t('seeMarks') : t('noProblems');
}
S.showChecks = function () { if (E) showChecks(); };

/* A change made elsewhere on the page (a picture added): kept, saved soon, redrawn. */
S.change = function (apply) {
  var before = snapshot();
  apply(E.doc);
  changed(before, true);
};
}());
