"""Python's cycle collector, paused while the core makes its many small objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """The stages make hundreds of thousands of small objects that form no cycles; Python's
    cycle collector would scan them all again and again (a fifth of a large build's time,
    a tenth of a large parse). Plain reference counting still frees everything as usual."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()
