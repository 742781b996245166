/* Forum: the moderation page. Joins as "moderator" (the moderator key, or the host key) and
 * shows the audience's proposals live: approve, reject, or merge one into another with the
 * same idea. Proposals are community text: textContent only, never markup. */
(function () {
'use strict';

var F = window.ForumUI, el = F.el;
function $(id) { return document.getElementById(id); }
var view = $('view'), form = $('keyform'), said = $('said'), connBox = $('conn');
var m = { key: null, state: null, drawn: null, error: '' };
var LABELS = { pending: 'Waiting', approved: 'Approved', rejected: 'Rejected', merged: 'Merged' };

var conn = new window.ForumConnection({
  hello: function () { return { type: 'hello', role: 'moderator', key: m.key }; },
  onMessage: function (msg) {
    if (msg.type === 'state') { m.state = msg; render(); }
    if (msg.type === 'ack') say('Done: ' + msg.command + '.');
    if (msg.type === 'error' && /^(unauthorized|too_many_attempts)$/.test(msg.code)) {
      /* A wrong key: back to the form, never trying it again. */
      sessionStorage.setItem('forum.moderror', msg.message);
      sessionStorage.removeItem('forum.modkey');
      location.reload();
    } else if (msg.type === 'error') { m.error = msg.message; render(); }
  },
  onStatus: function (status) {
    connBox.textContent = status === 'open' || status === 'connecting' ? '' : 'Reconnecting to the show…';
  }
});

function start(key) {
  m.key = key;
  sessionStorage.setItem('forum.modkey', key);
  form.hidden = true;
  conn.start();
}

form.addEventListener('submit', function (e) {
  e.preventDefault();
  start($('key').value);
});
$('keyerror').textContent = sessionStorage.getItem('forum.moderror') || '';
sessionStorage.removeItem('forum.moderror');
if (sessionStorage.getItem('forum.modkey')) start(sessionStorage.getItem('forum.modkey'));

function say(text) {
  said.textContent = '';
  setTimeout(function () { said.textContent = text; }, 60);
}

function command(name, args) {
  m.error = '';
  conn.send({ type: 'command', command: name, args: args, ref: F.ref('m') });
}

function button(text, id, className, onClick) {
  var b = el('button', className, text);
  b.type = 'button';
  b.appendChild(el('span', 'visually-hidden', ' ' + id));
  b.addEventListener('click', onClick);
  return b;
}

function render() {
  var st = m.state, room = st.room || { queue: [] }, queue = room.queue || [];
  var key = JSON.stringify([st.story, st.scene && st.scene.id, room, m.error]);
  if (key === m.drawn) return;
  m.drawn = key;
  while (view.lastChild !== form) view.removeChild(view.lastChild);
  var where = st.story ? st.story.title + (st.scene ? ' · ' + (st.scene.title || st.scene.id) : '') : 'No story is running.';
  var bits = [el('p', 'lead', where)];
  if (st.story) {
    bits.push(el('p', null, (room.stops || 0) + (room.stops === 1 ? ' person wants' : ' people want') +
      ' to step in (“Stop!”) in this scene.'));
    bits.push(el('p', 'status-line', room.proposals_open ? 'Proposals are open.' : 'Proposals are closed.'));
  }
  if (m.error) bits.push(el('p', 'vote-error', m.error));
  bits.forEach(function (b) { view.appendChild(b); });
  ['pending', 'approved', 'rejected', 'merged'].forEach(function (status) {
    var items = queue.filter(function (p) { return p.status === status; });
    if (!items.length && status !== 'pending') return;
    var section = el('section', 'queue');
    section.appendChild(el('h2', null, LABELS[status] + ' (' + items.length + ')'));
    if (!items.length) section.appendChild(el('p', 'small', 'Nothing waiting.'));
    var list = el('ul', 'queue-list');
    items.forEach(function (p) { list.appendChild(item(p, queue)); });
    section.appendChild(list);
    view.appendChild(section);
  });
}

function item(p, queue) {
  var li = el('li', 'proposal');
  var text = el('p', 'proposal-text', p.text);
  text.dir = 'auto';
  var facts = p.id + ' · ' + p.scene + (p.same_idea ? ' · ' + p.same_idea + ' more with the same idea' : '') +
    (p.merged_into ? ' · merged into ' + p.merged_into : '') + (p.option ? ' · in the vote as ' + p.option : '');
  li.appendChild(text);
  li.appendChild(el('p', 'small', facts));
  if (p.option || p.status === 'merged') return li;
  var actions = el('div', 'actions');
  if (p.status !== 'approved') {
    actions.appendChild(button('Approve', p.id, 'primary', function () { command('approve', { proposal: p.id }); }));
  }
  if (p.status !== 'rejected') {
    actions.appendChild(button('Reject', p.id, 'secondary', function () { command('reject', { proposal: p.id }); }));
  }
  var targets = queue.filter(function (o) { return o.id !== p.id && (o.status === 'pending' || o.status === 'approved'); });
  if (targets.length) {
    var select = el('select', 'tool');
    select.id = 'into-' + p.id;
    targets.forEach(function (o) { select.add(new Option(o.id + ': ' + o.text.slice(0, 40), o.id)); });
    var label = el('label', null, 'Same idea as');
    label.htmlFor = select.id;
    actions.appendChild(label);
    actions.appendChild(select);
    actions.appendChild(button('Merge', p.id, 'secondary', function () {
      command('merge', { proposal: p.id, into: select.value });
    }));
  }
  li.appendChild(actions);
  return li;
}
}());
