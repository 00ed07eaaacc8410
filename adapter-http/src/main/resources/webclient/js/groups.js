// Group conversations people make (create by choosing people, rename, add and remove members, roles, who may
// post, leave) and blocking a person. app.js hands in what it knows through `hooks`; nothing here types an id.
import { ApiError, rpc } from "./api.js";
import { $, el, say, show } from "./dom.js";

const API = "/im_chat/api/";

export const groupsApi = {
  create: (name, userIds) => rpc(`${API}group/create`, { name, user_ids: userIds }),
  rename: (uuid, name) => rpc(`${API}group/rename`, { uuid, name }),
  addMembers: (uuid, userIds) => rpc(`${API}group/add_members`, { uuid, user_ids: userIds }),
  removeMember: (uuid, userId) => rpc(`${API}group/remove_member`, { uuid, user_id: userId }),
  leave: (uuid, successorId) => rpc(`${API}group/leave`, successorId ? { uuid, successor_id: successorId } : { uuid }),
  setRole: (uuid, userId, role) => rpc(`${API}group/set_role`, { uuid, user_id: userId, role }),
  setPosting: (uuid, posting) => rpc(`${API}group/set_posting`, { uuid, posting }),
  block: (userId) => rpc(`${API}block`, { user_id: userId }),
  unblock: (userId) => rpc(`${API}unblock`, { user_id: userId }),
  blocked: () => rpc(`${API}get_blocked`),
};

let hooks = null;
const blocked = new Set();

/**
 * hooks: me() (the signed-in person), people() (every other user the page knows: [{id, name}]),
 * session(uuid), current() (the open pane's state), upsert(session), open(uuid), forget(uuid),
 * attempt(errorNode, action).
 */
export function initGroups(given) {
  hooks = given;
  $("new-group-form").addEventListener("submit", createGroup);
  $("rename-group-form").addEventListener("submit", renameGroup);
  $("add-members-form").addEventListener("submit", addMembers);
  $("leave-group").addEventListener("click", leaveGroup);
  $("posting").addEventListener("change", setPosting);
  $("new-group-toggle").addEventListener("click", () => {
    const form = $("new-group-form");
    show(form, form.hidden);
    renderPeopleChoice();
  });
}

/** After signing in: which people the caller blocks. */
export async function loadBlocked() {
  try {
    const answer = await groupsApi.blocked();
    setBlocked(answer.blocked);
  } catch (error) {
    if (!(error instanceof ApiError)) {
      throw error;
    }
  }
}

function setBlocked(ids) {
  blocked.clear();
  ids.forEach((id) => blocked.add(id));
}

/** Adds a Block/Unblock button to each person of a list app.js drew (items carry data-user-id). */
export function decoratePeople(list) {
  for (const item of list.querySelectorAll("li[data-user-id]")) {
    const userId = Number(item.dataset.userId);
    const name = item.getAttribute("aria-label");
    const isBlocked = blocked.has(userId);
    item.append(el("button", {
      type: "button", class: "block", text: isBlocked ? "Unblock" : "Block",
      "aria-label": `${isBlocked ? "Unblock" : "Block"} ${name}`,
      onclick: () => toggleBlock(userId, list),
    }));
  }
}

async function toggleBlock(userId, list) {
  const answer = await hooks.attempt($("sessions-error"),
    () => (blocked.has(userId) ? groupsApi.unblock(userId) : groupsApi.block(userId)));
  if (answer) {
    setBlocked(answer.blocked);
    hooks.redrawPeople();
    renderGroupPanel();
  }
}

function renderPeopleChoice() {
  const people = hooks.people().slice().sort((a, b) => a.name.localeCompare(b.name));
  $("new-group-people").replaceChildren(...people.map((p) => el("li", {},
    el("label", {}, el("input", { type: "checkbox", value: p.id, name: "member" }), ` ${p.name}`))));
}

function chosen(list) {
  return [...list.querySelectorAll("input[type=checkbox]:checked")].map((box) => Number(box.value));
}

async function createGroup(event) {
  event.preventDefault();
  const name = $("new-group-name").value.trim();
  if (!name) {
    say($("new-group-error"), "Give the group a name.");
    $("new-group-name").focus();
    return;
  }
  const s = await hooks.attempt($("new-group-error"), () => groupsApi.create(name, chosen($("new-group-people"))));
  if (s) {
    $("new-group-form").reset();
    show($("new-group-form"), false);
    hooks.upsert(s);
    await hooks.open(s.uuid);
  }
}

