// Offline support, the page's side (a plain script; no build step).
// - Loaded after the first paint (by the loader in Trunk.toml); registers the service
//   worker (sw.js, beside this file) once the page has loaded, so
//   saving the guide for offline use never competes with the first visit.
// - When the service worker answered this page from its saved copy (the network failed),
//   shows the notice in #offline-notice: "You are offline. This is the copy of the guide
//   saved on 21 November 2026."
(function () {
  'use strict';
  if (!('serviceWorker' in navigator)) return;
  var container = navigator.serviceWorker;
  var savedCopyDate; // undefined until this page is known to be the saved copy

  function formatDate(iso) {
    var date = iso ? new Date(iso) : null;
    if (!date || isNaN(date.getTime())) return null;
    return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  }

  function render() {
    var notice = document.getElementById('offline-notice');
    if (!notice || savedCopyDate === undefined) return;
    var saved = savedCopyDate ? 'the copy of the guide saved on ' + savedCopyDate : 'a copy of the guide saved earlier';
    var text = navigator.onLine
      ? 'The guide could not be loaded from the internet, so this is ' + saved + '. Reload the page to try again.'
      : 'You are offline. This is ' + saved + '.';
    if (notice.hidden) {
      // Show the (empty) status region first and fill it a moment later, so screen
      // readers announce the text.
      notice.hidden = false;
      setTimeout(function () {
        notice.textContent = text;
      }, 100);
    } else if (notice.textContent !== text) {
      notice.textContent = text;
    }
  }

  function showSavedCopy(savedAt) {
    savedCopyDate = formatDate(savedAt);
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', render, { once: true });
    } else {
      render();
    }
  }

  window.addEventListener('online', render);
  window.addEventListener('offline', render);

  // Did the service worker answer this page from its saved copy?
  if (container.controller) {
    var channel = new MessageChannel();
    channel.port1.onmessage = function (event) {
      var answer = event.data || {};
      // Offline, a page under the worker's control can only have come from a saved copy.
      if (answer.fromCache || !navigator.onLine) showSavedCopy(answer.savedAt);
    };
    container.controller.postMessage({ type: 'ketamine-guide:saved-copy?' }, [channel.port2]);
  }
  // ...or later, when it answers the content from the saved copy.
  container.addEventListener('message', function (event) {
    if (event.data && event.data.type === 'ketamine-guide:saved-copy') showSavedCopy(event.data.savedAt);
  });

  function register() {
    // Relative URL and scope: works at the site root and under a sub-path such as /guide/.
    container.register('./sw.js', { scope: './' }).catch(function () {
      // No offline copy (private browsing, an old browser, a host without HTTPS): the
      // guide works as before.
    });
  }
  if (document.readyState === 'complete') {
    register();
  } else {
    window.addEventListener('load', register, { once: true });
  }
})();
