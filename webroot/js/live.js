// The live dashboard: keeps the page's tables current from the server-sent events of /api/studies/{id}/live.
// Without JavaScript the page still shows the moment it was loaded. Its texts come from the page (#live-texts),
// which has them from the message bundles in the reader's language.
(function () {
  "use strict";
  var dashboard = document.getElementById("dashboard");
  if (!dashboard || !window.EventSource) {
    return;
  }
  var texts = document.getElementById("live-texts").dataset;
  var note = document.getElementById("live-note");
  var maxRounds = Number(dashboard.dataset.maxRounds);

  // A bundle's pattern with its arguments: {0}, {1}… replaced, '' read as one quote (as Java's MessageFormat does).
  function format(pattern) {
    var args = Array.prototype.slice.call(arguments, 1);
    return pattern.replace(/\{(\d+)\}/g, function (m, i) { return args[i]; }).replace(/''/g, "'");
  }

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

  // The stopping advice in the page's language, from the rule that decided it and the items it names.
  function advice(a, round) {
    var pending = (a.pending || []).join(", ");
    switch (a.basis) {
      case "all-decided": return format(texts.adviceAllDecided);
      case "undecided-stable": return format(texts.adviceUndecidedStable, (a.undecided || []).join(", "));
      case "last-round": return format(texts.adviceLastRound, round, maxRounds, pending);
      case "another-round": return format(texts.adviceAnotherRound, pending);
      default: return a.reason;
    }
  }

  function update(data) {
    set(dashboard, "round", data.round);
    set(dashboard, "status", texts[camel("status-" + data.status)] || data.status);
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
    if (data.counted != null) {
      set(dashboard, "counted", data.counted);
    }
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
        verdict.textContent = texts[camel(item.verdict)] || item.verdict;
      }
    });
    if (data.advice) {
      set(dashboard, "advice", advice(data.advice, data.round));
    }
    note.textContent = format(texts.updated, new Date().toLocaleTimeString(document.documentElement.lang));
  }

  var source = new EventSource(dashboard.dataset.live);
  source.addEventListener("participation", function (event) {
    update(JSON.parse(event.data));
  });
  source.addEventListener("open", function () {
    note.textContent = texts.connected;
  });
  source.addEventListener("error", function () {
    note.textContent = texts.reconnecting;
  });
}());