function currentGroup() {
  const current = hooks.current();
  if (!current || current.kind !== "session") {
    return null;
  }
  const s = hooks.session(current.uuid);
  return s && s.conversation ? s : null;
}

function isAdmin(s, userId) {
  return s.conversation.admins.includes(userId);
}

/** Shows the open session's group panel (or hides it for any other session). */
export function renderGroupPanel() {
  if (!hooks) {
    return;
  }
  const s = currentGroup();
  show($("group-panel"), Boolean(s));
  renderPrivateBlock();
  if (!s) {
    return;
  }
  const me = hooks.me().uid;
  const admin = isAdmin(s, me);
  say($("group-role"), admin ? "You are an admin of this group." : "You are a member of this group.");
  show($("rename-group-form"), admin);
  if (document.activeElement !== $("group-name")) {
    $("group-name").value = s.conversation.name;
  }
  show($("posting-row"), admin);
  $("posting").value = s.conversation.posting;
  say($("posting-info"), s.conversation.posting === "admins" ? "Only admins post here." : "");
  $("group-members").replaceChildren(...s.users.map((u) => {
    const uAdmin = isAdmin(s, u.id);
    return el("li", { "aria-label": u.name, "data-user-id": u.id },
      el("span", { class: "name", text: `${u.name}${u.id === me ? " (you)" : ""}` }),
      el("span", { class: "detail", text: uAdmin ? "admin" : "member" }),
      admin && u.id !== me ? el("button", {
        type: "button", text: uAdmin ? "Make member" : "Make admin",
        "aria-label": `${uAdmin ? "Make member" : "Make admin"} ${u.name}`,
        onclick: () => change(() => groupsApi.setRole(s.uuid, u.id, uAdmin ? "member" : "admin")),
      }) : null,
      admin && u.id !== me ? el("button", {
        type: "button", text: "Remove", "aria-label": `Remove ${u.name} from the group`,
        onclick: () => change(() => groupsApi.removeMember(s.uuid, u.id)),
      }) : null);
  }));
  const memberIds = new Set(s.users.map((u) => u.id));
  const outside = hooks.people().filter((p) => !memberIds.has(p.id)).sort((a, b) => a.name.localeCompare(b.name));
  $("add-members-people").replaceChildren(...outside.map((p) => el("li", {},
    el("label", {}, el("input", { type: "checkbox", value: p.id }), ` ${p.name}`))));
  show($("add-members-form"), outside.length > 0);
  const lastAdmin = admin && s.conversation.admins.length === 1 && s.users.length > 1;
  show($("successor-row"), lastAdmin);
  if (lastAdmin) {
    const others = s.users.filter((u) => u.id !== me);
    const previous = $("successor").value;
    $("successor").replaceChildren(...others.map((u) => el("option", { value: u.id, text: u.name })));
    if (others.some((u) => String(u.id) === previous)) {
      $("successor").value = previous;
    }
  }
}

/** In a private session, a button to block or unblock the other person. */
function renderPrivateBlock() {
  const current = hooks.current();
  const s = current && current.kind === "session" ? hooks.session(current.uuid) : null;
  const other = s && !s.is_group && s.users.length === 2 ? s.users.find((u) => u.id !== hooks.me().uid) : null;
  show($("block-person"), Boolean(other));
  if (other) {
    const isBlocked = blocked.has(other.id);
    say($("block-person"), `${isBlocked ? "Unblock" : "Block"} ${other.name}`);
    $("block-person").onclick = () => toggleBlock(other.id, $("contacts"));
  }
}

async function change(action) {
  const s = await hooks.attempt($("group-error"), action);
  if (s && s.uuid) {
    hooks.upsert(s);
    renderGroupPanel();
  }
  return s;
}

async function renameGroup(event) {
  event.preventDefault();
  const s = currentGroup();
  if (s) {
    await change(() => groupsApi.rename(s.uuid, $("group-name").value.trim()));
  }
}

async function addMembers(event) {
  event.preventDefault();
  const s = currentGroup();
  const ids = chosen($("add-members-people"));
  if (s && ids.length > 0) {
    await change(() => groupsApi.addMembers(s.uuid, ids));
  }
}

async function setPosting() {
  const s = currentGroup();
  if (s) {
    await change(() => groupsApi.setPosting(s.uuid, $("posting").value));
  }
}

async function leaveGroup() {
  const s = currentGroup();
  if (!s) {
    return;
  }
  const successor = $("successor-row").hidden ? null : Number($("successor").value);
  const left = await hooks.attempt($("group-error"), () => groupsApi.leave(s.uuid, successor));
  if (left) {
    hooks.forget(s.uuid);
  }
}
