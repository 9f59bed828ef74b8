"""Do two copies of the parser read every live-blog the same? (For speed work.)

``python bench/same_parse.py OLD_ROOT [NEW_ROOT]`` parses the same inputs with the
``generator`` package under each root (NEW_ROOT defaults to this checkout), each in its own
process, and compares everything it returned: the ``Liveblog``'s ``repr`` (every field, every
line's kind, every warning), the language it was read in, what ``explainer parse`` prints for
it, or the ``ContentError``'s problems and line kinds. It exits 1 naming the first inputs that
differ. OLD_ROOT is a directory holding a ``generator/`` folder, e.g. main's code:

    git -C /work/main archive main generator | tar -x -C /tmp/main-code
    .venv/bin/python bench/same_parse.py /tmp/main-code

The inputs: every ``*.txt`` and ``input.bin`` under ``tests/cases/`` and the seed, each with
its case's options (``source.yml`` or ``options.yml``), with none, and in each of the
parser's languages; the benchmark's two live-blogs at 2,000 entries; every string of
several lines in the parser's tests; and pages spliced from runs of lines of all of those
(seeded, the same on every run), so that lines meet neighbours no case gives them. Besides
the whole readings, each line-level test (``is_chrome``, ``_is_player_line``, ...) is asked
about every distinct line of those texts and the tests' strings, and about each in a dozen
altered shapes (letter case, a length or clock after it, a credit, a stop...).
"""

from __future__ import annotations

import hashlib
import pickle
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "tr")
SPLICED = 3000
"""How many spliced pages."""


def _inputs() -> list[tuple[str, bytes, dict[str, Any]]]:
    """(name, the file's bytes, the case's options as YAML data), in a fixed order."""
    import yaml

    found = []
    files = sorted((HERE / "tests" / "cases").rglob("*.txt")) + sorted(
        (HERE / "tests" / "cases").rglob("input.bin")
    )
    for path in [HERE / "content" / "liveblog.txt", *files]:
        options: dict[str, Any] = {}
        for name in ("source.yml", "options.yml"):
            settings = path.parent / name
            if settings.is_file():
                try:
                    options = yaml.safe_load(settings.read_text(encoding="utf-8")) or {}
                except yaml.YAMLError:
                    options = {}
        found.append((str(path.relative_to(HERE)), path.read_bytes(), options))
    return found


def _spliced(texts: list[str], count: int) -> list[str]:
    """Pages made of runs of lines from two to four of ``texts``."""
    pick = random.Random(1615)
    pages = []
    split = [text.splitlines() for text in texts if text.strip()]
    for _ in range(count):
        lines: list[str] = []
        for source in pick.sample(split, pick.randint(2, 4)):
            start = pick.randrange(len(source))
            lines += source[start : start + pick.randint(1, 40)]
        pages.append("\n".join(lines) + "\n")
    return pages


def _test_strings() -> list[str]:
    """Every string written in the parser's tests (``tests/test_parse*.py``, ``test_cli*``):
    the lines their authors thought of, which no case file may hold."""
    import ast

    found: list[str] = []
    for path in sorted((HERE / "tests").glob("test_*.py")):
        if not path.name.startswith(("test_parse", "test_cli", "test_ingest", "test_bench")):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value:
                found.append(node.value)
    return found


def _probe_lines(texts: list[str]) -> list[str]:
    """Every distinct line, and each in the shapes the speed-ups' fast tests look at: in
    other letter cases, with a length or a clock after it, a count before it, a colon, a
    credit, a stop."""
    from generator.parse.stamps import normalise

    lines = sorted({normalise(line) for text in texts for line in text.splitlines()} - {""})
    shapes = (
        str.upper, str.lower, str.title,
        lambda t: f"{t} 1:32", lambda t: f"{t} · 4 min", lambda t: f"4 min · {t}",
        lambda t: f"{t}:", lambda t: f"{t}.", lambda t: f"{t} - AFP", lambda t: f"{t} (AP)",
        lambda t: t[:20], lambda t: t[-20:], lambda t: f"14:05 {t}", lambda t: f"{t} 2h ago",
    )  # fmt: skip
    return lines + [shape(line) for line in lines for shape in shapes]


def _line_answers(lines: list[str]) -> list[tuple[str, str]]:
    """What each line-level test of the parser says about each line."""
    import importlib

    tests = {
        "durations": ("_is_player_line", "_label_and_length", "_is_button", "_is_label",
                      "is_length", "_title_like"),
        "furniture": ("is_chrome", "is_caption", "is_byline", "is_name_list", "is_text_source",
                      "ends_with_credit", "is_agency_credit", "is_teaser_link",
                      "is_teaser_card_line"),
        "labels": ("is_label_line", "is_label", "_short_label", "is_poll_button"),
        "credits": ("is_credit", "is_credit_alone", "is_copyright", "is_signature",
                    "is_signed_byline", "has_quote_marks"),
        "parts": ("title_like", "_continues", "_credit_only"),
        "embeds": ("is_embed_wrapper",),
        "counters": ("is_counter", "is_bare_count"),
    }  # fmt: skip
    answers = []
    for module_name, names in tests.items():
        module = importlib.import_module(f"generator.parse.{module_name}")
        for name in names:
            test = getattr(module, name, None)
            if test is None:
                answers.append((f"{module_name}.{name}", "missing"))
                continue
            said = "".join("1" if test(line) else "0" for line in lines)
            answers.append((f"{module_name}.{name}", said))
    return answers


