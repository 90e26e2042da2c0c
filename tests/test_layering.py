"""The layering rules of docs/ARCHITECTURE.md, checked on the code's own imports (an AST walk)."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# The ground floor: used by models, scheduling and delivery, so it imports nothing of the project.
GROUND = ("bot.clock", "bot.recurrence", "bot.replies", "bot.callbacks")
PROJECT = ("bot", "models", "migrations")


@dataclass(frozen=True)
class Import:
    """One import in one file: where it is, and the module it names."""

    file: str
    line: int
    module: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line} imports {self.module}"


def _module_of(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _names(node: ast.AST, package: str) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    assert isinstance(node, ast.ImportFrom)
    base = node.module or ""
    if node.level:  # a relative import, resolved against the file's package
        anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
        base = ".".join([*anchor, base] if base else anchor)
    # "from bot.services import teams" names the module bot.services.teams, if there is one
    return [f"{base}.{alias.name}" for alias in node.names] or [base]


def imports_of(path: Path, root: Path) -> list[Import]:
    """Every import a file makes at run time, lazy ones in functions included."""
    module = _module_of(path, root)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[Import] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.Import | ast.ImportFrom):
                rel = str(path.relative_to(root))
                found.extend(Import(rel, child.lineno, n) for n in _names(child, package))
            visit(child)

    visit(ast.parse(path.read_text(), str(path)))
    return found


def _sources(root: Path, tops: tuple[str, ...]) -> list[Path]:
    return [
        path
        for top in tops
        if (root / top.replace(".", "/")).is_dir()
        for path in sorted((root / top.replace(".", "/")).rglob("*.py"))
    ] + [root / f"{top.replace('.', '/')}.py" for top in tops if (root / f"{top}.py").is_file()]


def project_imports(root: Path) -> dict[str, list[Import]]:
    """Each project module and the project modules it imports (the module, not the name)."""
    paths = _sources(root, PROJECT)
    known = {_module_of(path, root) for path in paths}
    graph: dict[str, list[Import]] = {}
    for path in paths:
        found = []
        for i in imports_of(path, root):
            module = i.module if i.module in known else i.module.rpartition(".")[0]
            if module in known and Import(i.file, i.line, module) not in found:
                found.append(Import(i.file, i.line, module))
        graph[_module_of(path, root)] = found
    return graph


def _within(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def _external(root: Path, layer: tuple[str, ...], banned: tuple[str, ...]) -> list[str]:
    """Imports of non-project modules ``banned`` (e.g. telegram) made by files in ``layer``."""
    bad = []
    for path in _sources(root, layer):
        bad += [str(i) for i in imports_of(path, root) if _within(i.module, banned)]
    return sorted(set(bad))


def violations(root: Path) -> list[str]:
    """Every broken rule, each naming the file, the line and the import."""
    graph = project_imports(root)
    rules: list[tuple[tuple[str, ...], tuple[str, ...], str]] = [
        (("bot.services",), ("bot.views", "bot.delivery", "bot.handlers"), "services"),
        (("bot.views",), ("bot.delivery", "bot.handlers", "models.session"), "views"),
        (
            ("bot.delivery", "bot.scheduling"),
            ("bot.services", "bot.views", "bot.handlers"),
            "delivery and scheduling",
        ),
        (("models",), ("bot",), "models"),
        (GROUND, PROJECT, "the ground floor"),
    ]
    bad: list[str] = []
    for layer, banned, name in rules:
        allowed = GROUND if name == "models" else ()
        for module, found in graph.items():
            if not _within(module, layer):
                continue
            for i in found:
                own = name == "the ground floor" and _within(i.module, (module,))
                if _within(i.module, banned) and not _within(i.module, allowed) and not own:
                    bad.append(f"{name}: {i}")
    for layer in ("bot.services", "bot.views", "models", *GROUND):
        bad += [f"no telegram in {layer}: {b}" for b in _external(root, (layer,), ("telegram",))]
    bad += [
        f"views have no database session: {b}"
        for b in _external(root, ("bot.views",), ("sqlalchemy.ext.asyncio",))
    ]
    bad += [f"package cycle: {c}" for c in package_cycles(graph)]
    return sorted(set(bad))


def _package(module: str) -> str:
    """The unit a cycle is counted between: a folder of bot/, or a top-level module."""
    parts = module.split(".")
    if parts[0] == "bot" and len(parts) > 2:
        return ".".join(parts[:2])
    return parts[0] if parts[0] != "bot" else module


def package_cycles(graph: dict[str, list[Import]]) -> list[str]:
    """Each loop between packages, shown with one import of every step."""
    edges: dict[str, dict[str, Import]] = {}
    for module, found in graph.items():
        for i in found:
            a, b = _package(module), _package(i.module)
            if a != b:
                edges.setdefault(a, {}).setdefault(b, i)
    loops: set[tuple[str, ...]] = set()

    def walk(node: str, path: list[str]) -> None:
        for nxt in edges.get(node, {}):
            if nxt in path:
                loop = path[path.index(nxt) :]
                start = loop.index(min(loop))
                loops.add(tuple(loop[start:] + loop[:start]))
            elif len(path) < 8:
                walk(nxt, [*path, nxt])

    for node in edges:
        walk(node, [node])
    return [
        " -> ".join(loop + (loop[0],))
        + " ("
        + "; ".join(str(edges[a][b]) for a, b in zip(loop, loop[1:] + (loop[0],), strict=True))
        + ")"
        for loop in sorted(loops)
    ]


def test_the_code_keeps_the_layering_rules() -> None:
    assert violations(ROOT) == []


@pytest.mark.parametrize(
    ("file", "source", "rule"),
    [
        ("bot/services/x.py", "from bot.views import teams\n", "services: bot/services/x.py:1"),
        ("bot/services/x.py", "def f():\n    import telegram\n", "no telegram in bot.services"),
        ("bot/views/x.py", "from sqlalchemy.ext.asyncio import AsyncSession\n", "views have no"),
        ("bot/delivery/x.py", "from bot.services import audit\n", "delivery and scheduling"),
        ("models/x.py", "from bot.services import clock\n", "models: models/x.py:1"),
        ("bot/clock.py", "from models import Person\n", "the ground floor: bot/clock.py:1"),
    ],
)
def test_each_rule_names_the_file_and_the_import(
    tmp_path: Path, file: str, source: str, rule: str
) -> None:
    for package in ("bot/services", "bot/views", "bot/delivery", "models", "migrations"):
        (tmp_path / package).mkdir(parents=True, exist_ok=True)
        (tmp_path / package / "__init__.py").write_text("")
    (tmp_path / "bot/__init__.py").write_text("")
    (tmp_path / "bot/services/audit.py").write_text("")
    (tmp_path / "bot/views/teams.py").write_text("")
    (tmp_path / file).write_text(source)
    assert any(rule in v for v in violations(tmp_path)), violations(tmp_path)


def test_a_loop_between_packages_is_named_with_its_imports(tmp_path: Path) -> None:
    for package in ("bot/services", "bot/views"):
        (tmp_path / package).mkdir(parents=True)
        (tmp_path / package / "__init__.py").write_text("")
    (tmp_path / "bot/__init__.py").write_text("")
    (tmp_path / "bot/services/a.py").write_text("from bot.views import b\n")
    (tmp_path / "bot/views/b.py").write_text("from bot.services import a\n")
    cycles = package_cycles(project_imports(tmp_path))
    assert cycles == [
        "bot.services -> bot.views -> bot.services "
        "(bot/services/a.py:1 imports bot.views.b; bot/views/b.py:1 imports bot.services.a)"
    ]
