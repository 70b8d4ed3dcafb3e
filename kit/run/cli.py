"""The ``kit`` command: ``kit run``, ``kit validate``, ``kit params``, ``kit refresh``.

Exit status: 0 success; 1 a notebook failed (the run went on and wrote its report); 2 bad input, found before
anything ran (the message says what and what to do); 130 interrupted with Ctrl-C (the report shows what finished).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from ..data.datasets import FILES
from ..errors import KitError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kit", description="Customer value analytics kit")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="execute the notebooks headlessly into an output folder")
    run.add_argument("--data", help="transaction file (CSV, Excel, Parquet); default: bundled Online Retail")
    run.add_argument("--example", choices=list(FILES),
                     help="run on a bundled data set with its column map")
    run.add_argument("--columns", help="YAML column map (canonical name: your column)")
    run.add_argument("--encoding", help="text encoding of a CSV file (default: detected)")
    run.add_argument("--lang", choices=["zh", "en"], help="language of labels (default en)")
    run.add_argument("--out", help="output folder (default outputs); the files of the previous run there are "
                                   "deleted first, other files are kept")
    run.add_argument("--engine", choices=["auto", "pandas", "duckdb", "spark"], default=None,
                     help="where loading and the customer aggregations run (default auto: pandas up to 256 MiB of "
                          "input, DuckDB above; spark: a Spark session, KIT_SPARK_MASTER for a cluster)")
    run.add_argument("--only", nargs="+", metavar="NAME", help="run only these notebooks (e.g. 00 02)")
    run.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                     help="set a notebook parameter (see `kit params`)")
    run.add_argument("--no-progress", action="store_true", help="no per-cell progress bar")
    run.add_argument("--memory-limit", default="auto", metavar="SIZE",
                     help="memory each notebook's kernel may use, e.g. 6G (0: no limit; default: 75%% of the memory "
                          "available at the start, at least 2G); beyond it the notebook fails with MemoryError")
    run.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                     help="time limit of each notebook (0: none; default 1800)")

    validate = sub.add_parser("validate", help="load a transaction file and print its cleaning report")
    validate.add_argument("path")
    validate.add_argument("--columns", help="YAML column map")
    validate.add_argument("--encoding", help="text encoding (default: detected)")
    validate.add_argument("--analysis", choices=["customers", "baskets"], help="what the data is for")
    validate.add_argument("--lang", default="en", choices=["zh", "en"])
    validate.add_argument("--engine", choices=["auto", "pandas", "duckdb", "spark"], default="auto",
                          help="where the file is read and cleaned (default auto: DuckDB above 256 MiB)")

    params = sub.add_parser("params", help="list the notebooks' parameters")
    params.add_argument("notebook", nargs="?", help="one notebook (e.g. 00)")

    refresh = sub.add_parser("refresh", help="re-execute the course notebooks in place (their committed outputs)")
    refresh.add_argument("--only", nargs="+", metavar="NAME")
    refresh.add_argument("--lang", choices=("en", "zh"), help="refresh one language track (default: both)")
    return parser


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    logging.getLogger("asyncio").addFilter(_unretrieved_kernel_deaths)
    try:
        return {"run": _run, "validate": _validate, "params": _params, "refresh": _refresh}[args.command](args)
    except KitError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted (Ctrl-C)", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into a program that stopped reading (`kit params | head`)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _unretrieved_kernel_deaths(record: logging.LogRecord) -> bool:
    """Keep asyncio's "Task exception was never retrieved" about a kernel the run stopped (Ctrl-C) off the terminal:
    the run reports that notebook itself."""
    error = record.exc_info[1] if record.exc_info else None
    return not (type(error).__name__ == "DeadKernelError" or "DeadKernelError" in record.getMessage())


def _run(args) -> int:
    from .runner import TIMEOUT, parse_memory, run_notebooks

    extra = {}
    for name, value in args.parameter:
        if name in extra:
            raise KitError(f"parameter {name!r} given twice", hint="give each -p NAME VALUE once")
        extra[name] = value
    data, columns = args.data, args.columns
    if args.example:
        from ..data import datasets

        if data:
            raise KitError("give either --data or --example, not both", hint="--example runs a bundled data set")
        data, columns = str(datasets.path(args.example)), str(datasets.column_map(args.example))
    if args.timeout is not None and args.timeout < 0:
        raise KitError(f"--timeout {args.timeout:g} is negative", hint="give seconds, or 0 for no limit")
    memory = "auto" if args.memory_limit == "auto" else parse_memory(args.memory_limit)
    timeout = TIMEOUT if args.timeout is None else (args.timeout or None)
    result = run_notebooks(data, columns, args.encoding, args.lang, args.out, args.only, extra,
                           progress=not args.no_progress, memory_limit=memory, timeout=timeout,
                           engine=args.engine)
    ran = [r for r in result.results if not r.skipped]
    print(f"{len(ran) - len(result.failed)} of {len(ran)} notebooks succeeded, {len(result.skipped)} skipped; "
          f"outputs in {result.out}")
    for r in result.skipped:
        print(f"skipped {r.name}: {r.skipped}")
    for r in result.failed:
        print(f"error: notebook {r.name} failed: {r.error}", file=sys.stderr)
    if result.interrupted:
        print(f"interrupted (Ctrl-C): {result.out / 'index.html'} shows the notebooks that finished", file=sys.stderr)
        return 130
    return 1 if result.failed else 0


def _validate(args) -> int:
    from ..data.loading import load_transactions

    try:
        _, report = load_transactions(args.path, args.columns, args.encoding, analysis=args.analysis,
                                      engine=args.engine, lines=False)
    except (KitError, KeyboardInterrupt):
        raise
    except Exception as err:  # noqa: BLE001 - whatever a reader trips on, the user gets a message, not a traceback
        lines = str(err).strip().splitlines()
        raise KitError(f"could not read {args.path}: {type(err).__name__}: {lines[0] if lines else ''}",
                       hint="check that the file is a CSV, Excel or Parquet export of transactions (one row per "
                            "order line) and that --columns maps its columns; try --encoding if it is text") from None
    from ..present.cleaning import report_text

    print(report_text(report, args.lang))
    return 0


def _params(args) -> int:
    from .params import allowed, notebook_parameters
    from .runner import list_notebooks

    for nb in list_notebooks([args.notebook] if args.notebook else None):
        print(nb.stem)
        for p in notebook_parameters(nb).values():
            print(f"  {p.name:<20} {p.type:<10} default {p.default:<14} {p.help}")
            print(f"  {'':<20} {'':<10} allowed: {allowed(p.name)}")
    return 0


def _refresh(args) -> int:
    from .runner import refresh_notebooks

    refresh_notebooks(args.only, languages=(args.lang,) if args.lang else ("en", "zh"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
