"""Headless Chromium for the report tests, and for docs/report.png.

The DOM after the page's own script ran (``--dump-dom``) and screenshots, from
Debian's chromium package (or any Chromium or Chrome on PATH, or the one
SEO_EXPORT_CHROMIUM names). Every network feature Chromium has is switched
off: the report is a file and must not need anything else.

    python tests/browser.py out/report.html docs/report.png 1100x2600
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--hide-scrollbars",
    "--mute-audio",
)


def find_chromium() -> str | None:
    """The Chromium to run, or None when this machine has none."""
    chosen = os.environ.get("SEO_EXPORT_CHROMIUM")
    if chosen:
        return chosen
    return next((path for name in CANDIDATES if (path := shutil.which(name))), None)


def _run(chromium: str, *args: str) -> str:
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        done = subprocess.run(
            [chromium, *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    if done.returncode != 0:
        raise RuntimeError(f"{chromium} exited {done.returncode}: {done.stderr[-2000:]}")
    return done.stdout


def dump_dom(chromium: str, url: str) -> str:
    """The page's DOM, serialised after its scripts ran."""
    return _run(chromium, "--dump-dom", url)


def screenshot(
    chromium: str, url: str, target: Path, width: int = 1280, height: int = 2000
) -> None:
    """A PNG of the page's first ``width`` x ``height`` pixels."""
    _run(chromium, f"--window-size={width},{height}", f"--screenshot={target}", url)
    if not target.is_file():
        raise RuntimeError(f"{chromium} wrote no screenshot to {target}")


def png_size(path: Path) -> tuple[int, int]:
    """(width, height) from a PNG's header."""
    data = path.read_bytes()[:24]
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError(f"{path} is not a PNG")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


if __name__ == "__main__":
    chromium = find_chromium()
    if chromium is None:
        sys.exit("no Chromium here: apt-get install chromium")
    page, target = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
    size = sys.argv[3] if len(sys.argv) > 3 else "1280x2000"
    width, height = (int(n) for n in size.split("x"))
    screenshot(chromium, page.as_uri(), target.resolve(), width, height)
    print(f"{target}: {png_size(target)}")
