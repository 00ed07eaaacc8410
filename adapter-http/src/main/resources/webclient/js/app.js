import { ApiError, chats, im, session } from "./api.js";
import { $, el, say, show } from "./dom.js";
import { Feed } from "./realtime.js";

const PAGE = 30;
const TYPING_SHOWN_MS = 5000;
const TYPING_SENT_EVERY_MS = 3000;
const MAX_PRESENCE_CHANNELS = 90;

const state = {
  me: null,
  contacts: new Map(),
  others: [],
  presence: new Map(),
  sessions: new Map(),
  current: null,
  typing: new Map(),
  feed: null,
  lastTypingSent: 0,
};

// ---------- signing in and out ----------

function showSignIn(message) {
  show($("sign-in-view"), true);
  show($("app-view"), false);
  show($("sign-out"), false);
  show($("whoami"), false);
  say($("connection"), "");
  say($("sign-in-error"), message);
  $("password").value = "";
  $("login").focus();
}

async function start(me) {
  state.me = me;
  show($("sign-in-view"), false);
  show($("app-view"), true);
  show($("sign-out"), true);
  show($("whoami"), true);
  say($("whoami"), `Signed in as ${me.name} (${me.login})`);
  await Promise.all([loadContacts(), loadSessions()]);
  if (state.me !== me) {
    return;
  }
  state.feed = new Feed({
    notify: onNotification,
    status: showConnection,
    resync,
    ended: () => ended("Your session ended. Sign in again."),
  });
  state.feed.start(channels());
}

function reset() {
  if (state.feed) {
    state.feed.stop();
  }
  for (const timer of state.typing.values()) {
    clearTimeout(timer.timeout);
  }
  Object.assign(state, {
    me: null, contacts: new Map(), others: [], presence: new Map(), sessions: new Map(), current: null,
    typing: new Map(), feed: null, lastTypingSent: 0,
  });
  for (const id of ["contacts", "other-users", "sessions", "messages", "chat-events"]) {
    $(id).replaceChildren();
  }
  showPane("placeholder");
}

function ended(message) {
  reset();
  showSignIn(message);
}

async function signIn(event) {
  event.preventDefault();
  const login = $("login").value.trim();
  const password = $("password").value;
  if (!login) {
    say($("sign-in-error"), "Login is required.");
    $("login").focus();
    return;
  }
  if (!password) {
    say($("sign-in-error"), "Password is required.");
    $("password").focus();
    return;
  }
  say($("sign-in-error"), "");
  try {
    await start(await session.signIn(login, password));
  } catch (error) {
    say($("sign-in-error"), error.message);
  }
}

async function signOut() {
  try {
    await session.signOut();
  } catch (error) {
    console.warn("sign-out", error);
  }
  reset();
  showSignIn("");
}

// Any call that finds the sign-in gone sends the person back to the sign-in form.
async function attempt(errorNode, action) {
  say(errorNode, "");
  try {
    return await action();
  } catch (error) {
    if (error instanceof ApiError && error.unauthenticated) {
      ended("Your session ended. Sign in again.");
    } else {
      say(errorNode, error.message);
    }
    return undefined;
  }
}

// ---------- real-time ----------

function channels() {
  const list = [`user:${state.me.uid}`];
  const watched = new Set(state.contacts.keys());
  for (const s of state.sessions.values()) {
    for (const user of s.users) {
      watched.add(user.id);
    }
  }
  watched.delete(state.me.uid);
  [...watched].sort((a, b) => a - b).slice(0, MAX_PRESENCE_CHANNELS).forEach((id) => list.push(`presence:${id}`));
  if (state.current && state.current.kind === "chat") {
    list.push(`room:${state.current.chat.real_time.event_room_id}`);
  }
  return list;
}

function follow() {
  if (state.feed) {
    state.feed.follow(channels());
  }
}

function showConnection(status) {
  const node = $("connection");
  const text = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…" }[status];
  say(node, text);
  node.classList.toggle("reconnecting", status === "reconnecting");
}

function onNotification(channel, message) {
  switch (message.type) {
    case "im_chat.message":
      receiveMessage(message.session, message.message);
      break;
    case "im_chat.session":
      upsertSession(message.session);
      renderSessions();
      renderConversationHead();
      follow();
      break;
    case "im_status":
      state.presence.set(message.user_id, message.im_status);
      renderContacts();
      renderSessions();
      break;
    case "chats.event":
      receiveChatEvent(message.event);
      break;
    default:
      break;
  }
}

