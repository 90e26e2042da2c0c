// Notices, the bot's alerts, and the dialogs that make people and groups.

import { $, el } from "./dom.js";
import { fullName } from "./messages.js";

export function showNotice(error) {
  $("notice-text").textContent = error && error.message ? error.message : String(error);
  $("notice").hidden = false;
}

export function showToast(text) {
  const toast = $("toast");
  toast.textContent = text;
  toast.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { toast.hidden = true; }, 5000);
}

export function showAlert(text) {
  $("alert-text").textContent = text;
  $("alert-dialog").showModal();
}

// Wires the dialogs' forms; `page` gives {state, post, requirePerson, choosePerson,
// schedule, openChat}. Returns the functions that open the group and member dialogs.
export function wireDialogs(page) {
  const { state, post, requirePerson, choosePerson, schedule, openChat } = page;

  function openMemberDialog() {
    const chat = state.view && state.view.chat;
    if (!chat || !requirePerson()) return;
    const inside = new Set(chat.members.map((member) => member.id));
    const select = $("member-person");
    select.replaceChildren();
    for (const person of state.people.filter((p) => !inside.has(p.id))) {
      const option = el("option", null, fullName(person));
      option.value = String(person.id);
      select.append(option);
    }
    if (!select.options.length) { showNotice(new Error("Everyone is in this group already.")); return; }
    $("member-dialog").showModal();
  }

  function openGroupDialog() {
    if (!requirePerson()) return;
    const box = $("group-people");
    box.replaceChildren();
    for (const person of state.people.filter((p) => p.id !== state.me)) {
      const label = el("label", "check");
      const input = el("input");
      input.type = "checkbox";
      input.value = String(person.id);
      label.append(input, ` ${fullName(person)}`);
      box.append(label);
    }
    if (!box.children.length) box.append(el("p", "hint", "Nobody else yet: create people first."));
    $("group-name").value = "";
    $("group-dialog").showModal();
  }

  async function createPerson(event) {
    event.preventDefault();
    const first = $("person-first").value.trim();
    if (!first) { $("person-first").focus(); return; }
    const become = $("person-become").checked || !state.me;
    try {
      const person = await post("/sandbox/users", {
        first_name: first,
        last_name: $("person-last").value.trim() || null,
        username: $("person-username").value.trim().replace(/^@/, "") || null,
      });
      $("person-dialog").close();
      $("person-form").reset();
      if (become) choosePerson(person.id); else schedule();
    } catch (error) { showNotice(error); }
  }

  async function createGroup(event) {
    event.preventDefault();
    const title = $("group-name").value.trim();
    if (!title) { $("group-name").focus(); return; }
    const others = [...$("group-people").querySelectorAll("input:checked")].map((i) => Number(i.value));
    try {
      const chat = await post("/sandbox/groups", { title, member_ids: [state.me, ...others] });
      if ($("group-bot").checked) await post(`/sandbox/groups/${chat.id}/bot`, { by: state.me });
      $("group-dialog").close();
      openChat(chat.id);
    } catch (error) { showNotice(error); }
  }

  async function addMember(event) {
    event.preventDefault();
    try {
      const userId = Number($("member-person").value);
      await post(`/sandbox/groups/${state.chat}/members`, { user_id: userId });
      $("member-dialog").close();
    } catch (error) { showNotice(error); }
  }

  $("new-person").addEventListener("click", () => $("person-dialog").showModal());
  $("person-form").addEventListener("submit", createPerson);
  $("group-form").addEventListener("submit", createGroup);
  $("member-form").addEventListener("submit", addMember);
  $("alert-form").addEventListener("submit", (event) => {
    event.preventDefault();
    $("alert-dialog").close();
  });
  $("notice-close").addEventListener("click", () => { $("notice").hidden = true; });
  for (const cancel of document.querySelectorAll("dialog .cancel")) {
    cancel.addEventListener("click", () => cancel.closest("dialog").close());
  }
  return { openMemberDialog, openGroupDialog };
}
