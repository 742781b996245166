/* Forum: helpers shared by the phone and projector pages: nodes, words, results.
 * Community text is data, never markup: nodes are built with textContent only. */
(function () {
  'use strict';

  var RTL = /^(ar|he|fa|ur|ps|sd|ug|yi|dv|ckb)(-|$)|-(arab|hebr|thaa|syrc|nkoo|adlm|rohg)(-|$)/i;
  var base = {};
  var L = { code: 'en', dir: 'ltr', words: {} };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  /* A blank line starts a paragraph; single line breaks are the author's wrapping. */
  function paragraphs(container, text) {
    String(text || '').replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/).forEach(function (part) {
      var p = part.replace(/\s+/g, ' ').trim();
      if (p) container.appendChild(el('p', null, p));
    });
  }

  function dirOf(tag) {
    return RTL.test(tag) ? 'rtl' : 'ltr';
  }

  function goodTag(tag) {
    return typeof tag === 'string' && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(tag);
  }

  /* <html lang dir> from the story's BCP 47 tag; with no story, the page's own language. */
  function setLanguage(tag) {
    var lang = goodTag(tag) ? tag : L.code;
    var root = document.documentElement;
    if (root.getAttribute('lang') !== lang) root.setAttribute('lang', lang);
    root.setAttribute('dir', dirOf(lang));
  }

  /* The page's own words: t('key') or t('key', n) filling {n}. */
  function t(key, n) {
    var s = L.words[key] || base[key] || key;
    return n === undefined ? s : s.replace('{n}', n);
  }

  /* Marks a node holding the page's own words with their language, so a screen reader reads
   * them right whatever language the story is in. */
  function ui(node) {
    node.setAttribute('lang', L.code);
    node.setAttribute('dir', L.dir);
    return node;
  }

  /* Puts every static word of the page in the current language: data-t is the text,
   * data-tl the aria-label, data-ui a container of the page's own words. English not in the
   * table stays as index.html has it. */
  function translate() {
    each('[data-t]', function (n, k) {
      if (n.en === undefined) n.en = n.textContent;
      n.textContent = L.words[k] || base[k] || n.en;
    });
    each('[data-tl]', function (n, k) {
      if (n.enl === undefined) n.enl = n.getAttribute('aria-label');
      n.setAttribute('aria-label', L.words[k] || base[k] || n.enl);
    });
    each('[data-ui]', ui);
  }

  function each(selector, fn) {
    var attr = selector.slice(1, -1);
    Array.prototype.forEach.call(document.querySelectorAll(selector), function (n) {
      fn(n, n.getAttribute(attr));
    });
  }

  /* Switches the page's words: English is built in; others come from i18n/CODE.json. */
  function useLanguage(code, done) {
    function set(words) {
      L = { code: code, dir: dirOf(code), words: words };
      translate();
      done();
    }
    if (code === 'en') return set({});
    window.fetch('i18n/' + code + '.json').then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(set, function () { done(); });
  }

  function percent(count, total) {
    return total > 0 ? Math.round(count * 100 / total) : 0;
  }

  function votes(n) {
    return n === 1 ? t('vote1') : t('votes', n);
  }

  function icon(symbol) {
    var span = el('span', 'icon', symbol);
    span.setAttribute('aria-hidden', 'true');
    return span;
  }

  function badge(text, className) {
    var b = ui(el('span', className || 'badge'));
    b.appendChild(icon('✓'));
    b.appendChild(document.createTextNode(text));
    return b;
  }

  /* A round's result: per option its label, a bar (decoration) and the figures as text. */
  function results(options, tally, mine) {
    var list = el('ul', 'results');
    var counts = (tally && tally.counts) || {};
    var total = (tally && tally.total) || 0;
    options.forEach(function (option, i) {
      var n = typeof counts[option.id] === 'number' ? counts[option.id] : 0;
      var pct = percent(n, total);
      var item = el('li', 'result');
      var head = el('p', 'result-head');
      var bar = el('div', 'bar');
      var fill = el('div', 'fill');
      item.setAttribute('data-option', option.id);
      head.appendChild(letter(i));
      head.appendChild(el('span', 'result-label', option.label));
      if (mine && option.id === mine) {
        item.className += ' mine';
        head.appendChild(badge(t('yourVote')));
      }
      bar.setAttribute('aria-hidden', 'true');
      fill.style.width = pct + '%';
      bar.appendChild(fill);
      item.appendChild(head);
      item.appendChild(bar);
      item.appendChild(ui(el('p', 'figures', votes(n) + ', ' + pct + '%')));
      list.appendChild(item);
    });
    return list;
  }

  /* Options are lettered A, B, C… on the phone and the projector alike, so the room can
   * talk about "option B". The letter is decoration: screen readers read the label. */
  function letter(i) {
    var span = el('span', 'letter', String.fromCharCode(65 + i));
    span.setAttribute('aria-hidden', 'true');
    return span;
  }

  var refCount = 0;
  function ref(prefix) {
    refCount += 1;
    return prefix + refCount + '-' + Math.random().toString(36).slice(2, 7);
  }

  function get(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  function set(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: fine */ }
  }

  window.ForumUI = {
    el: el, clear: clear, paragraphs: paragraphs, setLanguage: setLanguage, dirOf: dirOf,
    t: t, ui: ui, words: function (w) { base = w; }, useLanguage: useLanguage,
    lang: function () { return L.code; }, translate: translate,
    icon: icon, badge: badge, letter: letter, percent: percent, votes: votes, results: results,
    ref: ref, get: get, set: set
  };
}());
