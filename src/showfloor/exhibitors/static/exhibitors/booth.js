// The virtual booth's 360° viewer: Photo Sphere Viewer on an equirectangular (2:1) panorama.
import { Viewer } from "@photo-sphere-viewer/core";

const container = document.getElementById("panorama-viewer");
if (container) {
  const viewer = new Viewer({
    container,
    panorama: container.dataset.panorama,
    caption: container.dataset.caption || "",
    defaultZoomLvl: 30,
    navbar: ["zoom", "move", "caption", "fullscreen"],
    loadingTxt: "",
  });
  viewer.addEventListener("ready", () => {
    container.dataset.ready = "true";
  }, { once: true });
  document.querySelectorAll("[data-panorama-src]").forEach((button) => {
    button.addEventListener("click", () => {
      container.dataset.ready = "false";
      viewer.setPanorama(button.dataset.panoramaSrc).then(() => {
        container.dataset.ready = "true";
      });
    });
  });
}
