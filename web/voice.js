/* Forum: the phone's proposal form, fetched by app.js once the host opens proposals (or this
 * phone has proposals to hear about). A proposal is text: it is sent and shown as text only. */
(function () {
'use strict';

var F = window.ForumUI, el = F.el, t = F.t, ui = F.ui;

window.ForumVoice = function (box, room, voice, conn, build, para) {
  var form = box.querySelector('form');
  if (!form) {
    form = ui(el('form', 'propose'));
    var label = el('label', null, t('propose'));
    var area = el('textarea');
    var send = el('button', 'primary', t('send'));
    label.htmlFor = area.id = 'idea';
    area.maxLength = 280;
    area.setAttribute('aria-describedby', 'idea-note');
    send.type = 'submit';
    build(form, [build(el('h2'), [label]), area, para('noNames', 'small'), send]);
    form.querySelector('.small').id = 'idea-note';
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (area.value.trim()) conn.send({ type: 'propose', text: area.value, ref: F.ref('q') });
    });
    box.appendChild(form);
    box.appendChild(ui(el('section', 'mine')));
  }
  form.hidden = !room.proposals_open;
  var list = box.lastChild, mine = (voice && voice.proposals) || [];
  if (voice && /^q/.test(voice.ref)) {
    form.querySelector('textarea').value = '';
    voice.ref = null;
  }
  F.clear(list);
  if (!mine.length) return;
  var ul = el('ul');
  mine.forEach(function (p) {
    var s = p.option ? 'vote' : p.status;
    var li = build(el('li'), [el('span', null, p.text), document.createTextNode(' · '),
      ui(el('strong', null, t('v' + s[0].toUpperCase() + s.slice(1))))]);
    li.firstChild.dir = 'auto';
    ul.appendChild(li);
  });
  build(list, [ui(el('h2', null, t('mine'))), ul]);
};
}());
