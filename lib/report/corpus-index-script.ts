/**
 * The one script of the corpus index: client-side sorting (click a column header) and filtering (text and
 * status), with no server round trip. Plain ES5-style browser JavaScript kept as a string, because the
 * page inlines it and the CSP pins it by hash. Without it the page still reads: rows in corpus order.
 */
export const CORPUS_INDEX_SCRIPT = `(function () {
  'use strict';
  var table = document.getElementById('corpus');
  var filters = document.getElementById('filters');
  if (!table || !filters) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var search = document.getElementById('filter-text');
  var status = document.getElementById('filter-status');
  var shown = document.getElementById('shown-count');
  filters.hidden = false;
  function apply() {
    var query = search.value.trim().toLowerCase();
    var wanted = status.value;
    var count = 0;
    rows.forEach(function (row) {
      var match = (query === '' || row.dataset.search.indexOf(query) !== -1) &&
        (wanted === '' || row.dataset.status === wanted);
      row.hidden = !match;
      if (match) count++;
    });
    shown.textContent = String(count);
  }
  function compare(a, b, key, numeric) {
    var x = a.dataset[key] || '';
    var y = b.dataset[key] || '';
    if (numeric) return Number(x) - Number(y);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  Array.prototype.forEach.call(table.querySelectorAll('th[data-sort-key]'), function (header) {
    var button = header.querySelector('button');
    button.addEventListener('click', function () {
      var key = header.dataset.sortKey;
      var numeric = header.dataset.sortType === 'number';
      var direction = header.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      Array.prototype.forEach.call(table.querySelectorAll('th[data-sort-key]'), function (other) {
        other.removeAttribute('aria-sort');
      });
      header.setAttribute('aria-sort', direction);
      var sign = direction === 'ascending' ? 1 : -1;
      rows.sort(function (a, b) {
        return sign * compare(a, b, key, numeric) || Number(a.dataset.order) - Number(b.dataset.order);
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  search.addEventListener('input', apply);
  status.addEventListener('change', apply);
  apply();
})();`;
