"""``make bench``: what the generator costs, next to what MkDocs itself costs.

For each size, in this one run, ``--repeat`` times (the table shows medians):

(a) the core alone, ``generator.pipeline.build`` (parse, load, link, render);
(b) ``mkdocs build`` with the explainer plugin;
(c) ``mkdocs build`` of the same pages written by ``explainer export`` as plain Markdown,
    same theme, extensions and nav, no plugin: the baseline.

Each runs in a fresh process, as ``mkdocs build`` does, so peak memory is that process's
own ``ru_maxrss``. Sizes marked ``core_only`` (see ``bench.synth.SIZES``) run (a) alone
unless ``--full`` is given; ``--core-only`` runs (a) alone for every size. Then, for the
seed and for the largest size whose builds ran, the wait under ``mkdocs serve`` from saving
``annotations.yml`` to the page showing the change. Last, with ``--core-only`` too, the
parser at 20,000 entries against a baseline (``bench/parse_speed.py``).
Usage: ``python -m bench.run [--sizes small,medium] [--repeat 3] [--core-only | --full]``;
``BENCH_SIZES`` sets the default sizes.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.cli import main as explainer
from generator.pipeline import build
from generator.plugin import THEME_DIR

from .mkdocs_config import item_name, read_config
from .parse_speed import ENTRIES as PARSE_ENTRIES
from .parse_speed import KINDS as PARSE_KINDS
from .parse_speed import format_parse_report, measure_parse
from .serve import time_rebuilds
from .synth import SIZES, Size, write_explainer

ROOT = Path(__file__).resolve().parent.parent
GROWTH = (
    ("entries x10, 100 terms", "small", "medium", 11.0),
    ("entries x10, 1,000 terms", "medium-glossary", "large", 11.0),
    ("terms x10, 1,000 entries", "medium", "medium-glossary", 1.5),
    ("terms x10, 10,000 entries", "large-few-terms", "large", 1.5),
)
"""(what grows, from size, to size, the most (a) may grow) for the growth table."""
MARKER = ".bench-out"
"""The file that marks a folder as the benchmark's own, so a rerun may empty it."""
TIME_RATIO_TARGET = 1.10
MEMORY_RATIO_TARGET = 1.20
NOT_RUN = "—"
"""What the table shows for a build that was not run (a core-only size or run)."""


@dataclass
class SizeResult:
    """Medians of one size's runs; the builds' fields are None when only (a) was run."""

    size: Size
    core_s: float
    plugin_s: float | None = None
    baseline_s: float | None = None
    plugin_mib: float | None = None
    baseline_mib: float | None = None
    same_site: bool | None = None
    largest_page_kib: float | None = None
    """The largest HTML page (b) wrote, in KiB (the target: under 1 MB)."""
    largest_page: str = ""
    """(b) and (c) wrote the same site (see ``_same_tree``): the baseline is a fair one."""

    @property
    def time_ratio(self) -> float | None:
        if self.plugin_s is None or self.baseline_s is None:
            return None
        return self.plugin_s / self.baseline_s

    @property
    def memory_ratio(self) -> float | None:
        if self.plugin_mib is None or self.baseline_mib is None:
            return None
        return self.plugin_mib / self.baseline_mib


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default=os.environ.get("BENCH_SIZES") or "all",
        help=f"comma-separated, from: {', '.join(SIZES)} (default: all, or $BENCH_SIZES)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out", help="work folder")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve timing")
    parser.add_argument("--serve-timeout", type=float, default=900.0, help="seconds per wait")
    scope = parser.add_mutually_exclusive_group()
    scope.add_argument(
        "--core-only",
        action="store_true",
        help="measure (a), the core, alone for every size: no mkdocs build, no serve timing",
    )
    core_only = ", ".join(name for name, size in SIZES.items() if size.core_only)
    scope.add_argument(
        "--full",
        action="store_true",
        help=f"also run the mkdocs builds (b) and (c) for {core_only}, core-only by default",
    )
    parser.add_argument(
        "--parse-entries",
        type=int,
        default=PARSE_ENTRIES,
        help=f"entries of the parse measurement (default {PARSE_ENTRIES:,}; 0 skips it)",
    )
    args = parser.parse_args(argv)
    names = list(SIZES) if args.sizes == "all" else [n.strip() for n in args.sizes.split(",")]
    unknown = [name for name in names if name not in SIZES]
    if unknown:
        parser.error(f"unknown size(s): {', '.join(unknown)}; choose from {', '.join(SIZES)}")
    sizes = [SIZES[name] for name in SIZES if name in names]

    out = args.out.resolve()
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        parser.error(f"{out} is not empty and not a benchmark's folder; choose another --out")
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    (out / MARKER).write_text("Written by python -m bench.run; deleted by the next run.\n")
    print(_header(argv), flush=True)
    results = []
    for size in sizes:
        builds = not args.core_only and (args.full or not size.core_only)
        what = "measuring" if builds else "measuring the core only"
        _progress(f"{size.name}: writing and {what} ({args.repeat} runs)")
        results.append(measure_size(size, out / size.name, args.repeat, builds=builds))
    serve: dict[str, float] = {}
    if not args.no_serve and not args.core_only:
        projects = {"seed": _seed_project(out / "seed")}
        built = [r.size.name for r in results if r.same_site is not None]
        if built:
            projects[built[-1]] = out / built[-1]
        for label, project in projects.items():
            _progress(f"{label}: timing a save under mkdocs serve")
            waits = time_rebuilds(project / "plugin", args.repeat, args.serve_timeout)
            serve[label] = statistics.median(waits)
    parsing = []
    for kind in PARSE_KINDS if args.parse_entries else ():
        _progress(f"parse: {kind} live-blog, {args.parse_entries:,} entries ({args.repeat} runs)")
        parsing.append(measure_parse(kind, args.repeat, args.parse_entries))
    print(format_report(results, serve, args.repeat))
    if parsing:
        print("\n".join(["", *format_parse_report(parsing, args.repeat)]))
    (out / "results.json").write_text(
        json.dumps(
            {
                "sizes": [_as_json(r) for r in results],
                "serve_s": serve,
                "parse": [asdict(r) for r in parsing],
            },
            indent=2,
        ),
        "utf-8",
    )
    return 0 if all(r.same_site is not False for r in results) else 1