async function resync() {
  await Promise.all([loadContacts(), loadSessions()]);
  follow();
  const current = state.current;
  if (current && current.kind === "session") {
    await attempt($("post-error"), async () => {
      const page = await im.history(current.uuid, null, PAGE);
      page.forEach((m) => insertMessage(current, m));
      stickToBottom(true);
    });
  } else if (current && current.kind === "chat") {
    await loadChatEvents(current);
    await loadRoomState();
  }
}

// ---------- contacts ----------

async function loadContacts() {
  await attempt($("sessions-error"), async () => {
    const [book, others] = await Promise.all([im.contacts(), im.otherUsers()]);
    state.contacts = new Map(book.map((u) => [u.id, u]));
    state.others = others;
    for (const user of [...book, ...others]) {
      state.presence.set(user.id, user.im_status);
    }
    renderContacts();
  });
}

function presenceOf(userId) {
  return state.presence.get(userId) || "offline";
}

function presenceBadge(userId) {
  const status = presenceOf(userId);
  return el("span", { class: `presence ${status}`, text: status });
}

function renderContacts() {
  const contacts = [...state.contacts.values()].sort((a, b) => a.name.localeCompare(b.name));
  $("contacts").replaceChildren(...contacts.map((user) =>
    el("li", { "aria-label": user.name, "data-user-id": user.id },
      el("button", { class: "open", type: "button", onclick: () => openPrivate(user.id) },
        el("span", { class: "name", text: user.name }),
        el("span", { class: "detail" }, presenceBadge(user.id))),
      el("button", { type: "button", "aria-label": `Remove ${user.name}`, text: "Remove",
        onclick: () => removeContact(user.id) }))));
  if (contacts.length === 0) {
    $("contacts").append(el("li", { class: "muted", text: "No contacts yet: search users below." }));
  }
  const query = $("user-search").value.trim().toLowerCase();
  const others = state.others.filter((u) => u.name.toLowerCase().includes(query)).slice(0, 20);
  $("other-users").replaceChildren(...others.map((user) =>
    el("li", { "aria-label": user.name, "data-user-id": user.id },
      el("button", { class: "open", type: "button", onclick: () => openPrivate(user.id) },
        el("span", { class: "name", text: user.name })),
      el("button", { type: "button", "aria-label": `Add ${user.name}`, text: "Add",
        onclick: () => addContact(user.id) }))));
}

async function addContact(userId) {
  await attempt($("sessions-error"), () => im.addContact(userId));
  await loadContacts();
  follow();
}

async function removeContact(userId) {
  await attempt($("sessions-error"), () => im.removeContact(userId));
  await loadContacts();
  follow();
}

// ---------- sessions ----------

async function loadSessions() {
  await attempt($("sessions-error"), async () => {
    const [privates, groups] = await Promise.all([im.privateSessions(), im.groupSessions()]);
    state.sessions = new Map();
    [...privates, ...groups].forEach(upsertSession);
    renderSessions();
    renderConversationHead();
  });
}

function upsertSession(s) {
  state.sessions.set(s.uuid, s);
  for (const user of s.users) {
    if (user.im_status) {
      state.presence.set(user.id, user.im_status);
    }
  }
}

function titleOf(s) {
  let title;
  if (s.is_group && s.groups.length > 0) {
    title = s.groups.map((g) => g.name).join(", ");
  } else {
    const others = s.users.filter((u) => u.id !== state.me.uid).map((u) => u.name);
    title = others.length > 0 ? others.join(", ") : state.me.name;
  }
  if (s.with_documents && s.docs.length > 0) {
    title += ` · ${s.docs.map((d) => `${d.doc_model} ${d.doc_id}`).join(", ")}`;
  }
  return title;
}

function lastMessageOf(s) {
  let last = null;
  for (const user of s.users) {
    const m = user.last_message;
    if (m && m.type !== "typing" && (!last || m.id > last.message.id)) {
      last = { message: m, author: user };
    }
  }
  return last;
}

function sessionOrder(s) {
  const last = lastMessageOf(s);
  return last ? last.message.id : 0;
}

