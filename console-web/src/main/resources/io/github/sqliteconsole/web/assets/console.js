// SQLite Console: the only script besides htmx. No inline script anywhere (CSP script-src 'self').
(function () {
  'use strict';

  // Every htmx request carries this console session's CSRF token, and the page's link base, so
  // that a fragment returned by another URL (a POST to api/...) links correctly from this page.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="csrf-token"]');
    if (token && token.content) {
      event.detail.headers['X-CSRF-Token'] = token.content;
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
