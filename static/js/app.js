/* The page behaviour the templates ask for with data- attributes, so that no page needs an
   inline script or event handler (Content-Security-Policy: script-src 'self').

   <form data-konfirmasi="…">     asks before the form is sent
   <select data-kirim-otomatis>   sends its form when the choice changes
   <button data-cetak>            prints the page
   #pohon .tree-toggle            opens and closes a branch of the budget tree (DIPA page) */
(function () {
  "use strict";

  document.addEventListener("submit", function (event) {
    var pesan = event.target.getAttribute("data-konfirmasi");
    if (pesan && !window.confirm(pesan)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches("[data-kirim-otomatis]") && el.form) {
      el.form.submit();
    }
  });

  function cabangBalik(btn) {
    var row = btn.closest("tr");
    var open = btn.getAttribute("aria-expanded") === "true";
    btn.setAttribute("aria-expanded", open ? "false" : "true");
    btn.textContent = open ? "▸" : "▾";
    var depth = parseInt(row.dataset.depth, 10);
    var next = row.nextElementSibling;
    var tutupDi = Infinity; // opening: the lines under a branch that stays closed stay hidden
    while (next && parseInt(next.dataset.depth, 10) > depth) {
      var d = parseInt(next.dataset.depth, 10);
      if (open) {
        next.hidden = true;
      } else if (d > tutupDi) {
        next.hidden = true;
      } else {
        tutupDi = Infinity;
        next.hidden = false;
        var t = next.querySelector(".tree-toggle");
        if (t && t.getAttribute("aria-expanded") !== "true") { tutupDi = d; }
      }
      next = next.nextElementSibling;
    }
  }

  document.addEventListener("click", function (event) {
    if (!(event.target instanceof Element)) { return; }
    if (event.target.closest("[data-cetak]")) {
      event.preventDefault();
      window.print();
      return;
    }
    var btn = event.target.closest("#pohon .tree-toggle");
    if (btn) { cabangBalik(btn); }
  });
})();
