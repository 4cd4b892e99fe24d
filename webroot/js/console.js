// The console's small helpers: a copy button beside each personal or report link (without JavaScript the link can
// be selected and copied by hand). Its texts come from the page (#copy-texts), in the reader's language.
(function () {
  "use strict";
  var texts = document.getElementById("copy-texts");
  if (!texts) {
    return;
  }
  texts = texts.dataset;
  document.querySelectorAll("input.link").forEach(function (input) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = texts.copy;
    button.setAttribute("aria-label", texts.label.replace("{0}", input.getAttribute("aria-label")));
    button.addEventListener("click", function () {
      input.select();
      var done = function () { button.textContent = texts.copied; };
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
