"""The chat page in a real browser: people use the bot through it as they would on a phone.

Headless Chromium (tests/support/browser.py) opens the page that `carecircle sandbox` serves
at its root, at a phone's size (390x844), over the emulator with the real bot behind it.
Screenshots are written to tests/artifacts/.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, MessageEntity, ReplyKeyboardMarkup

from bot.clock import FrozenClock
from bot.sandbox.media import SAMPLE_PNG
from tests.e2e.conftest import World
from tests.e2e.episode_steps import lily_team
from tests.support.accessibility import poor_contrast, small_targets, unreachable_by_tab
from tests.support.browser import artifact, chromium, require_chromium

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("unhurried")]

PHONE = {"width": 390, "height": 844}
HOSTILE_NAME = "<img src=x onerror=alert(1)>"
FORMATTED = (
    "<b>bold</b> <i>italic</i> <u>under</u> <s>struck</s> <code>x&lt;y</code>\n"
    "<pre>a &amp;&amp; b</pre><tg-spoiler>secret</tg-spoiler>\n"
    '<blockquote>quoted</blockquote><a href="https://example.org/a">link</a> '
    "&lt;img src=x onerror=alert(1)&gt;"
)


@pytest.fixture
def chromium_ready() -> None:
    """Checked before the bot starts, so a machine without Chromium skips at once."""
    require_chromium()


@pytest.fixture
async def page(chromium_ready: None, world: World) -> AsyncIterator[Page]:
    """The chat page on a phone-sized screen; any script error or alert fails the test."""
    problems: list[str] = []
    async with chromium() as browser:
        context = await browser.new_context(viewport=PHONE, accept_downloads=True)
        page = await context.new_page()
        page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)

        async def dialog_opened(dialog: Any) -> None:
            problems.append(f"a {dialog.type} opened: {dialog.message}")
            await dialog.dismiss()

        page.on("dialog", dialog_opened)
        await page.goto(f"{world.emulator.url}/")
        yield page
        await context.close()
    assert problems == []


def expect(target: Any) -> Any:
    from playwright.async_api import expect as playwright_expect

    return playwright_expect(target)


async def be(page: Page, name: str) -> None:
    """Choose who the page plays; their private chat with the bot opens."""
    await page.get_by_label("You are").select_option(label=name)
    await expect(page.locator("#chat-title")).to_have_text("CareCircle")


async def open_chat(page: Page, title: str) -> None:
    await page.get_by_role("button", name="Back to chats").click()
    name = page.locator(".chat-item-title").get_by_text(title, exact=True)
    await page.locator(".chat-item", has=name).click()
    await expect(page.locator("#chat-title")).to_have_text(title)


async def texts_shown(messages: Locator) -> list[str]:
    return [await text.text_content() or "" for text in await messages.locator(".text").all()]


async def test_a_guardian_reports_and_undoes_and_the_teacher_sees_it_in_the_group(
    world: World, page: Page, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)
    await be(page, "Anna")

    await page.get_by_role("textbox", name="Message").fill("/e 30s arms")
    await page.get_by_role("textbox", name="Message").press("Enter")

    receipt = page.locator(".msg.bot", has_text="Saved and shared with Lily's team.")
    await expect(receipt).to_have_count(1)
    await world.settle()  # the relay is in the group before Anna takes it back
    sent = await team.mum.private_chat.last_bot_message()
    assert await receipt.locator(".text").text_content() == sent.text
    assert await receipt.locator(".inline button").all_text_contents() == sent.labels
    await receipt.get_by_role("button", name="↩️ Undo").focus()
    await page.keyboard.press("Enter")
    card = page.locator(f'.msg[data-message-id="{sent.message_id}"]')
    await expect(card.locator(".text")).to_have_text("↩️ Undone: the episode at 09:00 is removed.")
    await expect(card.locator(".meta")).to_contain_text("edited")
    await expect(card.get_by_role("button", name="↩️ Undo")).to_have_count(0)
    await expect(card).to_be_focused()  # the keyboard user is left on the card the bot changed
    await page.screenshot(path=artifact("chat-page-guardian-undo.png"))
    await world.settle()  # the group's card is edited too

    await be(page, "Ms Park")
    await open_chat(page, "Lily's team")
    from_bot = page.locator(".msg.bot")
    await expect(from_bot.last).to_contain_text("Anna took back the report")
    in_group = await team.group.bot_texts()
    assert await texts_shown(from_bot) == in_group
    assert in_group[-2] == "↩️ withdrawn: Lily's episode at 09:00 was taken back."  # the card
    assert in_group[-1] == "↩️ Anna took back the report of Lily's episode at 09:00."
    await page.screenshot(path=artifact("chat-page-teacher-group.png"))
    print(f"screenshots in {artifact('')}")


async def test_names_and_the_bots_formatting_show_as_text_never_as_markup(
    world: World, page: Page
) -> None:
    anna = await world.user("Anna")
    stranger = await world.user(HOSTILE_NAME)
    group = await world.group("Team <b>", [anna, stranger])
    await stranger.send(group, "<script>alert(2)</script> & <i>hi</i>")
    bot = world.app.bot
    await be(page, "Anna")

    await bot.send_chat_action(anna.id, "typing")
    await expect(page.locator("#pace")).to_have_text("CareCircle is typing…")
    await bot.send_message(anna.id, FORMATTED, parse_mode="HTML")
    await expect(page.locator("#pace")).to_be_hidden()
    links = [
        MessageEntity("text_link", 0, 3, url="javascript:alert(3)"),
        MessageEntity("text_link", 12, 5, url="https://example.org/x"),
    ]
    await bot.send_message(anna.id, "tap here or there", entities=links)
    await bot.send_photo(anna.id, SAMPLE_PNG, caption="Chart")
    await bot.send_document(anna.id, b"date,count\n2026-11-25,1\n", filename="lily-export.csv")

    shown = page.locator(".msg.bot", has_text="bold italic")
    await expect(shown.locator("strong")).to_have_text("bold")
    for tag, text in [("em", "italic"), ("u", "under"), ("s", "struck"), ("blockquote", "quoted")]:
        await expect(shown.locator(tag)).to_have_text(text)
    await expect(shown.locator(".text > code")).to_have_text("x<y")
    await expect(shown.locator("pre")).to_have_text("a && b")
    await expect(shown.locator('a[href="https://example.org/a"]')).to_have_text("link")
    assert "noopener" in (await shown.locator("a").get_attribute("rel") or "")
    await expect(shown.locator(".text")).to_contain_text("link <img src=x onerror=alert(1)>")
    spoiler = shown.locator(".spoiler")
    await spoiler.focus()
    await page.keyboard.press("Enter")
    await expect(spoiler).to_have_class("spoiler revealed")

    tapped = page.locator(".msg.bot", has_text="tap here or there")
    await expect(tapped.locator("a")).to_have_count(1)
    assert await tapped.locator("a").get_attribute("href") == "https://example.org/x"
    assert await page.locator('[href^="javascript"], img[src="x"], [onerror]').count() == 0

    photo = page.locator("img.photo")
    await expect(photo).to_have_attribute("alt", "Photo: Chart")
    await photo.evaluate("image => image.decode()")
    assert await photo.evaluate("image => image.naturalWidth") == 2
    async with page.expect_download() as downloading:
        await page.get_by_role("link", name="lily-export.csv").click()
    download = await downloading.value
    assert download.suggested_filename == "lily-export.csv"
    assert (
        await asyncio.to_thread(Path(await download.path()).read_bytes)
        == b"date,count\n2026-11-25,1\n"
    )

    old = InlineKeyboardMarkup([[InlineKeyboardButton("Old button", callback_data="zz:1")]])
    await bot.send_message(anna.id, "From long ago", reply_markup=old)
    await page.get_by_role("button", name="Old button").click()
    alert = page.get_by_role("dialog", name="The bot says")
    await expect(alert).to_contain_text("This button has expired.")
    await alert.get_by_role("button", name="OK").click()
    await expect(alert).to_be_hidden()
    keys = ReplyKeyboardMarkup([["Arms", "Legs"]], one_time_keyboard=True)
    await bot.send_message(anna.id, "Where?", reply_markup=keys)
    await page.locator("#keyboard").get_by_role("button", name="Legs").click()
    await expect(page.locator(".msg.mine .text").last).to_have_text("Legs")
    await expect(page.locator("#keyboard")).to_be_hidden()

    invitation = "https://t.me/CareCircleBot?start=abc"
    await bot.send_message(anna.id, f"Join with {invitation}")
    await page.get_by_role("link", name=invitation).click()
    await expect(page.locator(".msg.mine .text").last).to_have_text("/start abc")

    assert await page.locator("#me option", has_text=HOSTILE_NAME).count() == 1
    await open_chat(page, "Team <b>")
    written = page.locator(".msg.other")
    await expect(written.locator(".sender")).to_have_text(HOSTILE_NAME)
    await expect(written.locator(".text")).to_have_text("<script>alert(2)</script> & <i>hi</i>")
    assert await page.locator("script").count() == 1
    assert await page.locator("img").count() == 0
    await page.screenshot(path=artifact("chat-page-escaping.png"))


async def tab_to(page: Page, text: str, presses: int = 100) -> None:
    """Press Tab until the focused control shows `text`."""
    for _ in range(presses):
        await page.keyboard.press("Tab")
        if await page.evaluate("() => document.activeElement.textContent.trim()") == text:
            return
    raise AssertionError(f"Tab never reached {text!r}")


async def test_people_and_a_group_are_made_on_the_page_and_it_all_works_by_keyboard(
    world: World, page: Page
) -> None:
    await page.get_by_role("button", name="New person").click()
    await page.get_by_label("First name").fill("Anna")
    await page.get_by_role("button", name="Create", exact=True).click()
    await expect(page.locator("#me option:checked")).to_have_text("Anna")
    await page.get_by_role("button", name="Start").click()
    welcome = page.locator(".msg.bot", has_text="Hello Anna!")
    await expect(welcome).to_have_count(1)
    await page.get_by_role("button", name="New person").click()
    await page.get_by_label("First name").fill("Ms Park")
    await page.get_by_label("Be this person now").uncheck()
    await page.get_by_role("button", name="Create", exact=True).click()
    await expect(page.locator("#me option", has_text="Ms Park")).to_have_count(1)
    await expect(page.locator("#me option:checked")).to_have_text("Anna")

    await page.get_by_role("button", name="Back to chats").click()
    await page.get_by_role("button", name="New group").click()
    await page.get_by_label("Group name").fill("Lily's team")
    await page.get_by_label("Ms Park").check()
    await page.get_by_role("button", name="Create", exact=True).click()
    await expect(page.locator("#chat-title")).to_have_text("Lily's team")
    await expect(page.locator(".service-text").nth(1)).to_have_text("Anna added CareCircle")
    [group] = [chat for chat in world.emulator.state.chats.values() if chat.is_group]
    names = [world.emulator.state.users[member].first_name for member in group.members]
    assert (group.title, names) == ("Lily's team", ["Anna", "Ms Park", "CareCircle"])

    await open_chat(page, "CareCircle")
    counted, poor = await poor_contrast(page)
    assert counted > 10 and poor == []
    counted, small = await small_targets(page)
    assert counted >= 8 and small == []
    controls, missed = await unreachable_by_tab(page)
    welcome_buttons = await welcome.locator(".inline button").all_text_contents()
    assert len(welcome_buttons) == 3
    wanted = {"textarea text", "button send", "button attach", "select me", "button back"}
    assert wanted | {f"button {label}" for label in welcome_buttons} <= set(controls)
    assert missed == []

    await tab_to(page, "❓ Help")
    await page.keyboard.press("Enter")
    await expect(page.locator(".msg.bot").last).to_contain_text("What I can do")
    await tab_to(page, "New person")
    await page.keyboard.press(" ")
    await expect(page.locator("#person-dialog")).to_be_visible()
    assert (await small_targets(page))[1] == [] and (await poor_contrast(page))[1] == []
    await page.keyboard.press("Escape")
    await expect(page.locator("#person-dialog")).to_be_hidden()
    await page.get_by_role("textbox", name="Message").focus()
    await page.keyboard.type("/help")
    await page.keyboard.press("Enter")
    await expect(page.locator(".msg.mine .text").last).to_have_text("/help")
    await page.screenshot(path=artifact("chat-page-keyboard.png"))
