/* Forum studio: review (send for review, organisers' comments and decisions), the history
 * of revisions, downloads, the preview as the phone shows a scene, and the story map as a list. */
(function () {
'use strict';

var S = window.Studio, U = window.ForumUI, el = U.el, build = S.build, t = U.t;

var steps = {
  contributor: { draft: [['submit', 'sendForReview']], changes_requested: [['submit', 'sendAgain']],
    submitted: [['reopen', 'takeBack']] },
  organiser: { draft: [['submit', 'sendForReview']], changes_requested: [['submit', 'sendAgain']],
    submitted: [['approve', 'approve'], ['request_changes', 'askChanges'], ['reopen', 'backToDraft']],
    approved: [['publish', 'publish'], ['request_changes', 'askChanges'], ['reopen', 'backToDraft']],
    published: [['withdraw', 'withdraw']], withdrawn: [['reopen', 'reopen']] }
};

S.review = function (E) {
  var box = document.getElementById('review');
  if (!box) return;
  U.clear(box);
  var note = S.field({ id: 'review-note', label: t('stepNote'), multi: true });
  var actions = (steps[S.me.role][E.status] || []).map(function (step) {
    return S.button(t(step[1]), function () {
      S.send({ type: 'review', story: E.id, action: step[0], note: note[2].value });
    }, step[0] === 'publish' || step[0] === 'submit' || step[0] === 'approve' ? 'primary' : null);
  });
  var sceneChoice = el('select');
  sceneChoice.id = 'comment-scene';
  sceneChoice.appendChild(el('option', null, t('wholeStory'))).value = '';
  E.doc.scenes.forEach(function (s) { sceneChoice.appendChild(el('option', null, s.title || s.id)).value = s.id; });
  var sceneLabel = el('label', null, t('about'));
  sceneLabel.htmlFor = 'comment-scene';
  var comment = S.field({ id: 'comment-text', label: t('comment'), multi: true });
  build(box, [el('h2', null, t('review')), actions.length ? build(el('div'), note) : null, build(el('div', 'actions'), actions),
    el('h2', null, t('comments')), S.commentList(E), sceneLabel, sceneChoice, build(el('div'), comment),
    S.button(t('addComment'), function () {
      if (!comment[2].value.trim()) return;
      S.send({ type: 'comment', story: E.id, scene: sceneChoice.value || null, text: comment[2].value });
      comment[2].value = '';
    }),
    el('h2', null, t('soFar')), historyList(E),
    el('h2', null, t('download')),
    S.button(t('downloadTwee'), function () { S.send({ type: 'download', story: E.id, format: 'twee' }); }),
    S.button(t('downloadYaml'), function () { S.send({ type: 'download', story: E.id, format: 'yaml' }); }),
    el('section')]);
  box.lastChild.id = 'revisions';
};

function historyList(E) {
  var list = el('ul');
  if (!E.history.length) return el('p', 'hint', t('notSent'));
  E.history.forEach(function (h) {
    list.appendChild(el('li', null, new Date(h.at).toLocaleString() + ': ' + (S.statusWords[h.to] || h.to) +
      (h.by ? ' (' + h.by + ')' : '') + (h.note ? ': “' + h.note + '”' : '')));
  });
  return list;
}

S.on.revisions = function (msg) {
  var E = S.editor(), box = document.getElementById('revisions');
  if (!E || !box) return;
  U.clear(box);
  var list = el('ol');
  msg.revisions.slice().reverse().forEach(function (r) {
    list.appendChild(build(el('li'), [el('span', null, t('versionN', r.revision) + ', ' + new Date(r.at).toLocaleString() +
      (r.author ? ', ' + t('byN', r.author) : '') + ' '), r.revision === E.base ? el('span', 'status-tag', t('nowTag')) :
      S.button(t('bringBack', r.revision), function () {
        S.send({ type: 'restore', story: E.id, revision: r.revision, base: E.base });
      })]));
  });
  build(box, [el('h2', null, t('historyOfChanges')), el('p', 'hint', t('historyHint')), list]);
  box.querySelector('h2').tabIndex = -1;
  box.querySelector('h2').focus();
};

S.on.file = function (msg) {
  var link = el('a', null, t('saveFile', msg.file));
  link.href = URL.createObjectURL(new Blob([msg.text], { type: 'text/plain' }));
  link.download = msg.file;
  document.body.appendChild(link);
  link.click();
  link.remove();
};

/* The scene as the phone page shows it: the phone's own style sheet, in a phone-sized frame. */
S.preview = function (doc, scene) {
  var dialog = el('dialog');
  var frame = el('iframe', 'preview');
  frame.title = t('previewFrame');
  frame.srcdoc = '<!doctype html><html lang="' + (/^[a-zA-Z-]+$/.test(doc.language || '') ? doc.language : 'en') +
    '"><head><meta charset="utf-8"><link rel="stylesheet" href="/phone/style.css"></head><body><main id="view"></main></body></html>';
  frame.addEventListener('load', function () {
    var d = frame.contentDocument, main = d.getElementById('view');
    var article = build(el('article', 'scene'), [el('p', 'kicker', doc.title), el('h1', 'view-heading', scene.title || doc.title)]);
    if (scene.image && S.pictureData && S.pictureData[scene.image]) {
      var img = el('img', 'scene-image');
      img.src = S.pictureData[scene.image];
      img.alt = scene.imageAlt || '';
      article.appendChild(img);
    }
    U.paragraphs(article, scene.text);
    main.appendChild(d.adoptNode(article));
    if (scene.decision) {
      var section = build(el('section', 'decision'), [el('h2', 'question', scene.decision.question)]);
      var options = el('div', 'options');
      scene.decision.options.forEach(function (o, i) {
        var b = build(el('button', 'option'), [U.letter(i), el('span', 'option-label', o.label)]);
        b.type = 'button';
        options.appendChild(b);
      });
      section.appendChild(options);
      main.appendChild(d.adoptNode(section));
    }
  });
  var close = S.button(t('closePreview'), function () { dialog.close(); dialog.remove(); });
  build(dialog, [el('h2', null, t('previewOf', scene.title || scene.id)), el('p', 'hint', t('previewHint')), frame, build(el('div'), [close])]);
  dialog.setAttribute('aria-label', t('preview'));
  document.body.appendChild(dialog);
  dialog.showModal();
  close.focus();
};

/* The story map: the picture (Graphviz's layout from the server) and a list that does the
 * same job for keyboard and screen-reader users. Every scene, where it leads, the checker's marks. */
S.storyMap = function (E) {
  var box = document.getElementById('revisions');
  U.clear(box);
  S.send({ type: 'map', story: E.id });
  var marks = {};
  E.checks.forEach(function (c) { if (c.scene) (marks[c.scene] = marks[c.scene] || []).push(c.message); });
  var list = el('ul', 'map-list');
  E.doc.scenes.forEach(function (s) {
    var to = s.decision ? s.decision.options.map(function (o) { return (o.label || '…') + ' → ' + name(E, o.next); })
      : s.next ? ['→ ' + name(E, s.next)] : [t('endingHere')];
    var item = build(el('li'), [el('strong', null, s.title || s.id), build(el('ul'), to.map(function (t) { return el('li', null, t); }))]);
    var said = S.commentsOn(E, s.id).length;
    if (said) item.appendChild(el('p', 'small', t('commentsOnThis', S.commentWords(said))));
    (marks[s.id] || []).forEach(function (m) { item.appendChild(el('p', 'check warning', m)); });
    list.appendChild(item);
  });
  var picture = el('div', 'map-picture');
  picture.id = 'map-picture';
  picture.tabIndex = 0;
  picture.setAttribute('aria-label', t('mapPicture'));
  picture.setAttribute('role', 'region');
  list.id = 'map-list';
  build(box, [el('h2', null, t('storyMap')), picture, el('h3', null, t('mapList')),
    el('p', 'hint', t('mapListHint')), list]);
  box.querySelector('h2').tabIndex = -1;
  box.querySelector('h2').focus();
};

function name(E, id) {
  if (!id) return t('nowhere');
  var s = E.doc.scenes.filter(function (x) { return x.id === id; })[0];
  return s ? s.title || s.id : t('missing', id);
}
}());

