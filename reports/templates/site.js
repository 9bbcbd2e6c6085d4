// Sorting (click a header; numbers sort as numbers) and filtering of the API table. The tables are
// complete without this script: it only reorders and hides rows.
(function () {
  function cellValue(row, i) {
    const text = row.cells[i] ? row.cells[i].textContent.trim() : "";
    const n = parseFloat(text);
    return isNaN(n) || !/^[\d.,\s-]+$/.test(text) ? text.toLowerCase() : n;
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("thead th").forEach(function (th, i) {
      th.addEventListener("click", function () {
        const desc = th.dataset.sort === "asc";
        table.querySelectorAll("thead th").forEach(function (h) { delete h.dataset.sort; });
        th.dataset.sort = desc ? "desc" : "asc";
        const body = table.tBodies[0];
        const rows = Array.from(body.rows);
        rows.sort(function (a, b) {
          const x = cellValue(a, i), y = cellValue(b, i);
          const c = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : (typeof x === "number" ? -1 : 1);
          return desc ? -c : c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });

  const table = document.getElementById("api-table");
  const text = document.getElementById("filter-text");
  const status = document.getElementById("filter-status");
  const module = document.getElementById("filter-module");
  const group = document.getElementById("filter-group");
  const count = document.getElementById("filter-count");
  function apply() {
    const q = text.value.trim().toLowerCase();
    let shown = 0;
    Array.from(table.tBodies[0].rows).forEach(function (r) {
      const ok = (!q || r.textContent.toLowerCase().includes(q)) &&
        (!status.value || r.dataset.status === status.value) &&
        (!module.value || r.dataset.module === module.value) &&
        (!group.value || r.dataset.group === group.value);
      r.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + " of " + table.tBodies[0].rows.length + " shown";
  }
  [text, status, module, group].forEach(function (el) { el.addEventListener("input", apply); });
  // the module and group links above filter the table to that module or group
  document.querySelectorAll("[data-filter-module], [data-filter-group]").forEach(function (a) {
    a.addEventListener("click", function () {
      module.value = a.dataset.filterModule || "";
      group.value = a.dataset.filterGroup || "";
      status.value = "";
      text.value = "";
      apply();
    });
  });
  apply();
})();
