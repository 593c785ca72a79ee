// Type-ahead for the name pickers (templates/includes/picker.html). The pickers work without
// this script: the server resolves the typed name. With it, each keystroke asks the picker's
// suggestions address for a few matches and puts them in the input's <datalist>.
(function () {
  "use strict";
  if (!window.fetch) return;

  function enhance(input) {
    var list = input.list;
    var timer = null;
    var latest = 0;
    if (!list) return;

    function refresh() {
      var request = ++latest;
      var url = input.dataset.suggest + "?q=" + encodeURIComponent(input.value);
      fetch(url, { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          // An older answer arriving late must not replace a newer one.
          if (data === null || request !== latest) return;
          list.replaceChildren.apply(list, data.suggestions.map(function (suggestion) {
            var option = document.createElement("option");
            option.value = suggestion.value;
            option.label = suggestion.label;
            return option;
          }));
        })
        .catch(function () { /* the typed name is still resolved on submit */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 150);
    });
  }

  document.querySelectorAll("input[data-suggest]").forEach(enhance);
})();