def _options(data: dict[str, Any], language: str | None) -> Any:
    from datetime import date, datetime

    from generator.parse import ParseOptions

    def day(value: Any) -> Any:
        return date.fromisoformat(value) if isinstance(value, str) else value

    def moment(value: Any) -> Any:
        return datetime.fromisoformat(value) if isinstance(value, str) else value

    try:
        return ParseOptions(
            timezone=data.get("timezone"),
            published=day(data.get("published")),
            order=data.get("order"),
            furniture=tuple(data.get("furniture", ())),
            headline=data.get("headline"),
            language=language or data.get("language"),
            captured=moment(data.get("captured")),
            confirm={k: tuple(v) for k, v in (data.get("confirm") or {}).items()},
        )
    except (TypeError, ValueError, AttributeError):
        return ParseOptions(language=language)


def _reading(text: str, options: Any) -> str:
    """Everything the parser made of ``text``, as one string."""
    from generator.cli import _describe
    from generator.errors import ContentError
    from generator.parse.liveblog import read_liveblog
    from generator.report import describe_lines
    from generator.yamlout import dump_yaml

    try:
        blog, language = read_liveblog(text, "liveblog.txt", options)
    except ContentError as error:
        return f"error {error.problems!r}\n{error.lines!r}\n{error}"
    except Exception as error:  # noqa: BLE001 - a crash must be the same crash
        return f"crash {type(error).__name__}: {error}"
    shown = dump_yaml(_describe(blog)) + "\n".join(describe_lines(blog.lines))
    return f"{blog!r}\n{language}\n{shown}"


def dump(out: Path) -> None:
    """Parse every input with the ``generator`` package on sys.path; pickle the readings."""
    from bench_texts import liveblogs  # written by compare()

    from generator.load.textfile import decode_text

    readings: list[tuple[str, str]] = []
    texts: list[str] = []
    for name, data, settings in _inputs():
        try:
            text = decode_text(data, "liveblog.txt")
        except Exception as error:  # noqa: BLE001
            readings.append((name, f"undecodable {error}"))
            continue
        texts.append(text)
        readings.append((f"{name} options", _reading(text, _options(settings, None))))
        readings.append((f"{name} none", _reading(text, _options({}, None))))
        for language in LANGUAGES:
            readings.append((f"{name} {language}", _reading(text, _options(settings, language))))
    for name, text in liveblogs().items():
        readings.append((f"bench {name}", _reading(text, _options({}, None))))
    strings = _test_strings()
    for number, text in enumerate(strings):
        if "\n" in text.strip():
            readings.append((f"test string {number}", _reading(text, _options({}, None))))
    readings += _line_answers(_probe_lines(texts + strings))
    for number, text in enumerate(_spliced(texts + strings, SPLICED)):
        readings.append((f"spliced {number}", _reading(text, _options({}, None))))
    out.write_bytes(pickle.dumps(readings))


_BENCH_TEXTS = """
def liveblogs():
    from bench.parse_speed import messy_liveblog, plain_liveblog
    return {"plain": plain_liveblog(2000), "messy": messy_liveblog(2000)}
"""

_RUN = """
import sys
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f).lower()]
sys.path[:0] = [sys.argv[1], sys.argv[2], sys.argv[3]]
sys.path.append(sys.argv[5])  # bench.parse_speed, for its live-blogs
import generator
assert generator.__file__.startswith(sys.argv[1]), generator.__file__
import same_parse
same_parse.dump(__import__("pathlib").Path(sys.argv[4]))
"""


def compare(old: Path, new: Path) -> int:
    """Dump both readings in fresh processes; 0 when every one is the same."""
    work = Path("/tmp") / f"same-parse-{hashlib.sha1(str(old).encode()).hexdigest()[:8]}"
    work.mkdir(exist_ok=True)
    (work / "bench_texts.py").write_text(_BENCH_TEXTS, encoding="utf-8")
    results = []
    for root, label in ((old, "old"), (new, "new")):
        out = work / f"{label}.pickle"
        command = [sys.executable, "-c", _RUN, str(root), str(HERE / "bench"), str(work), str(out)]
        command.append(str(HERE))
        subprocess.run(command, check=True, cwd=root)
        results.append(pickle.loads(out.read_bytes()))
    before, after = results
    different = [a[0] for a, b in zip(before, after, strict=True) if a != b]
    addresses = sum(" at 0x" in text for _, text in before)
    print(f"{len(before)} readings compared, {len(different)} differ; {addresses} show addresses")
    for name in different[:20]:
        print("  differs:", name)
    return 1 if different or addresses else 0


if __name__ == "__main__":
    roots = [Path(arg).resolve() for arg in sys.argv[1:]]
    sys.exit(compare(roots[0], roots[1] if len(roots) > 1 else HERE))
