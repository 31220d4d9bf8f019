// phonectl console: the little behaviour htmx does not give. Every page works without it.
(function () {
  "use strict";
  // a header checkbox ticks every row checkbox of its table (data-select-all names the rows' field)
  document.addEventListener("change", function (e) {
    var all = e.target.closest("[data-select-all]");
    if (!all) { return; }
    var table = all.closest("table");
    table.querySelectorAll("input[type=checkbox][name='" + all.dataset.selectAll + "']").forEach(function (box) {
      box.checked = all.checked;
    });
  });
  // buttons with data-confirm ask first
  document.addEventListener("click", function (e) {
    var b = e.target.closest("[data-confirm]");
    if (b && !window.confirm(b.dataset.confirm)) {
      e.preventDefault();
    }
  });
})();
