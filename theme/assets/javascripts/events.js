/* Events index and month calendar: "upcoming" by the reader's own date, filters, today marked.
 *
 * The page is built with the build date (dandelion build --today); a reader opening it later must not see
 * past talks as upcoming, so the lists are re-sorted here by the reader's date: upcoming = not done and
 * not before today, soonest first; past = the rest, newest first. Filters (region, setting, audience,
 * status) hide rows; they work from file:// (no request). Without JavaScript the page is the build's view.
 * Pure part (arrange, matches) is unit-tested with Node: tests/js/events.test.js. It needs nothing loaded before it.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.DandelionEvents = api;
})(typeof window !== "undefined" ? window : this, function () {
  "use strict";

  /** The reader's date as YYYY-MM-DD (local calendar date). */
  function localToday(now) {
    var d = now || new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  /** Items {date, time, status} → {upcoming, past}: upcoming soonest first, past newest first. */
  function arrange(items, today) {
    var key = function (item) { return item.date + " " + (item.time || ""); };
    var upcoming = items.filter(function (item) { return item.status !== "done" && item.date >= today; });
    var past = items.filter(function (item) { return upcoming.indexOf(item) < 0; });
    upcoming.sort(function (a, b) { return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0; });
    past.sort(function (a, b) { return key(a) > key(b) ? -1 : key(a) < key(b) ? 1 : 0; });
    return { upcoming: upcoming, past: past };
  }

  /** Whether an item {region, setting, audience: "a b", status} passes the chosen filters. */
  function matches(item, chosen) {
    return Object.keys(chosen).every(function (name) {
      var want = chosen[name];
      if (!want) return true;
      return String(item[name] || "").split(" ").indexOf(want) >= 0;
    });
  }

  function initIndex(doc, today) {
    var upcomingList = doc.querySelector('ul[data-list="upcoming"]');
    var pastList = doc.querySelector('ul[data-list="past"]');
    if (!upcomingList || !pastList) return;
    var rows = Array.prototype.slice.call(doc.querySelectorAll('ul[data-list] > li.dl-event'));
    var items = rows.map(function (li) {
      return { li: li, date: li.dataset.date, time: li.dataset.time, status: li.dataset.status,
               region: li.dataset.region, setting: li.dataset.setting, audience: li.dataset.audience };
    });
    var lists = arrange(items, today);
    lists.upcoming.forEach(function (item) { upcomingList.appendChild(item.li); });
    lists.past.forEach(function (item) { pastList.appendChild(item.li); });
    var form = doc.querySelector("form.dl-event-filters");
    var empty = doc.querySelector('[data-empty-for="upcoming"]');
    function apply() {
      var chosen = {};
      if (form) ["region", "setting", "audience", "status"].forEach(function (name) {
        if (form.elements[name]) chosen[name] = form.elements[name].value;
      });
      var shown = 0, upcomingShown = 0;
      items.forEach(function (item) {
        var ok = matches(item, chosen);
        item.li.hidden = !ok;
        if (ok) { shown += 1; if (lists.upcoming.indexOf(item) >= 0) upcomingShown += 1; }
      });
      if (empty) empty.hidden = upcomingShown !== 0;
      if (form) {
        var output = form.querySelector(".dl-event-count");
        output.textContent = shown === 0 ? form.dataset.empty
          : (shown === 1 ? form.dataset.shownOne : form.dataset.shownOther.replace("{n}", shown));
      }
    }
    if (form) {
      form.hidden = false;
      form.addEventListener("change", apply);
      form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    }
    apply();
  }

  function initCalendar(doc, today) {
    var cell = doc.querySelector('td[data-date="' + today + '"]');
    if (cell) { cell.classList.add("dl-cal-today"); cell.setAttribute("aria-current", "date"); }
  }

  if (typeof document !== "undefined") {
    var start = function () {
      var today = localToday();
      initIndex(document, today);
      initCalendar(document, today);
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  }

  return { arrange: arrange, matches: matches, localToday: localToday };
});
