// Never lose words: autosave a story to the server as the person writes, and keep a copy on this device until the
// server has it. Progressive enhancement only: the form saves and sends without this file.
(function () {
  "use strict";

  var PREFIX = "storybank:draft:";
  var SAVE_EVERY_MS = 5000;
  var UNSAVED = "We could not save just now. Your words are kept on this device, and we will try again.";

  function storage() {
    try {
      var test = PREFIX + "test";
      window.localStorage.setItem(test, "1");
      window.localStorage.removeItem(test);
      return window.localStorage;
    } catch (error) {
      return null;
    }
  }

  function countWords(text) {
    var words = text.trim().split(/\s+/).filter(function (word) { return word.length > 0; });
    return words.length;
  }

  function formatNumber(number) {
    return number.toLocaleString("en-GB");
  }

  function timeNow() {
    var now = new Date();
    return String(now.getHours()).padStart(2, "0") + ":" + String(now.getMinutes()).padStart(2, "0");
  }

  function setUpWordCount(form, body) {
    var counter = form.querySelector("[data-word-count]");
    if (!counter || !body) {
      return;
    }
    var limit = parseInt(form.getAttribute("data-max-chars"), 10) || 20000;
    function update() {
      var characters = body.value.length;
      var words = countWords(body.value);
      var text = formatNumber(words) + (words === 1 ? " word" : " words") + " – " + formatNumber(characters) +
        " of " + formatNumber(limit) + " characters";
      if (characters > limit) {
        text += ". That is " + formatNumber(characters - limit) + " too many – please shorten it before you send it.";
        counter.classList.add("word-count-over");
      } else {
        counter.classList.remove("word-count-over");
      }
      counter.textContent = text;
    }
    counter.hidden = false;
    body.addEventListener("input", update);
    update();
  }

  function setUpAutosave(form) {
    var url = form.getAttribute("data-autosave-url");
    var idInput = form.querySelector("[data-story-id]");
    var title = form.querySelector("#title");
    var body = form.querySelector("#body");
    var status = form.querySelector("[data-autosave-status]");
    var banner = form.querySelector("[data-restore]");
    var savedAt = form.getAttribute("data-saved-at") || "";  // when the server last saved the draft on this page
    var store = storage();
    var dirty = false;
    var saving = false;
    var submitting = false;
    var stopped = false;

    setUpWordCount(form, body);

    function localKey() {
      return PREFIX + (idInput && idInput.value ? idInput.value : "new");
    }

    function say(message, link) {
      if (!status) {
        return;
      }
      status.textContent = message;
      if (link) {
        var anchor = document.createElement("a");
        anchor.href = link.href;
        anchor.textContent = link.text;
        status.appendChild(document.createTextNode(" "));
        status.appendChild(anchor);
      }
    }

    function keepLocalCopy() {
      if (!store || !body) {
        return;
      }
      try {
        // "base" is the server's save these words were typed on top of: while the server still has that save,
        // these words are newer than it, whatever the clocks say.
        store.setItem(localKey(), JSON.stringify({title: title ? title.value : "", body: body.value,
                                                  at: Date.now(), base: savedAt}));
      } catch (error) {
        // A full or blocked storage must never stop the person writing.
      }
    }

    function forgetLocalCopies(id) {
      if (!store) {
        return;
      }
      store.removeItem(PREFIX + "new");
      if (id) {
        store.removeItem(PREFIX + id);
      }
    }

    function formData() {
      var data = new FormData(form);
      data.delete("action");
      return data;
    }

    function hasWords() {
      return (title && title.value.trim() !== "") || (body && body.value.trim() !== "");
    }

    function save() {
      if (!dirty || saving || stopped || submitting || !hasWords()) {
        return;
      }
      saving = true;
      dirty = false;
      var sentBody = body ? body.value : "";
      var sentTitle = title ? title.value : "";
      fetch(url, {method: "POST", body: formData(), credentials: "same-origin",
                  headers: {"Accept": "application/json"}})
        .then(function (response) {
          return response.json().then(function (answer) { return {status: response.status, answer: answer}; });
        })
        .then(function (result) {
          var answer = result.answer || {};
          if (answer.saved) {
            savedAt = answer.saved_at || savedAt;
            if (idInput && answer.story_id) {
              idInput.value = String(answer.story_id);
              if (store) {
                store.removeItem(PREFIX + "new");  // from now on the copy is kept under the story's own number
              }
              if (answer.write_url && window.history && window.history.replaceState) {
                window.history.replaceState(null, "", answer.write_url);
              }
            }
            if ((body ? body.value : "") === sentBody && (title ? title.value : "") === sentTitle) {
              forgetLocalCopies(answer.story_id);
            } else {
              keepLocalCopy();  // typed while it saved: still newer than the server's copy
            }
            say((answer.message || "Saved") + " at " + timeNow() + ".");
          } else if (answer.signed_out) {
            stopped = true;
            say(answer.message, {href: answer.sign_in_url, text: "Sign in again"});
          } else if (result.status >= 400) {
            dirty = true;
            say(answer.message || UNSAVED);
          }
        })
        .catch(function () {
          dirty = true;
          say(UNSAVED);
        })
        .then(function () {
          saving = false;
        });
    }

    function saveOnLeaving() {
      if (!dirty || submitting || stopped || !hasWords()) {
        return;
      }
      dirty = false;
      keepLocalCopy();
      var data = formData();
      if (navigator.sendBeacon && navigator.sendBeacon(url, data)) {
        return;
      }
      fetch(url, {method: "POST", body: data, credentials: "same-origin", keepalive: true,
                  headers: {"Accept": "application/json"}}).catch(function () {});
    }

    function putBack(words) {
      if (title) {
        title.value = words.title || "";
      }
      body.value = words.body || "";
      body.dispatchEvent(new Event("input", {bubbles: true}));
    }

    function showBanner(mode) {
      banner.hidden = false;
      Array.prototype.forEach.call(banner.querySelectorAll("[data-restore-mode]"), function (part) {
        part.hidden = part.getAttribute("data-restore-mode") !== mode;
      });
    }

    function offerRestore() {
      // Words on this device the server never got. Typed on top of the draft the server still has: they are
      // newer, so they go straight back and the person is told (with a way back to the saved draft). Anything
      // else (typed elsewhere since, or before this page had a save time) is only offered.
      if (!store || !banner || !body) {
        return;
      }
      var saved;
      try {
        saved = JSON.parse(store.getItem(localKey()) || "null");
      } catch (error) {
        saved = null;
      }
      var onServer = {title: title ? title.defaultValue : "", body: body.defaultValue};
      function same(words, other) {
        return words.body === other.body && (words.title || "") === (other.title || "");
      }
      if (!saved || !(saved.body || saved.title) || same(saved, onServer)) {
        return;
      }
      if (same(saved, {title: title ? title.value : "", body: body.value})) {
        dirty = true;  // the browser put the words back itself (going back to the page): save them
        return;
      }
      if (saved.base === savedAt) {
        putBack(saved);
        showBanner("restored");
        say("We put back words kept on this device. We will save them as soon as we can.");
      } else {
        showBanner("offer");
      }
      banner.querySelector("[data-restore-yes]").addEventListener("click", function () {
        putBack(saved);
        banner.hidden = true;
        body.focus();
        save();
      });
      banner.querySelector("[data-restore-no]").addEventListener("click", function () {
        store.removeItem(localKey());
        banner.hidden = true;
      });
      banner.querySelector("[data-restore-undo]").addEventListener("click", function () {
        putBack(onServer);
        store.removeItem(localKey());
        dirty = false;
        banner.hidden = true;
        say("This is your saved story again.");
      });
    }

    form.addEventListener("input", function () {
      dirty = true;
      keepLocalCopy();
      if (!stopped) {
        say("");
      }
    });
    form.addEventListener("submit", function () {
      submitting = true;
    });
    window.addEventListener("pageshow", function () {
      submitting = false;  // back on this page (say after an error page): carry on saving
    });
    window.addEventListener("online", save);
    window.addEventListener("pagehide", saveOnLeaving);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") {
        saveOnLeaving();
      }
    });
    window.setInterval(save, SAVE_EVERY_MS);
    offerRestore();
  }

  function setUpPrint() {
    var buttons = document.querySelectorAll("[data-print]");
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  function forgetSentStory() {
    // The confirmation page: the story is on the server now, so this device need not keep any copy of it.
    var store = storage();
    if (!store || !document.querySelector("[data-reference]")) {
      return;
    }
    Object.keys(store).forEach(function (key) {
      if (key.indexOf(PREFIX) === 0) {
        store.removeItem(key);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form[data-autosave]");
    if (form) {
      setUpAutosave(form);
    }
    setUpPrint();
    forgetSentStory();
  });
})();
