// Copy and share buttons. Progressive enhancement: the buttons start
// hidden; without JavaScript the badge snippet's read-only box can be
// selected by hand and the share links work on their own. This shows and
// wires: "Salin kode" (data-copy: the id of a box), "Salin tautan"
// (data-copy-text: the text) and, where the browser has the Web Share
// API, the share button (data-share-url).
(function () {
  var show = function (b) {
    b.hidden = false;
    if (b.parentNode && b.parentNode.tagName === "LI") b.parentNode.hidden = false;
  };
  var wire = function (b, box, text) {
    var status = document.getElementById(b.getAttribute("data-status"));
    var done = function () {
      if (status) status.textContent = b.getAttribute("data-done");
    };
    var byHand = function () {
      var own = !box;
      if (own) {
        // A box to select, off screen, for browsers without the clipboard API.
        box = document.createElement("textarea");
        box.value = text;
        box.setAttribute("readonly", "");
        box.className = "vh";
        b.parentNode.appendChild(box);
      }
      box.focus();
      box.select();
      var copied = false;
      try {
        copied = document.execCommand("copy");
      } catch (e) {
        // The text stays selected: the reader copies it.
      }
      if (copied) done();
      if (own) {
        b.parentNode.removeChild(box);
        box = null;
        b.focus();
        // Not copied: the address is shown, to copy by hand.
        if (!copied && status) status.textContent = text;
      }
    };
    show(b);
    b.addEventListener("click", function () {
      var value = box ? box.value : text;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(value).then(done, byHand);
      } else {
        byHand();
      }
    });
  };
  var each = function (selector, f) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), f);
  };
  each("button[data-copy]", function (b) {
    var box = document.getElementById(b.getAttribute("data-copy"));
    if (box) wire(b, box, null);
  });
  each("button[data-copy-text]", function (b) {
    wire(b, null, b.getAttribute("data-copy-text"));
  });
  if (navigator.share) {
    each("button[data-share-url]", function (b) {
      show(b);
      b.addEventListener("click", function () {
        navigator
          .share({ title: b.getAttribute("data-share-title"), url: b.getAttribute("data-share-url") })
          .catch(function () {
            // Closed by the reader: nothing to do.
          });
      });
    });
  }
})();
