// The sandbox chat page: a small Telegram-like client over the emulator's control API.
// Everything people or the bot wrote is put in the page as text nodes (textContent);
// the bot's formatting comes only from its message entities, never from markup.

import { $ } from "./dom.js";
import { renderMessages } from "./messages.js";
import { showAlert, showNotice, showToast, wireDialogs } from "./dialogs.js";
import { renderChatList, renderHeader, renderKeyboard, renderPace, renderPeople } from "./panels.js";

const state = {
  bot: null,          // the bot as a user
  people: [],         // every person in the sandbox
  me: null,           // the id of the person this page plays
  chat: null,         // the id of the open chat
  view: null,         // the open chat as last fetched
  rendered: new Map(),  // message_id -> {sig, node}
  seen: new Map(),      // chat id -> last message id seen, for the "new" marks
  pending: new Map(),   // callback query id -> the button pressed
  hiddenKeyboard: null, // message id of a one-time keyboard already used
  replyTo: null,        // message id a force-reply asked to answer
  refreshing: false,
  again: false,
  timer: null,
};

// ---------- talking to the emulator ----------

async function request(method, path, body) {
  const options = { method, headers: {} };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  const type = response.headers.get("Content-Type") || "";
  const answer = type.startsWith("application/json") ? await response.json() : null;
  if (!response.ok) {
    throw new Error((answer && answer.error) || `${response.status} ${response.statusText}`);
  }
  return answer;
}

const get = (path) => request("GET", path);
const post = (path, body) => request("POST", path, body || {});

// The payload of a link that opens this bot with /start (an invitation), or null.
function startPayload(href) {
  if (!state.bot || !href) return null;
  try {
    const url = new URL(href);
    const bot = (state.bot.username || "").toLowerCase();
    const path = url.pathname.replace(/^\/+/, "").toLowerCase();
    if (url.hostname !== "t.me" || path !== bot) return null;
    return url.searchParams.get("start");
  } catch (error) {
    return null;
  }
}

// ---------- refreshing ----------

function later(milliseconds) {
  clearTimeout(state.timer);
  state.timer = setTimeout(schedule, milliseconds);
}

function schedule() {
  if (state.refreshing) { state.again = true; return; }
  state.refreshing = true;
  refresh().catch(showNotice).finally(() => {
    state.refreshing = false;
    if (state.again) { state.again = false; schedule(); }
  });
}

async function refresh() {
  const everyone = await get("/sandbox/page/people");
  state.bot = everyone.bot;
  state.people = everyone.people;
  if (state.me && !state.people.some((p) => p.id === state.me)) state.me = null;
  renderPeople(state);
  if (!state.me) { $("chat-list").replaceChildren(); return; }
  const me = state.me;
  const chats = await get(`/sandbox/page/people/${me}/chats`);
  if (me !== state.me) return;
  if (!chats.some((chat) => chat.id === state.chat)) state.chat = me;
  renderChatList(chats, state, act);
  const chatId = state.chat;
  const view = await get(`/sandbox/page/chats/${chatId}?as=${me}`);
  if (me !== state.me || chatId !== state.chat) return;
  state.view = view;
  renderHeader(view, act);
  renderMessages({ ...view, me, rendered: state.rendered, press });
  renderKeyboard(view, state, act);
  const runsOut = renderPace(view, state.bot);
  if (runsOut) later(runsOut * 1000 + 50);
  await checkCallbacks();
}

async function checkCallbacks() {
  for (const [id, pressed] of state.pending) {
    const answer = await get(`/sandbox/callbacks/${encodeURIComponent(id)}`);
    if (!answer.answered) {
      if (Date.now() - pressed.at > 15000) state.pending.delete(id);
      continue;
    }
    state.pending.delete(id);
    pressed.node.classList.remove("busy");
    pressed.node.removeAttribute("aria-busy");
    if (answer.text && answer.show_alert) showAlert(answer.text);
    else if (answer.text) showToast(answer.text);
    const payload = startPayload(answer.url);
    if (payload !== null) await openStartLink(payload);
  }
}

function connect() {
  if (!window.EventSource) {
    setInterval(schedule, 1500);
    $("live").textContent = "Updating every 1.5 s";
    return;
  }
  const events = new EventSource("/sandbox/page/events");
  events.onopen = () => { $("live").textContent = "Live"; };
  events.onmessage = () => schedule();
  events.onerror = () => { $("live").textContent = "Reconnecting…"; };
}

// ---------- what the person does ----------

function choosePerson(id) {
  state.me = id;
  state.chat = id;
  state.seen.clear();
  resetChat();
  writeHash();
  showView(id ? "chat" : "list");
  schedule();
}

