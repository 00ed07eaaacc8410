import { ApiError, chats, im, session } from "./api.js";
import { $, el, say, show } from "./dom.js";
import { Feed } from "./realtime.js";
import { followQuotedEdit, forgetQuoted, quoteOf, replyButton, replyToId, stopReplying } from "./replies.js";
import { askForNotifications, notifyIfHidden, offerNotifications, showUnreadInTitle } from "./attention.js";
import { completeMentions, mentionBadge, mentionsMe, textWithMentions } from "./mentions.js";
import { renderAttachments, setUpAttachments } from "./attachments.js";
import { decoratePeople, initGroups, loadBlocked, renderGroupPanel } from "./groups.js";
import { setUpProfile, showProfileOf } from "./profile.js";
import { takeLinkedSession } from "./links.js";

const PAGE = 30;
const TYPING_SHOWN_MS = 5000;
const TYPING_SENT_EVERY_MS = 3000;
const MAX_PRESENCE_CHANNELS = 90;
const REACTIONS = ["👍", "❤️", "😂", "🎉", "😮"];
const SEARCH_PAGE = 20;
const FIRST_RESEND_MS = 500;
const LAST_RESEND_MS = 5000;
const PAGES_TO_FIND_A_RESULT = 40;

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
  sending: false,
  search: null,
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
  showProfileOf(me);
  offerNotifications();
  await loadBlocked();
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
  const linked = takeLinkedSession(state.sessions);
  if (linked) {
    await openSession(linked);
  }
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
    typing: new Map(), feed: null, lastTypingSent: 0, sending: false, search: null,
  });
  for (const id of ["contacts", "other-users", "sessions", "messages", "chat-events", "search-results"]) {
    $(id).replaceChildren();
  }
  $("message-search").value = "";
  say($("search-info"), "");
  show($("more-results"), false);
  show($("enable-notifications"), false);
  stopReplying();
  showUnreadInTitle([]);
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
      if (message.message.type === "meta") {
        refreshSessionsSoon(); // a group change: who is in it (the reader too) may have changed
      }
      break;
    case "im_chat.message_edited":
      changeMessage(message.session, message.message_id, (m) => Object.assign(m,
        { message: message.message, edited: true, edit_date: message.edit_date, mentions: message.mentions || [] }));
      if (state.current && state.current.kind === "session" && state.current.uuid === message.session) {
        followQuotedEdit(state.current.messages, message.message_id, message.message, (m) => redraw(state.current, m));
      }
      break;
    case "im_chat.message_deleted":
      changeMessage(message.session, message.message_id,
        (m) => Object.assign(m, { message: "", deleted: true, reactions: [] }));
      if (state.current && state.current.kind === "session" && state.current.uuid === message.session) {
        forgetQuoted(state.current.messages, message.message_id, (m) => redraw(state.current, m));
      }
      break;
    case "im_chat.reaction":
      changeMessage(message.session, message.message_id, (m) => applyReaction(m, message));
      break;
    case "im_chat.seen":
      receiveSeen(message.session, message.user_id, message.seen_message_id);
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
      renderSeen(current);
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
  decoratePeople($("contacts"));
  decoratePeople($("other-users"));
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
  const known = state.sessions.get(s.uuid);
  if (s.unread_count === undefined) {
    // Notifications carry no count (docs/im-chat-api.md): the one counted so far holds.
    s.unread_count = s.is_read ? 0 : known ? known.unread_count : null;
  }
  if (s.mention_count === undefined) {
    s.mention_count = s.is_read ? 0 : known ? known.mention_count : 0;
  }
  state.sessions.set(s.uuid, s);
  for (const user of s.users) {
    if (user.im_status) {
      state.presence.set(user.id, user.im_status);
    }
  }
}

function titleOf(s) {
  let title;
  if (s.conversation) {
    title = s.conversation.name;
  } else if (s.is_group && s.groups.length > 0) {
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
    const detail = last
      ? `${last.author.id === state.me.uid ? "You" : last.author.name}: ${last.message.message || "Message deleted"}`
      : "No messages yet";
    const unread = isUnread(s);
    const item = el("li", {
      "aria-label": title, "data-uuid": s.uuid,
      class: [unread ? "unread" : "", s.uuid === currentUuid ? "current" : ""].join(" ").trim(),
      "aria-current": s.uuid === currentUuid ? "true" : null,
    }, el("button", { class: "open", type: "button", onclick: () => openSession(s.uuid) },
      el("span", { class: "name", text: title },
        unread ? unreadBadge(s) : null,
        mentionBadge(s),
        s.is_group ? el("span", { class: "badge", text: "group" }) : null,
        s.state !== "open" ? el("span", { class: "badge", text: s.state }) : null),
      el("span", { class: "detail", text: detail })));
    return item;
  }));
  if (sessions.length === 0) {
    $("sessions").append(el("li", { class: "muted", text: "No sessions yet." }));
  }
  showUnreadInTitle(sessions);
}

