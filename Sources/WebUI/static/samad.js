// Enhancements only: every page works without this file.
document.addEventListener("click", function (event) {
  var target = event.target;
  if (target && target.hasAttribute && target.hasAttribute("data-print")) { window.print(); }
});
// Forms submit once: a second click while the first is in flight does nothing.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (form.dataset.submitted === "1") { event.preventDefault(); return; }
  form.dataset.submitted = "1";
});
