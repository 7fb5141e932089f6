"""Interrupts of a build: SIGTERM as an exception that unwinds it like Ctrl-C, and the one
stretch where neither may cut in (moving the staged files into out/).

Ctrl-C (SIGINT) raises KeyboardInterrupt; :func:`terminate_raises` makes SIGTERM raise
:class:`Terminated`. Either unwinds the build through its ``finally`` blocks and context
managers: the worker processes are ended, the staging folder and temporary files removed,
the lock released, and out/ is as it was, within a second. While the build moves its files
into out/ (:func:`signals_deferred`), both wait until it is done, so out/ is never left half
moved by an interrupt; the build then stops as asked.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

DEFERRED = frozenset({signal.SIGINT, signal.SIGTERM})


class Terminated(BaseException):
    """SIGTERM arrived (a BaseException, so that no ``except Exception`` swallows it)."""


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated


@contextlib.contextmanager
def terminate_raises() -> Iterator[None]:
    """Inside, SIGTERM raises :class:`Terminated` in the main thread (elsewhere: no change)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block ends, then arrive (on POSIX)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, DEFERRED)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