def measure_size(size: Size, folder: Path, repeat: int, *, builds: bool = True) -> SizeResult:
    """Write the explainer, its plugin project and its baseline project; time a, b and c.

    Without ``builds``, only (a): no baseline project, no ``mkdocs build``.
    """
    plugin, baseline = folder / "plugin", folder / "baseline"
    write_explainer(plugin / "content", size)
    _copy_site_sources(plugin)  # also without builds: the core renders for its site_url
    if builds:
        _write_baseline(plugin, baseline)

    site_url = read_config(plugin / "mkdocs.yml").get("site_url") or ""
    runs: dict[str, list[dict[str, Any]]] = {"core": [], "plugin": [], "baseline": []}
    for _ in range(repeat):  # interleaved, so a slow patch of the machine hits all alike
        # The core as the plugin calls it, in a fresh process as `mkdocs build` would.
        runs["core"].append(_measure_in_fresh_process(plugin, ["core", "content", site_url]))
        if not builds:
            continue
        for name, project in (("plugin", plugin), ("baseline", baseline)):
            site = str(folder / f"site-{name}")
            runs[name].append(_measure_in_fresh_process(project, ["mkdocs", "mkdocs.yml", site]))
    core_s = statistics.median(r["seconds"] for r in runs["core"])
    if not builds:
        return SizeResult(size, core_s)
    same = _same_tree(folder / "site-plugin", folder / "site-baseline")
    pages = {p: p.stat().st_size for p in (folder / "site-plugin").rglob("*.html")}
    largest = max(pages, key=pages.__getitem__)
    for name in ("plugin", "baseline"):
        shutil.rmtree(folder / f"site-{name}")
    return SizeResult(
        size,
        core_s,
        statistics.median(r["seconds"] for r in runs["plugin"]),
        statistics.median(r["seconds"] for r in runs["baseline"]),
        statistics.median(r["peak_kib"] for r in runs["plugin"]) / 1024,
        statistics.median(r["peak_kib"] for r in runs["baseline"]) / 1024,
        same,
        pages[largest] / 1024,
        largest.relative_to(folder / "site-plugin").as_posix(),
    )


def _measure_in_fresh_process(cwd: Path, arguments: list[str]) -> dict[str, Any]:
    """Run ``python -m bench.measure ARGUMENTS`` in ``cwd``; its JSON line as a dict."""
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1747353600"),
        "PYTHONPATH": str(ROOT),
    }
    command = [sys.executable, "-m", "bench.measure", *arguments]
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(arguments)} failed in {cwd}:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# -- projects ------------------------------------------------------------------------------


def _copy_site_sources(project: Path) -> None:
    """The repository's mkdocs.yml and docs/, so the benchmark builds the real site."""
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    for extra in ("overrides", "hooks"):
        if (ROOT / extra).is_dir():
            shutil.copytree(ROOT / extra, project / extra)


