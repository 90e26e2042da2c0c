"""Accessibility checks on a page in the browser: text contrast, tap target sizes, Tab order.

Contrast follows WCAG 2.x: the relative luminance of the text colour against the colour
behind it (semi-transparent layers composited), 4.5:1 for normal text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.async_api import Page

MIN_CONTRAST = 4.5
MIN_TARGET = 44  # CSS px, WCAG 2.5.5 and the platform guidelines
OPERABLE = "button, select, textarea, input, a[href], [tabindex='0']"

# Every visible element that shows text of its own (a direct text node or a placeholder):
# its text and placeholder colours and the opaque colour behind it.
_TEXT_COLOURS = """
() => {
  const parse = (value) => {
    const found = value.match(/rgba?\\(([^)]+)\\)/);
    if (!found) return [0, 0, 0, 0];
    const parts = found[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
  };
  const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3]));
  const behind = (node) => {
    const layers = [];
    for (let at = node; at && at.nodeType === 1; at = at.parentElement) {
      const colour = parse(getComputedStyle(at).backgroundColor);
      if (colour[3] > 0) layers.push(colour);
      if (colour[3] >= 1) break;
    }
    let result = [255, 255, 255];
    for (const layer of layers.reverse()) result = over(layer, result);
    return result;
  };
  const visible = (node) => {
    const style = getComputedStyle(node);
    const box = node.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && style.visibility !== "hidden" && style.opacity !== "0"
      && !node.closest(".visually-hidden");
  };
  const found = [];
  for (const node of document.querySelectorAll("body *")) {
    if (!visible(node) || node.closest(".spoiler:not(.revealed)")) continue;
    const own = [...node.childNodes].filter((c) => c.nodeType === 3)
      .map((c) => c.data).join("").trim();
    const background = behind(node);
    if (own) {
      found.push({ what: `${node.tagName.toLowerCase()}.${node.className}: ${own.slice(0, 40)}`,
        colour: over(parse(getComputedStyle(node).color), background), background });
    }
    if (node.placeholder) {
      found.push({ what: `placeholder of #${node.id}: ${node.placeholder}`,
        colour: over(parse(getComputedStyle(node, "::placeholder").color), background),
        background });
    }
  }
  return found;
}
"""

# How a control is named in findings: its tag and its id, or the start of its text.
_NAME = "const name = (node) => `${node.tagName.toLowerCase()} ${node.id || node.textContent.trim().slice(0, 30)}`;"  # noqa: E501

# Controls on screen with their sizes; a checkbox is tapped through its label.
_TARGETS = """
(selector) => {
  /* name */
  return [...document.querySelectorAll(`${selector}, label.check`)]
    .filter((node) => {
      const box = node.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(node).visibility !== "hidden"
        && !node.closest(".visually-hidden, .text") && !["checkbox", "file"].includes(node.type);
    })
    .map((node) => {
      const box = node.getBoundingClientRect();
      return { what: name(node), width: box.width, height: box.height };
    });
}
""".replace("/* name */", _NAME)

# Marks each control on screen that Tab may stop at, and names them in that order.
_MARK_OPERABLE = """
(selector) => {
  /* name */
  const nodes = [...document.querySelectorAll(selector)].filter((node) => {
    const box = node.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && !node.disabled && node.tabIndex >= 0
      && getComputedStyle(node).visibility !== "hidden" && !node.closest("[inert]");
  });
  nodes.forEach((node, index) => { node.dataset.a11y = String(index); });
  return nodes.map(name);
}
""".replace("/* name */", _NAME)


def _luminance(rgb: list[float]) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in rgb[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: list[float], second: list[float]) -> float:
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@dataclass
class Finding:
    what: str
    value: float


async def poor_contrast(page: Page) -> tuple[int, list[Finding]]:
    """How many texts were measured, and those under 4.5:1."""
    texts: list[dict[str, Any]] = await page.evaluate(_TEXT_COLOURS)
    ratios = [Finding(text["what"], contrast(text["colour"], text["background"])) for text in texts]
    return len(ratios), [ratio for ratio in ratios if ratio.value < MIN_CONTRAST]


async def small_targets(page: Page) -> tuple[int, list[Finding]]:
    """How many controls were measured, and those narrower or lower than 44 CSS px."""
    boxes: list[dict[str, Any]] = await page.evaluate(_TARGETS, OPERABLE)
    small = [
        Finding(box["what"], min(box["width"], box["height"]))
        for box in boxes
        if box["width"] < MIN_TARGET or box["height"] < MIN_TARGET
    ]
    return len(boxes), small


async def unreachable_by_tab(page: Page, max_presses: int = 300) -> tuple[list[str], list[str]]:
    """Every visible control on the page, and those that Tab never reaches."""
    controls: list[str] = await page.evaluate(_MARK_OPERABLE, OPERABLE)
    reached: set[int] = set()
    await page.evaluate("() => document.activeElement && document.activeElement.blur()")
    for _ in range(max_presses):
        await page.keyboard.press("Tab")
        mark = await page.evaluate("() => document.activeElement?.dataset?.a11y ?? null")
        if mark is not None:
            reached.add(int(mark))
        if len(reached) == len(controls):
            break
    return controls, [name for index, name in enumerate(controls) if index not in reached]
