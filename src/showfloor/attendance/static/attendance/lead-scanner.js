/* Booth scanning on the lead page: the camera reads the visitor's badge (jsQR) and fills in the
   badge code; the exhibitor adds a rating, notes and tags, then saves. */
(function () {
  "use strict";
  const button = document.getElementById("lead-camera");
  const video = document.getElementById("lead-video");
  const canvas = document.getElementById("lead-canvas");
  const input = document.getElementById("id_secret");
  if (!button || !input) return;
  button.addEventListener("click", async () => {
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    } catch (e) {
      button.textContent = button.dataset.noCamera;
      return;
    }
    video.hidden = false;
    video.srcObject = stream;
    await video.play();
    const context = canvas.getContext("2d", { willReadFrequently: true });
    function tick() {
      if (video.readyState === video.HAVE_ENOUGH_DATA) {
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        const code = jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
        if (code && code.data) {
          input.value = code.data;
          stream.getTracks().forEach((track) => track.stop());
          video.hidden = true;
          document.getElementById("id_rating").focus();
          return;
        }
      }
      requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  });
})();
