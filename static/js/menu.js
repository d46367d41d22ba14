// The phone menu is a <details> element: it opens and closes without this script. This only adds
// what a script can: Escape closes it and gives the focus back to its button, and a click outside
// the open menu closes it.
(function () {
  "use strict";
  var menu = document.querySelector("[data-phone-menu]");
  if (!menu) return;
  var button = menu.querySelector("summary");
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu.open) {
      menu.open = false;
      button.focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (menu.open && !menu.contains(event.target)) menu.open = false;
  });
})();
