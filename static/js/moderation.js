// Progressive enhancement for the review screen: select words in the story to fill in "Words to remove".
// Without this file a moderator types or pastes the words instead; everything still works.
document.addEventListener("DOMContentLoaded", function () {
  var text = document.querySelector("[data-story-text]");
  var form = document.querySelector("[data-manual-redaction]");
  if (!text || !form) {
    return;
  }
  var input = form.querySelector("input[name$='text']");
  if (!input) {
    return;
  }
  text.addEventListener("mouseup", function () {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !text.contains(selection.anchorNode)) {
      return;
    }
    var words = selection.toString().trim();
    if (words && words.indexOf("\n") === -1 && words.length <= 200) {
      input.value = words;
      input.focus();
    }
  });
});

// A number in the story links to its suggestion; a decided one is folded away, so open it first.
function openSuggestionFromHash() {
  var target = window.location.hash && document.getElementById(window.location.hash.slice(1));
  var details = target && target.closest("details");
  if (details && !details.open) {
    details.open = true;
    target.scrollIntoView();
  }
}
window.addEventListener("hashchange", openSuggestionFromHash);
document.addEventListener("DOMContentLoaded", openSuggestionFromHash);
