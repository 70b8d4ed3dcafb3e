"""Every messy export of the corpus (tests/messy.py) loads to exactly the clean baseline or stops with a KitError.

A load that gives other data, a KitError that does not name the problem, or any other exception (a raw
traceback for the user) fails. ``kit validate`` must exit with status 2 and no traceback on every error case.
"""

from __future__ import annotations

import contextlib
import signal

import pytest

from kit.run.cli import main
from messy import CASES, check

#: Seconds one case may take: a YAML alias bomb or a pathological file must fail fast, not hang.
CASE_TIME_LIMIT = 10


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """Each case's export (and column map) written once: ``{case name: (path, column map path or None)}``."""
    folder = tmp_path_factory.mktemp("messy")
    return {case.name: case.files(folder) for case in CASES}


@contextlib.contextmanager
def time_limit(seconds: int):
    """Raise ``TimeoutError`` in the test if the block runs longer than ``seconds`` (POSIX only)."""
    def expire(signum, frame):
        raise TimeoutError(f"took more than {seconds} s")

    if not hasattr(signal, "SIGALRM"):
        yield
        return
    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_corpus_is_large_and_named_uniquely():
    names = [case.name for case in CASES]
    assert len(names) == len(set(names))
    assert len(CASES) >= 100
    assert {case.expect for case in CASES} == {"exact", "error", "either"}


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_messy_export_loads_exactly_or_stops_with_kit_error(case, written):
    path, columns = written[case.name]
    with time_limit(CASE_TIME_LIMIT):
        outcome, detail = check(case, path, columns)
    assert outcome == "ok", f"{case.kind} / {case.name} ({outcome}): {detail}"


ERROR_CASES = [case for case in CASES if case.expect == "error"]


def test_validate_exits_2_without_traceback_on_every_error_case(written, capsys):
    failures = []
    for case in ERROR_CASES:
        path, columns = written[case.name]
        argv = ["validate", str(path), *(["--columns", str(columns)] if columns else [])]
        try:
            with time_limit(CASE_TIME_LIMIT):
                status = main(argv)
        except BaseException as err:  # noqa: BLE001 -- what escapes main() is printed as a traceback
            status = f"raised {type(err).__name__}: {str(err).splitlines()[0][:120] if str(err) else ''}"
        err = capsys.readouterr().err
        if status != 2 or "Traceback" in err:
            failures.append(f"{case.name}: exit {status}")
    assert not failures, f"{len(failures)} of {len(ERROR_CASES)} error cases: " + "; ".join(failures)
