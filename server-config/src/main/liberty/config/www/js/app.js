// Starts a demo session the way a ParaViewWeb client does, shows the launcher's answer, and says
// who the launcher takes the visitor for: a signed-on user, or everyone at once without sign-on.
async function showCaller() {
  const answer = await fetch("paraview/", { headers: { Accept: "application/json" } });
  const signOn = document.getElementById("signOn");
  if (!answer.ok) {
    signOn.textContent = "The launcher refused: " + (await answer.json()).error;
    return;
  }
  const listing = await answer.json();
  signOn.textContent = listing.signedOn
    ? "Signed on as " + listing.user + (listing.admin ? " (administrator: every session is listed)" : "") + "."
    : "Sign-on is off: every visitor is 'anonymous' and may start and stop any session. "
      + "Fine on this machine's loopback address; configure sign-on before opening the launcher to others.";
  const list = document.getElementById("sessions");
  list.replaceChildren(...listing.sessions.map((session) => {
    const item = document.createElement("li");
    item.textContent = session.application + " " + session.id + " (" + session.state + ", " + session.owner + ")";
    return item;
  }));
}

document.getElementById("start").addEventListener("click", async () => {
  const answer = await fetch("paraview/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ application: "demo" }),
  });
  document.getElementById("session").textContent = JSON.stringify(await answer.json(), null, 2);
  await showCaller();
});

showCaller();
