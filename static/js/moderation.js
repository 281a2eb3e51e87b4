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
