// 360° tour of a hall: the panorama with a marker per booth; a marker opens the virtual booth.
import { Viewer } from "@photo-sphere-viewer/core";
import { MarkersPlugin } from "@photo-sphere-viewer/markers-plugin";

const container = document.getElementById("tour");
const hotspots = JSON.parse(document.getElementById("tour-markers").textContent);

function markerHtml(hotspot) {
  const link = document.createElement("a");
  link.className = "tour-marker";
  link.href = hotspot.url;
  link.textContent = hotspot.label.split(" · ")[0];
  link.setAttribute("aria-label", hotspot.label);
  return link.outerHTML;
}

const viewer = new Viewer({
  container,
  panorama: container.dataset.panorama,
  defaultZoomLvl: 0,
  navbar: ["zoom", "move", "fullscreen"],
  plugins: [
    [
      MarkersPlugin,
      {
        markers: hotspots.map((hotspot) => ({
          id: hotspot.id,
          position: { yaw: hotspot.yaw, pitch: hotspot.pitch },
          html: markerHtml(hotspot),
          anchor: "center center",
          tooltip: hotspot.label,
          data: { url: hotspot.url },
        })),
      },
    ],
  ],
});
const markers = viewer.getPlugin(MarkersPlugin);
markers.addEventListener("select-marker", ({ marker }) => {
  window.location.href = marker.data.url;
});
viewer.addEventListener("ready", () => container.setAttribute("data-ready", "true"), { once: true });
