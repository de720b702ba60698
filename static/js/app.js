/* The page behaviour the templates ask for with data- attributes, so that no page needs an
   inline script or event handler (Content-Security-Policy: script-src 'self').

   <form data-konfirmasi="…">     asks before the form is sent
   <select data-kirim-otomatis>   sends its form when the choice changes
   <button data-cetak>            prints the page
   #pohon .tree-toggle            opens and closes a branch of the budget tree (DIPA page)
   <main> tables                  scroll inside their own container (see tabelRapikan) */
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

  /* Wide tables on phones: every table in <main> sits in a .table-responsive (a bare one is
     wrapped), so it scrolls inside its own container and never widens the page. A container
     whose table is wider than itself gets .tabel-lebar (app.css keeps the first column, the
     key, in view) and becomes a focusable, named region so it can be scrolled by keyboard. */
  function tabelNama(tabel) {
    var caption = tabel.querySelector("caption");
    if (caption) { return caption.textContent.trim(); }
    var card = tabel.closest(".card, section");
    var judul = (card && card.querySelector("h1, h2, h3, h4, h5, h6")) ||
      document.querySelector("main h1");
    return judul ? judul.textContent.trim() : "Tabel";
  }

  function tabelLebarTandai() {
    document.querySelectorAll("main .table-responsive").forEach(function (wadah) {
      var lebar = wadah.scrollWidth > wadah.clientWidth + 1;
      wadah.classList.toggle("tabel-lebar", lebar);
      if (lebar && !wadah.hasAttribute("tabindex")) {
        var tabel = wadah.querySelector("table");
        wadah.setAttribute("tabindex", "0");
        wadah.setAttribute("role", "region");
        wadah.setAttribute("aria-label", (tabel ? tabelNama(tabel) : "Tabel") + " (geser ke samping)");
        wadah.dataset.gulir = "1";
      } else if (!lebar && wadah.dataset.gulir) {
        ["tabindex", "role", "aria-label", "data-gulir"].forEach(function (a) { wadah.removeAttribute(a); });
      }
    });
  }

  function tabelRapikan(akar) {
    akar.querySelectorAll("table").forEach(function (tabel) {
      if (!tabel.closest("main") || tabel.parentElement.closest("table")) { return; }
      if (tabel.parentElement.classList.contains("table-responsive")) { return; }
      var wadah = document.createElement("div");
      wadah.className = "table-responsive";
      tabel.parentNode.insertBefore(wadah, tabel);
      wadah.appendChild(tabel);
    });
    tabelLebarTandai();
  }

  document.addEventListener("DOMContentLoaded", function () { tabelRapikan(document); });
  document.addEventListener("htmx:load", function (event) {
    if (event.target instanceof Element) { tabelRapikan(event.target); }
  });
  var tunda = null;
  window.addEventListener("resize", function () {
    window.clearTimeout(tunda);
    tunda = window.setTimeout(tabelLebarTandai, 100);
  });
})();