function isUnread(s) {
  return s.unread_count > 0 || (!s.is_read && s.unread_count !== 0);
}

function unreadBadge(s) {
  const label = s.unread_count > 0 ? `${s.unread_count} unread` : "unread";
  return el("span", { class: "badge unread-mark", "aria-label": label, text: label });
}

function member(s, userId) {
  return s.users.find((u) => u.id === userId);
}

function pointerOf(s, userId) {
  const user = member(s, userId);
  return user && user.seen_message_id ? user.seen_message_id : 0;
}

function movePointer(s, userId, messageId) {
  const user = member(s, userId);
  if (user && messageId && messageId > pointerOf(s, userId)) {
    user.seen_message_id = messageId;
  }
}

// The newest message another member sent, as far as this page knows.
function newestFromOthers(s) {
  let newest = 0;
  for (const user of s.users) {
    if (user.id !== state.me.uid && user.last_message && user.last_message.id > newest) {
      newest = user.last_message.id;
    }
  }
  return newest;
}

function receiveSeen(uuid, userId, seenId) {
  const s = state.sessions.get(uuid);
  if (!s) {
    return;
  }
  movePointer(s, userId, seenId);
  if (userId === state.me.uid) {
    if (pointerOf(s, userId) >= newestFromOthers(s)) {
      s.unread_count = 0;
      s.is_read = true;
    } else {
      refreshSessionsSoon();
    }
    renderSessions();
    renderConversationHead();
  }
  const current = state.current;
  if (current && current.kind === "session" && current.uuid === uuid) {
    renderSeen(current);
  }
}

let refreshTimer = null;

// What this page cannot count itself (the pointer moved elsewhere to a message it has not seen) is listed again.
function refreshSessionsSoon() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => state.me && loadSessions(), 500);
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

async function openSession(uuid, findId = null) {
  const current = {
    kind: "session", uuid, messages: new Map(), oldest: null, exhausted: false, loading: false, editing: null,
  };
  state.current = current;
  clearTyping();
  stopReplying();
  $("messages").replaceChildren();
  say($("post-error"), "");
  showPane("conversation");
  renderConversationHead();
  renderSessions();
  follow();
  await loadOlder(current);
  stickToBottom(true);
  // The newest page was read: the server moved this reader's pointer to its newest message.
  const s = state.sessions.get(uuid);
  if (s && state.current === current && current.messages.size > 0) {
    movePointer(s, state.me.uid, newestShown(current));
    s.unread_count = 0;
    s.mention_count = 0;
    s.is_read = true;
    renderSessions();
    renderConversationHead();
  }
  while (state.current === current && !current.exhausted && $("messages").scrollHeight <= $("messages").clientHeight) {
    await loadOlder(current);
  }
  if (findId !== null) {
    await showFound(current, findId);
  } else {
    $("message").focus();
  }
}

// A search result is shown in its place in the history, paging back to it when it is older than what is loaded.
async function showFound(current, messageId) {
  for (let pages = 0; state.current === current && !current.messages.has(messageId) && !current.exhausted
    && pages < PAGES_TO_FIND_A_RESULT; pages++) {
    await loadOlder(current);
  }
  const node = messageNode(messageId);
  if (state.current !== current || !node) {
    return;
  }
  for (const found of $("messages").querySelectorAll(".message.found")) {
    found.classList.remove("found");
  }
  node.classList.add("found");
  node.scrollIntoView({ block: "center" });
}

function renderConversationHead() {
  renderGroupPanel();
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
    `${s.is_group ? "Group session" : "Private session"} · ${isUnread(s) ? "unread" : "read"} · ${s.state}`
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
    renderSeen(current);
    log.scrollTop = log.scrollHeight - before;
  });
  current.loading = false;
}

function messageNode(id) {
  return $("messages").querySelector(`.message[data-id="${Number(id)}"]`);
}

