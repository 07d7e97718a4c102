// Marks every piece of the passage named in the URL fragment, so a passage that is split
// around an overlapping one is highlighted whole, not just its first piece.
(function () {
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
  window.addEventListener("hashchange", highlight);
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(highlight); // Material's instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", highlight);
  }
})();
