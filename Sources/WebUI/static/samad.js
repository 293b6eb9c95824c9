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

// Persian and Arabic letters and digits compared alike, as the server normalises them.
function samadFold(text) {
  return (text || "").replace(/[يى]/g, "ی").replace(/ك/g, "ک").replace(/[\u200c\u064B-\u0652]/g, "")
    .replace(/[۰-۹]/g, function (d) { return String(d.charCodeAt(0) - 0x06F0); })
    .replace(/[٠-٩]/g, function (d) { return String(d.charCodeAt(0) - 0x0660); })
    .replace(/\s+/g, " ").trim().toLowerCase();
}

// A long select marked data-searchable gets a search box that narrows its options.
document.querySelectorAll("select[data-searchable]").forEach(function (select) {
  var search = document.createElement("input");
  search.type = "search";
  search.id = select.id + "-search";
  search.className = "option-search";
  // data-searchable="…" names what is searched; categories by default.
  var what = select.getAttribute("data-searchable") || "جستجو در موضوع‌ها";
  search.placeholder = what + "…";
  search.setAttribute("aria-label", what);
  search.setAttribute("aria-controls", select.id);
  select.parentNode.insertBefore(search, select);
  search.addEventListener("input", function () {
    var words = samadFold(search.value).split(" ").filter(Boolean);
    var first = null;
    Array.prototype.forEach.call(select.options, function (option) {
      // The "choose one" line stays unchoosable; it hides while the search narrows the list.
      if (option.value === "") { option.hidden = words.length > 0; return; }
      var label = samadFold(option.textContent);
      var match = words.every(function (w) { return label.indexOf(w) >= 0; });
      option.hidden = !match;
      option.disabled = !match;
      if (match && !first) { first = option; }
    });
    if (first && (select.selectedOptions.length === 0 || select.selectedOptions[0].hidden)) { first.selected = true; }
  });
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { event.preventDefault(); select.focus(); }
  });
});

// Operator console: a complete national ID or mobile looks the citizen up as it is typed, fills the
// empty fields and shows their earlier letters, with no reload (the same look-up the button does).
(function () {
  var form = document.querySelector("form.intake");
  if (!form || !window.fetch || !window.DOMParser) { return; }
  var lastKey = "";
  function lookup() {
    var nid = samadFold(form.elements.nationalId.value).replace(/\D/g, "");
    var mobile = samadFold(form.elements.mobile.value).replace(/\D/g, "");
    var key = (nid.length === 10 ? nid : "") + "|" + (mobile.length === 11 ? mobile : "") + "|" + form.elements.category.value;
    if (key === lastKey || key.indexOf("||") === 0) { return; }
    lastKey = key;
    var data = new URLSearchParams(new FormData(form));
    data.set("op", "lookup");
    // The operator sees that the look-up is running (and a screen reader hears it).
    var status = document.getElementById("lookup-status"), history = document.getElementById("citizen-history");
    var asked = lastKey;
    if (status) { status.textContent = "در حال جستجوی شهروند…"; }
    if (history) { history.setAttribute("aria-busy", "true"); }
    function settled(text) {
      if (asked !== lastKey) { return; }
      if (status) { status.textContent = text; }
      if (history) { history.setAttribute("aria-busy", "false"); }
    }
    fetch(form.action, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) { settled("جستجو انجام نشد؛ دکمه «جستجوی شهروند» را بزنید."); return; }
        var page = new DOMParser().parseFromString(html, "text/html");
        ["firstName", "lastName", "mobile", "nationalId", "county"].forEach(function (name) {
          var mine = form.elements[name], theirs = page.querySelector("[name=" + name + "]");
          if (mine && theirs && !mine.value && theirs.value) { mine.value = theirs.value; }
        });
        var box = document.getElementById("citizen-history"), found = page.getElementById("citizen-history");
        if (box && found) { box.innerHTML = found.innerHTML; }
        settled(page.querySelector(".history, .known-contact") ? "شهروند پیدا شد." : "شهروند تازه است.");
      })
      .catch(function () { settled("جستجو انجام نشد؛ دکمه «جستجوی شهروند» را بزنید."); });
  }
  ["nationalId", "mobile"].forEach(function (name) { form.elements[name].addEventListener("input", lookup); });
  form.elements.category.addEventListener("change", lookup);
}());

// A sign-in code's countdown: the seconds it stays good, in Persian digits; then how to get a new one.
document.querySelectorAll("[data-countdown]").forEach(function (box) {
  var end = Date.now() + Number(box.getAttribute("data-countdown")) * 1000;
  function persian(n) { return String(n).replace(/\d/g, function (d) { return "۰۱۲۳۴۵۶۷۸۹"[d]; }); }
  function tick() {
    var left = Math.max(0, Math.round((end - Date.now()) / 1000));
    if (left === 0) {
      box.textContent = "زمان این کد گذشت؛ کد تازه بخواهید.";
      box.classList.add("expired");
      return;
    }
    var seconds = left % 60;
    box.textContent = "کد تا " + persian(Math.floor(left / 60)) + ":" + persian(seconds < 10 ? "0" + seconds : seconds) + " دیگر اعتبار دارد.";
    window.setTimeout(tick, 1000);
  }
  tick();
});