function newestShown(current) {
  let newest = 0;
  for (const id of current.messages.keys()) {
    newest = Math.max(newest, id);
  }
  return newest;
}

// A message already shown is replaced by what is newer about it (an edit, a deletion, reactions).
function insertMessage(current, m) {
  if (m.id === null || m.id === undefined || m.type === "typing") {
    return;
  }
  if (current.oldest === null || m.id < current.oldest) {
    current.oldest = m.id;
  }
  const known = current.messages.get(m.id);
  if (known) {
    Object.assign(known, m);
    redraw(current, known);
    return;
  }
  const message = { reactions: [], ...m };
  current.messages.set(m.id, message);
  const log = $("messages");
  const after = [...log.children].find((child) => Number(child.dataset.id) > m.id);
  log.insertBefore(renderMessage(current, message), after || null);
}

function isMine(m) {
  return Boolean(m.from_id) && m.from_id[0] === state.me.uid;
}

function renderMessage(current, m) {
  const mine = isMine(m);
  const classes = ["message", mine ? "mine" : "", m.type === "meta" ? "meta" : "", m.deleted ? "deleted" : "",
    !m.deleted && mentionsMe(m, state.me.uid) ? "mentions-me" : ""];
  const node = el("div", { class: classes.filter(Boolean).join(" "), "data-id": m.id },
    el("div", {},
      el("span", { class: "author", text: m.from_id ? m.from_id[1] : "" }),
      el("span", { class: "time", text: `${m.create_date} UTC` }),
      m.edited && !m.deleted ? el("span", { class: "edited", title: `edited ${m.edit_date} UTC`, text: "edited" }) : null));
  if (m.deleted) {
    node.append(el("div", { class: "text tombstone", text: "Message deleted" }));
    return node;
  }
  if (current.editing === m.id) {
    node.append(editor(current, m));
    return node;
  }
  const quote = quoteOf(m, (userId) => authorName(current, userId), (id) => showFound(current, id));
  if (quote) {
    node.append(quote);
  }
  node.append(el("div", { class: "text" }, ...textWithMentions(m, state.me)));
  if (m.attachments) {
    node.append(renderAttachments(m));
  }
  if (m.type === "meta") {
    return node;
  }
  const tools = el("div", { class: "tools" }, reactionButtons(m));
  if (m.type === "message") {
    tools.append(replyButton(m, m.from_id ? m.from_id[1] : ""));
  }
  if (mine && m.type === "message") {
    tools.append(el("span", { class: "own" },
      el("button", { type: "button", class: "small", text: "Edit", onclick: () => startEditing(current, m.id) }),
      el("button", { type: "button", class: "small", text: "Delete", onclick: () => askToDelete(node, m.id) })));
  }
  node.append(tools);
  return node;
}

// A member's name as this session shows it (someone who left is named by id).
function authorName(current, userId) {
  const s = state.sessions.get(current.uuid);
  const user = s && member(s, userId);
  return user ? user.name : `User ${userId}`;
}

function redraw(current, m) {
  const old = messageNode(m.id);
  if (!old || (current.editing === m.id && !m.deleted)) {
    return;
  }
  if (m.deleted && current.editing === m.id) {
    current.editing = null;
  }
  const fresh = renderMessage(current, m);
  if (old.classList.contains("found")) {
    fresh.classList.add("found");
  }
  old.replaceWith(fresh);
  renderSeen(current);
}

// Applies a change to a message wherever this page shows it: the open conversation and the session's last message.
function changeMessage(uuid, messageId, change) {
  const s = state.sessions.get(uuid);
  if (s) {
    for (const user of s.users) {
      if (user.last_message && user.last_message.id === messageId) {
        const copy = { ...user.last_message };
        change(copy);
        user.last_message.message = copy.message;
      }
    }
    renderSessions();
  }
  const current = state.current;
  if (current && current.kind === "session" && current.uuid === uuid && current.messages.has(messageId)) {
    const m = current.messages.get(messageId);
    change(m);
    redraw(current, m);
  }
  for (const item of $("search-results").querySelectorAll(`li[data-message-id="${Number(messageId)}"]`)) {
    const hit = state.search && state.search.hits.get(messageId);
    if (hit) {
      change(hit.message);
      item.replaceWith(renderHit(hit));
    }
  }
}

// ---------- reactions ----------

