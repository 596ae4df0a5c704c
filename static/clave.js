/* Progressive enhancement only: every page works without this file, which is the
   pages' only script (the CSP allows no inline code, so every text it shows comes
   from data-* attributes the templates fill from the catalogs).
   - Error summary: gets the focus on load, so keyboard and screen-reader users
     start there; its links move the focus to the field and show its label.
   - Forms: a second submission while the first is on its way is stopped (a double
     press would otherwise spend an OTP or an attempt twice).
   - Password fields: a "Show"/"Hide" button (a real <button>, announced through a
     polite status message).
   - New-password fields: the rules that can be checked in the browser (length,
     character groups) say, in words and with a mark, whether they are met.
   - SMS code pages: the "send a new code" button counts down its cool-down.
   - The challenge past the attempt limits: the ALTCHA widget (static/altcha.js)
     solves its proof-of-work by itself; the question and its SMS alternative are
     hidden while it works, and shown again if it cannot. A form sent before the
     browser finished goes as soon as it has. */
(function () {
  "use strict";

  function each(selector, root, fn) {
    var list = (root || document).querySelectorAll(selector);
    for (var i = 0; i < list.length; i++) fn(list[i]);
  }

  function text(el, value) {
    el.textContent = value;
  }

  /* ---- Error summary ------------------------------------------------------ */
  function errorSummary() {
    var summary = document.querySelector(".error-summary");
    if (!summary) return;
    summary.focus();
    each('a[href^="#"]', summary, function (link) {
      link.addEventListener("click", function (event) {
        var field = document.getElementById(link.getAttribute("href").slice(1));
        if (!field) return;
        event.preventDefault();
        var label = document.querySelector('label[for="' + field.id + '"]');
        (label || field).scrollIntoView();
        field.focus({ preventScroll: true });
      });
    });
  }

  /* ---- One submission per form -------------------------------------------- */
  function singleSubmit() {
    each("form", null, function (form) {
      form.addEventListener("submit", function (event) {
        if (event.defaultPrevented) return;
        if (form.getAttribute("data-sent") === "1") {
          event.preventDefault();
          return;
        }
        form.setAttribute("data-sent", "1");
        // Never leave a password readable (or stored as text by the browser).
        each("input[data-password]", form, function (input) {
          input.type = "password";
        });
      });
    });
    // Back to a page kept in the back/forward cache: its forms can be sent again.
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) {
        each("form[data-sent]", null, function (form) {
          form.removeAttribute("data-sent");
        });
      }
    });
  }

  /* ---- Show / hide password ------------------------------------------------ */
  function passwordToggles() {
    each(".field[data-password-toggle]", null, function (field) {
      var input = field.querySelector('input[type="password"]');
      if (!input) return;
      var d = field.dataset;
      var wrap = document.createElement("div");
      wrap.className = "password-input";
      input.parentNode.insertBefore(wrap, input);
      wrap.appendChild(input);
      input.setAttribute("data-password", "");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button--secondary password-input__toggle";
      button.setAttribute("aria-controls", input.id);
      wrap.appendChild(button);
      var status = document.createElement("p");
      status.className = "visually-hidden";
      status.setAttribute("aria-live", "polite");
      field.appendChild(status);
      function show(visible, announce) {
        input.type = visible ? "text" : "password";
        text(button, visible ? d.hide : d.show);
        button.setAttribute("aria-label", visible ? d.hideLabel : d.showLabel);
        if (announce) text(status, visible ? d.shown : d.hidden);
      }
      show(false, false);
      button.addEventListener("click", function () {
        show(input.type === "password", true);
      });
    });
  }

  /* ---- Live password rules ------------------------------------------------- */
  // The four groups of the policy (src/domain/password_rules.rs): lower case, upper
  // case (ñ and accented letters count), ASCII digits, the listed specials. Case is
  // told by toLowerCase/toUpperCase, which every browser has, not by \p{…} regular
  // expressions, which an old browser would fail to parse (losing the whole file).
  function groupsIn(value, specials) {
    var lower = false, upper = false, digit = false, special = false;
    Array.from(value).forEach(function (ch) {
      if (ch >= "0" && ch <= "9") digit = true;
      else if (specials.indexOf(ch) !== -1) special = true;
      else if (ch.toLowerCase() !== ch.toUpperCase()) {
        if (ch === ch.toLowerCase()) lower = true;
        else upper = true;
      }
    });
    return [lower, upper, digit, special].filter(Boolean).length;
  }

  function liveRules() {
    var box = document.querySelector("[data-live-rules]");
    var input = document.getElementById("new_password");
    if (!box || !input) return;
    var d = box.dataset;
    var min = Number(d.min), max = Number(d.max), groupsFrom = Number(d.groupsFrom);
    var status = document.querySelector("[data-rules-status]");
    var rules = {};
    each("[data-rule]", box, function (item) {
      var name = item.getAttribute("data-rule");
      if (name !== "length" && name !== "groups") return;
      var mark = document.createElement("span");
      mark.className = "rule__mark";
      mark.setAttribute("aria-hidden", "true");
      var state = document.createElement("span");
      state.className = "rule__state";
      item.insertBefore(state, item.firstChild);
      item.insertBefore(mark, item.firstChild);
      rules[name] = { item: item, mark: mark, state: state };
    });
    box.classList.add("rules--live");
    var timer = null, said = "";
    function update() {
      var value = input.value.normalize ? input.value.normalize("NFC") : input.value;
      var chars = Array.from(value).length;
      var met = {
        length: chars >= min && chars <= max,
        groups: chars > 0 && (chars >= groupsFrom || groupsIn(value, d.specials) >= 3),
      };
      var sentence = [];
      Object.keys(rules).forEach(function (name) {
        var r = rules[name];
        if (value === "") {
          // Nothing typed yet: the rules read as plain requirements.
          r.item.removeAttribute("data-state");
          text(r.mark, "\u2022");
          text(r.state, "");
          return;
        }
        r.item.setAttribute("data-state", met[name] ? "met" : "unmet");
        text(r.mark, met[name] ? "\u2713" : "\u2717");
        text(r.state, (met[name] ? d.met : d.unmet) + ": ");
        sentence.push(r.item.getAttribute("data-name") + ": " + (met[name] ? d.met : d.unmet) + ".");
      });
      // Announced once the citizen pauses, and only when something changed.
      clearTimeout(timer);
      timer = setTimeout(function () {
        var now = sentence.join(" ");
        if (status && now !== said && input.value !== "") {
          said = now;
          text(status, now);
        }
      }, 1000);
    }
    input.addEventListener("input", update);
    update();
  }

  /* ---- Resend countdown ---------------------------------------------------- */
  function resendCountdown() {
    each("button[data-resend-after]", null, function (button) {
      var left = parseInt(button.getAttribute("data-resend-after"), 10);
      if (!(left > 0)) return;
      var form = button.form;
      var label = button.textContent;
      var status = form && form.querySelector("[data-resend-status]");
      function tick() {
        if (left <= 0) {
          button.removeAttribute("aria-disabled");
          text(button, label);
          if (status) text(status, button.getAttribute("data-ready"));
          return;
        }
        button.setAttribute("aria-disabled", "true");
        text(button, label + " (" + button.getAttribute("data-wait").replace("__SECONDS__", String(left)) + ")");
        left -= 1;
        setTimeout(tick, 1000);
      }
      if (form) {
        form.addEventListener("submit", function (event) {
          if (button.getAttribute("aria-disabled") === "true") event.preventDefault();
        });
      }
      tick();
    });
  }

  /* ---- The challenge: the proof-of-work solves itself --------------------- */
  function proofOfWork() {
    each("[data-challenge]", null, function (box) {
      var widget = box.querySelector("altcha-widget");
      var form = box.closest("form");
      var usable = window.customElements && window.customElements.get("altcha-widget") &&
        window.crypto && window.crypto.subtle;
      if (!widget || !form || !usable) return;
      var manual = form.querySelectorAll("[data-challenge-manual]");
      var state = "unverified";
      var waiting = false;
      var shown = false;
      function show(visible) {
        shown = visible;
        for (var i = 0; i < manual.length; i++) manual[i].hidden = !visible;
      }
      function clearFieldError(id) {
        var input = document.getElementById(id);
        var message = document.getElementById(id + "-error");
        if (!input || !message) return;
        message.parentNode.removeChild(message);
        input.removeAttribute("aria-invalid");
        var described = (input.getAttribute("aria-describedby") || "")
          .split(" ")
          .filter(function (token) { return token && token !== id + "-error"; })
          .join(" ");
        if (described) input.setAttribute("aria-describedby", described);
        else input.removeAttribute("aria-describedby");
        var field = input.closest(".field");
        if (field) field.classList.remove("field--error");
      }
      function fallBack() {
        show(true);
        waiting = false;
        form.removeAttribute("data-sent");
      }
      show(false);
      // "Answer the question" is not for this browser: it says instead that the
      // form must be sent again (the password is never sent back to be kept).
      var retry = box.getAttribute("data-pow-retry");
      var summary = document.querySelector(".error-summary");
      if (retry && summary) {
        // The question's entry, and the "type your password (or code) again"
        // the server adds beside it, are both said by the notice below.
        each('a[href="#captcha_answer"], a[href="#password"], a[href="#activation_code"]', summary, function (link) {
          var item = link.parentNode;
          item.parentNode.removeChild(item);
          var id = link.getAttribute("href").slice(1);
          if (id !== "captcha_answer") clearFieldError(id);
        });
        if (!summary.querySelector("li")) {
          var notice = document.createElement("p");
          notice.className = "notice";
          notice.setAttribute("role", "status");
          text(notice, retry);
          summary.parentNode.replaceChild(notice, summary);
        }
      }
      // Never leave a citizen without a way through: a widget that has not
      // finished in 15 s gives the question back.
      var patience = setTimeout(function () {
        if (state !== "verified") fallBack();
      }, 15000);
      widget.addEventListener("statechange", function (event) {
        state = (event.detail && event.detail.state) || state;
        if (state === "verified") {
          clearTimeout(patience);
          // The widget writes its field after this event: make sure it is there.
          var field = form.querySelector('input[name="altcha"]');
          if (field && event.detail.payload) field.value = event.detail.payload;
          if (waiting) {
            waiting = false;
            setTimeout(function () {
              form.requestSubmit();
            }, 0);
          }
        } else if (state === "error" || state === "expired") {
          clearTimeout(patience);
          fallBack();
        }
      });
      // Registered before the single-submission guard, which then sees the
      // prevented event and lets the later submission through.
      form.addEventListener("submit", function (event) {
        if (state === "verified" || shown) return;
        event.preventDefault();
        waiting = true;
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    proofOfWork();
    passwordToggles();
    liveRules();
    resendCountdown();
    singleSubmit();
    errorSummary();
  });
})();
