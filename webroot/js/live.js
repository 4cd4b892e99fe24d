// The live dashboard: keeps the page's tables current from the server-sent events of /api/studies/{id}/live.
// Without JavaScript the page still shows the moment it was loaded.
(function () {
  "use strict";
  var dashboard = document.getElementById("dashboard");
  if (!dashboard || !window.EventSource) {
    return;
  }
  var names = document.getElementById("verdict-names").dataset;
  var note = document.getElementById("live-note");

  function set(scope, field, value) {
    var el = scope.querySelector('[data-field="' + field + '"]');
    if (!el) {
      return;
    }
    if (field === "bar") {
      el.value = value;
      el.textContent = value + "%";
    } else {
      el.textContent = value;
    }
  }

  function rate(invited, responded) {
    return invited ? Math.round(100 * responded / invited) : 0;
  }

  // A panel under minCell (or withheld so that it cannot be worked out by subtraction) comes without a count.
  function row(tr, p) {
    if (p.suppressed) {
      set(tr, "responded", dashboard.dataset.suppressed);
      set(tr, "invited", p.invited);
      set(tr, "bar", 0);
      set(tr, "pct", "–");
      return;
    }
    var pct = rate(p.invited, p.responded);
    set(tr, "responded", p.responded);
    set(tr, "invited", p.invited);
    set(tr, "bar", pct);
    set(tr, "pct", pct + "%");
  }

  function camel(key) {
    return key.replace(/-([a-z])/g, function (m, c) { return c.toUpperCase(); });
  }

  function update(data) {
    set(dashboard, "round", data.round);
    set(dashboard, "status", data.status);
    if (!data.participation) {
      return;
    }
    var panels = data.participation.panels || {};
    Object.keys(panels).forEach(function (id) {
      var tr = dashboard.querySelector('tr[data-panel="' + CSS.escape(id) + '"]');
      if (tr) {
        row(tr, panels[id]);
      }
    });
    row(dashboard.querySelector('tr[data-panel="_total"]'), data.participation);
    (data.items || []).forEach(function (item) {
      var tr = dashboard.querySelector('tr[data-item="' + CSS.escape(item.id) + '"]');
      if (!tr) {
        return;
      }
      set(tr, "n", item.n == null ? "–" : item.n);
      if (item.type === "rating") {
        set(tr, "agree", item.agree == null ? "–" : Math.round(item.agree * 100) + "%");
        var verdict = tr.querySelector('[data-field="verdict"]');
        verdict.dataset.verdict = item.verdict;
        verdict.textContent = names[camel(item.verdict)] || item.verdict;
      }
    });
    if (data.advice) {
      set(dashboard, "advice", data.advice.reason);
    }
    note.textContent = "Live: updated at " + new Date().toLocaleTimeString() + ".";
  }

  var source = new EventSource(dashboard.dataset.live);
  source.addEventListener("participation", function (event) {
    update(JSON.parse(event.data));
  });
  source.addEventListener("open", function () {
    note.textContent = "Live: updated as answers arrive.";
  });
  source.addEventListener("error", function () {
    note.textContent = "Reconnecting… (refresh the page if this lasts)";
  });
}());