function reactionButtons(m) {
  const shown = [...REACTIONS];
  for (const r of m.reactions) {
    if (!shown.includes(r.emoji)) {
      shown.push(r.emoji);
    }
  }
  return el("span", { class: "reactions" }, ...shown.map((emoji) => {
    const r = m.reactions.find((x) => x.emoji === emoji);
    const count = r ? r.count : 0;
    return el("button", {
      type: "button", class: `small reaction${count > 0 ? " used" : ""}`, "aria-label": `React ${emoji}`,
      "aria-pressed": r && r.me ? "true" : "false", title: count === 1 ? "1 reaction" : `${count} reactions`,
      "data-emoji": emoji, onclick: () => react(m.id, emoji),
    }, el("span", { text: emoji }), count > 0 ? el("span", { class: "count", text: String(count) }) : null);
  }));
}

function applyReaction(m, change) {
  m.reactions = m.reactions || [];
  let r = m.reactions.find((x) => x.emoji === change.emoji);
  if (!r) {
    r = { emoji: change.emoji, count: 0, me: false };
    m.reactions.push(r);
  }
  r.count = change.count;
  if (change.user_id === state.me.uid) {
    r.me = change.reacted;
  }
  if (r.count <= 0) {
    m.reactions = m.reactions.filter((x) => x !== r);
  }
}

async function react(messageId, emoji) {
  const current = state.current;
  const result = await attempt($("post-error"), () => im.react(messageId, emoji));
  if (result && current === state.current && current.kind === "session") {
    changeMessage(current.uuid, messageId,
      (m) => applyReaction(m, { emoji, count: result.count, reacted: result.reacted, user_id: state.me.uid }));
  }
}

// ---------- editing and deleting one's own messages ----------

function startEditing(current, messageId) {
  const previous = current.editing;
  current.editing = messageId;
  if (previous !== null && current.messages.has(previous)) {
    stopEditing(current, previous);
    current.editing = messageId;
  }
  const m = current.messages.get(messageId);
  const node = messageNode(messageId);
  if (!m || !node) {
    return;
  }
  const fresh = renderMessage(current, m);
  node.replaceWith(fresh);
  const box = fresh.querySelector("textarea");
  box.focus();
  box.setSelectionRange(box.value.length, box.value.length);
}

function stopEditing(current, messageId) {
  current.editing = null;
  const m = current.messages.get(messageId);
  const node = messageNode(messageId);
  if (m && node) {
    node.replaceWith(renderMessage(current, m));
  }
}

function editor(current, m) {
  const box = el("textarea", { class: "edit", rows: 2, "aria-label": "Edit message" });
  box.value = m.message;
  box.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      stopEditing(current, m.id);
      $("message").focus();
    } else if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      saveEdit(current, m.id, box.value);
    }
  });
  return el("div", { class: "editing" }, box,
    el("p", { class: "muted", text: "Enter to save, Escape to cancel" }));
}

async function saveEdit(current, messageId, content) {
  if (!content.trim()) {
    say($("post-error"), "Message is empty.");
    return;
  }
  const m = current.messages.get(messageId);
  if (m && content === m.message) {
    stopEditing(current, messageId);
    return;
  }
  const result = await attempt($("post-error"), () => im.edit(messageId, content));
  if (result && state.current === current) {
    current.editing = null;
    changeMessage(current.uuid, messageId,
      (x) => Object.assign(x, { message: content, edited: true, edit_date: result.edit_date }));
    $("message").focus();
  }
}

function askToDelete(node, messageId) {
  const own = node.querySelector(".own");
  const back = () => own.replaceChildren(...kept);
  const kept = [...own.children];
  own.replaceChildren(
    el("span", { class: "muted", text: "Delete this message?" }),
    el("button", { type: "button", class: "small danger", text: "Confirm delete", onclick: () => remove(messageId) }),
    el("button", { type: "button", class: "small", text: "Cancel delete", onclick: back }));
  own.querySelector(".danger").focus();
}

async function remove(messageId) {
  const current = state.current;
  const result = await attempt($("post-error"), () => im.remove(messageId));
  if (result && current === state.current && current.kind === "session") {
    changeMessage(current.uuid, messageId, (m) => Object.assign(m, { message: "", deleted: true, reactions: [] }));
  }
}

// ---------- read state ----------

