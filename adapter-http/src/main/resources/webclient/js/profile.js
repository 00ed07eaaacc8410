// The signed-in user's own profile: their name (/im_chat/api/set_profile), their password
// (/web/session/change_password, which ends their other sign-ins) and their avatar (/im_chat/api/set_avatar). The
// other members of their sessions are told by the server (an im_chat.session notification), so nothing else is
// refreshed here.
import { routeUrl, rpc } from "./api.js";
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

/** What a refused profile change says, in a person's words: the field it names, else the server's message. */
function inWords(error, words) {
  if (error.unauthenticated) {
    return "Your sign-in has ended; sign in again.";
  }
  if (error.status === 429) {
    return "You have changed a lot just now; wait a moment and try again.";
  }
  return words[error.field] || error.message;
}

async function rename(event, hooks) {
  event.preventDefault();
  say($("profile-error"), "");
  say($("profile-info"), "");
  const name = $("profile-name").value.trim();
  if (!name) {
    say($("profile-error"), "Type the name others should see.");
    $("profile-name").focus();
    return;
  }
  try {
    const renamed = await rpc("/im_chat/api/set_profile", { name });
    say($("profile-info"), `You are now called ${renamed.name}.`);
    hooks.renamed(renamed.name);
  } catch (error) {
    say($("profile-error"), inWords(error, { name: "A name has 1 to 200 characters." }));
    $("profile-name").focus();
  }
}

async function changePassword(event) {
  event.preventDefault();
  say($("profile-error"), "");
  say($("profile-info"), "");
  const oldPassword = $("old-password").value;
  const newPassword = $("new-password").value;
  try {
    await rpc("/web/session/change_password", { old_password: oldPassword, new_password: newPassword });
    $("old-password").value = "";
    $("new-password").value = "";
    say($("profile-info"), "Your password is changed; your other sign-ins have ended.");
  } catch (error) {
    const field = error.field === "old_password" ? "old-password" : "new-password";
    say($("profile-error"), inWords(error, {
      old_password: "That is not your current password.",
      new_password: "The new password needs at least 8 characters.",
    }));
    $(field).focus();
  }
}

/** Fills the profile with the signed-in person's own name. */
export function showProfileOf(me) {
  $("profile-name").value = me.name || "";
}

/** {@code hooks.renamed(name)} tells the page the signed-in person's new name. */
export function setUpProfile(hooks = { renamed: () => {} }) {
  $("name-form").addEventListener("submit", (event) => rename(event, hooks));
  $("password-form").addEventListener("submit", changePassword);
  $("avatar-form").addEventListener("submit", uploadAvatar);
}
