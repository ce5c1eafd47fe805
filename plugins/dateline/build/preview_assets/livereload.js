// Dateline dev server only (`dateline serve`): the server adds this script to each HTML page
// it serves; no built file contains it. It polls the build id and reloads the tab once a
// rebuild has finished.
(function () {
  "use strict";
  var current = null;
  function poll() {
    fetch("/__dateline/build-id", { cache: "no-store" })
      .then(function (response) { return response.ok ? response.text() : current; })
      .then(function (id) {
        if (current === null) { current = id; }
        else if (id !== current) { window.location.reload(); return; }
        window.setTimeout(poll, 250);
      })
      .catch(function () { window.setTimeout(poll, 1000); });
  }
  poll();
}());