_HOOK_404 = """\
from urllib.parse import urlsplit

from generator.plugin import portable_404


def on_post_template(output_content, template_name, config):
    if template_name != "404.html":
        return output_content
    return portable_404(output_content, urlsplit(config.site_url or "").path or "/")
"""
"""The plugin's 404 rewrite, for the baseline build without the plugin."""


def _write_baseline(plugin: Path, baseline: Path) -> None:
    """docs/ plus the exported pages; the plugin's mkdocs.yml without the plugin.

    ``INHERIT`` keeps theme, extensions and everything else exactly as the plugin project
    has them; only ``plugins`` is replaced (MkDocs replaces lists). What the plugin adds to
    the config is written out: the nav, the two extensions it needs, its template overrides
    as ``custom_dir``. So both builds render the same pages with the same templates.
    """
    shutil.copytree(plugin / "docs", baseline / "docs")
    for extra in ("overrides", "hooks"):
        if (plugin / extra).is_dir():
            shutil.copytree(plugin / extra, baseline / extra)
    config = read_config(plugin / "mkdocs.yml")
    site_url = config.get("site_url") or ""
    # With the plugin's mkdocs.yml, export renders for the same site_url and URL style.
    export = ["export", str(baseline / "docs"), "--config", str(plugin / "mkdocs.yml")]
    with contextlib.redirect_stdout(io.StringIO()):
        status = explainer([*export, "--content", str(plugin / "content")])
    if status != 0:
        raise RuntimeError(f"explainer export failed for {plugin}")
    plugins = [p for p in config.get("plugins") or [] if item_name(p) != "explainer"]
    child: dict[str, Any] = {"INHERIT": "../plugin/mkdocs.yml", "plugins": plugins}
    extensions = config.get("markdown_extensions") or []
    missing = [
        name for name in ("attr_list", "md_in_html") if name not in map(item_name, extensions)
    ]
    if missing:
        child["markdown_extensions"] = [*extensions, *missing]
    theme = config.get("theme") or {}
    if THEME_DIR.is_dir() and isinstance(theme, dict) and not theme.get("custom_dir"):
        child["theme"] = {"custom_dir": str(THEME_DIR)}  # merged into the inherited theme
    site = build(plugin / "content", site_url=site_url)
    if not config.get("nav"):
        child["nav"] = site.nav
    # What the plugin hands the theme (footer, print header) and its 404 rewrite, as a hook.
    theme_extra: dict[str, Any] = dict(config.get("extra") or {})
    theme_extra["explainer"] = {"footer": site.footer, "print_header": site.print_header}
    child["extra"] = theme_extra
    (baseline / "explainer_404.py").write_text(_HOOK_404, "utf-8")
    child["hooks"] = [*(config.get("hooks") or []), "explainer_404.py"]
    (baseline / "mkdocs.yml").write_text(
        yaml.safe_dump(child, allow_unicode=True, sort_keys=False), "utf-8"
    )


def _seed_project(folder: Path) -> Path:
    """A copy of the repository's own explainer (content/ itself is never touched)."""
    project = folder / "plugin"
    project.mkdir(parents=True)
    shutil.copytree(ROOT / "content", project / "content")
    _copy_site_sources(project)
    return folder


def _same_tree(left: Path, right: Path) -> bool:
    """Whether two built sites hold the same files with the same content.

    Pages and assets must be byte for byte the same. The sitemap and the search index list
    pages in the order MkDocs found them (the plugin appends its pages; a docs folder is
    read alphabetically), so those two are compared as sets.
    """
    files = {p.relative_to(left) for p in left.rglob("*") if p.is_file()}
    if files != {p.relative_to(right) for p in right.rglob("*") if p.is_file()}:
        return False
    for name in files:
        a, b = (left / name).read_bytes(), (right / name).read_bytes()
        if a == b:
            continue
        if name.name == "search_index.json":
            index_a, index_b = json.loads(a), json.loads(b)
            docs_a = sorted(map(json.dumps, index_a.pop("docs")))
            if docs_a != sorted(map(json.dumps, index_b.pop("docs"))) or index_a != index_b:
                return False
        elif name.name == "sitemap.xml":
            if sorted(_sitemap_urls(a)) != sorted(_sitemap_urls(b)):
                return False
        elif name.name != "sitemap.xml.gz":  # the same sitemap, compressed
            return False
    return True


def _sitemap_urls(data: bytes) -> list[str]:
    text = data.decode("utf-8")
    return [chunk.split("</url>")[0].strip() for chunk in text.split("<url>")[1:]]


