"""The benchmark behind `make bench` works: its synthetic explainers are valid content, and a
quick run at the smallest size prints well-formed tables.

Nothing here asserts how fast anything is: timings on a shared machine are not test results.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml
from support import ROOT

from generator.model import TermRef
from generator.pipeline import assemble, build

if str(ROOT) not in sys.path:  # bench/ is a folder of the repository, not an installed package
    sys.path.insert(0, str(ROOT))

from bench.run import SizeResult, format_report  # noqa: E402
from bench.synth import SIZES, Size, write_explainer  # noqa: E402

TINY = Size("tiny", entries=60, days=3, terms=40, annotations=30)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("tiny") / "content"
    write_explainer(folder, TINY)
    return folder


def test_synthetic_explainer_has_the_size_asked_for_and_builds_without_warnings(tiny):
    explainer = assemble(tiny)
    assert explainer.warnings == ()
    entries = explainer.liveblog.entries
    assert len(entries) == TINY.entries
    assert len({entry.posted.date() for entry in entries}) == TINY.days
    assert len(explainer.glossary) == TINY.terms
    assert all(len(term.aliases) == 3 for term in explainer.glossary)
    assert len(explainer.annotations) == TINY.annotations
    # Every term is mentioned, and the most popular far more often than the least.
    mentions = Counter(m.target for b in explainer.blocks.values() for ms in b.mentions for m in ms)
    assert all(mentions[TermRef(term.id)] for term in explainer.glossary)
    assert max(mentions.values()) >= 5 * min(mentions.values())


def test_synthetic_live_blog_is_in_the_seeds_format(tiny):
    lines = (tiny / "liveblog.txt").read_text("utf-8").splitlines()
    times = [line for line in lines if re.fullmatch(r"\d\d:\d\d GMT", line)]
    dates = [line for line in lines if re.fullmatch(r"\d{1,2} [A-Z][a-z]+ 2025", line)]
    assert len(times) == TINY.entries
    # Newest first, as the seed: the first date line is the last day.
    assert dates == ["18 May 2025", "17 May 2025", "16 May 2025"]
    text = "\n".join(lines)
    for sign in ("’s ", "“", "”", "&", "[", "*"):
        assert sign in text


def test_annotations_name_their_entry_by_time_or_anchor_and_quote_it_exactly(tiny):
    records = yaml.safe_load((tiny / "annotations.yml").read_text("utf-8"))
    refs = [record["entry"] for record in records]
    assert any(re.fullmatch(r"\d\d:\d\d", ref) for ref in refs)
    assert any(re.fullmatch(r"\d{4}-\d\d-\d\d-\d{4}", ref) for ref in refs)
    explainer = assemble(tiny)
    placed = sum(len(p) for b in explainer.blocks.values() for p in b.annotations)
    assert placed >= TINY.annotations  # each on its quote (a quote across paragraphs counts twice)


def test_the_same_seed_writes_the_same_explainer(tmp_path, tiny):
    write_explainer(tmp_path / "again", TINY)
    for path in sorted(p for p in tiny.rglob("*") if p.is_file()):
        assert (tmp_path / "again" / path.relative_to(tiny)).read_bytes() == path.read_bytes()


def test_the_benchmark_sizes_are_the_issues():
    assert [(s.entries, s.days, s.terms, s.annotations) for s in SIZES.values()] == [
        (100, 1, 100, 100),
        (1_000, 3, 100, 100),
        (1_000, 3, 1_000, 100),
        (10_000, 30, 100, 1_000),
        (10_000, 30, 1_000, 1_000),
    ]
    # Only the size that exists for a growth row of (a) skips the mkdocs builds by default.
    assert [name for name, size in SIZES.items() if size.core_only] == ["large-few-terms"]


def test_report_computes_ratios_growth_and_target_verdicts():
    def result(name: str, core: float, plugin: float, memory: float) -> SizeResult:
        return SizeResult(SIZES[name], core, plugin, 10.0, memory, 100.0, True)

    report = format_report(
        [
            result("small", 0.1, 1.0, 50.0),
            result("medium", 1.2, 5.0, 90.0),
            result("medium-glossary", 1.5, 6.0, 110.0),
            SizeResult(SIZES["large-few-terms"], 10.0),
            result("large", 12.0, 10.5, 125.0),
        ],
        {"seed": 1.25},
        3,
    )
    assert "| large | 10,000 | 30 | 1,000 | 1,000 | 12.00 | 10.50 | 10.00 | 1.05 |" in report
    growth = "| entries x10, 100 terms | small | medium | 0.10 | 1.20 | x12.00 | <= x11: missed |"
    assert growth in report
    assert "| terms x10, 1,000 entries | medium | medium-glossary | 1.20 | 1.50 | x1.25 " in report
    # A core-only size: (a) measured, every build column says it was not run.
    assert "| large-few-terms | 10,000 | 30 | 100 | 1,000 | 10.00 |" + " — |" * 7 in report
    terms = "| terms x10, 10,000 entries | large-few-terms | large | 10.00 | 12.00 | x1.20 "
    assert terms + "| <= x1.5: met |" in report
    assert "| (b)/(c) <= 1.10 | 1.05 | met |" in report
    assert "| peak memory (b)/(c) <= 1.2 | 1.25 | missed |" in report
    assert "| seed | 1.25 |" in report


@pytest.mark.slow
@pytest.mark.site
def test_quick_run_prints_well_formed_tables(tmp_path):
    out = tmp_path / "bench-out"
    command = [sys.executable, "-m", "bench.run", "--sizes", "small", "--repeat", "1"]
    done = subprocess.run(
        [*command, "--parse-entries", "200", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    rows = _table(done.stdout, "| size |")
    assert rows[0] == [
        "size",
        "entries",
        "days",
        "terms",
        "annotations",
        "(a) core s",
        "(b) plugin s",
        "(c) baseline s",
        "(b)/(c)",
        "(b) peak MiB",
        "(c) peak MiB",
        "memory (b)/(c)",
        "same site",
        "largest page KiB",
    ]
    assert len(rows) == 2 and rows[1][:5] == ["small", "100", "1", "100", "100"]
    assert all(float(cell) > 0 for cell in rows[1][5:12])
    # The plugin's site and the exported pages' site hold the same pages.
    assert rows[1][12] == "yes"
    assert float(rows[1][13].replace(",", "")) > 0  # the largest page, in KiB
    serve = _table(done.stdout, "| explainer |")
    assert [row[0] for row in serve[1:]] == ["seed", "small"]
    assert all(float(row[1]) > 0 for row in serve[1:])
    results = json.loads((out / "results.json").read_text("utf-8"))
    assert [size["size"]["name"] for size in results["sizes"]] == ["small"]
    # The seed is copied, never changed by the serve timing.
    assert (ROOT / "content" / "annotations.yml").read_text("utf-8").count("servecheck") == 0


def test_core_only_run_measures_the_core_and_no_build(tmp_path):
    out = tmp_path / "bench-out"
    command = [sys.executable, "-m", "bench.run", "--sizes", "small", "--repeat", "1"]
    done = subprocess.run(
        [*command, "--core-only", "--parse-entries", "200", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    rows = _table(done.stdout, "| size |")
    assert rows[1][:5] == ["small", "100", "1", "100", "100"] and float(rows[1][5]) > 0
    assert rows[1][6:] == ["—"] * 8
    assert "| explainer |" not in done.stdout and "| target |" not in done.stdout
    assert not (out / "small" / "baseline").exists() and not (out / "seed").exists()
    results = json.loads((out / "results.json").read_text("utf-8"))
    (size,) = results["sizes"]
    assert size["core_s"] > 0 and size["plugin_s"] is None and size["same_site"] is None
    # The parser's own table, measured with --core-only too.
    parsing = _table(done.stdout, "| live-blog |")
    assert [row[:2] for row in parsing[1:]] == [["plain", "200"], ["messy", "200"]]
    assert all(float(cell) > 0 for row in parsing[1:] for cell in row[3:7])
    assert [r["name"] for r in results["parse"]] == ["plain", "messy"]


def _table(output: str, header: str) -> list[list[str]]:
    """The Markdown table starting at ``header``, as rows of cells (separator row left out)."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header))
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if not all(set(cell) <= set("-: ") for cell in cells):
            rows.append(cells)
    return rows


def test_export_writes_the_pages_the_plugin_is_given(tiny, tmp_path):
    """The baseline's premise: `explainer export` writes exactly the plugin's pages."""
    from generator.cli import main as explainer

    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: tiny\nsite_url: https://example.org/tiny/\n", "utf-8")
    pages = tmp_path / "pages"
    arguments = ["export", str(pages), "--config", str(config), "--content", str(tiny)]
    assert explainer(arguments) == 0
    site = build(tiny, site_url="https://example.org/tiny/")
    assert {str(p.relative_to(pages)) for p in pages.rglob("*.md")} == set(site.pages)
    for path, markdown in site.pages.items():
        assert (pages / path).read_text("utf-8") == markdown
