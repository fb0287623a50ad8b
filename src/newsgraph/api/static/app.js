// Progressive enhancement only: every page works without it.
// "Show only" in the article's side panel keeps one speaker's quotes coloured.
document.addEventListener("DOMContentLoaded", () => {
  const text = document.getElementById("article-text");
  if (!text) return;
  const buttons = Array.from(document.querySelectorAll("button.focus-speaker"));
  buttons.forEach((button) => {
    button.addEventListener("click", () => {
      const pressed = button.getAttribute("aria-pressed") === "true";
      buttons.forEach((b) => b.setAttribute("aria-pressed", "false"));
      text.querySelectorAll(".quote.chosen").forEach((q) => q.classList.remove("chosen"));
      if (pressed) {
        text.classList.remove("dimmed");
        return;
      }
      button.setAttribute("aria-pressed", "true");
      text.classList.add("dimmed");
      text.querySelectorAll('.quote[data-speaker="' + button.dataset.speaker + '"]').forEach((q) => q.classList.add("chosen"));
    });
  });
});
