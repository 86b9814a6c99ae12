// Progressive enhancement only: everything works without this file.
// Moves focus to the error summary of a form that came back with errors.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
});

// The installable web app (R-OPR-6): registers the service worker, which stores only the
// static assets and the offline page (platform/web/src/pwa.rs).
if ("serviceWorker" in navigator) {
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js").catch(function () { /* stays a web page */ });
  });
}

// Voice messages: a file input marked for recording (platform/forms.html, record=true) gets
// a button that records with the microphone; the recording becomes the input's file, so the
// form sends it exactly like a chosen audio file, and an audio player lets the person listen
// first. The labels come from the input's data attributes (the page's texts). Without
// JavaScript, a recorder or the microphone, the input stays a plain file choice.
document.addEventListener("DOMContentLoaded", function () {
  if (!window.MediaRecorder || !navigator.mediaDevices || !window.DataTransfer) { return; }
  var inputs = document.querySelectorAll("input[type=file][data-record-start]");
  Array.prototype.forEach.call(inputs, function (input) {
    var box = document.createElement("div");
    box.className = "voice-recorder";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "kern-btn kern-btn--secondary";
    var label = document.createElement("span");
    label.className = "kern-label";
    label.textContent = input.dataset.recordStart;
    button.appendChild(label);
    var status = document.createElement("p");
    status.className = "kern-body";
    status.setAttribute("role", "status");
    var player = document.createElement("audio");
    player.controls = true;
    player.hidden = true;
    box.appendChild(button);
    box.appendChild(status);
    box.appendChild(player);
    input.parentNode.appendChild(box);
    var recorder = null;
    var chunks = [];
    function recorded() {
      var type = (recorder.mimeType || "audio/webm").split(";")[0];
      var blob = new Blob(chunks, { type: type });
      var ext = type.indexOf("ogg") >= 0 ? "ogg" : type.indexOf("mp4") >= 0 ? "m4a" : "webm";
      var transfer = new DataTransfer();
      transfer.items.add(new File([blob], "voice." + ext, { type: type }));
      input.files = transfer.files;
      if (player.src) { URL.revokeObjectURL(player.src); }
      player.src = URL.createObjectURL(blob);
      player.hidden = false;
      label.textContent = input.dataset.recordStart;
      status.textContent = input.dataset.recordDone;
    }
    button.addEventListener("click", function () {
      if (recorder && recorder.state === "recording") { recorder.stop(); return; }
      navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
        chunks = [];
        recorder = new MediaRecorder(stream);
        recorder.addEventListener("dataavailable", function (e) {
          if (e.data && e.data.size) { chunks.push(e.data); }
        });
        recorder.addEventListener("stop", function () {
          stream.getTracks().forEach(function (t) { t.stop(); });
          recorded();
        });
        recorder.start();
        label.textContent = input.dataset.recordStop;
        status.textContent = input.dataset.recordRunning;
      }).catch(function () {
        status.textContent = input.dataset.recordDenied;
      });
    });
  });
});

// Live pages: an element with an id and data-live (the address of a server-sent event stream,
// e.g. a conversation's messages) is refreshed from the page's own address whenever the
// stream reports a change, and a status line announces it (data-live-notice). Nothing else on
// the page changes, so a text being typed stays. Without JavaScript the page is reloaded by
// hand.
document.addEventListener("DOMContentLoaded", function () {
  if (!window.EventSource || !window.fetch || !window.DOMParser) { return; }
  Array.prototype.forEach.call(document.querySelectorAll("[data-live][id]"), function (el) {
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    el.parentNode.insertBefore(status, el.nextSibling);
    var source = new EventSource(el.dataset.live);
    source.addEventListener("message", function () {
      fetch(window.location.href, { credentials: "same-origin", headers: { Accept: "text/html" } })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(el.id);
          if (!fresh) { return; }
          el.innerHTML = fresh.innerHTML;
          status.textContent = el.dataset.liveNotice;
        })
        .catch(function () { /* the next change, or a reload, shows it */ });
    });
  });
});