// "Seen" goes under the caller's newest message that another member has read up to.
function renderSeen(current) {
  for (const old of $("messages").querySelectorAll(".seen")) {
    old.remove();
  }
  const s = state.sessions.get(current.uuid);
  if (!s) {
    return;
  }
  const others = s.users.filter((u) => u.id !== state.me.uid && u.seen_message_id);
  let target = null;
  for (const m of current.messages.values()) {
    if (isMine(m) && (target === null || m.id > target.id) && others.some((u) => u.seen_message_id >= m.id)) {
      target = m;
    }
  }
  const node = target && messageNode(target.id);
  if (!node) {
    return;
  }
  const readers = others.filter((u) => u.seen_message_id >= target.id).map((u) => u.name);
  node.append(el("p", { class: "seen", text: s.is_group ? `Seen by ${readers.join(", ")}` : "Seen" }));
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
  if (m.type === "typing" || m.id === null || m.id === undefined) {
    receiveTyping(uuid, m);
    return;
  }
  const fromMe = m.from_id[0] === state.me.uid;
  if (!s) {
    loadSessions().then(follow);
  } else {
    const author = member(s, m.from_id[0]);
    if (author) {
      author.last_message = { id: m.id, type: m.type, message: m.message, create_date: m.create_date };
    }
    // Whoever posts has seen the session up to their own message.
    movePointer(s, m.from_id[0], m.id);
    if (!fromMe && m.id > pointerOf(s, state.me.uid)) {
      s.unread_count = (s.unread_count || 0) + 1;
      s.mention_count = (s.mention_count || 0) + (mentionsMe(m, state.me.uid) ? 1 : 0);
      s.is_read = false;
    }
    renderSessions();
  }
  if (!fromMe) {
    notifyIfHidden(s && s.is_group ? `${m.from_id[1]} in ${titleOf(s)}` : m.from_id[1], m, () => openSession(uuid));
  }
  const current = state.current;
  if (!current || current.kind !== "session" || current.uuid !== uuid) {
    return;
  }
  stopTyping(m.from_id[0]);
  const wasAtBottom = atBottom();
  insertMessage(current, m);
  stickToBottom(wasAtBottom || fromMe);
  renderSeen(current);
  if (!fromMe) {
    markReadIfShown(current);
  }
}

function receiveTyping(uuid, m) {
  const current = state.current;
  if (current && current.kind === "session" && current.uuid === uuid && m.from_id
      && m.from_id[0] !== state.me.uid) {
    showTyping(m.from_id[0], m.from_id[1]);
  }
}

