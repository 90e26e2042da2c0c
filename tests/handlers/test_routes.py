"""Every button in the callback table has exactly one handler, and nothing else is routed."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st
from telegram import CallbackQuery, Chat, Message, Update, User
from telegram.ext import ApplicationBuilder, CallbackQueryHandler

from bot import callbacks
from bot.handlers import FEATURES, kit, register_all, routes
from bot.handlers.routes import Arg

TABLE = sorted(
    (prefix, action) for prefix, actions in callbacks.ACTIONS.items() for action in actions
)
TOKEN = "123456:" + "A" * 35


def _claims() -> Counter[tuple[str, str]]:
    return Counter(
        (route.prefix, action) for route, _ in routes.table(FEATURES) for action in route.actions
    )


@pytest.fixture(scope="module")
def buttons() -> list[CallbackQueryHandler]:
    """The button handlers of a built Application, in the order it tries them."""
    app = ApplicationBuilder().token(TOKEN).build()
    register_all(app)
    return [
        h for group in app.handlers.values() for h in group if isinstance(h, CallbackQueryHandler)
    ]


def _press(data: str) -> Update:
    user = User(1, "Ben", is_bot=False)
    message = Message(1, None, Chat(1, Chat.PRIVATE))  # type: ignore[arg-type]
    return Update(1, callback_query=CallbackQuery("1", user, "1", message=message, data=data))


def _sample(prefix: str, action: str) -> str:
    """Button data a route of (``prefix``, ``action``) takes: with an argument if it needs one."""
    route = next(r for r, _ in routes.table(FEATURES) if r.prefix == prefix and action in r.actions)
    return f"{prefix}:7:{action}" + (":3" if route.arg in (Arg.REQUIRED, Arg.NUMBER) else "")


def test_every_action_in_the_table_has_exactly_one_handler() -> None:
    claims = _claims()

    assert {pair: claims[pair] for pair in TABLE} == dict.fromkeys(TABLE, 1)


def test_no_handler_claims_an_action_the_table_does_not_know() -> None:
    assert set(_claims()) <= set(TABLE)


@pytest.mark.parametrize(("prefix", "action"), TABLE)
def test_the_application_routes_each_button_to_one_handler(
    buttons: list[CallbackQueryHandler], prefix: str, action: str
) -> None:
    update = _press(_sample(prefix, action))

    taking = [h for h in buttons if h.check_update(update)]

    assert len(taking) == 2  # its handler, and the expired-button catch-all after it
    assert taking[0].callback is not kit.expired_button
    assert taking[1].callback is kit.expired_button


@pytest.mark.parametrize(
    "data",
    [
        "ep:1:explode",  # an action the table does not know
        "ep:1:undo:7",  # an argument the action does not take
        "ep:1:where",  # no argument where one is needed
        "ep:1:same:abc",  # a number that is not one
        "mem:1:role:!!",  # an argument the scheme refuses
        "tmr:1:stop:x",  # Stop takes no argument (it used to reach Cancel)
        "nope:1:help",  # a prefix the table does not know
        "ep:1:undo:" + "x" * 60,  # longer than Telegram allows
        "garbage",
    ],
)
def test_data_the_table_refuses_reaches_only_the_expired_button_answer(
    buttons: list[CallbackQueryHandler], data: str
) -> None:
    taking = [h for h in buttons if h.check_update(_press(data))]

    assert [h.callback for h in taking] == [kit.expired_button]


PREFIXES = st.sampled_from([*callbacks.ACTIONS, "nope"])
ACTIONS = st.sampled_from(sorted({a for actions in callbacks.ACTIONS.values() for a in actions}))
ARGS = st.none() | st.from_regex(r"[A-Za-z0-9_.+:-]{0,26}", fullmatch=True)


@given(PREFIXES, st.integers(0, 10**19), ACTIONS, ARGS)
def test_a_route_takes_only_data_the_scheme_accepts_and_no_two_take_the_same(
    prefix: str, row_id: int, action: str, arg: str | None
) -> None:
    data = f"{prefix}:{row_id}:{action}" + (f":{arg}" if arg is not None else "")

    taking = [route for route, _ in routes.table(FEATURES) if route(data)]

    assert len(taking) <= 1
    if taking:
        assert callbacks.parse(data) == callbacks.Callback(prefix, row_id, action, arg)
