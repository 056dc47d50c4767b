// The administrators' dashboard: one EventSource on admin/events keeps the table of live sessions,
// the free-resources gauge and the counts per application up to date; no polling. A row's stop
// button DELETEs the session, its log button shows the end of its log.
let endpoint = "paraview";
const rows = new Map();

function age(createdAt) {
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(createdAt)) / 1000));
  return seconds < 120 ? seconds + " s" : Math.round(seconds / 60) + " min";
}

// Idle since the last proxied traffic or connection seen; a session with a proxied connection
// open is in use.
function idle(session) {
  if (session.proxiedConnections > 0) {
    return "in use";
  }
  return session.lastActivity ? age(session.lastActivity) : "";
}

function render() {
  const body = document.querySelector("#sessions tbody");
  body.replaceChildren(...[...rows.values()].map((session) => {
    const tr = document.createElement("tr");
    tr.id = "session-" + session.id;
    for (const text of [session.id, session.owner, session.application, session.state,
      age(session.createdAt), session.host + ":" + session.port, idle(session),
      String(session.proxiedConnections ?? "")]) {
      const td = document.createElement("td");
      td.textContent = text;
      tr.append(td);
    }
    const actions = document.createElement("td");
    const stop = document.createElement("button");
    stop.textContent = "stop";
    stop.className = "stop";
    stop.addEventListener("click", () => fetch(endpoint + "/" + session.id, { method: "DELETE" }));
    const log = document.createElement("button");
    log.textContent = "log";
    log.addEventListener("click", async () => {
      const answer = await fetch(endpoint + "/" + session.id + "/log?bytes=8192");
      document.getElementById("log").textContent = await answer.text();
    });
    actions.append(stop, log);
    tr.append(actions);
    return tr;
  }));
  const counts = {};
  for (const session of rows.values()) {
    counts[session.application] = (counts[session.application] || 0) + 1;
  }
  document.getElementById("perApplication").textContent = "Per application: "
    + (Object.entries(counts).map(([app, n]) => app + " " + n).join(", ") || "none");
}

const events = new EventSource("admin/events");
events.addEventListener("open", () => {
  document.getElementById("status").textContent = "Live";
});
events.addEventListener("error", () => {
  document.getElementById("status").textContent = "Reconnecting…";
  rows.clear();
});
events.addEventListener("session", (event) => {
  const session = JSON.parse(event.data);
  if (session.state === "ended") {
    rows.delete(session.id);
  } else {
    rows.set(session.id, session);
  }
  render();
});
events.addEventListener("resources", (event) => {
  const resources = JSON.parse(event.data);
  endpoint = resources.endpoint;
  const gauge = document.getElementById("gauge");
  gauge.max = resources.total;
  gauge.value = resources.free;
  document.getElementById("free").textContent = resources.free + " of " + resources.total;
});
setInterval(render, 5000);
