// Everything around the messages: the keyboard under the chat, typing and flood waits,
// the chat's header, the chat list and the choice of person.
//
// `state` is the page's state (app.js); `act` holds what buttons do:
// {sendText, setBlocked, addBot, openMemberDialog, openChat}.

import { $, button, el } from "./dom.js";
import { clock, fullName, snippet } from "./messages.js";

// The person's own Start/Unblock button and the reply keyboard the bot left in place.
export function renderKeyboard(view, state, act) {
  const area = $("keyboard");
  area.replaceChildren();
  const chat = view.chat;
  const buttons = [];
  if (chat.type === "private" && chat.blocked) {
    buttons.push([button("Unblock the bot", () => act.setBlocked(false), "primary")]);
  } else if (chat.type === "private" && !chat.started) {
    buttons.push([button("Start", () => act.sendText("/start"), "primary")]);
  }
  const keyboard = view.keyboard;
  state.replyTo = keyboard && keyboard.force_reply ? keyboard.message_id : null;
  if (keyboard && keyboard.keyboard && state.hiddenKeyboard !== keyboard.message_id) {
    for (const row of keyboard.keyboard) {
      buttons.push(row.map((key) => button(key.text, () => {
        if (keyboard.one_time_keyboard) state.hiddenKeyboard = keyboard.message_id;
        act.sendText(key.text);
      }, "key")));
    }
  }
  for (const row of buttons) {
    const line = el("div", "row");
    line.append(...row);
    area.append(line);
  }
  area.hidden = buttons.length === 0;
  $("text").placeholder = (keyboard && keyboard.input_field_placeholder) || "Message";
}

const ACTIONS = {
  typing: "is typing…",
  upload_photo: "is sending a photo…",
  upload_document: "is sending a file…",
};

// The bot's pacing; returns the seconds until what it shows runs out (0 for nothing).
export function renderPace(view, bot) {
  const name = bot ? bot.first_name : "The bot";
  const parts = [];
  if (view.action) parts.push(`${name} ${ACTIONS[view.action] || "is busy…"}`);
  if (view.waiting_for > 0) {
    const seconds = Math.ceil(view.waiting_for);
    parts.push(`⏳ Telegram asked ${name} to wait ${seconds} s before sending here.`);
  }
  $("pace").textContent = parts.join(" ");
  $("pace").hidden = parts.length === 0;
  const soonest = [view.typing_for, view.waiting_for].filter((s) => s > 0);
  return soonest.length ? Math.min(...soonest) : 0;
}

export function renderHeader(view, act) {
  const chat = view.chat;
  $("chat-title").textContent = chat.title;
  const actions = $("chat-actions");
  actions.replaceChildren();
  if (chat.type === "private") {
    $("chat-sub").textContent = chat.blocked ? "blocked" : "bot";
    if (chat.started) {
      actions.append(button(chat.blocked ? "Unblock" : "Block", () => act.setBlocked(!chat.blocked)));
    }
    return;
  }
  const names = chat.members.map(fullName).join(", ");
  $("chat-sub").textContent = `${chat.members.length} members: ${names}`;
  if (!["member", "administrator", "creator"].includes(chat.bot_status)) {
    actions.append(button("Add the bot", act.addBot, "primary"));
  }
  actions.append(button("Add person", act.openMemberDialog));
}

// The person's chats; "new" marks those with messages since the page last showed them.
export function renderChatList(chats, state, act) {
  const list = $("chat-list");
  list.replaceChildren();
  for (const chat of chats) {
    const lastId = chat.last ? chat.last.message_id : 0;
    if (!state.seen.has(chat.id) || chat.id === state.chat) state.seen.set(chat.id, lastId);
    const item = el("li");
    const open = el("button", "chat-item");
    open.type = "button";
    if (chat.id === state.chat) open.setAttribute("aria-current", "true");
    const top = el("span", "chat-item-top");
    const icon = el("span", "chat-item-icon", chat.type === "private" ? "🤖" : "👥");
    icon.setAttribute("aria-hidden", "true");
    top.append(icon, el("span", "chat-item-title", chat.title));
    if (chat.last) top.append(el("span", "chat-item-time", clock(chat.last.date)));
    open.append(top);
    open.append(el("span", "chat-item-last", chat.last ? snippet(chat.last, chat.title) : "No messages yet"));
    if (lastId > state.seen.get(chat.id)) open.append(el("span", "badge", "new"));
    open.addEventListener("click", () => act.openChat(chat.id));
    item.append(open);
    list.append(item);
  }
}

export function renderPeople(state) {
  const select = $("me");
  select.replaceChildren(el("option", null, "Choose a person…"));
  select.firstChild.value = "";
  for (const person of state.people) {
    const label = person.username ? `${fullName(person)} (@${person.username})` : fullName(person);
    const option = el("option", null, label);
    option.value = String(person.id);
    select.append(option);
  }
  select.value = state.me ? String(state.me) : "";
  $("no-person").hidden = Boolean(state.me);
}

