"""The ``carecircle`` command: run, sandbox, demo, db upgrade, export, version."""

from __future__ import annotations

import argparse
import asyncio
import errno
import secrets
import signal
import sys
from datetime import date
from importlib.metadata import version as package_version
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from bot import schema as migrate
from bot.demo import StoryStuck
from bot.exporting import ExportFailed, export_to_file
from bot.leadership import AnotherProcessRunning
from bot.logs import configure_logging
from bot.runner import TelegramRefused, Webhook, serve
from bot.runtime import Runtime
from bot.services.exports.export import Format
from bot.settings import Settings, SettingsError, load_settings
from models.session import Database


def _ensure_sqlite_folder(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)


async def _until_interrupted() -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()


async def _db_upgrade(settings: Settings) -> None:
    url = settings.resolved_database_url
    _ensure_sqlite_folder(url)
    await migrate.upgrade(url)
    print(f"database is up to date at revision {migrate.head_revision()}")


async def _run(settings: Settings, args: argparse.Namespace) -> None:
    settings.require_token()
    _ensure_sqlite_folder(settings.resolved_database_url)
    webhook = None
    if args.webhook_url:
        secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
        webhook = Webhook(
            url=args.webhook_url,
            secret=secret or secrets.token_urlsafe(32),
            listen=args.listen,
            port=args.port,
            path=args.url_path,
        )
    db = Database(settings.resolved_database_url)
    try:
        await serve(Runtime(settings, db), _until_interrupted(), args.base_url, webhook)
    finally:
        await db.dispose()


async def _sandbox(settings: Settings, port: int, database_url: str | None) -> None:
    from bot.sandbox.runner import run_sandbox

    await run_sandbox(settings, port, database_url, _until_interrupted)


async def _demo(settings: Settings, args: argparse.Namespace) -> None:
    from bot.demo.run import Options, run_demo

    options = Options(days=args.days, out=Path(args.out), serve=args.serve, port=args.port)
    await run_demo(settings, options, _until_interrupted)


async def _export(settings: Settings, args: argparse.Namespace) -> None:
    size = await export_to_file(
        settings.resolved_database_url,
        args.child,
        Format(args.format),
        Path(args.out),
        first=args.first,
        last=args.last,
        include_name=args.include_name,
    )
    print(f"wrote {args.out} ({size:,} bytes)")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="carecircle", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("version", help="print the version")
    db = commands.add_parser("db", help="database maintenance")
    db.add_argument("action", choices=["upgrade"], help="migrate the database to this version")
    db.add_argument("--database-url", help="overrides CARECIRCLE_DATABASE_URL")
    run = commands.add_parser("run", help="run the bot (long polling, or a webhook)")
    run.add_argument("--base-url", help="Bot API base URL, e.g. http://127.0.0.1:8081/bot")
    run.add_argument("--database-url", help="overrides CARECIRCLE_DATABASE_URL")
    run.add_argument("--webhook-url", help="receive updates at this public HTTPS URL")
    run.add_argument("--listen", default="127.0.0.1", help="webhook: address to listen on")
    run.add_argument("--port", type=int, default=8443, help="webhook: port to listen on")
    run.add_argument("--url-path", default="telegram", help="webhook: path to listen on")
    export = commands.add_parser("export", help="write one child's records to a file")
    export.add_argument("--child", type=int, required=True, help="the child's id")
    export.add_argument("--format", choices=[str(f) for f in Format], required=True)
    export.add_argument("--from", dest="first", type=_day, help="first day (default: the first)")
    export.add_argument("--to", dest="last", type=_day, help="last day (default: today)")
    export.add_argument("--out", required=True, help="the file to write")
    export.add_argument("--include-name", action="store_true", help="FHIR: name the child")
    export.add_argument("--database-url", help="overrides CARECIRCLE_DATABASE_URL")
    sandbox = commands.add_parser("sandbox", help="the bot on a local Telegram emulator, offline")
    sandbox.add_argument("--port", type=int, default=8081)
    sandbox.add_argument("--database-url", help="default: a fresh SQLite file per run")
    demo = commands.add_parser("demo", help="a care team's fortnight on the sandbox, in a minute")
    demo.add_argument("--days", type=_story_days, default=14, help="how long the story is (3-14)")
    demo.add_argument("--out", default="carecircle-demo", help="where its files go")
    demo.add_argument("--serve", action="store_true", help="then keep the sandbox running")
    demo.add_argument("--port", type=int, default=8081, help="--serve: the chat page's port")
    return parser


def _story_days(text: str) -> int:
    if not text.isdigit() or not 3 <= int(text) <= 14:
        raise argparse.ArgumentTypeError(f"the story lasts 3 to 14 days, not {text!r}")
    return int(text)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``carecircle`` console script."""
    args = _parser().parse_args(argv)
    if args.command == "version":
        print(f"carecircle {package_version('carecircle')}")
        return 0
    try:
        database_url = getattr(args, "database_url", None)
        overrides = {"database_url": database_url} if database_url else {}
        settings = load_settings(**overrides)
        secrets = [settings.bot_token.get_secret_value()] if settings.bot_token else []
        level = settings.log_level
        if args.command == "demo" and "log_level" not in settings.model_fields_set:
            level = "WARNING"  # the demo's own output is the conversation
        configure_logging(level, secrets)
        if args.command == "db":
            asyncio.run(_db_upgrade(settings))
        elif args.command == "run":
            asyncio.run(_run(settings, args))
        elif args.command == "sandbox":
            asyncio.run(_sandbox(settings, args.port, args.database_url))
        elif args.command == "demo":
            asyncio.run(_demo(settings, args))
        elif args.command == "export":
            asyncio.run(_export(settings, args))
    except (
        SettingsError,
        migrate.SchemaOutOfDate,
        AnotherProcessRunning,
        TelegramRefused,
        ExportFailed,
        StoryStuck,
    ) as error:
        print(f"carecircle: {error}", file=sys.stderr)
        return 2
    except (OperationalError, OSError) as error:
        if isinstance(error, OSError) and error.errno == errno.EADDRINUSE:
            print(f"carecircle: that port is taken, try another: {error}", file=sys.stderr)
            return 2
        reason = error.orig if isinstance(error, OperationalError) else error
        print(f"carecircle: cannot reach the database: {reason}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 0
