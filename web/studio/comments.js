/* Forum studio: comments beside their scenes. Each scene in the editor shows the comments on it
 * (and a way to write one); the review's list groups them by scene in story order; the story
 * map counts them. Comment text is data: textContent only. */
(function () {
'use strict';

var S = window.Studio, U = window.ForumUI, el = U.el, build = S.build, t = U.t;

/* The comments on one scene (null: on the whole story), oldest first. */
S.commentsOn = function (E, sceneID) {
  return E.comments.filter(function (c) { return (c.scene || null) === sceneID; });
};

S.commentWords = function (n) { return n === 1 ? t('oneComment') : t('nComments', n); };

function item(c) {
  return build(el('div', 'comment'), [
    el('p', 'small', (c.author || t('someone')) + (c.role === 'organiser' ? t('organiserTag') : '') +
      (c.at ? ', ' + new Date(c.at).toLocaleString() : '')),
    el('p', null, c.text)]);
}

/* Goes to the review's comment box with this scene chosen. */
function writeAbout(sceneID) {
  var choice = document.getElementById('comment-scene'), text = document.getElementById('comment-text');
  if (choice) choice.value = sceneID;
  if (text) {
    text.scrollIntoView({ block: 'center' });
    text.focus();
  }
}

/* The block at the foot of scene i in the editor. A link, not a button: the scene's fieldset
 * is disabled while the story is under review, and comments are made then most of all. */
S.sceneComments = function (E, scene, i) {
  var list = S.commentsOn(E, scene.id), box = el('section', 'scene-comments');
  box.id = 's' + i + '-comments';
  box.setAttribute('aria-label', t('commentsOnScene', i + 1));
  if (list.length) box.appendChild(el('p', 'label', t('commentsHere', list.length)));
  list.forEach(function (c) { box.appendChild(item(c)); });
  var write = el('a', 'button', t('commentOnScene', i + 1));
  write.href = '#comment-text';
  write.addEventListener('click', function (event) {
    event.preventDefault();
    writeAbout(scene.id);
  });
  box.appendChild(write);
  return box;
};

/* The review's list: the whole story first, then each scene in story order, then comments on
 * scenes deleted since. */
S.commentList = function (E) {
  var box = el('div'), ids = E.doc.scenes.map(function (s) { return s.id; });
  box.id = 'comments';
  if (!E.comments.length) box.appendChild(el('p', 'hint', t('noComments')));
  function group(name, list) {
    if (!list.length) return;
    box.appendChild(el('h3', null, name + ' (' + S.commentWords(list.length) + ')'));
    list.forEach(function (c) { box.appendChild(item(c)); });
  }
  group(t('wholeStory'), S.commentsOn(E, null));
  E.doc.scenes.forEach(function (s, i) { group(t('sceneN', i + 1) + ': ' + (s.title || s.id), S.commentsOn(E, s.id)); });
  group(t('scenesGone'), E.comments.filter(function (c) { return c.scene && ids.indexOf(c.scene) < 0; }));
  return box;
};

S.on.comments = function (msg) {
  var E = S.editor();
  if (!E || msg.story_id !== E.id) return;
  E.comments = msg.comments;
  var old = document.getElementById('comments');
  if (old) old.parentNode.replaceChild(S.commentList(E), old);
  E.doc.scenes.forEach(function (scene, i) {
    var block = document.getElementById('s' + i + '-comments');
    if (block) block.parentNode.replaceChild(S.sceneComments(E, scene, i), block);
  });
  S.announce(t('commentAdded'));
};
}());
