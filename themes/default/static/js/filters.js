/* Project filters. Without JavaScript the filter links jump to the projects
   grouped by sector, status and location; with it, they filter the cards in
   place (one value per filter; click again to clear it). */
(function () {
  var nav = document.querySelector('.filters');
  if (!nav) return;
  document.documentElement.classList.add('filters-js');
  // With JavaScript the links are toggle buttons (aria-pressed needs the role).
  nav.querySelectorAll('a[data-filter]').forEach(function (a) { a.setAttribute('role', 'button'); });
  nav.addEventListener('keydown', function (e) {
    if (e.key === ' ' && e.target.closest('a[data-filter]')) { e.preventDefault(); e.target.click(); }
  });
  var active = {};
  function apply() {
    document.querySelectorAll('.card.project').forEach(function (card) {
      var show = Object.keys(active).every(function (k) { return card.getAttribute('data-' + k) === active[k]; });
      card.hidden = !show;
    });
    document.querySelectorAll('#projects .sector').forEach(function (section) {
      section.hidden = !section.querySelector('.card.project:not([hidden])');
    });
    nav.querySelectorAll('a[data-filter]').forEach(function (a) {
      a.setAttribute('aria-pressed', active[a.dataset.filter] === a.dataset.value ? 'true' : 'false');
    });
  }
  nav.addEventListener('click', function (e) {
    var a = e.target.closest('a[data-filter]');
    if (!a) return;
    e.preventDefault();
    var k = a.dataset.filter, v = a.dataset.value;
    if (active[k] === v) delete active[k]; else active[k] = v;
    apply();
  });
  apply();
})();