function renderSessions() {
  if (!state.me) {
    return;
  }
  const sessions = [...state.sessions.values()].sort((a, b) => sessionOrder(b) - sessionOrder(a) || b.id - a.id);
  const currentUuid = state.current && state.current.kind === "session" ? state.current.uuid : null;
  $("sessions").replaceChildren(...sessions.map((s) => {
    const title = titleOf(s);
    const last = lastMessageOf(s);
    const detail = last ? `${last.author.id === state.me.uid ? "You" : last.author.name}: ${last.message.message}`
      : "No messages yet";
    const item = el("li", {
      "aria-label": title, "data-uuid": s.uuid,
      class: [s.is_read ? "" : "unread", s.uuid === currentUuid ? "current" : ""].join(" ").trim(),
      "aria-current": s.uuid === currentUuid ? "true" : null,
    }, el("button", { class: "open", type: "button", onclick: () => openSession(s.uuid) },
      el("span", { class: "name", text: title },
        s.is_read ? null : el("span", { class: "badge unread-mark", text: "unread" }),
        s.is_group ? el("span", { class: "badge", text: "group" }) : null,
        s.state !== "open" ? el("span", { class: "badge", text: s.state }) : null),
      el("span", { class: "detail", text: detail })));
    return item;
  }));
  if (sessions.length === 0) {
    $("sessions").append(el("li", { class: "muted", text: "No sessions yet." }));
  }
}

async function openPrivate(userId) {
  const s = await attempt($("sessions-error"), () => im.openPrivate(userId));
  if (s) {
    upsertSession(s);
    follow();
    await openSession(s.uuid);
  }
}

async function openGroup(event) {
  event.preventDefault();
  const raw = $("group-id").value.trim();
  if (!/^[1-9][0-9]*$/.test(raw)) {
    say($("sessions-error"), "Group id must be a positive number.");
    $("group-id").focus();
    return;
  }
  const s = await attempt($("sessions-error"), () => im.openGroup(Number(raw)));
  if (s) {
    upsertSession(s);
    follow();
    await openSession(s.uuid);
  }
}

// ---------- the conversation ----------

function showPane(id) {
  for (const pane of ["placeholder", "conversation", "chat"]) {
    show($(pane), pane === id);
  }
}

async function openSession(uuid) {
  const current = { kind: "session", uuid, messages: new Set(), oldest: null, exhausted: false, loading: false };
  state.current = current;
  clearTyping();
  $("messages").replaceChildren();
  say($("post-error"), "");
  showPane("conversation");
  renderConversationHead();
  renderSessions();
  follow();
  await loadOlder(current);
  stickToBottom(true);
  while (state.current === current && !current.exhausted && $("messages").scrollHeight <= $("messages").clientHeight) {
    await loadOlder(current);
  }
  $("message").focus();
}

function renderConversationHead() {
  const current = state.current;
  if (!current || current.kind !== "session") {
    return;
  }
  const s = state.sessions.get(current.uuid);
  if (!s) {
    return;
  }
  say($("conversation-title"), titleOf(s));
  const people = s.users.filter((u) => u.id !== state.me.uid).map((u) => `${u.name} (${presenceOf(u.id)})`);
  say($("conversation-info"),
    `${s.is_group ? "Group session" : "Private session"} · ${s.is_read ? "read" : "unread"} · ${s.state}`
      + ` · ${s.status}${people.length > 0 ? ` · with ${people.join(", ")}` : ""}`);
  say($("fold"), s.state === "folded" ? "Unfold" : "Fold");
  say($("close-session"), s.state === "closed" ? "Reopen" : "Close");
}

async function loadOlder(current) {
  if (current.loading || current.exhausted) {
    return;
  }
  current.loading = true;
  const log = $("messages");
  const before = log.scrollHeight - log.scrollTop;
  await attempt($("post-error"), async () => {
    const page = await im.history(current.uuid, current.oldest, PAGE);
    if (state.current !== current) {
      return;
    }
    if (page.length < PAGE) {
      current.exhausted = true;
    }
    page.forEach((m) => insertMessage(current, m));
    log.scrollTop = log.scrollHeight - before;
  });
  current.loading = false;
}

function insertMessage(current, m) {
  if (current.oldest === null || m.id < current.oldest) {
    current.oldest = m.id;
  }
  if (m.type === "typing" || current.messages.has(m.id)) {
    return;
  }
  current.messages.add(m.id);
  const mine = m.from_id && m.from_id[0] === state.me.uid;
  const node = el("div", {
    class: `message${mine ? " mine" : ""}${m.type === "meta" ? " meta" : ""}`, "data-id": m.id,
  },
  el("div", {},
    el("span", { class: "author", text: m.from_id ? m.from_id[1] : "" }),
    el("span", { class: "time", text: `${m.create_date} UTC` })),
  el("div", { class: "text", text: m.message }));
  const log = $("messages");
  const after = [...log.children].find((child) => Number(child.dataset.id) > m.id);
  log.insertBefore(node, after || null);
}

