// The session player: HLS with hls.js (Media Source Extensions), or the browser's own HLS
// (Safari); a heartbeat every 30 s while playing lets the server count viewers.
(function () {
  "use strict";
  var video = document.getElementById("session-player");
  if (!video) {
    return;
  }
  var status = document.querySelector("[data-player-status]");
  var source = video.getAttribute("data-src");
  var heartbeatUrl = video.getAttribute("data-heartbeat");
  var every = 30000;
  var timer = null;

  function setState(state, text) {
    video.setAttribute("data-state", state);
    if (status && text !== undefined) {
      status.textContent = text;
    }
  }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function beat() {
    if (video.paused || video.ended) {
      return;
    }
    fetch(heartbeatUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken() }
    }).then(function (response) {
      video.setAttribute("data-heartbeats", String(Number(video.getAttribute("data-heartbeats") || 0) + (response.ok ? 1 : 0)));
    }).catch(function () { /* counting is best effort */ });
  }

  video.addEventListener("playing", function () {
    setState("playing", "");
    beat();
    if (timer === null) {
      timer = window.setInterval(beat, every);
    }
  });
  video.addEventListener("pause", function () { setState("paused"); });

  function failed() {
    setState("error", video.getAttribute("data-error-text"));
  }

  function start() {
    var played = video.play();
    if (played && played.catch) {
      played.catch(function () { setState("ready"); });
    }
  }

  if (window.Hls && window.Hls.isSupported()) {
    var hls = new window.Hls({ lowLatencyMode: true });
    hls.on(window.Hls.Events.MANIFEST_PARSED, function () { setState("ready"); start(); });
    hls.on(window.Hls.Events.ERROR, function (event, data) {
      if (data && data.fatal) {
        failed();
      }
    });
    hls.loadSource(source);
    hls.attachMedia(video);
  } else if (video.canPlayType("application/vnd.apple.mpegurl")) {
    video.src = source;
    video.addEventListener("loadedmetadata", start);
    video.addEventListener("error", failed);
  } else {
    failed();
  }
})();