(function () {
'use strict';
var S = window.Studio, el = window.ForumUI.el, t = window.ForumUI.t, NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, text) {
  var node = document.createElementNS(NS, tag);
  Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
  if (text != null) node.textContent = text;
  return node;
}

/* Graphviz gives each link as B-spline control points: a start, then groups of three. */
function curve(points) {
  var d = 'M' + points[0].join(' ');
  for (var i = 1; i + 2 < points.length; i += 3) d += ' C' + [points[i], points[i + 1], points[i + 2]].map(function (p) { return p.join(' '); }).join(' ');
  return d;
}

S.on.map = function (msg) {
  var E = S.editor(), box = document.getElementById('map-picture');
  if (!E || !box || msg.story_id !== E.id || !msg.map) return;
  var m = msg.map, pad = 8, unreachable = {};
  E.checks.forEach(function (c) { if (c.field === 'scene' && c.severity === 'warning') unreachable[c.scene] = true; });
  var picture = svg('svg', { viewBox: [-pad, -pad, m.width + 2 * pad, m.height + 2 * pad].join(' '), role: 'img',
    width: Math.round(m.width + 2 * pad), 'aria-labelledby': 'map-title', 'aria-describedby': 'map-list', class: 'map' });
  picture.appendChild(svg('title', { id: 'map-title' }, t('mapTitle', E.doc.scenes.length)));
  var defs = svg('defs');
  var marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto' });
  marker.appendChild(svg('path', { d: 'M0 0L10 5L0 10z', class: 'map-arrow' }));
  defs.appendChild(marker);
  picture.appendChild(defs);
  m.edges.forEach(function (e) {
    picture.appendChild(svg('path', { d: curve(e.points), class: 'map-edge', 'marker-end': 'url(#arrow)' }));
    if (e.option != null) {
      var mid = e.points[Math.floor(e.points.length / 2)];
      picture.appendChild(svg('text', { x: mid[0] + 6, y: mid[1], class: 'map-letter' }, String(e.option + 1)));
    }
  });
  m.nodes.forEach(function (n) {
    var scene = E.doc.scenes.filter(function (s) { return s.id === n.id; })[0];
    var kind = n.missing ? 'missing' : unreachable[n.id] ? 'unreached' : scene && !scene.next && !scene.decision ? 'ending' : '';
    var name = n.missing ? t('missing', n.id) : (scene.title || scene.id);
    picture.appendChild(svg('rect', { x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height, rx: 6,
      class: 'map-node ' + kind }));
    picture.appendChild(svg('text', { x: n.x, y: n.y + 5, 'text-anchor': 'middle', class: 'map-name' },
      name.length > 20 ? name.slice(0, 19) + '…' : name));
    var said = n.missing ? 0 : S.commentsOn(E, n.id).length;
    if (said) {
      var cx = n.x + n.width / 2 - 4, cy = n.y - n.height / 2 + 4;
      picture.appendChild(svg('circle', { cx: cx, cy: cy, r: 11, class: 'map-count' }));
      picture.appendChild(svg('text', { x: cx, y: cy + 5, 'text-anchor': 'middle', class: 'map-count-text' }, String(said)));
    }
  });
  window.ForumUI.clear(box);
  box.appendChild(picture);
  box.appendChild(el('p', 'hint', t('mapKey') +
    t('mapCountKey')));
};
}());
