// Follows a running bulk import: polls the job's JSON status and updates the progress bar and counters.
// Without JavaScript the page of a running job reloads itself (a meta refresh inside <noscript>), and has a reload link.
(function () {
  'use strict';
  var section = document.getElementById('import-state');
  if (!section || section.getAttribute('data-finished') === 'true') {
    return;
  }
  var url = section.getAttribute('data-status-url');
  var progress = document.getElementById('import-progress');
  var percentTemplate = section.getAttribute('data-percent-template');
  var numberFormat = new Intl.NumberFormat(document.documentElement.lang || undefined);

  function set(field, text) {
    var element = section.querySelector('[data-field="' + field + '"]');
    if (element) {
      element.textContent = text;
    }
  }

  function poll() {
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (job) {
        if (job.finished) {
          // the finished page carries the full report
          window.location.reload();
          return;
        }
        progress.value = job.percent;
        progress.textContent = percentTemplate.replace('{0}', job.percent);
        set('percent', percentTemplate.replace('{0}', job.percent));
        set('linesRead', numberFormat.format(job.linesRead));
        set('recordsImported', numberFormat.format(job.recordsImported));
        set('recordsSkipped', numberFormat.format(job.recordsSkipped));
        set('linesRejected', numberFormat.format(job.linesRejected));
        if (job.recordsPerSecond !== null) {
          set('recordsPerSecond', numberFormat.format(job.recordsPerSecond));
        }
        if (job.timeLeft !== null) {
          set('timeLeft', job.timeLeft);
        }
        window.setTimeout(poll, 1000);
      })
      .catch(function () {
        window.setTimeout(poll, 5000);
      });
  }

  window.setTimeout(poll, 1000);
}());
