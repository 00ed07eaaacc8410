// The administration page (/admin): accounts, the provisioned groups and the audit log, through /api/v1/admin.
// Only administrators get past the first call; anyone else is told so, with the way back to the chat.
import { ApiError, im, rest, session } from "./api.js";
import { $, el, say, show } from "./dom.js";

const PAGE = 20;
const enc = encodeURIComponent;
const query = (after, search) => `limit=${PAGE}&after=${after}${search ? `&search=${enc(search)}` : ""}`;

const admin = {
  users: (after, search) => rest("GET", `/api/v1/admin/users?${query(after, search)}`),
  update: (id, change) => rest("PATCH", `/api/v1/admin/users/${id}`, change),
  resetPassword: (id, password) => rest("POST", `/api/v1/admin/users/${id}/reset_password`, { password }),
  endSessions: (id) => rest("DELETE", `/api/v1/admin/users/${id}/tokens`),
  groups: (after, search) => rest("GET", `/api/v1/admin/groups?${query(after, search)}`),
  createGroup: (name) => rest("POST", "/api/v1/admin/groups", { name }),
  renameGroup: (id, name) => rest("PATCH", `/api/v1/admin/groups/${id}`, { name }),
  addMember: (id, userId) => rest("POST", `/api/v1/admin/groups/${id}/members/${userId}`),
  removeMember: (id, userId) => rest("DELETE", `/api/v1/admin/groups/${id}/members/${userId}`),
  audit: (before) => rest("GET", `/api/v1/admin/audit?limit=${PAGE}${before ? `&before=${before}` : ""}`),
};

// user id -> name, from every account this page has read, for group members and audit entries
const names = new Map();
const nameOf = (id) => names.get(id) || `user #${id}`;
const state = {
  accounts: { after: 0, next: null, search: "" },
  groups: { after: 0, next: null, search: "" },
  audit: { next: null },
};

function refuse(text) {
  show($("admin-view"), false);
  say($("admin-refusal"), text);
  show($("admin-refusal-view"), true);
}

/** Runs an action, showing its problem in errorNode; a lapsed sign-in ends the page. */
async function attempt(errorNode, action) {
  say(errorNode, "");
  try {
    await action();
  } catch (problem) {
    if (problem instanceof ApiError && problem.unauthenticated) {
      refuse("Your sign-in has ended. Sign in on the chat page, then open /admin again.");
    } else {
      say(errorNode, problem.message);
    }
  }
}

