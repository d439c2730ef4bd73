// Writes each instant of the page (fragments :: instant, a <time class="local-time">) in the reader's time zone and in
// the page's language; the server wrote it in UTC, which stays as the element's title.
(function () {
  'use strict';
  var format;
  try {
    format = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
      year: 'numeric', month: 'short', day: 'numeric',
      hour: 'numeric', minute: '2-digit', second: '2-digit',
      timeZoneName: 'short'
    });
  } catch (unsupported) {
    return;
  }
  var times = document.querySelectorAll('time.local-time[datetime]');
  for (var i = 0; i < times.length; i++) {
    var when = new Date(times[i].getAttribute('datetime'));
    if (!isNaN(when.getTime())) {
      times[i].title = times[i].textContent;
      times[i].textContent = format.format(when);
    }
  }
}());