function atBottom() {
  const log = $("messages");
  return log.scrollHeight - log.scrollTop - log.clientHeight < 40;
}

function stickToBottom(force) {
  const log = $("messages");
  if (force) {
    log.scrollTop = log.scrollHeight;
  }
}

function receiveMessage(uuid, m) {
  const s = state.sessions.get(uuid);
  if (!s) {
    loadSessions().then(follow);
  } else if (m.type !== "typing") {
    const author = s.users.find((u) => u.id === m.from_id[0]);
    if (author) {
      author.last_message = { id: m.id, type: m.type, message: m.message, create_date: m.create_date };
    }
    renderSessions();
  }
  const current = state.current;
  if (!current || current.kind !== "session" || current.uuid !== uuid) {
    return;
  }
  const fromMe = m.from_id[0] === state.me.uid;
  if (m.type === "typing") {
    if (!fromMe) {
      showTyping(m.from_id[0], m.from_id[1]);
    }
    return;
  }
  stopTyping(m.from_id[0]);
  const wasAtBottom = atBottom();
  insertMessage(current, m);
  stickToBottom(wasAtBottom || fromMe);
  if (!fromMe && document.visibilityState === "visible") {
    markRead(current);
  }
}

// Reading the newest message is what marks a session read for the server.
function markRead(current) {
  clearTimeout(current.readTimer);
  current.readTimer = setTimeout(() => {
    if (state.current === current) {
      im.history(current.uuid, null, 1).catch(() => {});
    }
  }, 300);
}

function showTyping(userId, name) {
  stopTyping(userId);
  const timeout = setTimeout(() => stopTyping(userId), TYPING_SHOWN_MS);
  state.typing.set(userId, { name, timeout });
  renderTyping();
}

function stopTyping(userId) {
  const entry = state.typing.get(userId);
  if (entry) {
    clearTimeout(entry.timeout);
    state.typing.delete(userId);
    renderTyping();
  }
}

function clearTyping() {
  for (const userId of [...state.typing.keys()]) {
    stopTyping(userId);
  }
}

function renderTyping() {
  const names = [...state.typing.values()].map((t) => t.name);
  say($("typing"), names.length === 0 ? "" : `${names.join(", ")} ${names.length === 1 ? "is" : "are"} typing…`);
}

async function post(event) {
  event.preventDefault();
  const current = state.current;
  const box = $("message");
  const text = box.value;
  if (!current || current.kind !== "session") {
    return;
  }
  if (!text.trim()) {
    say($("post-error"), "Message is empty.");
    return;
  }
  const sent = await attempt($("post-error"), () => im.post(current.uuid, "message", text));
  if (sent && box.value === text) {
    box.value = "";
  }
  state.lastTypingSent = 0;
}

function typed() {
  const current = state.current;
  const now = Date.now();
  if (!current || current.kind !== "session" || !$("message").value.trim()
      || now - state.lastTypingSent < TYPING_SENT_EVERY_MS) {
    return;
  }
  state.lastTypingSent = now;
  im.post(current.uuid, "typing", "typing").catch(() => {});
}

function messageKey(event) {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    $("post-form").requestSubmit();
  }
}

async function setSessionState(which) {
  const current = state.current;
  const s = current && current.kind === "session" ? state.sessions.get(current.uuid) : null;
  if (!s) {
    return;
  }
  const next = s.state === which ? "open" : which;
  await attempt($("post-error"), () => im.setState(s.uuid, next));
}

// ---------- chats ----------

async function createChat(event) {
  event.preventDefault();
  const audience = $("chat-audience").value.trim();
  const scope = $("chat-scope").value.trim();
  if (!audience || !scope) {
    say($("chats-error"), `${audience ? "Scope" : "Audience"} is required.`);
    return;
  }
  const chat = await attempt($("chats-error"), () => chats.create(audience, scope));
  if (chat) {
    await openChat(chat);
  }
}

async function openChatById(event) {
  event.preventDefault();
  const id = $("chat-id").value.trim();
  if (!id) {
    say($("chats-error"), "Chat id is required.");
    return;
  }
  const chat = await attempt($("chats-error"), () => chats.get(id));
  if (chat) {
    await openChat(chat);
  }
}