function openChat(id) {
  if (state.chat !== id) {
    state.chat = id;
    resetChat();
    writeHash();
  }
  showView("chat");
  schedule();
  $("text").focus();
}

function resetChat() {
  state.rendered.clear();
  state.view = null;
  state.hiddenKeyboard = null;
  $("messages").replaceChildren();
  $("keyboard").replaceChildren();
  $("keyboard").hidden = true;
  $("pace").hidden = true;
  $("chat-actions").replaceChildren();
  $("chat-title").textContent = state.me ? "…" : "No chat open";
  $("chat-sub").textContent = "";
}

function showView(view) {
  document.body.dataset.view = view;
}

function writeHash() {
  history.replaceState(null, "", state.me ? `#me=${state.me}&chat=${state.chat}` : "#");
}

function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  const me = Number.parseInt(params.get("me"), 10);
  const chat = Number.parseInt(params.get("chat"), 10);
  if (Number.isInteger(me)) { state.me = me; state.chat = Number.isInteger(chat) ? chat : me; }
}

function requirePerson() {
  if (state.me) return true;
  showNotice(new Error("Choose who you are first."));
  $("me").focus();
  return false;
}

async function sendText(text) {
  if (!requirePerson() || !text.trim()) return false;
  try {
    const body = { chat_id: state.chat, from: state.me, text };
    if (state.replyTo) body.reply_to = state.replyTo;
    await post("/sandbox/send", body);
    $("messages").scrollTop = $("messages").scrollHeight;
    return true;
  } catch (error) {
    showNotice(error);
    return false;
  }
}

async function press(message, data, node) {
  if (!requirePerson()) return;
  node.classList.add("busy");
  node.setAttribute("aria-busy", "true");
  try {
    const body = { chat_id: state.chat, from: state.me, message_id: message.message_id, data };
    const answer = await post("/sandbox/press", body);
    state.pending.set(answer.callback_query_id, { node, at: Date.now() });
    schedule();
  } catch (error) {
    node.classList.remove("busy");
    node.removeAttribute("aria-busy");
    showNotice(error);
  }
}

async function openStartLink(payload) {
  if (!requirePerson()) return;
  openChat(state.me);
  await sendText(payload ? `/start ${payload}` : "/start");
}

async function setBlocked(blocked) {
  try {
    await post(`/sandbox/users/${state.me}/${blocked ? "block" : "unblock"}`);
  } catch (error) { showNotice(error); }
}

async function addBot() {
  try {
    await post(`/sandbox/groups/${state.chat}/bot`, { by: state.me });
  } catch (error) { showNotice(error); }
}

function readFile(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(",", 2)[1] || "");
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

async function sendFile(file) {
  if (!requirePerson()) return;
  const photo = /^image\/(png|jpeg)$/.test(file.type);
  const caption = $("text").value.trim();
  try {
    await post(photo ? "/sandbox/send_photo" : "/sandbox/send_document", {
      chat_id: state.chat, from: state.me, caption: caption || null,
      filename: file.name, mime_type: file.type || null,
      content_base64: await readFile(file),
    });
    $("text").value = "";
  } catch (error) { showNotice(error); }
}

// ---------- wiring ----------

const dialogs = wireDialogs({ state, post, requirePerson, choosePerson, schedule, openChat });
const act = { sendText, setBlocked, addBot, openChat, openMemberDialog: dialogs.openMemberDialog };

function wire() {
  $("me").addEventListener("change", (event) => {
    const id = Number.parseInt(event.target.value, 10);
    choosePerson(Number.isInteger(id) ? id : null);
  });
  $("new-group").addEventListener("click", dialogs.openGroupDialog);
  $("back").addEventListener("click", () => {
    showView("list");
    $("chat-list").querySelector("button")?.focus();
  });
  $("composer").addEventListener("submit", async (event) => {
    event.preventDefault();
    const box = $("text");
    const text = box.value;
    if (await sendText(text)) box.value = "";
    box.focus();
  });
  $("text").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("composer").requestSubmit();
    }
  });
  $("attach").addEventListener("click", () => { if (requirePerson()) $("file").click(); });
  $("file").addEventListener("change", async () => {
    const file = $("file").files[0];
    if (file) await sendFile(file);
    $("file").value = "";
  });
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a[href]");
    const payload = link ? startPayload(link.href) : null;
    if (payload === null) return;
    event.preventDefault();
    openStartLink(payload);
  });
}

readHash();
wire();
resetChat();
connect();
schedule();
