// The bot's text as Telegram shows it: plain text plus its message entities. Only the
// entity types make elements; every character of the text is a text node.

import { el } from "./dom.js";

export function safeUrl(raw) {
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch (error) {
    return null;
  }
}

function entityNode(entity, content) {
  const simple = { bold: "strong", italic: "em", underline: "u", strikethrough: "s", code: "code" };
  if (simple[entity.type]) {
    const node = el(simple[entity.type]);
    return { outer: node, inner: node };
  }
  if (entity.type === "pre") {
    const outer = el("pre");
    const inner = el("code");
    if (entity.language) inner.dataset.language = entity.language;
    outer.append(inner);
    return { outer, inner };
  }
  if (entity.type === "blockquote" || entity.type === "expandable_blockquote") {
    const node = el("blockquote");
    return { outer: node, inner: node };
  }
  if (entity.type === "spoiler") {
    const node = el("span", "spoiler");
    node.tabIndex = 0;
    node.setAttribute("role", "button");
    node.setAttribute("aria-label", "Hidden text, press to show");
    const reveal = () => {
      node.classList.add("revealed");
      node.removeAttribute("role");
      node.removeAttribute("aria-label");
      node.removeAttribute("tabindex");
    };
    node.addEventListener("click", reveal);
    node.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); reveal(); }
    });
    return { outer: node, inner: node };
  }
  const href = entity.type === "text_link" ? safeUrl(entity.url)
    : entity.type === "url" ? safeUrl(/^[a-z][a-z0-9+.-]*:/i.test(content) ? content : `http://${content}`)
    : null;
  if (href) {
    const link = el("a");
    link.href = href;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    return { outer: link, inner: link };
  }
  const node = el("span", `entity-${String(entity.type).replace(/[^a-z_]/g, "")}`);
  return { outer: node, inner: node };
}

// Text from `start` to `end` (UTF-16 units, as Telegram counts), with the entities inside it.
function appendRange(parent, text, entities, start, end) {
  let position = start;
  let index = 0;
  while (index < entities.length) {
    const entity = entities[index];
    const from = Math.max(entity.offset, start);
    const to = Math.min(entity.offset + entity.length, end);
    if (from >= end) break;
    if (from < position || to <= from) { index += 1; continue; }
    let next = index + 1;
    while (next < entities.length && entities[next].offset < to) next += 1;
    parent.append(text.slice(position, from));
    const node = entityNode(entity, text.slice(from, to));
    appendRange(node.inner, text, entities.slice(index + 1, next), from, to);
    parent.append(node.outer);
    position = to;
    index = next;
  }
  parent.append(text.slice(position, end));
}

export function renderText(text, entities) {
  const fragment = document.createDocumentFragment();
  const sorted = (entities || [])
    .filter((entity) => Number.isInteger(entity.offset) && entity.length > 0)
    .slice()
    .sort((a, b) => a.offset - b.offset || b.length - a.length);
  appendRange(fragment, text, sorted, 0, text.length);
  return fragment;
}

