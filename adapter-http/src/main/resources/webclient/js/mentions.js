// Mentions: the reader's @login marked in the messages that mention them, the "@" count of a session that calls
// them, and @ completion of the session's members' logins in the composer (arrows choose, Enter or Tab takes,
// Escape closes). Text always goes in as textContent.
import { el, show } from "./dom.js";

// What the server reads as a mention (docs/im-chat-api.md, "Mentions"): an @ that follows no login character,
// then login characters ending on a letter, digit or _.
const LOGIN_CHARS = "\\p{L}\\p{N}_.+@\\-";
const MENTION = new RegExp(`(?<![${LOGIN_CHARS}])@([${LOGIN_CHARS}]*[\\p{L}\\p{N}_])`, "gu");
const TYPING_MENTION = new RegExp(`(?<![${LOGIN_CHARS}])@([${LOGIN_CHARS}]*)$`, "u");
const OFFERED = 8;

export function mentionsMe(m, uid) {
  return Array.isArray(m.mentions) && m.mentions.includes(uid);
}

// The text of a message as nodes, the reader's own @login marked when the message mentions them.
export function textWithMentions(m, me) {
  const text = m.message;
  if (!mentionsMe(m, me.uid)) {
    return [text];
  }
  const nodes = [];
  let from = 0;
  for (const match of text.matchAll(MENTION)) {
    if (match[1] === me.login) {
      nodes.push(text.slice(from, match.index), el("mark", { class: "mention", text: match[0] }));
      from = match.index + match[0].length;
    }
  }
  nodes.push(text.slice(from));
  return nodes;
}

// The "@ N" badge of a session with unread messages that mention the reader, or null.
export function mentionBadge(s) {
  if (!(s.mention_count > 0)) {
    return null;
  }
  const label = s.mention_count === 1 ? "1 mention" : `${s.mention_count} mentions`;
  return el("span", { class: "badge mention-mark", "aria-label": label, title: label, text: `@ ${s.mention_count}` });
}

// Offers the logins of membersOf() ([{login, name}], the reader left out) while an @login is typed in box.
export function completeMentions(box, list, membersOf) {
  let offered = [];
  let chosen = 0;
  let start = -1;

  function close() {
    offered = [];
    start = -1;
    show(list, false);
    list.replaceChildren();
    box.setAttribute("aria-expanded", "false");
    box.removeAttribute("aria-activedescendant");
  }

  function take(index) {
    const person = offered[index];
    if (!person) {
      return;
    }
    const caret = box.selectionStart;
    const inserted = `@${person.login} `;
    box.value = box.value.slice(0, start) + inserted + box.value.slice(caret);
    const at = start + inserted.length;
    box.setSelectionRange(at, at);
    close();
    box.focus();
  }

  function choose(index) {
    chosen = (index + offered.length) % offered.length;
    [...list.children].forEach((item, i) => item.setAttribute("aria-selected", String(i === chosen)));
    box.setAttribute("aria-activedescendant", `mention-option-${chosen}`);
  }

  function offer() {
    const caret = box.selectionStart;
    const typed = box.selectionEnd === caret ? TYPING_MENTION.exec(box.value.slice(0, caret)) : null;
    if (!typed) {
      close();
      return;
    }
    const prefix = typed[1].toLowerCase();
    offered = membersOf().filter((p) => p.login && p.login.toLowerCase().startsWith(prefix))
      .sort((a, b) => a.login.localeCompare(b.login)).slice(0, OFFERED);
    if (offered.length === 0) {
      close();
      return;
    }
    start = caret - typed[0].length;
    list.replaceChildren(...offered.map((p, i) => el("li", {
      id: `mention-option-${i}`, role: "option", "aria-selected": "false", "data-login": p.login,
      onmousedown: (event) => event.preventDefault(), // keeps the caret in the box
      onclick: () => take(i),
    }, el("span", { class: "mention-login", text: `@${p.login}` }), el("span", { class: "muted", text: p.name }))));
    show(list, true);
    box.setAttribute("aria-expanded", "true");
    choose(0);
  }

  box.setAttribute("role", "combobox");
  box.setAttribute("aria-autocomplete", "list");
  box.setAttribute("aria-controls", list.id);
  box.setAttribute("aria-expanded", "false");
  box.addEventListener("input", offer);
  box.addEventListener("click", offer);
  box.addEventListener("blur", close);
  // in the capture phase, before the composer's own keys (Enter sends)
  box.addEventListener("keydown", (event) => {
    if (offered.length === 0 || event.isComposing) {
      return;
    }
    const handled = { ArrowDown: () => choose(chosen + 1), ArrowUp: () => choose(chosen - 1),
      Enter: () => take(chosen), Tab: () => take(chosen), Escape: close }[event.key];
    if (handled && !(event.key === "Enter" && event.shiftKey)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      handled();
    }
  }, true);
  return { close };
}
