// A link into the app names a session: the away-from-chat emails end with `#session=<uuid>`. Once signed in, the
// app opens it if the reader is a member (anything else is ignored) and takes the fragment off the address.
const LINK = /^#session=([0-9a-fA-F-]{36})$/;

// The session the address links to, or null: only one of `sessions` (a Map by uuid) counts.
export function takeLinkedSession(sessions) {
  const match = LINK.exec(window.location.hash);
  if (!match) {
    return null;
  }
  window.history.replaceState(null, "", window.location.pathname + window.location.search);
  const uuid = match[1].toLowerCase();
  return sessions.has(uuid) ? uuid : null;
}
