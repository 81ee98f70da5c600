// "/" focuses the search box, as on many reading sites; ignored while typing in a field.
document.addEventListener("keydown", (event) => {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return;
  const box = document.getElementById("q") || document.getElementById("header-q");
  if (box) { event.preventDefault(); box.focus(); box.select(); }
});
