// The public comment form's confirmation (badan_adhoc.services.tanggapan): find a nonce such
// that SHA-256("<challenge>:<nonce>") starts with `data-bit` zero bits, in small batches so the
// page stays responsive. Without this script (or without crypto.subtle, e.g. plain HTTP), the
// visitor types the code shown on the page instead.
(function () {
  "use strict";
  var form = document.getElementById("form-tanggapan");
  if (!form || !window.crypto || !window.crypto.subtle || !window.TextEncoder) return;
  var tantangan = form.querySelector("input[name=tantangan]");
  var nonce = form.querySelector("input[name=nonce]");
  var status = document.getElementById("bukti-status");
  var bit = parseInt(form.getAttribute("data-bit"), 10) || 16;
  var enc = new TextEncoder();

  function nolDiDepan(buf) {
    var b = new Uint8Array(buf), n = 0;
    for (var i = 0; i < b.length; i++) {
      if (b[i] === 0) { n += 8; continue; }
      for (var m = 0x80; m && !(b[i] & m); m >>= 1) n++;
      return n;
    }
    return n;
  }

  var i = 0;
  function coba() {
    var batch = [];
    for (var k = 0; k < 256; k++, i++) {
      batch.push(window.crypto.subtle.digest("SHA-256", enc.encode(tantangan.value + ":" + i)));
    }
    var awal = i - 256;
    Promise.all(batch).then(function (hasil) {
      for (var k = 0; k < hasil.length; k++) {
        if (nolDiDepan(hasil[k]) >= bit) {
          nonce.value = String(awal + k);
          if (status) status.textContent = "Konfirmasi otomatis selesai; kode tidak perlu diketik.";
          return;
        }
      }
      setTimeout(coba, 0);
    });
  }
  if (status) status.textContent = "Menghitung konfirmasi otomatis…";
  coba();
})();
