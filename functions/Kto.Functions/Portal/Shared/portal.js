// Niceties only: every page works without this script.
// 1. Drag and drop on the upload form: a dropped file goes into the "Bestand" input.
// 2. The check page hashes the chosen PDF in the browser (Web Crypto) and asks the server only for the hash.
// 3. A page whose work runs in the background (body data-refresh-after) loads itself again after that many seconds,
//    with a button that stops it (WCAG 2.2.2); without this script the page's "Pagina vernieuwen" link does it.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var after = parseInt(document.body.getAttribute("data-refresh-after") || "", 10);
    if (after > 0) {
      var target = document.body.getAttribute("data-refresh-url") || window.location.href;
      var timer = window.setTimeout(function () { window.location.replace(target); }, after * 1000);
      var stop = document.querySelector("[data-refresh-stop]");
      if (stop) {
        stop.hidden = false;
        stop.addEventListener("click", function () { window.clearTimeout(timer); stop.hidden = true; });
      }
    }

    document.querySelectorAll("[data-dropzone]").forEach(function (zone) {
      var input = zone.querySelector("input[type=file]");
      if (!input) return;
      ["dragenter", "dragover"].forEach(function (name) {
        zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.add("dragging"); });
      });
      ["dragleave", "drop"].forEach(function (name) {
        zone.addEventListener(name, function () { zone.classList.remove("dragging"); });
      });
      zone.addEventListener("drop", function (e) {
        e.preventDefault();
        if (e.dataTransfer && e.dataTransfer.files.length > 0) {
          input.files = e.dataTransfer.files;
          var status = zone.querySelector("[data-dropped]");
          if (status) status.textContent = "Gekozen: " + e.dataTransfer.files[0].name;
        }
      });
      var hint = zone.querySelector("[data-drop-hint]");
      if (hint) hint.hidden = false;
    });

    var verify = document.querySelector("form[data-verify]");
    if (verify && window.crypto && window.crypto.subtle) {
      verify.addEventListener("submit", function (e) {
        var input = verify.querySelector("input[type=file]");
        if (!input || !input.files || input.files.length === 0) return;
        e.preventDefault();
        input.files[0].arrayBuffer().then(function (buffer) {
          return window.crypto.subtle.digest("SHA-256", buffer);
        }).then(function (digest) {
          var hex = Array.from(new Uint8Array(digest)).map(function (b) { return b.toString(16).padStart(2, "0"); }).join("");
          window.location.assign("/verify?sha256=" + hex);
        });
      });
    }
  });
})();
