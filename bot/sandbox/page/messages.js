// One chat's messages as DOM nodes, kept in step with the transcript: new ones added,
// edited ones replaced (and flashed), deleted ones removed.
//
// `view` is what the page knows of the open chat: {me, chat, messages, rendered, press},
// where `rendered` maps message ids to their nodes and `press(message, data, node)`
// presses an inline button.

import { $, el } from "./dom.js";
import { renderText, safeUrl } from "./text.js";

export function fullName(user) {
  if (!user) return "someone";
  return user.last_name ? `${user.first_name} ${user.last_name}` : user.first_name;
}

// The time of day, with the date too for a message from another day (a demo's fortnight).
export function clock(seconds) {
  const moment = new Date(seconds * 1000);
  const time = moment.toLocaleTimeString("en-GB");
  if (moment.toDateString() === new Date().toDateString()) return time;
  const day = moment.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short" });
  return `${day}, ${time.slice(0, 5)}`;
}

function fileUrl(fileId, download) {
  return `/sandbox/page/files/${encodeURIComponent(fileId)}${download ? "?download=1" : ""}`;
}

function serviceText(message, title) {
  const who = fullName(message.from);
  const s = message.service;
  if (s.group_chat_created || s.supergroup_chat_created) return `${who} created the group «${title}»`;
  if (s.new_chat_members) {
    const names = s.new_chat_members.map(fullName);
    if (s.new_chat_members.length === 1 && s.new_chat_members[0].id === message.from.id) {
      return `${who} joined the group`;
    }
    return `${who} added ${names.join(", ")}`;
  }
  if (s.left_chat_member) {
    if (s.left_chat_member.id === message.from.id) return `${who} left the group`;
    return `${who} removed ${fullName(s.left_chat_member)}`;
  }
  if (s.new_chat_title) return `${who} changed the group name to «${s.new_chat_title}»`;
  if (s.migrate_to_chat_id) return "This group was upgraded to a supergroup";
  if (s.migrate_from_chat_id) return "Upgraded from a basic group";
  return Object.keys(s).join(", ");
}

// One line that stands for a message: in the chat list, and above a reply.
export function snippet(message, title) {
  if (!message) return "a message";
  if (message.service) return serviceText(message, title);
  if (message.photo && !message.caption) return "🖼 Photo";
  if (message.document && !message.caption) return `📄 ${message.document.file_name || "File"}`;
  const body = message.text || message.caption || "";
  const line = body.split("\n")[0];
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

function sizeText(bytes) {
  if (bytes >= 1048576) return `${(bytes / 1048576).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

function inlineKeyboard(message, view) {
  const rows = (message.reply_markup && message.reply_markup.inline_keyboard) || [];
  const keyboard = el("div", "inline");
  for (const row of rows) {
    const line = el("div", "row");
    for (const button of row) line.append(inlineButton(message, button, view));
    keyboard.append(line);
  }
  return rows.length ? keyboard : null;
}

function inlineButton(message, button, view) {
  if (button.callback_data !== undefined) {
    const node = el("button", "key", button.text);
    node.type = "button";
    node.dataset.callback = button.callback_data;
    node.addEventListener("click", () => view.press(message, button.callback_data, node));
    return node;
  }
  const href = safeUrl(button.url || "");
  if (!href) return el("span", "key dead", button.text);
  const link = el("a", "key link-key", `${button.text} ↗`);
  link.href = href;
  link.target = "_blank";
  link.rel = "noopener noreferrer";
  return link;
}

function messageNode(message, view) {
  const item = el("li", "msg");
  item.dataset.messageId = message.message_id;
  if (message.service) {
    item.classList.add("service");
    item.append(el("p", "service-text", serviceText(message, view.chat.title)));
    return item;
  }
  const mine = message.from.id === view.me;
  item.classList.add(mine ? "mine" : message.from.is_bot ? "bot" : "other");
  const bubble = el("div", "bubble");
  if (!mine && view.chat.type !== "private") {
    bubble.append(el("p", "sender", fullName(message.from)));
  }
  if (message.reply_to_message_id) {
    const quoted = view.messages.find((m) => m.message_id === message.reply_to_message_id);
    bubble.append(el("p", "quote", `↪ ${snippet(quoted, view.chat.title)}`));
  }
  if (message.photo) {
    const link = el("a", "photo-link");
    link.href = fileUrl(message.photo.file_id);
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    const image = el("img", "photo");
    image.src = fileUrl(message.photo.file_id);
    image.alt = message.caption ? `Photo: ${snippet(message)}` : "Photo";
    if (message.photo.width) image.width = message.photo.width;
    if (message.photo.height) image.height = message.photo.height;
    link.append(image);
    bubble.append(link);
  }
  if (message.document) {
    const name = message.document.file_name || "file";
    const size = sizeText(message.document.file_size || 0);
    const link = el("a", "document", `📄 ${name} · ${size} · Download`);
    link.href = fileUrl(message.document.file_id, true);
    link.download = name;
    bubble.append(link);
  }
  const body = message.text !== undefined ? message.text : message.caption;
  if (body) {
    const text = el("div", "text");
    text.append(renderText(body, message.entities));
    bubble.append(text);
  }
  const meta = [message.pinned ? "📌" : "", message.silent ? "🔕" : "",
    message.edited ? "edited" : "", clock(message.date)].filter(Boolean).join(" ");
  bubble.append(el("p", "meta", meta));
  const keyboard = inlineKeyboard(message, view);
  if (keyboard) bubble.append(keyboard);
  item.append(bubble);
  return item;
}

export function renderMessages(view) {
  const list = $("messages");
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  const present = new Set();
  let previous = null;
  for (const message of view.messages) {
    present.add(message.message_id);
    const sig = JSON.stringify(message);
    const known = view.rendered.get(message.message_id);
    let node = known && known.node;
    if (!known || known.sig !== sig) {
      const fresh = messageNode(message, view);
      if (known) {
        restoreFocus(known.node, fresh);
        known.node.replaceWith(fresh);
        fresh.classList.add("just-edited");
      }
      node = fresh;
      view.rendered.set(message.message_id, { sig, node });
    }
    const wanted = previous ? previous.nextSibling : list.firstChild;
    if (wanted !== node) list.insertBefore(node, wanted);
    previous = node;
  }
  for (const [id, known] of view.rendered) {
    if (!present.has(id)) { known.node.remove(); view.rendered.delete(id); }
  }
  if (atBottom) list.scrollTop = list.scrollHeight;
}

// A keyboard user who pressed a button that the bot then edited away keeps their place.
function restoreFocus(old, fresh) {
  if (!old.contains(document.activeElement)) return;
  const buttons = [...old.querySelectorAll("button")];
  const index = buttons.indexOf(document.activeElement);
  const replacement = fresh.querySelectorAll("button")[index];
  queueMicrotask(() => {
    if (replacement) { replacement.focus(); return; }
    fresh.tabIndex = -1;
    fresh.focus();
  });
}

