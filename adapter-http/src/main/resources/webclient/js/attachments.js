// Files and images in a session: the attach button, drag and drop and paste, an upload's progress, and how a
// message's files show (images inline by their thumbnail, other files as links with their name and size).

import { ApiError, im, routeUrl } from "./api.js";
import { $, el, say, show } from "./dom.js";

const UPLOAD_PATH = "/im_chat/api/attachments";

/** "1.4 MB", "820 KB", "12 bytes". */
export function sizeInWords(bytes) {
  if (bytes < 1024) {
    return `${bytes} bytes`;
  }
  if (bytes < 1024 * 1024) {
    return `${Math.round(bytes / 1024)} KB`;
  }
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function refusal(request) {
  let body = null;
  try {
    body = JSON.parse(request.responseText);
  } catch {
    // no JSON: say the status
  }
  const result = body && (body.result || (body.error && body.error.data));
  if (request.status === 413) {
    return new ApiError((result && result.message) || "The file is too large.", { field: "file", status: 413 });
  }
  if (request.status === 401) {
    return new ApiError("Your sign-in has ended.", { status: 401 });
  }
  if (request.status === 429) {
    return new ApiError("You have uploaded many files just now; wait a moment and try again.", { status: 429 });
  }
  return new ApiError((result && result.message) || `The upload failed (HTTP ${request.status}).`,
    { field: result && result.field, status: request.status });
}

/** Uploads one file to a session, telling onProgress the share sent (0 to 1); answers the stored attachment. */
export function upload(uuid, file, onProgress) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append("uuid", uuid);
    form.append("file", file, file.name || "pasted image");
    const request = new XMLHttpRequest();
    request.open("POST", routeUrl(UPLOAD_PATH));
    request.withCredentials = true;
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded / event.total);
      }
    });
    request.addEventListener("load", () => {
      if (request.status === 200) {
        const answer = JSON.parse(request.responseText);
        if (answer && answer.id) {
          resolve(answer);
          return;
        }
      }
      reject(refusal(request));
    });
    request.addEventListener("error", () => reject(new ApiError("The server cannot be reached.", { status: 0 })));
    request.send(form);
  });
}

/** The files of a message: each image as its thumbnail linking to the file, every other file as a link. */
export function renderAttachments(m) {
  const list = el("div", { class: "attachments" });
  for (const file of m.attachments || []) {
    const link = el("a", { href: routeUrl(file.url).href, target: "_blank", rel: "noopener", class: "attachment" });
    const shownInline = file.thumbnail_url || file.mimetype === "image/webp";
    if (shownInline) {
      link.append(el("img", { src: routeUrl(file.thumbnail_url || file.url).href, alt: file.name, loading: "lazy",
        class: "attachment-image" }));
    } else {
      link.append(el("span", { class: "attachment-name", text: file.name }),
        el("span", { class: "attachment-size muted", text: ` (${sizeInWords(file.size)})` }));
      link.setAttribute("download", file.name);
    }
    list.append(link);
  }
  return list;
}

/**
 * Wires the composer: an attach button with a file picker, files dropped on the conversation, an image pasted
 * into the message box. currentUuid() names the open session (null when none); each file is uploaded with a
 * progress bar and posted as a file message, the box's text as its caption.
 */
export function setUpAttachments({ currentUuid, captionBox, errorNode, form }) {
  const picker = el("input", { type: "file", id: "attach-input", multiple: true, hidden: true,
    "aria-label": "Attach files" });
  const button = el("button", { type: "button", id: "attach", text: "Attach", title: "Attach files or images" });
  const progress = el("progress", { id: "upload-progress", max: "1", value: "0", hidden: true });
  form.append(picker, button, progress);
  button.addEventListener("click", () => picker.click());
  picker.addEventListener("change", () => {
    send(Array.from(picker.files));
    picker.value = "";
  });

  const dropZone = $("messages");
  dropZone.addEventListener("dragover", (event) => {
    if (event.dataTransfer && Array.from(event.dataTransfer.types).includes("Files")) {
      event.preventDefault();
      dropZone.classList.add("dropping");
    }
  });
  dropZone.addEventListener("dragleave", () => dropZone.classList.remove("dropping"));
  dropZone.addEventListener("drop", (event) => {
    dropZone.classList.remove("dropping");
    if (event.dataTransfer && event.dataTransfer.files.length > 0) {
      event.preventDefault();
      send(Array.from(event.dataTransfer.files));
    }
  });
  captionBox.addEventListener("paste", (event) => {
    const files = Array.from((event.clipboardData && event.clipboardData.files) || [])
      .filter((file) => file.type.startsWith("image/"));
    if (files.length > 0) {
      event.preventDefault();
      send(files);
    }
  });

  let busy = false;
  async function send(files) {
    const uuid = currentUuid();
    if (!uuid || files.length === 0) {
      return;
    }
    if (busy) {
      say(errorNode, "Still uploading the previous files…");
      return;
    }
    busy = true;
    say(errorNode, "");
    try {
      const ids = [];
      for (const [index, file] of files.entries()) {
        show(progress, true);
        progress.value = 0;
        const stored = await upload(uuid, file, (share) => {
          progress.value = (index + share) / files.length;
        });
        ids.push(stored.id);
      }
      const caption = captionBox.value;
      await im.postFiles(uuid, ids, caption);
      if (captionBox.value === caption) {
        captionBox.value = "";
      }
    } catch (error) {
      say(errorNode, error.message || "The upload failed.");
    } finally {
      show(progress, false);
      busy = false;
    }
  }
}
