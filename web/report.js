/* Forum: the host's live report. Asks for the host key (kept in the page's input only: never
 * stored, never in the address), connects to /ws as the host for each report (so the server's
 * wrong-key lockout applies), sends the `report` command and shows the page it gets back in a
 * sandboxed frame (no scripts, no forms, no popups). Download saves that page; Refresh asks
 * again. */
(function () {
'use strict';

var shown = null, busy = false;

function $(id) { return document.getElementById(id); }

function say(text, bad) {
  var status = $('status');
  status.textContent = text;
  status.className = bad ? 'status bad' : 'status';
}

function edition() {
  return $('organisers').checked ? 'organisers' : 'community';
}

function ask() {
  var key = $('key').value, wanted = edition(), ref = 'report-' + Date.now(), done = false, ws, timer;
  if (busy) return;
  if (!key) {
    say('Type the host key first.', true);
    $('key').focus();
    return;
  }
  function finish(text, bad) {
    if (done) return;
    done = true;
    busy = false;
    clearTimeout(timer);
    ws.onmessage = ws.onclose = null;
    try { ws.close(); } catch (e) { /* already closed */ }
    if (text) say(text, bad);
  }
  try {
    ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
  } catch (e) {
    say('The show cannot be reached.', true);
    return;
  }
  busy = true;
  say('Building the report…');
  timer = setTimeout(function () { finish('No answer from the show: try again.', true); }, 60000);
  ws.onopen = function () {
    ws.send(JSON.stringify({ type: 'hello', role: 'host', key: key }));
  };
  ws.onmessage = function (event) {
    var msg;
    try { msg = JSON.parse(event.data); } catch (e) { return; }
    if (!msg) return;
    if (msg.type === 'welcome') {
      ws.send(JSON.stringify({ type: 'command', command: 'report', ref: ref, args: { edition: wanted } }));
    } else if (msg.type === 'report' && msg.ref === ref) {
      show(msg);
      finish('Report built at ' + new Date(msg.built_at).toLocaleTimeString() + ' (' + msg.edition + ' edition).');
    } else if (msg.type === 'error') {
      if (msg.code === 'unauthorized') {
        $('key').value = '';
        finish('That host key is wrong.', true);
        $('key').focus();
      } else {
        finish(String(msg.message || 'The report could not be made.'), true);
      }
    }
  };
  ws.onclose = function () { finish('The connection to the show closed: try again.', true); };
}

/* The server's content security policy (style-src 'self', inherited by the frame) stops the
 * report's own <style> element: its rules are given to the frame as a constructed style sheet
 * instead. The frame is same-origin for that, and runs no script (no allow-scripts). */
function style(frame) {
  var doc = frame.contentDocument, win = frame.contentWindow, css = '';
  if (!doc || !win || !win.CSSStyleSheet || !('adoptedStyleSheets' in doc)) return;
  Array.prototype.forEach.call(doc.querySelectorAll('style'), function (node) { css += node.textContent + '\n'; });
  try {
    var sheet = new win.CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [sheet];
  } catch (e) { /* unstyled, still readable */ }
}

function show(msg) {
  var frame = $('frame');
  shown = { html: String(msg.html), edition: msg.edition === 'organisers' ? 'organisers' : 'community' };
  frame.title = 'The report, ' + shown.edition + ' edition';
  frame.onload = function () { style(frame); };
  frame.srcdoc = shown.html;
  $('result').hidden = false;
}

function download() {
  if (!shown) return;
  var url = URL.createObjectURL(new Blob([shown.html], { type: 'text/html;charset=utf-8' }));
  var link = document.createElement('a');
  link.href = url;
  link.download = 'forum-report-' + shown.edition + '.html';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
}

function forget() {
  $('key').value = '';
  shown = null;
  $('frame').removeAttribute('srcdoc');
  $('result').hidden = true;
  say('The key is forgotten.');
  $('key').focus();
}

$('ask').addEventListener('submit', function (event) {
  event.preventDefault();
  ask();
});
$('refresh').addEventListener('click', ask);
$('download').addEventListener('click', download);
$('forget').addEventListener('click', forget);
}());