function newPassword() {
  const alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

function accountItem(account) {
  const login = account.login;
  const marks = [account.admin ? "administrator" : null, account.disabled ? "disabled" : null].filter(Boolean);
  const toggle = account.disabled ? "Enable" : "Disable";
  return el("li", { "aria-label": `${account.name} (${login})`, "data-id": account.id },
    el("span", { class: "what" },
      el("span", { class: "name", text: `${account.name} (${login})` }),
      el("span", { class: "detail", text: marks.join(", ") || "active" })),
    el("button", { type: "button", "aria-label": `${toggle} ${login}`, text: toggle,
      onclick: () => changeAccount(() => admin.update(account.id, { disabled: !account.disabled })) }),
    el("button", { type: "button", "aria-label": `Reset the password of ${login}`, text: "Reset password",
      onclick: () => resetPassword(account) }),
    el("button", { type: "button", "aria-label": `End the sessions of ${login}`, text: "End sessions",
      onclick: () => changeAccount(async () => {
        const { ended } = await admin.endSessions(account.id);
        say($("accounts-info"), `${ended} sign-in(s) of ${login} ended`);
      }) }));
}

async function changeAccount(change) {
  await attempt($("accounts-error"), async () => {
    await change();
    await Promise.all([loadAccounts(state.accounts.after), loadAudit()]);
  });
}

async function resetPassword(account) {
  const typed = $("password-to-set").value;
  const password = typed || newPassword();
  await changeAccount(async () => {
    await admin.resetPassword(account.id, password);
    $("password-to-set").value = "";
    say($("accounts-info"), typed ? `The password of ${account.login} is set; their sign-ins ended`
      : `New password of ${account.login}, shown once: ${password}`);
  });
}

async function loadAccounts(after) {
  const page = await admin.users(after, state.accounts.search);
  page.users.forEach((account) => names.set(account.id, account.name));
  Object.assign(state.accounts, { after, next: page.next_after });
  $("accounts").replaceChildren(...page.users.map(accountItem));
  show($("accounts-next"), page.next_after !== null);
}

function groupItem(group) {
  const members = el("ul", { class: "members", "aria-label": `Members of ${group.name}` },
    ...group.member_ids.map((id) => el("li", { "aria-label": nameOf(id) },
      el("span", { text: nameOf(id) }),
      el("button", { type: "button", class: "small", "aria-label": `Remove ${nameOf(id)} from ${group.name}`,
        text: "Remove", onclick: () => changeGroup(() => admin.removeMember(group.id, id)) }))));
  const rename = el("input", { "aria-label": `New name of ${group.name}`, value: group.name, maxlength: 200 });
  const login = el("input", { "aria-label": `Login to add to ${group.name}`, autocomplete: "off", maxlength: 100 });
  return el("li", { "aria-label": group.name, "data-id": group.id },
    el("span", { class: "what name", text: group.name }),
    el("form", { onsubmit: (event) => {
      event.preventDefault();
      changeGroup(() => admin.renameGroup(group.id, rename.value));
    } }, rename, el("button", { type: "submit", "aria-label": `Rename ${group.name}`, text: "Rename" })),
    el("form", { onsubmit: (event) => {
      event.preventDefault();
      changeGroup(async () => admin.addMember(group.id, await userByLogin(login.value.trim())));
    } }, login, el("button", { type: "submit", "aria-label": `Add to ${group.name}`, text: "Add" })),
    members);
}

/** The id of the account with exactly this login: people are named, never typed in by id. */
async function userByLogin(login) {
  const found = (await admin.users(0, login)).users.find((account) => account.login === login);
  if (!found) {
    throw new ApiError(`no account has the login ${login}`, { field: "login" });
  }
  names.set(found.id, found.name);
  return found.id;
}

async function changeGroup(change) {
  await attempt($("groups-error"), async () => {
    await change();
    await Promise.all([loadGroups(state.groups.after), loadAudit()]);
  });
}

async function loadGroups(after) {
  const page = await admin.groups(after, state.groups.search);
  Object.assign(state.groups, { after, next: page.next_after });
  $("admin-groups").replaceChildren(...page.groups.map(groupItem));
  show($("groups-next"), page.next_after !== null);
}

async function loadAudit(before) {
  const page = await admin.audit(before);
  state.audit.next = page.next_before;
  $("audit").replaceChildren(...page.entries.map((entry) => el("li", {},
    el("span", { class: "what" },
      el("span", { class: "name", text: `${nameOf(entry.actor_id)}: ${entry.action} ${entry.target}` }),
      el("span", { class: "detail", text: [new Date(entry.at).toLocaleString(), entry.detail,
        entry.client_address ? `from ${entry.client_address}` : null].filter(Boolean).join(" · ") })))));
  show($("audit-older"), page.next_before !== null);
}

function wire() {
  $("user-search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    state.accounts.search = $("user-search").value.trim();
    attempt($("accounts-error"), () => loadAccounts(0));
  });
  $("accounts-first").addEventListener("click", () => attempt($("accounts-error"), () => loadAccounts(0)));
  $("accounts-next").addEventListener("click",
    () => attempt($("accounts-error"), () => loadAccounts(state.accounts.next)));
  $("group-search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    state.groups.search = $("group-search").value.trim();
    attempt($("groups-error"), () => loadGroups(0));
  });
  $("create-group-form").addEventListener("submit", (event) => {
    event.preventDefault();
    changeGroup(async () => {
      await admin.createGroup($("create-group-name").value);
      $("create-group-name").value = "";
    });
  });
  $("groups-first").addEventListener("click", () => attempt($("groups-error"), () => loadGroups(0)));
  $("groups-next").addEventListener("click", () => attempt($("groups-error"), () => loadGroups(state.groups.next)));
  $("audit-newest").addEventListener("click", () => attempt($("audit-error"), () => loadAudit()));
  $("audit-older").addEventListener("click", () => attempt($("audit-error"), () => loadAudit(state.audit.next)));
}

async function start() {
  let me;
  try {
    me = await session.whoAmI();
  } catch {
    refuse("Sign in on the chat page first, then open /admin again.");
    return;
  }
  try {
    await loadAccounts(0);
  } catch (problem) {
    refuse(problem instanceof ApiError && problem.status === 403
      ? `This page is for administrators; ${me.name} is not one.` : problem.message);
    return;
  }
  names.set(me.uid, me.name);
  const known = await Promise.all([im.contacts(), im.otherUsers()]).catch(() => [[], []]);
  known.flat().forEach((user) => names.has(user.id) || names.set(user.id, user.name));
  say($("whoami"), `Signed in as ${me.name}`);
  show($("whoami"), true);
  show($("admin-view"), true);
  wire();
  await Promise.all([
    attempt($("groups-error"), () => loadGroups(0)),
    attempt($("audit-error"), () => loadAudit()),
  ]);
}

start();
