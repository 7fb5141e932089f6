"""The articles a plan says to build, built in parallel and handed back in source order.

Worker processes (and, with two jobs, the main process) build chunks of
:data:`CHUNK` sources each and write their files into the staging folder; what
comes back is one small :class:`~seo_export.build.work.Outcome` per source.
At most :data:`IN_FLIGHT` outcomes wait for the main process, so memory stays
flat however far the workers get ahead.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path

from seo_export.build.plan import BuildPlan
from seo_export.build.work import Outcome, Task, build_source, init_worker, work_in_pool
from seo_export.config.settings import Settings
from seo_export.read.discover import SourceList

# Articles per task sent to a worker: enough to amortise the round trip,
# few enough that results keep flowing for the progress bar.
CHUNK = 32
IN_FLIGHT = 8 * CHUNK
"""Articles sent to workers and not yet taken by the main process, at most (four chunks per
worker on two cores: each always has the next ones)."""

MAIN_SHARE = (1, 2)
"""With two jobs the main process is one of them: it builds every other chunk itself (it
also takes in every result), one worker builds the rest. Two processes on two cores, not
three: about 40 MB less at 100,000 articles. Measured at 10,000 (/dev/shm, medians of
three to six runs): 1 in 2 chunks 7.1 s, 4 in 9 7.3 s, 5 in 9 7.5 s, 3 in 5 8.5 s; with
``output = "bundle"`` 6.9, 8.1, 7.5 and 8.1 s (every chunk the worker builds sends its 13 KB
lines through a pipe; every one the main process builds does not)."""


def build_outcomes(
    plan: BuildPlan, sources: SourceList, settings: Settings, staging: Path, workers: int
) -> Generator[Outcome | None, None, None]:
    """One outcome per source, in order: None where the plan vouches for it, else the one of
    the process that built it (``workers`` processes at most, this one included)."""
    if workers <= 1 or plan.to_build < 2 * CHUNK:
        serial = (build_source(task, settings, staging) for task in plan.tasks(sources))
        for vouched in plan.vouched:
            yield None if vouched else next(serial)
        return
    share = _Share(*MAIN_SHARE) if workers == 2 else _Share(0, 1)
    window = _Window(IN_FLIGHT)
    context = multiprocessing.get_context("fork")
    pool = context.Pool(
        min(workers - (share.own > 0), -(-plan.to_build // CHUNK)),
        initializer=init_worker,
        initargs=(settings, str(staging)),
    )
    try:
        from_pool = pool.imap(
            work_in_pool, _fed(share.tasks(plan, sources, mine=False), window), chunksize=CHUNK
        )
        own = share.tasks(plan, sources, mine=True)
        position = 0
        for vouched in plan.vouched:
            if vouched:
                yield None
                continue
            if share.main_builds(position // CHUNK):
                yield build_source(next(own), settings, staging)
            else:
                outcome = next(from_pool)
                window.release()
                yield outcome
            position += 1
    finally:
        # The pool's task handler may be waiting in the window: let it go first, or
        # terminate() waits for it for ever (an interrupt, a full disk, any error).
        window.close()
        pool.terminate()
        pool.join()


@dataclass(frozen=True, slots=True)
class _Share:
    """Which chunks the main process builds: ``own`` in every ``cycle``."""

    own: int
    """Chunks the main process builds in each cycle (the first ones)."""
    cycle: int
    """Chunks in a cycle."""

    def main_builds(self, chunk: int) -> bool:
        return chunk % self.cycle < self.own

    def tasks(self, plan: BuildPlan, sources: SourceList, *, mine: bool) -> Iterator[Task]:
        """The tasks of the main process's chunks, or of the workers'."""
        for index, task in enumerate(plan.tasks(sources)):
            if self.main_builds(index // CHUNK) == mine:
                yield task


class _Window:
    """At most ``size`` tasks handed to the pool and not yet taken back; closable, so that the
    thread waiting for room stops waiting when the build stops."""

    def __init__(self, size: int) -> None:
        self._room = threading.BoundedSemaphore(size)
        self._closed = threading.Event()

    def enter(self) -> bool:
        """Wait for room; False once the window is closed."""
        while not self._room.acquire(timeout=0.05):
            if self._closed.is_set():
                return False
        return not self._closed.is_set()

    def release(self) -> None:
        self._room.release()

    def close(self) -> None:
        self._closed.set()


def _fed(tasks: Iterator[Task], window: _Window) -> Iterator[Task]:
    # The pool's task handler thread pulls tasks from here: it waits once IN_FLIGHT
    # results wait for the main process, which keeps its memory flat.
    for task in tasks:
        if not window.enter():
            return
        yield task
