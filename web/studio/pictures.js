/* Forum studio: pictures from the writer's device. A picture (PNG, JPEG or WebP, up to 2 MB) is
 * described before it is saved; it goes to the server in one message, which checks its bytes,
 * keeps it and answers with its path; the path and description then go into the scene and are
 * saved as any change is. Pictures are shown here (and in the preview) as data: addresses. */
(function () {
'use strict';

var S = window.Studio, U = window.ForumUI, el = U.el, build = S.build, t = U.t;
var MAX = 2 * 1024 * 1024, count = 0, waiting = {}, asked = {};
S.pictureData = {};

function tooLarge(bytes) {
  return t('pictureTooLarge', Math.ceil(bytes / 1048576 * 10) / 10);
}

/* The picture part of scene i: the picture as it is, and a way to add one from this device. */
S.pictureBlock = function (E, scene, i) {
  var p = 's' + i, box = el('div', 'picture-upload'), current = el('div');
  current.id = p + '-picture';
  showCurrent(E, scene, current);
  var input = el('input');
  input.type = 'file';
  input.id = p + '-upload';
  input.accept = 'image/png,image/jpeg,image/webp';
  var label = el('label', null, scene.image ? t('changePicture') : t('addPicture'));
  label.htmlFor = input.id;
  var hint = el('p', 'hint', t('pictureHint'));
  hint.id = p + '-upload-hint';
  input.setAttribute('aria-describedby', hint.id);
  var prompt = el('div', 'picture-prompt');
  prompt.id = p + '-upload-prompt';
  input.addEventListener('change', function () { choose(E, scene, i, input, prompt); });
  return build(box, [current, label, hint, input, prompt]);
};

function showCurrent(E, scene, box) {
  U.clear(box);
  if (!scene.image) return;
  var data = S.pictureData[scene.image];
  if (data) {
    var img = el('img', 'picture-thumb');
    img.src = data;
    img.alt = scene.imageAlt || '';
    box.appendChild(img);
  } else if (!asked[scene.image] && /^images\//.test(scene.image)) {
    asked[scene.image] = true;
    S.send({ type: 'picture_get', story: E.id, image: scene.image, ref: 'picture-get' });
  }
}

/* A file was chosen: checked for size here (its bytes are checked by the server), shown, and
 * the description asked for; nothing is saved until it is given. */
function choose(E, scene, i, input, prompt) {
  var file = input.files && input.files[0], problem = el('p', 'check error');
  U.clear(prompt);
  if (!file) return;
  problem.id = 's' + i + '-upload-problem';
  problem.setAttribute('role', 'alert');
  if (file.size > MAX) {
    problem.textContent = tooLarge(file.size);
    prompt.appendChild(problem);
    input.value = '';
    return;
  }
  var reader = new FileReader();
  reader.onload = function () {
    var url = String(reader.result), img = el('img', 'picture-thumb');
    img.src = url;
    img.alt = t('chosenPicture');
    var alt = S.field({ id: 's' + i + '-new-alt', label: t('describeNew'), multi: true,
      hint: t('describeNewHint') });
    alt[2].required = true;
    alt[2].setAttribute('aria-describedby', alt[1].id + ' ' + problem.id);
    var save = S.button(t('savePicture'), function () {
      var words = alt[2].value.trim(), ref = 'picture-' + (++count);
      if (!words) {
        problem.textContent = t('describeFirst');
        alt[2].setAttribute('aria-invalid', 'true');
        alt[2].focus();
        return;
      }
      problem.textContent = '';
      waiting[ref] = { scene: scene.id, url: url, problem: problem };
      if (!S.send({ type: 'picture', story: E.id, scene: scene.id, file: file.name, alt: words, ref: ref,
        data: url.slice(url.indexOf(',') + 1) })) {
        delete waiting[ref];
        problem.textContent = t('pictureOffline');
        return;
      }
      S.status('saving', t('savingPicture'));
    }, 'primary');
    var cancel = S.button(t('cancel'), function () {
      U.clear(prompt);
      input.value = '';
      input.focus();
    });
    build(prompt, [img].concat(alt, [problem, build(el('div'), [save, cancel])]));
    alt[2].focus();
  };
  reader.readAsDataURL(file);
}

S.on.picture = function (msg) {
  var E = S.editor(), w = waiting[msg.ref];
  if (!E || msg.story_id !== E.id || !msg.image) return;
  if (msg.data) {
    S.pictureData[msg.image] = 'data:image/' + msg.kind + ';base64,' + msg.data;
    E.doc.scenes.forEach(function (s, i) {
      var box = document.getElementById('s' + i + '-picture');
      if (s.image === msg.image && box) showCurrent(E, s, box);
    });
    return;
  }
  if (!w) return;
  delete waiting[msg.ref];
  S.pictureData[msg.image] = w.url;
  S.change(function (doc) {
    var scene = doc.scenes.filter(function (s) { return s.id === w.scene; })[0];
    if (scene) {
      scene.image = msg.image;
      scene.imageAlt = msg.alt;
    }
  });
  S.announce(t('pictureSaved'));
};

var earlier = S.onError;
S.onError = function (msg) {
  var w = msg.ref && waiting[msg.ref], E = S.editor();
  if (w) {
    delete waiting[msg.ref];
    w.problem.textContent = msg.message;
    if (E && !E.dirty && !E.inflight) S.status('saved', t('allSaved'));
    return true;
  }
  if (msg.ref === 'picture-get') return true;
  return earlier ? earlier(msg) : false;
};
}());
