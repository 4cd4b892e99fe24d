/*
 * Kenes questionnaire: an enhancement of a form that works without it. Saves each changed answer as a draft
 * (PUT /api/p/{token}/answers with "submit": false) a moment after the change, keeps the "answered k of n" line
 * current, and shows the reason field of a rating only when the chosen point moves away from the group.
 * Loaded from a file because the page's Content-Security-Policy allows no inline script.
 */
(function () {
  'use strict';
  var form = document.querySelector('form.questionnaire');
  if (!form || !window.fetch || !window.JSON || !Element.prototype.closest) {
    return;
  }
  var api = form.getAttribute('data-api');
  var lang = form.getAttribute('data-lang');
  var status = document.getElementById('autosave');
  var count = document.getElementById('progress-count');
  var bar = document.querySelector('.progress progress');
  var sections = Array.prototype.slice.call(form.querySelectorAll('section[data-item]'));
  var dirty = {};
  var timer = null;
  var saving = false;

  function field(section, prefix) {
    return document.getElementById(prefix + section.getAttribute('data-item'));
  }

  function text(section, prefix) {
    var el = field(section, prefix);
    return el && el.value.trim() ? el.value.trim() : null;
  }

  /** The item's answer as the API takes it, or null while a ranking gives one rank twice. */
  function answerOf(section) {
    var answer = {};
    var comment = text(section, 'c-');
    if (section.querySelector('input[type=radio]')) {
      var checked = section.querySelector('input[type=radio]:checked');
      if (checked) {
        answer.value = checked.value === 'unable' ? null : parseInt(checked.value, 10);
      }
      var reason = text(section, 'w-');
      if (reason) {
        answer.reason = reason;
      }
    } else if (section.querySelector('select')) {
      var ranked = [];
      var seen = {};
      var selects = section.querySelectorAll('select');
      for (var i = 0; i < selects.length; i++) {
        var rank = selects[i].value;
        if (rank) {
          if (seen[rank]) {
            return null;
          }
          seen[rank] = true;
          ranked.push({option: selects[i].id.split('~')[1], rank: parseInt(rank, 10)});
        }
      }
      ranked.sort(function (a, b) { return a.rank - b.rank; });
      answer.ranking = ranked.map(function (r) { return r.option; });
    } else {
      return {text: text(section, 'o-') || ''};
    }
    if (comment) {
      answer.comment = comment;
    }
    return answer;
  }

  function answered(section) {
    if (section.querySelector('input[type=radio]')) {
      return !!section.querySelector('input[type=radio]:checked');
    }
    if (section.querySelector('select')) {
      return Array.prototype.some.call(section.querySelectorAll('select'), function (s) { return !!s.value; });
    }
    return !!text(section, 'o-');
  }

  function progress() {
    var done = sections.filter(answered).length;
    if (count) {
      count.textContent = form.getAttribute('data-progress').replace('{0}', done).replace('{1}', sections.length);
    }
    if (bar) {
      bar.value = done;
    }
  }

  /** A reason is asked for only when the chosen point moves away from the group, or one is already written. */
  function reasonField(section) {
    var block = document.getElementById('reason-' + section.getAttribute('data-item'));
    if (!block) {
      return;
    }
    var checked = section.querySelector('input[type=radio]:checked');
    var needed = !!(checked && checked.hasAttribute('data-reason'));
    block.hidden = !(needed || text(section, 'w-') || block.querySelector('.field-error'));
  }

  function say(message) {
    if (status) {
      status.textContent = message;
    }
  }

  function mark(section, message) {
    var old = section.querySelector('.js-error');
    if (old) {
      old.parentNode.removeChild(old);
    }
    section.classList.toggle('invalid', !!message);
    if (message) {
      var p = document.createElement('p');
      p.className = 'field-error js-error';
      p.textContent = message;
      var legend = section.querySelector('legend, .open-item > label');
      legend.parentNode.insertBefore(p, legend.nextSibling);
    }
  }

  function byId(id) {
    return sections.filter(function (s) { return s.getAttribute('data-item') === id; })[0];
  }

  function flush(keepalive) {
    clearTimeout(timer);
    timer = null;
    var ids = Object.keys(dirty);
    if (!ids.length || !api) {
      // A preview has no address to save to: it shows the questionnaire and stores nothing.
      dirty = {};
      return;
    }
    if (saving) {
      schedule(1000);
      return;
    }
    var answers = {};
    ids.forEach(function (id) {
      var answer = answerOf(byId(id));
      if (answer === null) {
        mark(byId(id), form.getAttribute('data-error-ranking'));
      } else {
        answers[id] = answer;
      }
    });
    dirty = {};
    var sent = Object.keys(answers);
    if (!sent.length) {
      return;
    }
    saving = true;
    fetch(api, {method: 'PUT', headers: {'Content-Type': 'application/json'}, credentials: 'same-origin',
      keepalive: !!keepalive, body: JSON.stringify({answers: answers, submit: false})})
      .then(function (response) {
        if (response.ok) {
          sent.forEach(function (id) { mark(byId(id), null); });
          say(form.getAttribute('data-saved').replace('{0}',
            new Date().toLocaleTimeString(lang, {hour: '2-digit', minute: '2-digit'})));
        } else if (response.status === 400) {
          return response.json().then(function (body) {
            (body.details || []).forEach(function (d) {
              var parts = (d.path || '').split('.');
              var section = parts[0] === 'answers' && byId(parts[1]);
              if (section) {
                mark(section, form.getAttribute('data-error-' + parts[2]) || d.message);
                if (parts[2] === 'reason') {
                  document.getElementById('reason-' + parts[1]).hidden = false;
                }
              }
            });
            say(form.getAttribute('data-invalid'));
          });
        } else {
          throw new Error(String(response.status));
        }
      })
      .catch(function () {
        sent.forEach(function (id) { dirty[id] = true; });
        say(form.getAttribute('data-failed'));
      })
      .then(function () { saving = false; });
  }

  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(flush, delay);
  }

  function changed(event, delay) {
    var section = event.target.closest('section[data-item]');
    if (!section) {
      return;
    }
    dirty[section.getAttribute('data-item')] = true;
    reasonField(section);
    progress();
    schedule(delay);
  }

  form.addEventListener('change', function (event) { changed(event, 300); });
  form.addEventListener('input', function (event) {
    if (event.target.tagName === 'TEXTAREA') {
      changed(event, 1500);
    }
  });
  form.addEventListener('submit', function () {
    clearTimeout(timer);
    dirty = {};
  });
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') {
      flush(true);
    }
  });
  sections.forEach(reasonField);
  progress();
}());
