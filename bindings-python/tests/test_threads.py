"""The GIL is released during extraction: other Python threads make progress meanwhile.

A background thread records the time of each of its loop iterations. Holding the GIL, an
extraction would leave no iteration strictly inside its time window (the background thread
could only run before the call or after it returns); released, the background thread keeps
running throughout. The test checks event order, not speed.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path
from typing import Callable

import pytest

import dechaff
from conftest import paragraph


def big_page() -> bytes:
    # About 2 MB of paragraphs: an extraction of a few hundred milliseconds.
    body = "".join(paragraph(i) for i in range(20_000))
    return f"<html><body><article>{body}</article></body></html>".encode()


def ticks_during(call: Callable[[], object]) -> tuple[int, float]:
    ticks: list[float] = []
    stop = threading.Event()

    def background() -> None:
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.0005)

    t = threading.Thread(target=background)
    t.start()
    time.sleep(0.02)  # let the thread start ticking
    start = time.perf_counter()
    call()
    end = time.perf_counter()
    stop.set()
    t.join()
    # Only the middle half of the window counts, far from both edges.
    quarter = (end - start) / 4
    inside = [x for x in ticks if start + quarter < x < end - quarter]
    return len(inside), end - start


def test_the_probe_sees_a_call_that_holds_the_gil() -> None:
    # Control: sorting a list of floats runs in C without releasing the GIL, so the probe
    # must see no tick inside it. Without this, the tests below could pass vacuously.
    data = [float((i * 7919) % 1_000_003) for i in range(1_000_000)]
    inside, duration = ticks_during(lambda: sorted(data))
    assert inside == 0, f"{inside} ticks inside a GIL-holding call of {duration:.3f} s"


def test_other_threads_run_during_extract() -> None:
    page = big_page()
    inside, duration = ticks_during(lambda: dechaff.extract(page))
    assert inside >= 3, f"background thread ticked {inside} times in {duration:.3f} s"


def test_other_threads_run_during_extract_many() -> None:
    pages = [big_page()] * 2
    inside, duration = ticks_during(lambda: dechaff.extract_many(pages, workers=2))
    assert inside >= 3, f"background thread ticked {inside} times in {duration:.3f} s"


def test_extractor_shared_between_python_threads() -> None:
    ex = dechaff.Extractor()
    page = big_page()[:200_000] + b"</article></body></html>"
    expected = ex.extract(page).to_json()
    results: list[str] = []

    def work() -> None:
        for _ in range(3):
            results.append(ex.extract(page).to_json())

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 12


def worker_threads_alive() -> bool:
    tasks = Path("/proc/self/task")
    return any((t / "comm").read_text().strip() == "dechaff-worker" for t in tasks.iterdir())


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads Linux /proc")
def test_ctrl_c_interrupts_extract_many() -> None:
    # Event order again: the SIGINT handler must run while the batch's worker threads still
    # exist, i.e. inside extract_many, not after it returned.
    pages = [big_page()] * 40
    seen: dict[str, bool] = {}

    def handler(signum: int, frame: object) -> None:
        seen["inside_batch"] = worker_threads_alive()
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, handler)
    timer = threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            dechaff.extract_many(pages, workers=2)
    finally:
        timer.cancel()
        signal.signal(signal.SIGINT, previous)
    assert seen == {"inside_batch": True}
    assert not worker_threads_alive()
