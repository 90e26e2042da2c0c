"""History screens: a page of episodes, one episode opened from it, and today's summary."""

from __future__ import annotations

from datetime import timedelta

from bot.callbacks import Callback
from bot.replies import Button, Reply
from bot.services.episodes.history import PAGE_SIZE, HistoryPage, OpenedEpisode, Today
from bot.texts import t
from bot.views.common import escape
from bot.views.episodes import card as card_view
from bot.views.limits import MAX_TEXT, clip, fit, room

PER_ROW = 5


def _place(page: HistoryPage, index: int | None = None) -> str:
    """The button argument naming a page: "<period>.<page>"."""
    return f"{page.period}.{page.index if index is None else index}"


def _line(n: int, page: HistoryPage, card_index: int, language: str | None) -> str:
    card = page.cards[card_index]
    episode = card.episode
    facts = card_view.looked(episode, language)
    if episode.setting:
        facts.append(t(f"episodes.setting.{episode.setting}", language))
    said = card_view.stamp(episode, page.child.timezone, language)
    line = t(
        "history.line",
        language,
        n=n,
        when=said,
        facts=" · ".join(facts) or t("history.nothing_noted", language),
    )
    return f"{line} {t('history.edited', language)}" if episode.corrected_at else line


def _buttons(page: HistoryPage, language: str | None) -> list[list[Button]]:
    first = page.index * PAGE_SIZE + 1
    numbers = [
        Button(str(first + i), Callback("ep", card.episode.id, "open", _place(page)))
        for i, card in enumerate(page.cards)
    ]
    rows = [numbers[i : i + PER_ROW] for i in range(0, len(numbers), PER_ROW)]
    moves = []
    if page.index > 0:
        newer = Callback("hist", page.child.id, "page", _place(page, page.index - 1))
        moves.append(Button(t("history.button_newer", language), newer))
    if page.index + 1 < page.pages:
        older = Callback("hist", page.child.id, "page", _place(page, page.index + 1))
        moves.append(Button(t("history.button_older", language), older))
    return [*rows, moves] if moves else rows


def history(page: HistoryPage, language: str | None = None) -> Reply:
    """Episodes newest first, numbered; a number opens one, arrows turn the page."""
    period = t(f"history.period.{page.period}", language)
    lines = [
        t("history.title", language, child=escape(page.child.name), period=period, total=page.total)
    ]
    if page.limited:
        lines.append(t("history.limited", language))
    if not page.cards:
        lines.append(t("history.empty", language))
        return Reply("\n".join(lines))
    first = page.index * PAGE_SIZE + 1
    lines += [_line(first + i, page, i, language) for i in range(len(page.cards))]
    lines.append(t("history.page", language, page=page.index + 1, pages=page.pages))
    return Reply("\n".join(lines), _buttons(page, language))


def episode(shown: OpenedEpisode, back: str | None, language: str | None = None) -> Reply:
    """One episode in full, with who reported it and how long after, and the line as its
    reporter typed it; change it if allowed.

    The note and the line are shown whole, or as much of them as fits in one message.
    """

    typed = shown.card.episode.text_as_typed

    def write(typed_room: int, note_room: int) -> str:  # the line is cut first: it has the note
        lines = card_view.body(
            shown.card,
            shown.child,
            shown.now,
            language,
            delay_from=timedelta(0),
            note_room=note_room,
        )
        if typed:
            lines.append(t("episodes.as_typed", language, line=escape(clip(typed, typed_room))))
        return "\n".join(lines)

    text = fit(write, room(typed, MAX_TEXT), room(shown.card.episode.notes, MAX_TEXT))
    episode_id, rows = shown.card.episode.id, []
    if shown.can_change:
        rows.append(
            [
                Button(t("episodes.button_correct", language), Callback("ep", episode_id, "fix")),
                Button(
                    t("episodes.button_delete", language),
                    Callback("ep", episode_id, "delete", back),
                ),
            ]
        )
    if back is not None:
        to_list = Callback("hist", shown.child.id, "page", back)
        rows.append([Button(t("history.button_back", language), to_list)])
    return Reply(text, rows)


def today(summary: Today, language: str | None = None) -> Reply:
    """How many episodes today, how long in all, and where."""
    child = escape(summary.child.name)
    if not summary.count:
        return Reply(t("history.today_empty", language, child=child))
    count = t("history.count.episodes", language, n=summary.count)
    head = t("history.today_title", language, child=child, count=count)
    if summary.total_seconds:
        total = card_view.duration(summary.total_seconds, language)
        head += ", " + t("history.today_total", language, duration=total)
    places = [
        t(
            "history.setting_count",
            language,
            setting=t(f"episodes.setting.{setting}", language)
            if setting
            else t("history.no_setting", language),
            n=n,
        )
        for setting, n in summary.by_setting
    ]
    return Reply("\n".join([head, " · ".join(places)]))
