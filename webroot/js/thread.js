// An item's discussion kept current: on each server-sent event of /api/p/{token}/items/{item}/thread/live the page
// reads the thread again (as this panelist may see it) and puts it in place, unless a reply is being typed, when it
// only says that the discussion has changed. Without JavaScript the page shows the moment it was loaded.
(function () {
  "use strict";
  var thread = document.getElementById("thread");
  var note = document.getElementById("thread-live");
  if (!thread || !note || !window.EventSource || !window.fetch || !window.DOMParser) {
    return;
  }
  var busy = false;
  var again = false;

  function typing() {
    return Array.prototype.some.call(thread.querySelectorAll("textarea"), function (t) {
      return t.value.trim() !== "";
    });
  }

  function refresh() {
    if (busy) {
      again = true;
      return;
    }
    if (typing()) {
      note.textContent = thread.dataset.changed;
      return;
    }
    busy = true;
    fetch(thread.dataset.page, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(new Error(String(r.status))); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("thread");
        if (fresh) {
          thread.innerHTML = fresh.innerHTML;
          note.textContent = thread.dataset.updated;
        }
      })
      .catch(function () { note.textContent = thread.dataset.changed; })
      .then(function () {
        busy = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  }

  new EventSource(thread.dataset.live).addEventListener("thread", refresh);
})();
