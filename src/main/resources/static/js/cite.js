/*
 * The record page's Cite block: the button beside each citation copies its text and says so in the live region beside
 * it, for screen readers too. Without script the buttons stay hidden and a reader selects the text to copy it.
 */
(function () {
  'use strict';

  /* The Clipboard API where the page may use it; else the older copy command on a selected, hidden text area. */
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        return copyBySelection(text);
      });
    }
    return copyBySelection(text);
  }

  function copyBySelection(text) {
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'visually-hidden';
      document.body.appendChild(area);
      area.select();
      var copied = false;
      try {
        copied = document.execCommand('copy');
      } catch (e) {
        copied = false;
      }
      document.body.removeChild(area);
      if (copied) {
        resolve();
      } else {
        reject(new Error('the browser refused to copy'));
      }
    });
  }

  /* A live region announces a change of its text: emptied first, the same words are announced again. */
  function announce(status, message) {
    status.textContent = '';
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    var status = document.getElementById(button.getAttribute('data-status'));
    if (!source || !status) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      document.querySelectorAll('.cite__status').forEach(function (other) {
        other.textContent = '';
      });
      copy(source.textContent).then(function () {
        announce(status, status.getAttribute('data-copied'));
      }, function () {
        announce(status, status.getAttribute('data-failed'));
      }).then(function () {
        button.focus();
      });
    });
  });
})();
