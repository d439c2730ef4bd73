/*
 * The search page: choosing a person or a theme in a suggestion list (static/js/combobox.js) applies it at once,
 * by submitting the small form the combobox sits in.
 */
(function () {
  'use strict';
  document.addEventListener('combobox:chosen', function (event) {
    var form = event.target.closest('form[data-search-filter]');
    if (form) {
      form.submit();
    }
  });
})();
