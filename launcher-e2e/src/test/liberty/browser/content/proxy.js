/*
 * The npm wslink package's ProcessLauncher starts a demo session; the page then talks to the
 * session through the launcher's own proxy on the page's origin: a text echo, a 2 MiB binary
 * echo, a close from the page with its code, and a second socket closed by the session's end
 * (the client's stop()). What it sees goes into window.e2e for the Java test.
 */
(function () {
  "use strict";

  const params = new URLSearchParams(window.location.search);
  const form = params.get("form") || "session";
  const state = { form: form, steps: [], connection: null, textEcho: null, binaryEqual: null,
    pageClose: null, endClose: null, endCloseMillis: null, outcome: null, done: false };
  window.e2e = state;

  const log = document.getElementById("log");
  function step(name, detail) {
    state.steps.push(name);
    log.textContent += name + (detail === undefined ? "" : " " + JSON.stringify(detail)) + "\n";
  }
  function finish(outcome) {
    if (!state.done) {
      state.outcome = outcome;
      step("finished: " + outcome);
      document.body.dataset.state = outcome === "ok" ? "passed" : "failed";
      state.done = true;
    }
  }
  function proxied(id) {
    const base = (location.protocol === "https:" ? "wss://" : "ws://") + location.host;
    return form === "proxy"
      ? base + "/proxy?sessionId=" + encodeURIComponent(id) + "&path=ws"
      : base + "/session/" + encodeURIComponent(id) + "/ws";
  }
  function open(url) {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.binaryType = "arraybuffer";
      socket.onopen = () => resolve(socket);
      socket.onerror = () => reject(new Error("WebSocket to " + url + " failed"));
    });
  }
  function next(socket) {
    return new Promise((resolve) => { socket.onmessage = (event) => resolve(event.data); });
  }
  function closed(socket) {
    return new Promise((resolve) => {
      socket.onclose = (event) => resolve({ code: event.code, reason: event.reason });
    });
  }

  const launcher = window.wslink.ProcessLauncher.newInstance({
    endPoint: new URL("paraview/", window.location.href).href,
  });
  launcher.onError((xhr) => {
    step("launcher error", xhr && xhr.status);
    finish("start-failed");
  });
  launcher.onProcessReady(async (connection) => {
    state.connection = connection;
    step("ProcessReady", connection.id);
    try {
      const url = proxied(connection.id);
      const socket = await open(url);
      step("open", url);
      socket.send("hello through the launcher");
      state.textEcho = String(await next(socket));
      step("text echo", state.textEcho);

      const bytes = new Uint8Array(2 * 1024 * 1024);
      for (let i = 0; i < bytes.length; i++) {
        bytes[i] = (i * 31 + 7) & 0xff;
      }
      socket.send(bytes);
      const back = new Uint8Array(await next(socket));
      state.binaryEqual = back.length === bytes.length && back.every((b, i) => b === bytes[i]);
      step("binary echo", { length: back.length, equal: state.binaryEqual });

      const pageClosed = closed(socket);
      socket.close(4000, "page is done");
      state.pageClose = await pageClosed;
      step("closed by the page", state.pageClose);

      const second = await open(url);
      const ended = closed(second);
      const before = performance.now();
      launcher.stop(connection);
      state.endClose = await ended;
      state.endCloseMillis = Math.round(performance.now() - before);
      step("closed by the session's end", state.endClose);
      finish("ok");
    } catch (e) {
      step("error", String(e));
      finish("failed");
    }
  });

  document.body.dataset.state = "running";
  step("start");
  launcher.start({ application: "demo" });
})();
