"""How well the parsers read the corpus: the saved rate and each field's accuracy.

PYTHONPATH=. python bench/parsing.py [--parser episode] [--language es] [--show-misses]

Each language's lines (English, Spanish, Russian) are reported apart, then all together.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.corpus.corpus import Line, lines, mismatches, read


def main(argv: list[str] | None = None) -> int:
    """Print the figures; the exit status is 0 whatever they are (a benchmark, not a test)."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--parser", help="only this parser's lines")
    options.add_argument("--language", help="only this language's lines (en, es, ru)")
    options.add_argument("--show-misses", action="store_true", help="list every miss")
    args = options.parse_args(argv)
    corpus = [line for line in lines() if args.parser in (None, line.parser)
              and args.language in (None, line.language)]  # fmt: skip
    for language in sorted(
        {line.language for line in corpus}, key=lambda code: (code != "en", code)
    ):
        spoken = [line for line in corpus if line.language == language]
        for parser in sorted({line.parser for line in spoken}):
            same = [line for line in spoken if line.parser == parser]
            report(same, f"{language} {parser}", args.show_misses)
        if len({line.parser for line in spoken}) > 1:
            report(spoken, f"{language} all", False)
    if len({line.language for line in corpus}) > 1:
        report(corpus, "all languages", False)
    return 0


def report(corpus: list[Line], name: str, show: bool) -> None:
    """Print one parser's figures."""
    meant = [line for line in corpus if line.refused is None]
    refusals = [line for line in corpus if line.refused is not None]
    saved = right_refusals = 0
    expected, correct = Counter[str](), Counter[str]()
    misses = []
    for line in corpus:
        reading = read(line)
        if line.refused is not None:
            right_refusals += reading.refusal == line.refused
            if reading.refusal != line.refused:
                misses.append(f"  {line.id}: should be refused ({line.refused})")
            continue
        saved += reading.refusal is None
        wrong = mismatches(line, reading)
        for field in [*line.expect, *line.unset]:
            expected[field] += 1
            correct[field] += field not in wrong
        if reading.refusal is not None:
            misses.append(f"  {line.id}: refused ({reading.refusal})")
        misses += [f"  {line.id}: {f} expected {e!r}, read {a!r}" for f, (e, a) in wrong.items()]
    total_expected, total_correct = sum(expected.values()), sum(correct.values())
    print(f"{name}: {len(corpus)} lines")
    print(f"  saved: {saved}/{len(meant)} ({percent(saved, len(meant))})")
    print(f"  refused as they should be: {right_refusals}/{len(refusals)}")
    print(f"  known misses marked in the corpus: {sum(bool(line.known) for line in corpus)}")
    print(f"  fields right: {total_correct}/{total_expected} "
          f"({percent(total_correct, total_expected)})")  # fmt: skip
    for field in sorted(expected, key=lambda f: (-expected[f], f)):
        print(f"    {field:<24} {correct[field]:>4}/{expected[field]:<4} "
              f"{percent(correct[field], expected[field])}")  # fmt: skip
    if show:
        print("\n".join(misses))


def percent(part: int, whole: int) -> str:
    """ "97.5%" (or "-" of nothing)."""
    return f"{100 * part / whole:.1f}%" if whole else "-"


if __name__ == "__main__":
    raise SystemExit(main())
