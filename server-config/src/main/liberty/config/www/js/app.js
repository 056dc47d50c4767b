// Starts a demo session the way a ParaViewWeb client does, and shows the launcher's answer.
document.getElementById("start").addEventListener("click", async () => {
  const answer = await fetch("paraview/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ application: "demo" }),
  });
  document.getElementById("session").textContent = JSON.stringify(await answer.json(), null, 2);
});
