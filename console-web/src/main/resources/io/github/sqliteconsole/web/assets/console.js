// SQLite Console: the only script besides htmx. No inline script anywhere (CSP script-src 'self').
(function () {
  'use strict';

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element && element.content ? element.content : null;
  }

  // Every htmx request carries this console session's CSRF token, the host application's own CSRF
  // token when the page has one (Spring Security checks it before the console sees the request),
  // and the page's link base, so that a fragment returned by another URL (a POST to api/...)
  // links correctly from this page.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = meta('csrf-token');
    if (token) {
      event.detail.headers['X-Console-CSRF-Token'] = token;
    }
    var hostHeader = meta('host-csrf-header');
    var hostToken = meta('host-csrf-token');
    if (hostHeader && hostToken) {
      event.detail.headers[hostHeader] = hostToken;
    }
    var base = document.querySelector('meta[name="console-base"]');
    if (base && base.content) {
      event.detail.headers['X-Console-Base'] = base.content;
    }
  });

  // The auto-refresh switch: while it is off, polls of [data-auto-refresh] elements are skipped.
  var STORAGE_KEY = 'sqlite-console.auto-refresh';
  function toggle() { return document.getElementById('auto-refresh'); }

  document.addEventListener('DOMContentLoaded', function () {
    var box = toggle();
    if (box) {
      box.checked = window.localStorage.getItem(STORAGE_KEY) !== 'off';
      box.addEventListener('change', function () {
        window.localStorage.setItem(STORAGE_KEY, box.checked ? 'on' : 'off');
      });
    }
  });

  document.addEventListener('htmx:beforeRequest', function (event) {
    var box = toggle();
    var source = event.detail.elt;
    var isPoll = source && source.hasAttribute('data-auto-refresh') && event.detail.requestConfig.verb === 'get';
    if (isPoll && box && !box.checked) {
      event.preventDefault();
    }
  });

  // A prepared backup is handed out once: after its link was followed, the card stops offering it.
  // Replaced a moment later, not in the click itself: a link removed from the page would not be followed.
  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[data-download-once]') : null;
    if (!link) { return; }
    window.setTimeout(function () {
      var note = document.createElement('span');
      note.className = 'muted downloaded';
      note.textContent = 'Downloaded. A prepared backup is handed out once; prepare a new one for another copy.';
      link.replaceWith(note);
    }, 0);
  });

  // The page's polite live region: what a screen reader should hear without moving the focus.
  function announce(text) {
    var region = document.getElementById('announcer');
    if (!region) { return; }
    region.textContent = '';
    // Set a moment after clearing, so that the same words twice are announced twice.
    window.setTimeout(function () { region.textContent = text; }, 50);
  }

  // A job card swapped in by the poll that saw its job end carries its outcome in data-announce.
  document.addEventListener('htmx:load', function (event) {
    var element = event.detail.elt;
    if (!element || !element.querySelector) { return; }
    var card = element.hasAttribute('data-announce') ? element : element.querySelector('[data-announce]');
    if (card) {
      announce(card.getAttribute('data-announce'));
      card.removeAttribute('data-announce');
    }
  });

  // The restore confirmation replaces the restore card in place: without help the focus would stay on the
  // Restore… link far above it, or fall to the body when the card is swapped again. So the focus moves to the
  // confirmation's heading (not its button: Enter must not restore by accident), and Cancel or Back returns
  // it to the Restore… link of the row that opened it.
  var restoreOpener = null;
  var returnToOpener = false;
  document.addEventListener('click', function (event) {
    if (!event.target.closest) { return; }
    var opener = event.target.closest('a.restore-link');
    if (opener) {
      var row = opener.closest('tr');
      restoreOpener = row ? row.id : null;
      returnToOpener = false;
    }
    if (event.target.closest('a.cancel-restore')) { returnToOpener = true; }
  });
  document.addEventListener('htmx:load', function (event) {
    var element = event.detail.elt;
    if (!element || element.id !== 'job-restore') { return; }
    if (element.classList.contains('restore-confirm')) {
      var heading = element.querySelector('#restore-heading');
      if (heading) { heading.focus(); }
      return;
    }
    var row = returnToOpener && restoreOpener ? document.getElementById(restoreOpener) : null;
    var link = row ? row.querySelector('a.restore-link') : null;
    returnToOpener = false;
    if (link) { link.focus(); }
  });

  // Copy buttons ([data-copy]) copy the code beside them. One listener on the document, so buttons that
  // htmx swaps in later work too. Without the Clipboard API (an http page on another host is no secure
  // context) the code is selected and copied the old way, and stays selected for Ctrl+C.
  function copied(button, text) {
    var label = button.textContent;
    button.textContent = text;
    announce(text);
    window.setTimeout(function () { button.textContent = label; }, 2000);
  }
  function copyBySelection(button, code) {
    var range = document.createRange();
    range.selectNodeContents(code);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    copied(button, ok ? 'Copied' : 'Selected: press Ctrl+C');
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('button[data-copy]') : null;
    if (!button) { return; }
    var box = button.closest('.copyable, .digest-box');
    var code = box ? box.querySelector('code') : null;
    if (!code) { return; }
    // A shortened value (a SHA-256 shown as its first digits) carries the whole one to copy.
    var text = code.getAttribute('data-copy-text') || code.textContent;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { copied(button, 'Copied'); },
        function () { copyBySelection(button, code); });
    } else {
      copyBySelection(button, code);
    }
  });

  // Say so when the server cannot be reached, instead of showing stale numbers silently.
  function setConnectionState(text) {
    var state = document.getElementById('connection-state');
    if (state) { state.textContent = text; }
  }
  document.addEventListener('htmx:sendError', function () {
    setConnectionState('The console cannot reach the server; the numbers above may be stale.');
  });
  document.addEventListener('htmx:responseError', function (event) {
    setConnectionState('The server answered ' + event.detail.xhr.status + '; the numbers above may be stale.');
  });
  document.addEventListener('htmx:afterSwap', function () { setConnectionState(''); });
})();