# -- the report ----------------------------------------------------------------------------


def format_report(results: list[SizeResult], serve: dict[str, float], repeat: int) -> str:
    """The tables ``make bench`` prints (Markdown, so they paste into the README).

    A build that was not run shows as ``—``, never as a number.
    """
    lines = [
        f"Builds (median of {repeat} runs; seconds of wall time; peak memory in MiB):",
        "",
        "| size | entries | days | terms | annotations | (a) core s | (b) plugin s "
        "| (c) baseline s | (b)/(c) | (b) peak MiB | (c) peak MiB | memory (b)/(c) | same site "
        "| largest page KiB |",
        "| --- " + "| ---: " * 11 + "| --- | ---: |",
    ]
    for r in results:
        s = r.size
        same = NOT_RUN if r.same_site is None else "yes" if r.same_site else "NO"
        lines.append(
            f"| {s.name} | {s.entries:,} | {s.days} | {s.terms:,} | {s.annotations:,} "
            f"| {r.core_s:.2f} | {_cell(r.plugin_s)} | {_cell(r.baseline_s)} "
            f"| {_cell(r.time_ratio)} | {_cell(r.plugin_mib, '.0f')} "
            f"| {_cell(r.baseline_mib, '.0f')} | {_cell(r.memory_ratio)} | {same} "
            f"| {_cell(r.largest_page_kib, ',.0f')} |"
        )
    by_name = {r.size.name: r for r in results}
    growth = [g for g in GROWTH if g[1] in by_name and g[2] in by_name]
    if growth:
        lines += [
            "",
            "Growth of (a), the core, as the input grows tenfold:",
            "",
            "| input | from | to | (a) from s | (a) to s | growth | target |",
            "| --- | --- | --- | ---: | ---: | ---: | --- |",
        ]
        for label, low, high, target in growth:
            before, after = by_name[low].core_s, by_name[high].core_s
            factor = after / before
            lines.append(
                f"| {label} | {low} | {high} | {before:.2f} | {after:.2f} | x{factor:.2f} "
                f"| <= x{target:g}: {'met' if factor <= target else 'missed'} |"
            )
    built = [r for r in results if r.time_ratio is not None and r.memory_ratio is not None]
    if built:
        largest = built[-1]
        assert largest.time_ratio is not None and largest.memory_ratio is not None
        scope = "" if largest.size.name == "large" else ", indicative only: they are set for large"
        lines += [
            "",
            f"Targets at the largest size built in this run ({largest.size.name}{scope}):",
            "",
            "| target | measured | |",
            "| --- | ---: | --- |",
            _target_row("(b)/(c) <= 1.10", largest.time_ratio, TIME_RATIO_TARGET),
            _target_row("peak memory (b)/(c) <= 1.2", largest.memory_ratio, MEMORY_RATIO_TARGET),
            _target_row(
                f"largest page <= 1 MB ({largest.largest_page})",
                (largest.largest_page_kib or 0) * 1024 / 1e6,
                1.0,
            ),
        ]
        if largest.size.name in serve:
            lines.append(_target_row("serve: a save shows in < 5 s", serve[largest.size.name], 5.0))
    if serve:
        lines += [
            "",
            f"mkdocs serve: from saving annotations.yml to the page showing the change "
            f"(median of {repeat}):",
            "",
            "| explainer | seconds |",
            "| --- | ---: |",
            *(f"| {name} | {seconds:.2f} |" for name, seconds in serve.items()),
        ]
    return "\n".join(lines)


def _cell(value: float | None, spec: str = ".2f") -> str:
    return NOT_RUN if value is None else format(value, spec)


def _target_row(label: str, value: float, target: float) -> str:
    return f"| {label} | {value:.2f} | {'met' if value <= target else 'missed'} |"


def _header(argv: list[str] | None) -> str:
    import material
    import mkdocs

    command = " ".join(["python -m bench.run", *(argv if argv is not None else sys.argv[1:])])
    return (
        f"# {command}\n# {platform.python_implementation()} {platform.python_version()}, "
        f"mkdocs {mkdocs.__version__}, mkdocs-material {material.__version__}, "
        f"{os.cpu_count()} cores, {platform.system()} {platform.machine()}\n"
    )


def _progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def _as_json(result: SizeResult) -> dict[str, Any]:
    data = asdict(result)
    data["time_ratio"], data["memory_ratio"] = result.time_ratio, result.memory_ratio
    return data


if __name__ == "__main__":
    sys.exit(main())
