/* The web entrance scanner: camera (getUserMedia + jsQR), live scans with a nonce, and an
   offline mode that decides against a downloaded list (hashes of badge secrets + rules), keeps a
   queue in localStorage and uploads it when the network is back. A service worker keeps the page
   and its scripts available offline. */
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("scanner-config").textContent);
  const text = JSON.parse(document.getElementById("scanner-i18n").textContent);
  const listKey = "sf-scanner-list-" + config.device;
  const queueKey = "sf-scanner-queue-" + config.device;
  const resultBox = document.getElementById("scan-result");
  const recent = new Map(); // secret -> time, so one badge in front of the camera scans once

  function nonce() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }
  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, (_, key) => values[key]);
  }
  function load(key, fallback) {
    try { return JSON.parse(localStorage.getItem(key)) || fallback; } catch (e) { return fallback; }
  }
  function save(key, value) { localStorage.setItem(key, JSON.stringify(value)); }
  function queue() { return load(queueKey, []); }

  function updateStatus() {
    const net = document.getElementById("net-status");
    net.textContent = navigator.onLine ? net.dataset.online : net.dataset.offline;
    const q = document.getElementById("queue-status");
    q.textContent = format(q.dataset.template, { n: queue().length });
    q.dataset.count = String(queue().length);
    const list = load(listKey, null);
    const l = document.getElementById("list-status");
    l.textContent = format(l.dataset.template, { n: list ? list.badges.length : 0 });
    l.dataset.ready = list ? "1" : "0";
  }

  function show(kind, message, result) {
    resultBox.className = "scan-result " + kind;
    resultBox.textContent = message;
    resultBox.dataset.result = result || kind;
    resultBox.dataset.at = String(Date.now());
  }

  async function refreshList() {
    try {
      const response = await fetch(config.listUrl, { credentials: "same-origin" });
      if (!response.ok) return;
      const data = await response.json();
      const entered = load(listKey, { entered: [] }).entered || [];
      const merged = new Set(entered.map((e) => e.join("|")));
      data.entered.forEach((e) => merged.add(e.join("|")));
      data.entered = Array.from(merged, (e) => e.split("|"));
      save(listKey, data);
    } catch (e) { /* offline: keep the list we have */ }
    updateStatus();
  }

  async function sha256(value) {
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(value));
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function localDay(list, date) {
    return new Intl.DateTimeFormat("en-CA", { timeZone: list.timezone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
  }

  async function decideOffline(secret, gate, when) {
    // The same rules as the server's decide(), against the downloaded list.
    const list = load(listKey, null);
    if (!list) return "unknown";
    const hash = await sha256(secret);
    const badge = list.badges.find((row) => row[0] === hash);
    if (!badge) return "unknown";
    const [, type, personDays] = badge;
    const rule = list.rules[type] || { days: [], gates: [], reentry_allowed: true };
    const day = localDay(list, when);
    if (!list.days.includes(day)) return "wrong_day";
    if (rule.days.length && !rule.days.includes(day)) return "wrong_day";
    if (personDays.length && !personDays.includes(day)) return "wrong_day";
    const gateCode = gate || list.gate;
    if (rule.gates.length && !rule.gates.includes(gateCode)) return "wrong_gate";
    const key = hash + "|" + day;
    const entered = new Set(list.entered.map((e) => e.join("|")));
    if (entered.has(key) && !rule.reentry_allowed) return "already_inside";
    list.entered.push([hash, day]);
    save(listKey, list);
    return "accepted";
  }

  async function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": window.SCANNER_CSRF },
      body: JSON.stringify(body),
    });
  }

  async function handle(secret) {
    const now = Date.now();
    if (recent.has(secret) && now - recent.get(secret) < 3000) return;
    recent.set(secret, now);
    const gate = document.getElementById("gate-select").value;
    const item = { nonce: nonce(), secret: secret, gate: gate };
    if (navigator.onLine) {
      try {
        const response = await post(config.scanUrl, item);
        if (response.ok) {
          const data = await response.json();
          show(data.accepted ? "accepted" : "refused",
               (data.accepted ? text.accepted + " " + data.participant_name : text.refused + ": " + data.message),
               data.result);
          return;
        }
        if (response.status < 500) {
          show("refused", text.refused + " (" + response.status + ")", "error");
          return;
        }
      } catch (e) { /* the network is gone: decide here and queue it */ }
    }
    const when = new Date();
    const local = await decideOffline(secret, gate, when);
    const pending = queue();
    pending.push({ ...item, scanned_at: when.toISOString(), local_result: local });
    save(queueKey, pending);
    show(local === "accepted" ? "queued" : "refused",
         local === "accepted" ? text.queued : text.refused + ": " + local, local);
    updateStatus();
  }

  let syncing = false;
  async function sync() {
    const pending = queue();
    if (syncing || !pending.length || !navigator.onLine) return;
    syncing = true;
    try {
      const response = await post(config.batchUrl, { scans: pending });
      if (response.ok) {
        const data = await response.json();
        const done = new Set(data.results.map((r) => r.nonce));
        save(queueKey, queue().filter((item) => !done.has(item.nonce)));
        const out = document.getElementById("sync-result");
        out.textContent = format(text.synced, { n: data.results.length, c: data.conflicts.length });
        out.dataset.conflicts = String(data.conflicts.length);
        refreshList();
      }
    } catch (e) { /* still offline */ }
    syncing = false;
    updateStatus();
  }

  async function startCamera() {
    const video = document.getElementById("scanner-video");
    const canvas = document.getElementById("scanner-canvas");
    const context = canvas.getContext("2d", { willReadFrequently: true });
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
    } catch (e) {
      show("refused", text.noCamera, "no_camera");
      return;
    }
    video.srcObject = stream;
    await video.play();
    document.getElementById("scanner").dataset.camera = "on";
    function tick() {
      if (video.readyState === video.HAVE_ENOUGH_DATA) {
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        const code = jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
        if (code && code.data) handle(code.data);
      }
      requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  }

  document.getElementById("camera-start").addEventListener("click", startCamera);
  document.getElementById("manual-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = document.getElementById("manual-secret");
    const value = input.value.trim();
    input.value = "";
    recent.delete(value);
    if (value) handle(value);
  });
  window.addEventListener("online", () => { updateStatus(); sync(); });
  window.addEventListener("offline", updateStatus);
  setInterval(sync, 5000);
  setInterval(refreshList, 60000);
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(config.swUrl).then(() => {
      document.getElementById("scanner").dataset.sw = "registered";
    }).catch(() => {});
  }
  updateStatus();
  refreshList().then(sync);
  window.showfloorScanner = { sync: sync, queue: queue };
})();
