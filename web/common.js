/* Forum: helpers for the phone and projector pages: nodes, words, results. Community text is
 * data, never markup: nodes are built with textContent only. */
(function () {
'use strict';

var RTL = /^(ar|he|fa|ur|ps|sd|ug|yi|dv|ckb)(-|$)|-(arab|hebr|thaa|syrc|nkoo|adlm|rohg)(-|$)/i;
var base = {};
var L = { code: 'en', dir: 'ltr', words: {} };

function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/* A blank line starts a paragraph; single line breaks are the author's wrapping. */
function paragraphs(parent, text) {
  String(text || '').split(/\r?\n[ \t]*\r?\n/).forEach(function (part) {
    if (part.trim()) parent.appendChild(el('p', null, part.replace(/\s+/g, ' ').trim()));
  });
}

function dirOf(tag) {
  return RTL.test(tag) ? 'rtl' : 'ltr';
}

/* <html lang dir> from the story's BCP 47 tag; with no story, the page's own language. */
function setLanguage(tag) {
  var lang = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(tag || '') ? tag : L.code;
  var root = document.documentElement;
  if (root.lang !== lang) root.lang = lang;
  root.dir = dirOf(lang);
}

/* The page's own words: t('key') or t('key', n) filling {n}. */
function t(key, n) {
  return (L.words[key] || base[key] || key).replace('{n}', n);
}

/* Marks a node of the page's own words with their language, whatever the story's. */
function ui(node) {
  node.lang = L.code;
  node.dir = L.dir;
  return node;
}

function each(attr, fn) {
  Array.prototype.forEach.call(document.querySelectorAll('[' + attr + ']'), function (n) {
    fn(n, n.getAttribute(attr));
  });
}

/* English is built in, others come from i18n/CODE.json. In the HTML, data-t names a node's
 * words, data-tl its aria-label, data-ui marks a container of the page's own words. */
function useLanguage(code, done) {
  function set(words) {
    L = { code: code, dir: dirOf(code), words: words };
    each('data-t', function (n, k) {
      if (n.en == null) n.en = n.textContent;
      n.textContent = words[k] || base[k] || n.en;
    });
    each('data-tl', function (n, k) {
      if (n.en == null) n.en = n.getAttribute('aria-label');
      n.setAttribute('aria-label', words[k] || n.en);
    });
    each('data-ui', ui);
    done();
  }
  if (code === 'en') return set({});
  fetch('i18n/' + code + '.json').then(function (r) { return r.json(); }).then(set, done);
}

function percent(count, total) {
  return total > 0 ? Math.round(count * 100 / total) : 0;
}

function votes(n) {
  return n === 1 ? t('vote1') : t('votes', n || 0);
}

function hidden(node) {
  node.setAttribute('aria-hidden', 'true');
  return node;
}

function icon(symbol) {
  return hidden(el('span', 'icon', symbol));
}

function badge(text) {
  var b = ui(el('span', 'badge'));
  b.appendChild(icon('✓'));
  b.appendChild(document.createTextNode(text));
  return b;
}

/* Options are numbered 1, 2, 3… on phones, projector and console alike (the host says
 * "option 2"); the mark is decoration, screen readers skip it. */
function mark(i) { return String(i + 1); }
function letter(i) {
  return hidden(el('span', 'letter', mark(i)));
}

/* A round's result: per option its label, a bar (decoration) and the figures as text. */
function results(options, tally, mine) {
  var list = el('ul', 'results');
  options.forEach(function (option, i) {
    var n = tally.counts[option.id] || 0;
    var pct = percent(n, tally.total);
    var item = el('li', 'result o' + i + (option.id === mine ? ' mine' : ''));
    var head = el('p', 'result-head');
    var bar = hidden(el('div', 'bar'));
    var fill = bar.appendChild(el('div', 'fill'));
    head.appendChild(letter(i));
    head.appendChild(el('span', 'result-label', option.label));
    fill.style.width = pct + '%';
    item.appendChild(head);
    item.appendChild(bar);
    item.appendChild(ui(el('p', 'figures', votes(n) + ', ' + pct + '%')));
    if (option.id === mine) item.lastChild.appendChild(badge(t('yourVote')));
    list.appendChild(item);
  });
  return list;
}

var refs = 0;
function ref(prefix) {
  refs += 1;
  return prefix + refs + Math.random().toString(36).slice(2, 7);
}

function get(key) {
  try { return localStorage.getItem(key); } catch (e) { return null; }
}

function set(key, value) {
  try { localStorage.setItem(key, value); } catch (e) { /* private browsing: fine */ }
}

window.ForumUI = {
  el: el, clear: clear, paragraphs: paragraphs, setLanguage: setLanguage, t: t, ui: ui,
  words: function (w) { base = w; }, useLanguage: useLanguage, icon: icon, badge: badge,
  letter: letter, mark: mark, percent: percent, votes: votes, results: results, ref: ref, get: get, set: set
};
}());
