// Progressive enhancements of the generated pages; everything works without them.
(function () {
  // Marks every piece of the passage named in the URL fragment, so a passage that is split
  // around an overlapping one is highlighted whole, not just its first piece.
  function highlight() {
    document.querySelectorAll(".xp-passage.xp-current").forEach(function (el) {
      el.classList.remove("xp-current");
    });
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    document.querySelectorAll(".xp-passage").forEach(function (el) {
      if ((el.getAttribute("data-q") || "").split(" ").indexOf(id) !== -1) {
        el.classList.add("xp-current");
      }
    });
  }

  // Keeps a citation preview or a marker's explanation inside the window: CSS opens it below
  // and to the right of its marker, which runs off the edge for markers near the right or
  // bottom of the screen. On phones CSS pins it to the bottom of the screen instead.
  var MARGIN = 8;
  function place(tip) {
    tip.style.left = "";
    tip.style.top = "";
    tip.style.bottom = "";
    var style = window.getComputedStyle(tip);
    if (style.display === "none" || style.position === "fixed") return;
    var width = document.documentElement.clientWidth;
    var rect = tip.getBoundingClientRect();
    var shift = 0;
    if (rect.right > width - MARGIN) shift = rect.right - (width - MARGIN);
    if (rect.left - shift < MARGIN) shift = rect.left - MARGIN;
    if (shift) tip.style.left = parseFloat(style.left) - shift + "px";
    var ownerTop = tip.parentElement.getBoundingClientRect().top;
    if (rect.bottom > window.innerHeight - MARGIN && ownerTop - rect.height - 2 * MARGIN > 0) {
      tip.style.top = "auto";
      tip.style.bottom = "1.2em";
    }
  }
  function tipOf(target) {
    if (!(target instanceof Element)) return null;
    var owner = target.closest(".xp-cite, .xp-badge");
    return owner && owner.querySelector(":scope > .xp-cite__preview, :scope > .xp-badge__tip");
  }
  function show(event) {
    var tip = tipOf(event.target);
    if (!tip) return;
    tip.closest(".xp-cite, .xp-badge").classList.remove("xp-tip-dismissed");
    place(tip);
  }
  document.addEventListener("mouseover", show);
  document.addEventListener("focusin", show);
  // Escape hides an open preview (WCAG 1.4.13: content on hover or focus is dismissible).
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".xp-cite:hover, .xp-cite:focus-within, .xp-badge:hover, .xp-badge:focus")
      .forEach(function (el) { el.classList.add("xp-tip-dismissed"); });
  });

  // Material's search dialog has no accessible name (axe: aria-dialog-name).
  function nameSearch() {
    document.querySelectorAll(".md-search[role=dialog]:not([aria-label])").forEach(function (el) {
      el.setAttribute("aria-label", "Search");
    });
  }

  function onPage() {
    highlight();
    nameSearch();
  }
  window.addEventListener("hashchange", highlight);
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(onPage); // Material's instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage);
  } else {
    onPage();
  }
})();