async function openChat(chat) {
  const current = { kind: "chat", chat, events: new Set() };
  state.current = current;
  clearTyping();
  $("chat-events").replaceChildren();
  say($("event-error"), "");
  say($("chat-title"), `${chat.audience} / ${chat.scope}`);
  say($("chat-info"), `Chat id ${chat.id} · room ${chat.real_time.event_room_id}`);
  $("chat-id").value = chat.id;
  showPane("chat");
  renderSessions();
  follow();
  await loadChatEvents(current);
  await loadRoomState();
  $("event-text").focus();
}

async function loadChatEvents(current) {
  await attempt($("event-error"), async () => {
    const page = await chats.events(current.chat.id, 100);
    if (state.current === current) {
      page.events.forEach((e) => insertChatEvent(current, e));
      const log = $("chat-events");
      log.scrollTop = log.scrollHeight;
    }
  });
}

function insertChatEvent(current, e) {
  if (current.events.has(e.id)) {
    return;
  }
  current.events.add(e.id);
  const data = e.data && typeof e.data === "object" && typeof e.data.text === "string" ? e.data.text
    : JSON.stringify(e.data);
  const where = [e.type, e.set !== e.type ? `set ${e.set}` : null, e.label ? `label ${e.label}` : null]
    .filter(Boolean).join(" · ");
  const node = el("div", { class: "message", "data-occurred-at": e.occurred_at },
    el("div", {},
      el("span", { class: "author", text: e.created_by }),
      el("span", { class: "time", text: where })),
    el("div", { class: "text", text: data }));
  const log = $("chat-events");
  const after = [...log.children].find((child) => Number(child.dataset.occurredAt) > e.occurred_at);
  log.insertBefore(node, after || null);
}

function receiveChatEvent(e) {
  const current = state.current;
  if (!current || current.kind !== "chat" || current.chat.real_time.event_room_id !== e.room_id) {
    return;
  }
  const log = $("chat-events");
  const wasAtBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
  insertChatEvent(current, e);
  if (wasAtBottom) {
    log.scrollTop = log.scrollHeight;
  }
  clearTimeout(current.stateTimer);
  current.stateTimer = setTimeout(loadRoomState, 300);
}

async function loadRoomState(event) {
  if (event) {
    event.preventDefault();
  }
  const current = state.current;
  if (!current || current.kind !== "chat") {
    return;
  }
  const sets = $("state-sets").value.trim() || "messages";
  await attempt($("event-error"), async () => {
    const roomState = await chats.state(current.chat.id, sets);
    if (state.current === current) {
      say($("room-state"), JSON.stringify(roomState, null, 2));
    }
  });
}

async function postEvent(event) {
  event.preventDefault();
  const current = state.current;
  if (!current || current.kind !== "chat") {
    return;
  }
  const type = $("event-type").value.trim();
  const set = $("event-set").value.trim();
  const label = $("event-label").value.trim();
  const text = $("event-text").value;
  if (!type) {
    say($("event-error"), "Type is required.");
    return;
  }
  const body = { type, data: { text } };
  if (set) {
    body.set = set;
  }
  if (label) {
    body.label = label;
  }
  const posted = await attempt($("event-error"), () => chats.post(current.chat.id, body));
  if (posted !== undefined) {
    $("event-text").value = "";
  }
}

// ---------- start ----------

async function boot() {
  try {
    await start(await session.whoAmI());
  } catch (error) {
    if (error instanceof ApiError && error.kind === "unreachable") {
      say($("connection"), "The server cannot be reached; retrying…");
      setTimeout(boot, 2000);
      return;
    }
    showSignIn("");
  }
}

$("sign-in-form").addEventListener("submit", signIn);
$("sign-out").addEventListener("click", signOut);
$("user-search").addEventListener("input", renderContacts);
$("group-form").addEventListener("submit", openGroup);
$("post-form").addEventListener("submit", post);
$("message").addEventListener("keydown", messageKey);
$("message").addEventListener("input", typed);
$("messages").addEventListener("scroll", () => {
  if (state.current && state.current.kind === "session" && $("messages").scrollTop < 40) {
    loadOlder(state.current);
  }
});
$("fold").addEventListener("click", () => setSessionState("folded"));
$("close-session").addEventListener("click", () => setSessionState("closed"));
$("create-chat-form").addEventListener("submit", createChat);
$("open-chat-form").addEventListener("submit", openChatById);
$("event-form").addEventListener("submit", postEvent);
$("state-form").addEventListener("submit", loadRoomState);
for (const kind of ["keydown", "pointerdown"]) {
  document.addEventListener(kind, () => state.feed && state.feed.reportActivity(), { passive: true });
}
boot();
