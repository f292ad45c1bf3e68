// Optional: shows upload progress for evidence forms. Without JavaScript the form posts normally.
document.querySelectorAll("form[data-upload]").forEach(function (form) {
  form.addEventListener("submit", function (event) {
    if (!window.XMLHttpRequest || !window.FormData) return;
    event.preventDefault();
    var bar = form.querySelector("progress");
    var request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.upload.onprogress = function (e) {
      if (e.lengthComputable) { bar.hidden = false; bar.value = Math.round((e.loaded / e.total) * 100); }
    };
    request.onload = function () { window.location = request.responseURL || window.location.href; };
    request.onerror = function () { form.submit(); };
    request.send(new FormData(form));
  });
});