// The newest message counts as read once it is on a visible page, scrolled into view.
function markReadIfShown(current) {
  if (document.visibilityState !== "visible" || !atBottom()) {
    return;
  }
  const s = state.sessions.get(current.uuid);
  const newest = newestShown(current);
  if (!s || newest === 0 || (pointerOf(s, state.me.uid) >= newest && !isUnread(s))) {
    return;
  }
  clearTimeout(current.readTimer);
  current.readTimer = setTimeout(async () => {
    if (state.current !== current) {
      return;
    }
    try {
      const read = await im.markRead(current.uuid, newestShown(current));
      movePointer(s, state.me.uid, read.seen_message_id);
      s.unread_count = read.unread_count;
      s.mention_count = read.unread_count === 0 ? 0 : s.mention_count;
      s.is_read = read.is_read;
      renderSessions();
      renderConversationHead();
    } catch (error) {
      console.warn("mark_read", error);
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

// ---------- posting ----------

function newClientId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function mayResend(error) {
  return error instanceof ApiError && (error.kind === "unreachable" || [502, 503, 504].includes(error.status));
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// A post that may or may not have reached the server is sent again with the same client_id until it is answered:
// the server stores it once and answers the first message_id to every retry.
async function postOnce(uuid, text, replyTo) {
  const me = state.me;
  const clientId = newClientId();
  let wait = FIRST_RESEND_MS;
  for (let resent = false; ; resent = true) {
    try {
      const sent = await im.post(uuid, "message", text, clientId, replyTo);
      if (resent) {
        say($("post-error"), "");
      }
      return sent;
    } catch (error) {
      if (!mayResend(error) || state.me !== me) {
        throw error;
      }
      say($("post-error"), "Not sent yet: the connection dropped. Sending again…");
      await pause(wait);
      wait = Math.min(wait * 2, LAST_RESEND_MS);
    }
  }
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
  if (state.sending) {
    say($("post-error"), "Still sending the previous message…");
    return;
  }
  state.sending = true;
  try {
    const replyTo = replyToId();
    const sent = await attempt($("post-error"), () => postOnce(current.uuid, text, replyTo));
    if (sent && box.value === text) {
      box.value = "";
    }
    if (sent && replyToId() === replyTo) {
      stopReplying();
    }
  } finally {
    state.sending = false;
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

// ---------- search ----------

async function searchMessages(event) {
  event.preventDefault();
  const query = $("message-search").value.trim();
  if (!/[\p{L}\p{N}]/u.test(query)) {
    say($("search-error"), "Search messages needs a word (letters or digits).");
    $("message-search").focus();
    return;
  }
  state.search = { query, hits: new Map(), oldest: null };
  $("search-results").replaceChildren();
  say($("search-info"), "Searching…");
  await moreResults();
}

async function moreResults() {
  const search = state.search;
  if (!search) {
    return;
  }
  const page = await attempt($("search-error"), () => im.search(search.query, search.oldest, SEARCH_PAGE));
  if (state.search !== search) {
    return;
  }
  if (page === undefined) {
    say($("search-info"), "");
    return;
  }
  for (const hit of page) {
    if (!search.hits.has(hit.message.id)) {
      search.hits.set(hit.message.id, hit);
      $("search-results").append(renderHit(hit));
    }
    search.oldest = search.oldest === null ? hit.message.id : Math.min(search.oldest, hit.message.id);
  }
  const count = search.hits.size;
  say($("search-info"), count === 0 ? `No message holds "${search.query}".`
    : `${count} message${count === 1 ? "" : "s"} found${page.length === SEARCH_PAGE ? " so far" : ""}.`);
  show($("more-results"), page.length === SEARCH_PAGE);
}

function renderHit(hit) {
  const m = hit.message;
  const s = state.sessions.get(hit.session.uuid);
  const where = s ? titleOf(s) : hit.session.is_group ? "Group session" : "Private session";
  const author = m.from_id ? m.from_id[1] : "";
  const text = m.deleted ? "Message deleted" : m.message;
  return el("li", { "aria-label": `${author}: ${text}`, "data-message-id": m.id },
    el("button", { class: "open", type: "button", onclick: () => openSession(hit.session.uuid, m.id) },
      el("span", { class: "name", text: where }),
      el("span", { class: "detail", text: `${author}: ${text}` }),
      el("span", { class: "detail", text: `${m.create_date} UTC` })));
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

initGroups({
  me: () => state.me,
  people: () => [...state.contacts.values(), ...state.others].filter((u) => u.id !== state.me.uid),
  session: (uuid) => state.sessions.get(uuid),
  current: () => state.current,
  upsert: (s) => { upsertSession(s); renderSessions(); renderConversationHead(); follow(); },
  open: (uuid) => openSession(uuid),
  forget: (uuid) => { state.sessions.delete(uuid); state.current = null; showPane("placeholder"); renderSessions(); },
  redrawPeople: () => renderContacts(),
  attempt,
});
$("sign-in-form").addEventListener("submit", signIn);
$("sign-out").addEventListener("click", signOut);
$("user-search").addEventListener("input", renderContacts);
$("group-form").addEventListener("submit", openGroup);
$("post-form").addEventListener("submit", post);
$("stop-replying").addEventListener("click", stopReplying);
$("enable-notifications").addEventListener("click", askForNotifications);
setUpAttachments({
  currentUuid: () => (state.current && state.current.kind === "session" ? state.current.uuid : null),
  captionBox: $("message"), errorNode: $("post-error"), form: $("post-form"),
});
completeMentions($("message"), $("mention-options"), () => {
  const s = state.current && state.current.kind === "session" ? state.sessions.get(state.current.uuid) : null;
  return s ? s.users.filter((u) => u.id !== state.me.uid) : [];
});
setUpProfile({
  renamed: (name) => {
    state.me.name = name;
    say($("whoami"), `Signed in as ${name} (${state.me.login})`);
  },
});
$("message").addEventListener("keydown", messageKey);
$("message").addEventListener("input", typed);
$("messages").addEventListener("scroll", () => {
  if (state.current && state.current.kind === "session" && $("messages").scrollTop < 40) {
    loadOlder(state.current);
  }
  if (state.current && state.current.kind === "session") {
    markReadIfShown(state.current);
  }
});
document.addEventListener("visibilitychange", () => {
  if (state.current && state.current.kind === "session") {
    markReadIfShown(state.current);
  }
});
$("search-form").addEventListener("submit", searchMessages);
$("more-results").addEventListener("click", moreResults);
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
