/*
 * The folded filters (<details class="fold">, archive.css): open on a screen at least 48em wide, closed on a narrower
 * one, and again so when the window crosses that width. Without script the page still works: a phone shows the
 * control, and on a wide screen the stylesheet shows the filters of the closed element; with it, what the browser
 * tells screen readers and find-in-page (open or not) matches what is shown.
 */
(function () {
  'use strict';
  var wide = window.matchMedia('(min-width: 48em)');

  function follow() {
    document.querySelectorAll('details.fold').forEach(function (fold) {
      fold.open = wide.matches;
    });
  }

  follow();
  wide.addEventListener('change', follow);
})();
