// Being told while looking elsewhere: the unread count in the page title, and a system notification (the
// Notification API, once the user allowed it) for a message from someone else while the tab is hidden.
import { $, show } from "./dom.js";

const BASE_TITLE = "Chat";

function supported() {
  return typeof window.Notification === "function";
}

// "(3) Chat" while three messages are unread in all sessions, "Chat" when none are.
export function showUnreadInTitle(sessions) {
  let unread = 0;
  for (const s of sessions) {
    unread += s.unread_count > 0 ? s.unread_count : 0;
  }
  document.title = unread > 0 ? `(${unread}) ${BASE_TITLE}` : BASE_TITLE;
}

// The "Enable notifications" button shows while the browser has not been asked yet.
export function offerNotifications() {
  show($("enable-notifications"), supported() && window.Notification.permission === "default");
}

export async function askForNotifications() {
  if (supported()) {
    await window.Notification.requestPermission();
  }
  offerNotifications();
}

// A message from someone else while the tab is hidden: a system notification (its text as plain text) that
// opens the conversation when clicked.
export function notifyIfHidden(title, m, open) {
  if (!document.hidden || !supported() || window.Notification.permission !== "granted") {
    return;
  }
  const note = new window.Notification(title, { body: m.deleted ? "Message deleted" : m.message, tag: `im-${m.id}` });
  note.onclick = () => {
    window.focus();
    open();
    note.close();
  };
}
