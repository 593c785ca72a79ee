// Search-as-you-type for the roadmap target picker. The picker works without this script
// (the Find button submits the form); with it, the matches follow each keystroke.
(function () {
  "use strict";
  var form = document.getElementById("target-search");
  var results = document.getElementById("target-results");
  if (!form || !results || !window.fetch) return;
  var input = form.querySelector("input[name=q]");
  var timer = null;
  var latest = 0;

  function refresh() {
    var params = new URLSearchParams(new FormData(form));
    var pageUrl = form.action + "?" + params.toString();
    params.set("partial", "results");
    var request = ++latest;
    fetch(form.action + "?" + params.toString(), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        // An older answer arriving late must not replace a newer one.
        if (html === null || request !== latest) return;
        results.innerHTML = html;
        history.replaceState(null, "", pageUrl);
      })
      .catch(function () { /* the Find button still works */ });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 150);
  });
})();
