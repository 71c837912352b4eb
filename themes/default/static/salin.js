// "Salin kode" buttons for the badge snippet on library pages. Progressive
// enhancement: the buttons start hidden and the read-only text box can be
// selected and copied by hand; this only shows and wires the buttons.
(function () {
  var buttons = document.querySelectorAll("button[data-copy]");
  Array.prototype.forEach.call(buttons, function (b) {
    var box = document.getElementById(b.getAttribute("data-copy"));
    var status = document.getElementById(b.getAttribute("data-status"));
    if (!box) return;
    var done = function () {
      if (status) status.textContent = b.getAttribute("data-done");
    };
    var byHand = function () {
      box.focus();
      box.select();
      try {
        if (document.execCommand("copy")) done();
      } catch (e) {
        // The text stays selected: the reader copies it.
      }
    };
    b.hidden = false;
    b.addEventListener("click", function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(box.value).then(done, byHand);
      } else {
        byHand();
      }
    });
  });
})();
