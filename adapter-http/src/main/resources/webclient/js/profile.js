// The signed-in user's own profile: their avatar, uploaded to /im_chat/api/set_avatar. The other members of their
// sessions are told by the server (an im_chat.session notification), so nothing else is refreshed here.
import { routeUrl } from "./api.js";
import { $, say } from "./dom.js";

/** The server's refusal, in the words of its answer (JSON-RPC's result or error, or the status alone). */
async function refusal(response) {
  if (response.status === 401) {
    return "Your sign-in has ended; sign in again.";
  }
  if (response.status === 429) {
    return "You have uploaded many files just now; wait a moment and try again.";
  }
  try {
    const body = await response.json();
    const answer = body.result || (body.error && body.error.data) || body;
    return answer.message || `The upload failed (HTTP ${response.status}).`;
  } catch {
    return `The upload failed (HTTP ${response.status}).`;
  }
}

async function uploadAvatar(event) {
  event.preventDefault();
  const file = $("avatar-file").files[0];
  say($("profile-error"), "");
  say($("profile-info"), "");
  if (!file) {
    say($("profile-error"), "Choose an image first.");
    return;
  }
  const form = new FormData();
  form.append("file", file, file.name || "avatar");
  let response;
  try {
    response = await fetch(routeUrl("/im_chat/api/set_avatar"),
      { method: "POST", body: form, credentials: "same-origin" });
  } catch {
    say($("profile-error"), "The server cannot be reached.");
    return;
  }
  const answer = response.ok ? await response.clone().json().catch(() => null) : null;
  if (answer && answer.status === "success") {
    $("avatar-file").value = "";
    say($("profile-info"), "Your avatar is changed.");
  } else {
    say($("profile-error"), await refusal(response));
  }
}

export function setUpProfile() {
  $("avatar-form").addEventListener("submit", uploadAvatar);
}
