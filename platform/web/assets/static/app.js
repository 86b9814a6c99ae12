// Progressive enhancement only: everything works without this file.
// Moves focus to the error summary of a form that came back with errors.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
});
