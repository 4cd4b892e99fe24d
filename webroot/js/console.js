// The console's small helpers: a copy button beside each personal link (without JavaScript the link can be
// selected and copied by hand).
(function () {
  "use strict";
  document.querySelectorAll("input.link").forEach(function (input) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy " + input.getAttribute("aria-label"));
    button.addEventListener("click", function () {
      input.select();
      var done = function () { button.textContent = "Copied"; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand("copy"); done(); });
      } else {
        document.execCommand("copy");
        done();
      }
    });
    input.insertAdjacentElement("afterend", button);
  });
}());
