/* The explainer's small script (no dependencies, no requests). Without it every link works.

   1. Preview cards. A glossary link or a note marker (a[data-preview]) opens a card beside
      it on hover, on keyboard focus, and on the first tap on a touch screen (the second tap,
      or the card's own link, navigates). Escape closes it. The card is the link's
      description for screen readers (aria-describedby). Its text is on the page already:
      a hidden card per term or note (.explainer-previews), or the note in the notes list.
   2. The reader's place on the timeline: the strip's mark of the entry being read is
      marked (aria-current) while scrolling. */
(function () {
  "use strict";

  var card = null; // the one open card
  var owner = null; // the link it belongs to
  var lastPointer = "mouse";
  var showTimer = 0;
  var hideTimer = 0;

  function source(link) {
    return document.getElementById(link.getAttribute("data-preview"));
  }

  function build(link) {
    var from = source(link);
    if (!from) return null;
    var box = document.createElement("div");
    box.className = "explainer-popover";
    box.id = "explainer-popover";
    box.setAttribute("role", "tooltip");
    var inner = from.cloneNode(true);
    inner.removeAttribute("id");
    inner.removeAttribute("hidden");
    Array.prototype.forEach.call(inner.querySelectorAll("[id]"), function (el) {
      el.removeAttribute("id");
    });
    if (from.tagName === "LI") {
      // A note: its text, and a link to it in the notes list.
      var body = document.createElement("div");
      body.className = "explainer-popover__note " + from.className;
      body.innerHTML = inner.innerHTML;
      box.appendChild(body);
      var more = document.createElement("a");
      more.className = "explainer-card__more";
      more.href = "#" + from.id;
      more.textContent = "Go to the note \u2192";
      box.appendChild(more);
    } else {
      box.innerHTML = inner.innerHTML;
    }
    box.addEventListener("mouseenter", function () {
      clearTimeout(hideTimer);
    });
    box.addEventListener("mouseleave", function () {
      scheduleHide();
    });
    return box;
  }

  function place(box, link) {
    var rect = link.getBoundingClientRect();
    var width = Math.min(352, document.documentElement.clientWidth - 16);
    box.style.width = width + "px";
    var left = rect.left + window.scrollX;
    var maxLeft = window.scrollX + document.documentElement.clientWidth - width - 8;
    left = Math.max(window.scrollX + 8, Math.min(left, maxLeft));
    box.style.left = left + "px";
    var below = rect.bottom + window.scrollY + 6;
    box.style.top = below + "px";
    var height = box.offsetHeight;
    if (rect.bottom + 6 + height > window.innerHeight && rect.top - 6 - height > 0) {
      box.style.top = rect.top + window.scrollY - 6 - height + "px";
    }
  }

  function show(link) {
    clearTimeout(hideTimer);
    clearTimeout(showTimer);
    if (owner === link && card) return;
    hide();
    var box = build(link);
    if (!box) return;
    document.body.appendChild(box);
    place(box, link);
    card = box;
    owner = link;
    link.setAttribute("aria-describedby", box.id);
    link.setAttribute("aria-expanded", "true");
  }

  function hide() {
    clearTimeout(hideTimer);
    if (card) card.remove();
    if (owner) {
      owner.removeAttribute("aria-describedby");
      owner.removeAttribute("aria-expanded");
    }
    card = null;
    owner = null;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  function previews() {
    var links = document.querySelectorAll("a[data-preview]");
    Array.prototype.forEach.call(links, function (link) {
      if (!source(link)) return;
      link.addEventListener("pointerdown", function (event) {
        lastPointer = event.pointerType || "mouse";
      });
      link.addEventListener("mouseenter", function () {
        if (lastPointer === "touch") return;
        clearTimeout(showTimer);
        showTimer = setTimeout(function () {
          show(link);
        }, 120);
      });
      link.addEventListener("mouseleave", function () {
        clearTimeout(showTimer);
        if (owner === link) scheduleHide();
      });
      link.addEventListener("focus", function () {
        // A tap focuses the link too: the tap's click decides (first tap opens the card).
        if (lastPointer !== "touch") show(link);
      });
      link.addEventListener("blur", function () {
        if (owner === link) scheduleHide();
      });
      link.addEventListener("click", function (event) {
        // First tap on a touch screen: the card, not the page. Second tap: the page.
        if (lastPointer === "touch" && owner !== link) {
          event.preventDefault();
          show(link);
        }
      });
    });
    document.addEventListener("keydown", function (event) {
      lastPointer = "keyboard";
      if (event.key === "Escape" && card) hide();
    });
    document.addEventListener("pointerdown", function (event) {
      lastPointer = event.pointerType || "mouse";
      if (card && !card.contains(event.target) && !(owner && owner.contains(event.target))) {
        hide();
      }
    });
    window.addEventListener("resize", function () {
      if (card && owner) place(card, owner);
    });
  }

  function place_on_strip() {
    var strip = document.querySelector(".explainer-strip");
    if (!strip || !("IntersectionObserver" in window)) return;
    var marks = {};
    Array.prototype.forEach.call(strip.querySelectorAll("a[href^='#']"), function (mark) {
      marks[mark.getAttribute("href").slice(1)] = mark;
    });
    var headings = Array.prototype.filter.call(
      document.querySelectorAll(".md-typeset h2[id]"),
      function (h) {
        return marks[h.id];
      }
    );
    if (!headings.length) return;
    var current = null;
    function mark(id) {
      if (current === id) return;
      if (current && marks[current]) marks[current].removeAttribute("aria-current");
      current = id;
      if (id && marks[id]) marks[id].setAttribute("aria-current", "location");
    }
    function update() {
      var top = strip.getBoundingClientRect().bottom + 8;
      var id = null;
      for (var i = 0; i < headings.length; i++) {
        if (headings[i].getBoundingClientRect().top <= top + 40) id = headings[i].id;
        else break;
      }
      mark(id || headings[0].id);
    }
    var observer = new IntersectionObserver(update, { rootMargin: "0px 0px -50% 0px" });
    headings.forEach(function (h) {
      observer.observe(h);
    });
    window.addEventListener("scroll", update, { passive: true });
    update();
  }

  function clamp_summary() {
    // On a phone the summary and the key moments share the first screen: a long summary
    // shows its first lines and a button for the rest.
    var summary = document.querySelector(".explainer-summary");
    if (!summary || !window.matchMedia("(max-width: 44.984375em)").matches) return;
    var points = summary.querySelectorAll("li").length;
    summary.classList.add("is-clamped");
    if (summary.scrollHeight <= summary.clientHeight + 8) {
      summary.classList.remove("is-clamped");
      return;
    }
    summary.id = summary.id || "explainer-summary";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "explainer-summary__more";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", summary.id);
    button.textContent = "Show all " + points + " points";
    button.addEventListener("click", function () {
      summary.classList.remove("is-clamped");
      button.remove();
    });
    summary.parentNode.insertBefore(button, summary.nextSibling);
  }

  function init() {
    clamp_summary();
    previews();
    place_on_strip();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
