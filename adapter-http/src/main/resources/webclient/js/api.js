// The server's two APIs as the browser sees them: JSON-RPC (IM routes, sign-in) and the Chats REST API.
// Every call is authenticated by the HttpOnly session_id cookie; no token is ever held by this code.

export class ApiError extends Error {
  constructor(message, { field = null, status = 0, name = null } = {}) {
    super(message);
    this.field = field;
    this.status = status;
    this.kind = name;
  }

  get unauthenticated() {
    return this.status === 401;
  }
}

let requestId = 0;

// Where the server's routes are: the folder this client is served from (the parent of js/), so that the same
// client works at / on its own server and under a prefix (e.g. /chat/) in a host application.
const BASE = new URL("../", import.meta.url);

/** The absolute URL of one of the server's routes, given as the API names it ("/im_chat/post"). */
export function routeUrl(path) {
  return new URL(path.replace(/^\//, ""), BASE);
}

async function readJson(response) {
  const text = await response.text();
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(`the server answered HTTP ${response.status} without JSON`, { status: response.status });
  }
}

async function send(path, init) {
  try {
    return await fetch(routeUrl(path), { credentials: "same-origin", ...init });
  } catch {
    throw new ApiError("the server cannot be reached", { status: 0, name: "unreachable" });
  }
}

export async function rpc(path, params = {}) {
  const response = await send(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", method: "call", params, id: ++requestId }),
  });
  const body = await readJson(response);
  if (body && body.error) {
    const data = body.error.data || {};
    const message = typeof data === "string" ? data : data.message || body.error.message;
    throw new ApiError(message, { field: data.field || null, status: response.status, name: data.name || null });
  }
  if (!response.ok) {
    throw new ApiError(`the server answered HTTP ${response.status}`, { status: response.status });
  }
  const result = body ? body.result : null;
  if (result && result.status === "error") {
    throw new ApiError(result.message, { field: result.field, status: response.status });
  }
  return result;
}

export async function rest(method, path, payload) {
  const init = { method, headers: { Accept: "application/json" } };
  if (payload !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(payload);
  }
  const response = await send(path, init);
  const body = await readJson(response);
  if (!response.ok) {
    const detail = body && (body.detail || body.title);
    throw new ApiError(detail || `the server answered HTTP ${response.status}`,
      { field: body && body.field, status: response.status, name: body && body.type });
  }
  return body;
}

// Only who the user is is kept from the sign-in answers; the token they also carry is dropped at once.
function person(info) {
  return { uid: info.uid, name: info.name, login: info.username };
}

export const session = {
  async signIn(login, password) {
    return person(await rpc("/web/session/authenticate", { login, password }));
  },
  async whoAmI() {
    return person(await rpc("/web/session/get_session_info"));
  },
  signOut: () => rpc("/web/session/destroy"),
};

export const im = {
  contacts: () => rpc("/im_chat/api/user_chat_ab/get_users_from_book"),
  otherUsers: () => rpc("/im_chat/api/user_chat_ab/get_all_users"),
  addContact: (id) => rpc("/im_chat/api/user_chat_ab/add_users", { user_ids: [id] }),
  removeContact: (id) => rpc("/im_chat/api/user_chat_ab/remove_users", { user_ids: [id] }),
  privateSessions: () => rpc("/im_chat/api/get_sessions"),
  groupSessions: () => rpc("/im_chat/api/get_sessions_group"),
  openPrivate: (userId) => rpc("/im_chat/api/get_or_create_session", { user_to: userId }),
  openGroup: (groupId) => rpc("/im_chat/api/get_or_create_session_group", { group: groupId }),
  history: (uuid, beforeId, limit) =>
    rpc("/im_chat/api/history", beforeId ? { uuid, last_ID: beforeId, limit } : { uuid, limit }),
  post: (uuid, type, content, clientId, replyTo) =>
    rpc("/im_chat/post", {
      uuid, message_type: type, message_content: content,
      ...(clientId ? { client_id: clientId } : {}), ...(replyTo ? { reply_to_id: replyTo } : {}),
    }),
  postFiles: (uuid, attachmentIds, caption) => rpc("/im_chat/post",
    { uuid, message_type: "money4_chat_attach_msg", attachment_ids: attachmentIds, message_content: caption }),
  markRead: (uuid, messageId) => rpc("/im_chat/api/mark_read", { uuid, message_id: messageId }),
  edit: (messageId, content) => rpc("/im_chat/api/edit_message", { message_id: messageId, message_content: content }),
  remove: (messageId) => rpc("/im_chat/api/delete_message", { message_id: messageId }),
  react: (messageId, emoji) => rpc("/im_chat/api/react", { message_id: messageId, emoji }),
  search: (query, beforeId, limit) =>
    rpc("/im_chat/api/search", beforeId ? { query, last_ID: beforeId, limit } : { query, limit }),
  setState: (uuid, state) => rpc("/im_chat/api/update_state", { uuid, state }),
};

const enc = encodeURIComponent;

export const chats = {
  create: (audience, scope) => rest("POST", "/api/v1/chats", { audience, scope }),
  get: (id) => rest("GET", `/api/v1/chats/${enc(id)}`),
  events: (id, limit) => rest("GET", `/api/v1/chats/${enc(id)}/events?limit=${limit}`),
  state: (id, sets) => rest("GET", `/api/v1/chats/${enc(id)}/state?sets=${enc(sets)}`),
  post: (id, event) => rest("POST", `/api/v1/chats/${enc(id)}/events`, event),
};
