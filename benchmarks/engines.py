"""Engine benchmark: the customer table from a large transaction file, by hand (pandas, DuckDB SQL) and by the kit
with each engine, each case in a fresh child process.

Files are synthetic Online Retail (:mod:`synthetic`: the export stacked with new ids, orders shuffled), made once
per size and kept in ``--cache``. Every case reads the file and builds one row per customer with recency,
frequency, monetary value, first and last order and tenure as :func:`kit.rfm_table` defines them (recency and
tenure in whole days to the day after the last order, frequency = distinct orders, monetary = sum of quantity x
price, rounded to cents):

- ``pandas groupby``: ``pandas.read_parquet``/``read_csv``, the usual filters (cancellations, quantities or prices
  not above 0, missing customers) with boolean masks, one ``groupby``;
- ``DuckDB SQL``: the same filters and aggregates in one SQL query on the file (all cores);
- ``kit E``: ``kit.load_transactions(file, columns, engine=E)`` then ``kit.rfm_table(tx, engine=E)`` for E in
  pandas, duckdb, spark: the kit's full cleaning (cancelled orders matched, duplicates, non-product codes), so
  its customers and revenue differ a little from the references'; ``kit`` (no ``engine=``) is the kit as it is;
- ``kit run E`` (``--cli``): ``python -m kit run --engine E`` on the file, every notebook (slow).

A case whose API is missing (``engine=`` not accepted, an engine not installed) prints "not available". Seconds are
measured inside the child from just before reading the file; peak MiB is the child's maximum resident set size
(``os.wait4``; for ``kit run``, that of its largest process), which includes the interpreter and imports
(``imports only`` shows that floor); tree MiB is the largest sum of resident sizes of the child and all its
descendants, sampled four times a second (``kit run``'s kernels and Spark's Java process included; shared pages
count once per process). On Linux a child's peak starts at its parent's resident size when it is
started, so this process stays small: it makes the files in a child too. The table gives each case's ratio to the two references at the same size,
then the scaling exponent per case: the slope of log seconds against log lines (1 = linear).

    .venv/bin/python benchmarks/engines.py --sizes 0.5M,5M --cache /tmp/engine_files
    .venv/bin/python benchmarks/engines.py --sizes 0.5M,5M,20M --cases all --cli --cache /tmp/engine_files
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
COLUMNS = HERE.parent / "data" / "online_retail.yaml"
ENGINES = ("pandas", "duckdb", "spark")
REFERENCES = ("pandas groupby", "DuckDB SQL")
#: Every case, by name: (what the child runs, engine or None).
CASES = {"imports only": ("imports", None), "pandas groupby": ("pandas", None), "DuckDB SQL": ("duckdb_sql", None),
         "kit": ("kit", None), **{f"kit {e}": ("kit", e) for e in ENGINES}}
CLI_CASES = {f"kit run {e}": ("cli", e) for e in ENGINES}
#: The cases ``--cases reference`` runs (the default): they need nothing that is still being written.
REFERENCE_CASES = ("imports only", "pandas groupby", "DuckDB SQL", "kit")


def parse_size(text: str) -> int:
    """Lines from ``"0.5M"``, ``"500k"`` or ``"500000"``.

    Parameters
    ----------
    text : str

    Returns
    -------
    int

    Examples
    --------
    >>> parse_size("0.5M"), parse_size("20M"), parse_size("750k"), parse_size("1000")
    (500000, 20000000, 750000, 1000)
    """
    text = text.strip().upper()
    scale = {"K": 1_000, "M": 1_000_000}.get(text[-1:], 1)
    return int(round(float(text.rstrip("KM")) * scale))


def data_file(cache, lines: int, fmt: str = "parquet", ids: str = "text") -> Path:
    """The synthetic file of ``lines`` lines in ``cache``, written by :func:`synthetic.write_synthetic` unless it
    is there already.

    Parameters
    ----------
    cache : path
        Folder of the files.
    lines : int
    fmt : {"parquet", "csv"}
    ids : {"text", "int"}

    Returns
    -------
    Path

    Examples
    --------
    >>> data_file(tempfile.mkdtemp(), 1_000).name
    'online_retail_1000_text.parquet'
    """
    path = Path(cache) / f"online_retail_{lines}_{ids}.{fmt}"
    if not path.exists():  # in a child: this process stays small, and a child's peak starts from its parent's
        subprocess.run([sys.executable, str(HERE / "synthetic.py"), "--lines", str(lines), "--format", fmt,
                        "--ids", ids, "--out", str(path)], check=True, stdout=subprocess.DEVNULL)
    return path


# --- what a child runs: each returns (customers, revenue, detail) --------------------------------------------

def pandas_groupby(path: Path):
    """Read ``path`` with pandas, filter with masks, one groupby: the customer table."""
    import pandas as pd

    if path.suffix == ".parquet":
        df = pd.read_parquet(path, columns=["InvoiceNo", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID"])
    else:
        df = pd.read_csv(path, usecols=["InvoiceNo", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID"],
                         dtype={"InvoiceNo": str, "CustomerID": str}, parse_dates=["InvoiceDate"])
    keep = (~df["InvoiceNo"].str.startswith("C") & (df["Quantity"] > 0) & (df["UnitPrice"] > 0)
            & df["CustomerID"].notna())
    df = df[keep]
    tx = pd.DataFrame({"customer_id": df["CustomerID"], "order_id": df["InvoiceNo"],
                       "order_date": df["InvoiceDate"], "amount": df["Quantity"] * df["UnitPrice"]})
    as_of = tx["order_date"].max().normalize() + pd.Timedelta(days=1)
    g = tx.groupby("customer_id")
    first, last = g["order_date"].min(), g["order_date"].max()
    table = pd.DataFrame({"recency": (as_of - last.dt.normalize()).dt.days, "frequency": g["order_id"].nunique(),
                          "monetary": g["amount"].sum().round(2), "first_order": first, "last_order": last,
                          "tenure_days": (as_of - first.dt.normalize()).dt.days})
    return len(table), float(table["monetary"].sum()), ""


DUCKDB_SQL = """
WITH tx AS (
    SELECT CustomerID AS customer_id, InvoiceNo AS order_id, InvoiceDate AS order_date,
           Quantity * UnitPrice AS amount
    FROM {source}
    WHERE NOT starts_with(InvoiceNo, 'C') AND Quantity > 0 AND UnitPrice > 0 AND CustomerID IS NOT NULL
), as_of AS (SELECT date_trunc('day', max(order_date)) + INTERVAL 1 DAY AS day FROM tx)
SELECT customer_id,
       date_diff('day', date_trunc('day', max(order_date)), any_value(day)) AS recency,
       count(DISTINCT order_id) AS frequency,
       round(sum(amount), 2) AS monetary,
       min(order_date) AS first_order,
       max(order_date) AS last_order,
       date_diff('day', date_trunc('day', min(order_date)), any_value(day)) AS tenure_days
