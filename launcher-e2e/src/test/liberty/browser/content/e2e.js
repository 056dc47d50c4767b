/*
 * Drives the npm wslink package's ProcessLauncher the way SmartConnect does: start a session,
 * wait for its ProcessReady event, talk to the returned sessionURL, then stop it with the
 * client's own stop(). Everything observed goes into window.e2e (read by the Java test) and
 * into the page, so a person opening the page sees the same.
 */
(function () {
  "use strict";

  const params = new URLSearchParams(window.location.search);
  const endPoint = params.get("endPoint") || new URL("paraview/", window.location.href).href;
  const application = params.get("application") || "demo";
  const message = params.get("message") || "hello from the wslink page";

  const state = {
    endPoint: endPoint,
    application: application,
    sent: message,
    steps: [],
    requests: [],
    pageErrors: [],
    launcherErrors: [],
    connection: null,
    echo: null,
    stopped: null,
    outcome: null,
    done: false,
  };
  window.e2e = state;

  const log = document.getElementById("log");
  function step(name, detail) {
    state.steps.push(name);
    log.textContent += name + (detail === undefined ? "" : " " + JSON.stringify(detail)) + "\n";
  }
  function finish(outcome) {
    if (state.done) {
      return;
    }
    state.outcome = outcome;
    step("finished: " + outcome);
    document.body.dataset.state = outcome === "ok" ? "passed" : "failed";
    state.done = true;
  }

  // Records each request the client makes (method, URL, status, answer) without changing it.
  const originalOpen = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    const record = { method: String(method), url: String(url), status: null, response: null };
    const answered = new Promise((resolve) => {
      this.addEventListener("loadend", () => {
        record.status = this.status;
        record.response = this.responseType === "json" ? this.response : this.responseText;
        step("answered " + record.method + " " + record.url, record.status);
        resolve(record);
      });
    });
    // Not enumerable, so JSON.stringify(window.e2e) leaves it out.
    Object.defineProperty(record, "answered", { value: answered });
    state.requests.push(record);
    return originalOpen.apply(this, arguments);
  };

  // An exception thrown inside the client's own callbacks lands here.
  window.addEventListener("error", (event) => {
    state.pageErrors.push(String(event.message));
    step("page error", String(event.message));
  });

  if (!window.wslink || !window.wslink.ProcessLauncher) {
    step("wslink.js did not load");
    finish("no-wslink");
    return;
  }

  const launcher = window.wslink.ProcessLauncher.newInstance({ endPoint: endPoint });

  launcher.onError((xhr) => {
    const error = { status: xhr && xhr.status, response: xhr && xhr.response };
    state.launcherErrors.push(error);
    step("launcher error event", error);
    if (!state.connection) {
      finish("start-failed");
    }
  });

  launcher.onProcessStopped((response) => {
    state.stopped = response;
    step("ProcessStopped event", response);
  });

  launcher.onProcessReady((connection) => {
    state.connection = connection;
    step("ProcessReady event", connection);
    let socket;
    try {
      socket = new WebSocket(connection.sessionURL);
    } catch (e) {
      step("WebSocket refused the URL", String(e));
      finish("bad-session-url");
      return;
    }
    socket.onopen = () => {
      step("WebSocket open");
      socket.send(message);
    };
    socket.onmessage = (event) => {
      state.echo = String(event.data);
      step("WebSocket message", state.echo);
      socket.close(1000, "done");
    };
    socket.onerror = () => {
      step("WebSocket error");
    };
    socket.onclose = (event) => {
      step("WebSocket closed", event.code);
      if (state.echo === null) {
        finish("no-echo");
        return;
      }
      stop(connection);
    };
  });

  function stop(connection) {
    const before = state.requests.length;
    launcher.stop(connection);
    const request = state.requests[before];
    if (!request || request.method !== "DELETE") {
      step("stop() sent no DELETE");
      finish("no-delete");
      return;
    }
    // Done once the DELETE is answered and the client's events had their turn (they are
    // delivered with setTimeout(0) after the load event).
    request.answered.then((answer) => {
      setTimeout(() => finish(answer.status === 200 ? "ok" : "stop-failed"), 0);
    });
  }

  document.body.dataset.state = "running";
  step("start", { endPoint: endPoint, application: application });
  launcher.start({ application: application });
})();
