// Replies: the quoted message above a reply (a click goes to the original), the "Reply" tool on a message, and
// the bar above the composer naming the message the next post answers. Text always goes in as textContent.
import { $, el, say, show } from "./dom.js";

const QUOTE_SHOWN = 200;

// The message the next post answers ({id, author, text}), or null.
let replyingTo = null;

function shortened(text) {
  const chars = [...text];
  return chars.length > QUOTE_SHOWN ? `${chars.slice(0, QUOTE_SHOWN).join("")}…` : text;
}

// The quote a reply shows of what it answers; authorOf(userId) names a member, goTo(id) shows the original.
export function quoteOf(m, authorOf, goTo) {
  const quoted = m.reply_to;
  if (!quoted) {
    return null;
  }
  return el("button", {
    type: "button", class: `quote${quoted.deleted ? " deleted" : ""}`, "data-reply-to": quoted.id,
    title: "Show the message this replies to", onclick: () => goTo(quoted.id),
  },
  el("span", { class: "quote-author", text: authorOf(quoted.from_id) }),
  el("span", { class: "quote-text", text: quoted.deleted ? "Message deleted" : shortened(quoted.message) }));
}

// The "Reply" tool of a message: the next post answers it.
export function replyButton(m, authorName) {
  return el("button", {
    type: "button", class: "small reply", text: "Reply",
    onclick: () => startReplying({ id: m.id, author: authorName, text: m.message }),
  });
}

export function startReplying(target) {
  replyingTo = target;
  renderReplyBar();
  $("message").focus();
}

export function stopReplying() {
  replyingTo = null;
  renderReplyBar();
}

// The id the next post answers, or null.
export function replyToId() {
  return replyingTo ? replyingTo.id : null;
}

function changeQuotes(messages, originalId, change, redraw) {
  for (const m of messages.values()) {
    if (m.reply_to && m.reply_to.id === originalId && !m.reply_to.deleted) {
      m.reply_to = { ...m.reply_to, ...change };
      redraw(m);
    }
  }
}

// The original was edited: the replies shown quote its new text (the server cuts it alike when read again).
export function followQuotedEdit(messages, originalId, text, redraw) {
  changeQuotes(messages, originalId, { message: [...text].slice(0, QUOTE_SHOWN).join("") }, redraw);
  if (replyingTo && replyingTo.id === originalId) {
    replyingTo = { ...replyingTo, text };
    renderReplyBar();
  }
}

// The original was deleted: the replies shown quote it without its text, and nobody answers it any more.
export function forgetQuoted(messages, deletedId, redraw) {
  changeQuotes(messages, deletedId, { message: "", deleted: true }, redraw);
  if (replyingTo && replyingTo.id === deletedId) {
    stopReplying();
  }
}

function renderReplyBar() {
  const bar = $("replying-to");
  show(bar, replyingTo !== null);
  if (replyingTo) {
    say($("replying-to-text"), `Replying to ${replyingTo.author}: ${shortened(replyingTo.text)}`);
  }
}
