/* Progressive enhancement only: every page works without this file.
   - Moves focus to the error summary so keyboard and screen-reader users start there.
   - Stops a second submission of a form while the first is on its way (a double
     click would otherwise spend an OTP or an attempt twice). */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector(".error-summary");
    if (summary) {
      summary.focus();
    }
    var forms = document.querySelectorAll("form");
    for (var i = 0; i < forms.length; i++) {
      forms[i].addEventListener("submit", function (event) {
        if (this.getAttribute("data-sent") === "1") {
          event.preventDefault();
          return;
        }
        this.setAttribute("data-sent", "1");
      });
    }
  });
})();