FROM tx, as_of
GROUP BY customer_id
ORDER BY customer_id
"""


def duckdb_sql(path: Path):
    """The customer table in one DuckDB query on ``path``, fetched as a pandas DataFrame."""
    import duckdb

    if path.suffix == ".parquet":
        source = f"read_parquet('{path}')"
    else:
        source = (f"read_csv('{path}', header = true, timestampformat = '%Y-%m-%d %H:%M:%S', "
                  "types = {'InvoiceNo': 'VARCHAR', 'CustomerID': 'VARCHAR', 'StockCode': 'VARCHAR'})")
    table = duckdb.connect().sql(DUCKDB_SQL.format(source=source)).df()
    return len(table), float(table["monetary"].sum()), ""


def _rows_and_revenue(table):
    """Customers and revenue of a customer table, whatever frame type an engine returns."""
    if hasattr(table, "toPandas"):  # a Spark DataFrame
        table = table.toPandas()
    elif hasattr(table, "df") and not hasattr(table, "iloc"):  # a DuckDB relation
        table = table.df()
    return len(table), float(table["monetary"].sum())


def kit_engine(path: Path, engine: str | None):
    """``kit.load_transactions`` then ``kit.rfm_table``, with ``engine=`` when one is given."""
    import kit

    options = {} if engine is None else {"engine": engine}
    start = time.perf_counter()
    tx, _ = kit.load_transactions(str(path), str(COLUMNS), **options)
    loaded = time.perf_counter() - start
    table = kit.rfm_table(tx, **options)
    customers, revenue = _rows_and_revenue(table)
    return customers, revenue, f"load {loaded:.1f} s + table {time.perf_counter() - start - loaded:.1f} s"


def kit_cli(path: Path, engine: str):
    """``python -m kit run --engine E`` on ``path`` into a temporary folder; (0, 0, its exit) on success."""
    with tempfile.TemporaryDirectory() as out:
        done = subprocess.run([sys.executable, "-m", "kit", "run", "--engine", engine, "--data", str(path),
                               "--columns", str(COLUMNS), "--out", out, "--no-progress"],
                              capture_output=True, text=True)
    if done.returncode == 2 and "--engine" in done.stderr:
        raise TypeError(done.stderr.strip().splitlines()[-1])
    return 0, 0.0, f"exit {done.returncode}"


def child(kind: str, path: Path, engine: str | None) -> dict:
    """Run one case in this process and say how it went (the parent measures memory)."""
    import kit  # noqa: F401  (imported before the clock starts in every case, so all pay the same imports)

    start = time.perf_counter()
    try:
        if kind == "imports":
            customers, revenue, detail = 0, 0.0, ""
        elif kind == "pandas":
            customers, revenue, detail = pandas_groupby(path)
        elif kind == "duckdb_sql":
            customers, revenue, detail = duckdb_sql(path)
        elif kind == "kit":
            customers, revenue, detail = kit_engine(path, engine)
        else:
            customers, revenue, detail = kit_cli(path, engine)
    except (TypeError, NotImplementedError, ImportError, kit.KitError) as error:
        return {"available": False, "why": f"{type(error).__name__}: {str(error).splitlines()[0][:120]}"}
    return {"available": True, "seconds": time.perf_counter() - start, "customers": customers,
            "revenue": revenue, "detail": detail}


def tree_resident_mib(pid: int) -> float:
    """Resident MiB of process ``pid`` and all its descendants now (kernels, Java): the sum of their RSS, so pages
    two processes share count twice; 0 once the process is gone.

    Examples
    --------
    >>> tree_resident_mib(os.getpid()) > 0
    True
    """
    import psutil

    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0.0
    total = 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.Error:  # ended between the listing and the reading
            pass
    return total / 2**20


class TreePeak(threading.Thread):
    """Samples :func:`tree_resident_mib` of ``pid`` every ``interval`` seconds until :meth:`stop`; ``peak`` is the
    largest sum seen (a peak shorter than the interval can be missed)."""

    def __init__(self, pid: int, interval: float = 0.25):
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0.0
        self._done = threading.Event()

    def run(self):
        while not self._done.is_set():
            self.peak = max(self.peak, tree_resident_mib(self.pid))
            self._done.wait(self.interval)

    def stop(self) -> float:
        self._done.set()
        self.join()
        return self.peak


def run_case(name: str, path: Path) -> dict:
    """Run case ``name`` on ``path`` in a fresh child process; its result with ``peak_mib`` (largest process) and
    ``tree_mib`` (the child and its descendants together, sampled) added."""
    kind, engine = {**CASES, **CLI_CASES}[name]
    command = [sys.executable, __file__, "--child", kind, "--file", str(path)] + (["--engine", engine] if engine else [])
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    sampler = TreePeak(process.pid)
    sampler.start()
    output = process.stdout.read()
    tree_mib = sampler.stop()  # before wait4 reaps the child: its descendants are still listed under it
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        return {"available": False, "why": f"the child failed with status {process.returncode}"}
    result = json.loads(output.strip().splitlines()[-1])
    result["peak_mib"] = usage.ru_maxrss / 1024  # KiB on Linux
    result["tree_mib"] = max(tree_mib, result["peak_mib"])
    return result


def scaling_exponent(lines, seconds) -> float:
    """Slope of log seconds against log lines (least squares): 1 is linear, 2 quadratic.

    Parameters
    ----------
    lines, seconds : sequences of numbers
        At least two sizes.

    Returns
    -------
    float
        NaN with fewer than two sizes.

    Examples
    --------
    >>> round(scaling_exponent([1e6, 1e7], [2.0, 20.0]), 2)
    1.0
    """
    if len(lines) < 2:
        return float("nan")
    return float(np.polyfit(np.log(lines), np.log(seconds), 1)[0])


def markdown(results: list[dict], sizes: list[int]) -> str:
    """The results as a markdown table, then the scaling exponent of each case."""
    def ratio(row, reference):
        base = next((r for r in results if r["case"] == reference and r["lines"] == row["lines"]), None)
        if not row.get("available") or not base or not base.get("available") or row["case"] == "imports only":
            return ""
        return f"{row['seconds'] / base['seconds']:.2f}"

    lines = ["| case | lines | seconds | peak MiB | tree MiB | / pandas groupby | / DuckDB SQL | customers | revenue "
             "| detail |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for row in results:
        size = f"{row['lines'] / 1e6:g} M"
        if not row.get("available"):
            lines.append(f"| {row['case']} | {size} | not available | | | | | | | {row.get('why', '')} |")
            continue
        lines.append(f"| {row['case']} | {size} | {row['seconds']:.2f} | {row['peak_mib']:,.0f} | {row['tree_mib']:,.0f} | "
                     f"{ratio(row, REFERENCES[0])} | {ratio(row, REFERENCES[1])} | {row['customers']:,} | "
                     f"{row['revenue']:,.2f} | {row['detail']} |")
    if len(sizes) > 1:
        lines += ["", "| case | scaling exponent (log seconds vs log lines) |", "|---|---:|"]
        for case in dict.fromkeys(r["case"] for r in results):
            done = [r for r in results if r["case"] == case and r.get("available") and r["case"] != "imports only"]
            if len(done) > 1:
                lines.append(f"| {case} | {scaling_exponent([r['lines'] for r in done], [r['seconds'] for r in done]):.2f} |")
    return "\n".join(lines)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="0.5M,5M,20M", help="lines per file, comma-separated (0.5M,5M,20M)")
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "kit_engine_files"),
                        help="folder of the synthetic files, made once and reused")
    parser.add_argument("--format", default="parquet", choices=("parquet", "csv"))
    parser.add_argument("--ids", default="text", choices=("text", "int"))
    parser.add_argument("--cases", default="reference",
                        help="'reference' (references and the kit as it is), 'all', or case names, comma-separated: "
                             + ", ".join([*CASES, *CLI_CASES]))
    parser.add_argument("--cli", action="store_true", help="also time `kit run --engine E` (every notebook; slow)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    parser.add_argument("--engine", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, Path(args.file), args.engine)))
        return
    cases = {"reference": list(REFERENCE_CASES), "all": list(CASES)}.get(args.cases) or args.cases.split(",")
    unknown = [c for c in cases if c not in CASES and c not in CLI_CASES]
    if unknown:
        parser.error(f"unknown case(s) {unknown}; choose from {list(CASES) + list(CLI_CASES)}")
    cases += [c for c in CLI_CASES if c not in cases] if args.cli else []
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    results = []
    for lines in sizes:
        start = time.perf_counter()
        path = data_file(args.cache, lines, args.format, args.ids)
        print(f"{path} ({path.stat().st_size / 2**20:,.0f} MiB, ready in {time.perf_counter() - start:.0f} s)",
              file=sys.stderr)
        for case in cases:
            result = {"case": case, "lines": lines, **run_case(case, path)}
            results.append(result)
            shown = (f"{result['seconds']:.2f} s, {result['peak_mib']:,.0f} MiB, tree {result['tree_mib']:,.0f} MiB"
                     if result.get("available") else f"not available ({result.get('why', '')})")
            print(f"  {case:<16} {lines:>11,} lines: {shown}", file=sys.stderr)
    print(f"\nCustomer table from {args.format} ({args.ids} ids), {os.cpu_count()} CPUs\n")
    print(markdown(results, sizes))


if __name__ == "__main__":
    main()
