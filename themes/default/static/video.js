// Video blocks (docs/panduan-penulis.md, "Video"). Each is a link to the
// video on its host; nothing is asked of the host until the reader presses
// play. This turns the link into a play button that puts the host's
// privacy-mode player (the only frames the site's policy allows) in its
// place. Without JavaScript the link stays.
(function () {
  var me = document.currentScript;
  var play = (me && me.getAttribute("data-play")) || "Putar video";
  var blocks = document.querySelectorAll("figure.video[data-embed]");
  Array.prototype.forEach.call(blocks, function (fig) {
    var link = fig.querySelector("a.video-link");
    if (!link) return;
    var title = fig.querySelector(".video-title");
    var name = title ? title.textContent : "";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "video-link";
    // Printed after the title (the theme's print style).
    button.setAttribute("data-href", link.href);
    // Said before the visible title, so the name still holds what is seen.
    var said = document.createElement("span");
    said.className = "vh";
    said.textContent = play + ": ";
    button.appendChild(said);
    while (link.firstChild) button.appendChild(link.firstChild);
    link.parentNode.replaceChild(button, link);
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = fig.getAttribute("data-embed");
      frame.title = name;
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.allowFullscreen = true;
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      fig.replaceChild(frame, button);
      frame.focus();
    });
  });
})();
