// Progressive enhancement only: everything works without this file.
// Moves focus to the error summary of a form that came back with errors.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
});

// The installable web app (R-OPR-6): registers the service worker, which stores only the
// static assets and the offline page (platform/web/src/pwa.rs).
if ("serviceWorker" in navigator) {
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js").catch(function () { /* stays a web page */ });
  });
}
