/* Forum: small helpers shared by the audience and screen pages.
 * Community text is data, never markup: everything here builds nodes with textContent.
 */
(function () {
  'use strict';

  var RTL_LANGUAGES = ['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb'];
  var RTL_SCRIPTS = ['arab', 'hebr', 'thaa', 'syrc', 'nkoo', 'adlm', 'rohg'];

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  /* Plain text to paragraphs: a blank line starts a new paragraph; single line breaks are
   * just the author's wrapping, so they become spaces. */
  function paragraphs(container, text) {
    String(text || '').replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/).forEach(function (part) {
      var p = part.replace(/\s+/g, ' ').trim();
      if (p) container.appendChild(el('p', null, p));
    });
  }

  function isRTL(tag) {
    var parts = tag.toLowerCase().split('-');
    if (RTL_LANGUAGES.indexOf(parts[0]) >= 0) return true;
    return parts.slice(1).some(function (p) { return RTL_SCRIPTS.indexOf(p) >= 0; });
  }

  /* Sets <html lang dir> from a story's BCP 47 tag; anything odd falls back to English. */
  function setLanguage(tag) {
    var lang = typeof tag === 'string' && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : 'en';
    var root = document.documentElement;
    if (root.getAttribute('lang') !== lang) root.setAttribute('lang', lang);
    root.setAttribute('dir', isRTL(lang) ? 'rtl' : 'ltr');
  }

  /* Marks an element that holds the page's own (English) words, so a screen reader reading a
   * story in another language still reads these in English. */
  function ui(node) {
    node.setAttribute('lang', 'en');
    node.setAttribute('dir', 'ltr');
    return node;
  }

  function percent(count, total) {
    return total > 0 ? Math.round(count * 100 / total) : 0;
  }

  function votes(n) {
    return n === 1 ? '1 vote' : n + ' votes';
  }

  /* The result of a round: one list item per option with its label, a bar (decoration) and
   * the count and percentage as text. `mine` marks the device's own choice, if any. */
  function results(options, tally, mine) {
    var list = el('ul', 'results');
    var counts = (tally && tally.counts) || {};
    var total = tally && typeof tally.total === 'number' ? tally.total : 0;
    options.forEach(function (option) {
      var n = typeof counts[option.id] === 'number' ? counts[option.id] : 0;
      var pct = percent(n, total);
      var item = el('li', 'result');
      var head = el('div', 'result-head');
      var bar = el('div', 'bar');
      var fill = el('div', 'fill');
      var mark;
      head.appendChild(el('span', 'result-label', option.label));
      if (mine && option.id === mine) {
        item.className += ' mine';
        mark = ui(el('span', 'badge'));
        mark.appendChild(icon('✓'));
        mark.appendChild(document.createTextNode('Your vote'));
        head.appendChild(mark);
      }
      bar.setAttribute('aria-hidden', 'true');
      fill.style.width = pct + '%';
      bar.appendChild(fill);
      item.appendChild(head);
      item.appendChild(bar);
      item.appendChild(ui(el('p', 'result-figures', votes(n) + ', ' + pct + '%')));
      list.appendChild(item);
    });
    return list;
  }

  /* A symbol next to text; hidden from screen readers, which read the text. */
  function icon(symbol) {
    var span = el('span', 'icon', symbol);
    span.setAttribute('aria-hidden', 'true');
    return span;
  }

  var refCount = 0;
  function ref(prefix) {
    refCount += 1;
    return prefix + refCount + '-' + Math.random().toString(36).slice(2, 7);
  }

  function storageGet(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  function storageSet(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: fine */ }
  }

  window.ForumUI = {
    el: el,
    clear: clear,
    paragraphs: paragraphs,
    setLanguage: setLanguage,
    ui: ui,
    icon: icon,
    percent: percent,
    votes: votes,
    results: results,
    ref: ref,
    storageGet: storageGet,
    storageSet: storageSet
  };
}());
