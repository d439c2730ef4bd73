/*
 * An accessible autocomplete (WAI-ARIA 1.2 combobox with a listbox popup), added to any element marked
 * data-combobox that holds a text input. Attributes on that element:
 *   data-combobox-source  URL answering ?q=text with JSON [{"id": 1, "label": "Li Qiang", "detail": "李强"}]
 *   data-combobox-value   (optional) id of an input that receives the chosen item's id; typing clears it
 *   data-combobox-min     (optional) characters needed before suggestions are fetched, 1 by default
 *   data-combobox-status  (optional) text for the live count, with {0} for the number of suggestions
 * After each answer the element carries data-combobox-query: the text the suggestions shown belong to.
 * Without JavaScript the input stays a plain text field.
 */
(function () {
  'use strict';

  var counter = 0;

  function setUp(container) {
    var input = container.querySelector('input[type=text], input[type=search], input:not([type])');
    var source = container.getAttribute('data-combobox-source');
    if (!input || !source) {
      return;
    }
    var valueInput = container.getAttribute('data-combobox-value')
      ? document.getElementById(container.getAttribute('data-combobox-value')) : null;
    var min = parseInt(container.getAttribute('data-combobox-min') || '1', 10);
    var statusText = container.getAttribute('data-combobox-status') || '{0}';
    var id = 'combobox-' + (++counter);
    var label = container.querySelector('label[for="' + input.id + '"]');

    var listbox = document.createElement('ul');
    listbox.id = id + '-listbox';
    listbox.setAttribute('role', 'listbox');
    if (label) {
      if (!label.id) {
        label.id = id + '-label';
      }
      listbox.setAttribute('aria-labelledby', label.id);
    }
    listbox.hidden = true;
    container.appendChild(listbox);

    var status = document.createElement('div');
    status.setAttribute('role', 'status');
    status.className = 'visually-hidden';
    container.appendChild(status);

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listbox.id);
    input.setAttribute('autocomplete', 'off');

    var items = [];
    var active = -1;
    var timer = null;
    var request = 0;

    function open() {
      listbox.hidden = items.length === 0;
      input.setAttribute('aria-expanded', items.length > 0 ? 'true' : 'false');
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function highlight(index) {
      var options = listbox.querySelectorAll('[role=option]');
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute('aria-selected', i === index ? 'true' : 'false');
      }
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute('aria-activedescendant', options[index].id);
        options[index].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function choose(index) {
      var item = items[index];
      if (!item) {
        return;
      }
      input.value = item.label;
      if (valueInput) {
        valueInput.value = item.id;
      }
      close();
      input.dispatchEvent(new CustomEvent('combobox:chosen', { bubbles: true, detail: item }));
    }

    function render(found, query) {
      items = found;
      container.setAttribute('data-combobox-query', query || '');
      listbox.textContent = '';
      found.forEach(function (item, i) {
        var option = document.createElement('li');
        option.id = id + '-option-' + i;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.textContent = item.detail ? item.label + ' (' + item.detail + ')' : item.label;
        option.addEventListener('mousedown', function (event) {
          event.preventDefault();
          choose(i);
        });
        listbox.appendChild(option);
      });
      status.textContent = statusText.replace('{0}', String(found.length));
      active = -1;
      input.removeAttribute('aria-activedescendant');
      open();
    }

    function fetchSuggestions() {
      var text = input.value.trim();
      if (text.length < min) {
        render([], text);
        return;
      }
      var mine = ++request;
      var url = source + (source.indexOf('?') < 0 ? '?' : '&') + 'q=' + encodeURIComponent(text);
      fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (found) {
          if (mine === request) {
            render(Array.isArray(found) ? found : [], text);
          }
        })
        .catch(function () { render([], text); });
    }

    input.addEventListener('input', function () {
      if (valueInput) {
        valueInput.value = '';
      }
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 150);
    });

    input.addEventListener('keydown', function (event) {
      var expanded = input.getAttribute('aria-expanded') === 'true';
      switch (event.key) {
        case 'ArrowDown':
          event.preventDefault();
          if (!expanded) {
            fetchSuggestions();
          } else {
            highlight(active + 1 >= items.length ? 0 : active + 1);
          }
          break;
        case 'ArrowUp':
          if (expanded) {
            event.preventDefault();
            highlight(active <= 0 ? items.length - 1 : active - 1);
          }
          break;
        case 'Enter':
          if (expanded && active >= 0) {
            event.preventDefault();
            choose(active);
          }
          break;
        case 'Escape':
          if (expanded) {
            event.preventDefault();
            close();
          }
          break;
        case 'Tab':
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener('blur', function () {
      setTimeout(close, 100);
    });
  }

  function init() {
    var containers = document.querySelectorAll('[data-combobox]');
    for (var i = 0; i < containers.length; i++) {
      setUp(containers[i]);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
