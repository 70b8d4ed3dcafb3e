"""Synthetic large transaction files for engine benchmarks: the bundled Online Retail export stacked ``k`` times.

Every copy gets new ids: invoice numbers and customer ids move by a whole block per copy (copy 0 keeps the
export's), a cancellation's invoice number keeps its ``C`` (and the three ``A`` adjustments their ``A``) so
cleaning sets the same lines aside, and stock codes, descriptions, quantities, prices and countries are unchanged.
Lines are grouped by order and the orders of all copies shuffled together with a fixed seed: the lines of one
order stay together, in the export's order, and orders come in random order, as in an export of many shops.

With dates kept (the default), the customer table of ``k`` copies is ``k`` copies of the export's customer table
(same recency, frequency and monetary value, other ids): ``k`` times the customers and ``k`` times the revenue, an
exact check of any engine. ``shift_days`` moves copy ``c`` forward by ``c * shift_days`` days instead.

Files are written in chunks of whole orders (a Parquet row group or a block of CSV lines each), built from the
export held once in memory, so 50 M lines take about the same memory as 1 M (a few hundred MiB).

    .venv/bin/python benchmarks/synthetic.py --lines 5000000 --format parquet --ids text --out /tmp/x.parquet
    .venv/bin/python benchmarks/synthetic.py --copies 2 --out /tmp/two.csv
"""

from __future__ import annotations

import argparse
import math
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

import kit

#: Lines of the bundled Online Retail export (one copy).
COPY_LINES = 541_909
#: Copy ``c`` adds ``c * INVOICE_BLOCK`` to invoice numbers (the export's are below 600,000) and
#: ``c * CUSTOMER_BLOCK`` to customer ids (the export's are below 20,000), so no id is shared between copies.
INVOICE_BLOCK = 1_000_000
CUSTOMER_BLOCK = 100_000
#: Lines per chunk written at once (whole orders, so a chunk can be a little longer).
CHUNK_LINES = 1_000_000
FORMATS = ("parquet", "csv")
IDS = ("text", "int")


@dataclass
class Export:
    """The Online Retail export sorted by order, with what building a copy needs: the table, the invoice
    numbers split into prefix (``""``, ``"C"``, ``"A"``) and number, and each order's first line and length."""

    table: pa.Table
    prefix: pa.Array
    number: np.ndarray
    customer: np.ndarray  # float, NaN where the export has no customer id
    order_start: np.ndarray
    order_length: np.ndarray


def load_export() -> Export:
    """The bundled Online Retail export, its lines grouped by order (in first-appearance order, lines of an order
    in the export's order).

    Returns
    -------
    Export

    Examples
    --------
    >>> export = load_export()
    >>> export.table.num_rows, len(export.order_start), int(export.order_length.sum())
    (541909, 25900, 541909)
    """
    table = pq.read_table(kit.data.datasets.path("online_retail"))
    invoice = table["InvoiceNo"].to_pandas()
    order, _ = invoice.factorize()
    by_order = np.argsort(order, kind="stable")
    table = table.take(pa.array(by_order))
    order = order[by_order]
    starts = np.flatnonzero(np.r_[True, order[1:] != order[:-1]])
    invoice = table["InvoiceNo"]
    prefix = pc.utf8_slice_codeunits(invoice, 0, 1)
    has_prefix = pc.invert(pc.utf8_is_digit(prefix))
    number = pc.if_else(has_prefix, pc.utf8_slice_codeunits(invoice, 1), invoice)
    return Export(table=table, prefix=pc.if_else(has_prefix, prefix, ""),
                  number=pc.cast(number, pa.int64()).to_numpy(),
                  customer=table["CustomerID"].to_numpy(zero_copy_only=False),
                  order_start=starts, order_length=np.diff(np.r_[starts, table.num_rows]))


def copy_lines(export: Export, copies: np.ndarray, orders: np.ndarray, ids: str = "text",
               shift_days: int = 0) -> pa.Table:
    """The lines of order ``orders[i]`` of copy ``copies[i]``, for each ``i`` in turn, with the copy's ids.

    Parameters
    ----------
    export : Export
        From :func:`load_export`.
    copies, orders : ndarray of int
        Copy numbers (0: the export's ids) and order positions in ``export``, one pair per order to write.
    ids : {"text", "int"}
        ``"text"``: customer ids as text (``"17850"``); ``"int"``: customer ids as int64. Invoice numbers are
        text either way, since a cancellation's ``C`` is what cleaning recognises it by.
    shift_days : int
        Copy ``c``'s dates move ``c * shift_days`` days forward.

    Returns
    -------
    pyarrow.Table
        The export's columns, same names and types except ``CustomerID`` (text or int64).

    Examples
    --------
    >>> export = load_export()
    >>> lines = copy_lines(export, np.array([1, 0]), np.array([0, 0]))
    >>> lines.num_rows == 2 * int(export.order_length[0])
    True
    >>> lines["InvoiceNo"][0].as_py(), lines["CustomerID"][0].as_py(), lines["InvoiceNo"][-1].as_py()
    ('1536365', '117850', '536365')
    """
    lengths = export.order_length[orders]
    first = np.repeat(export.order_start[orders] - np.r_[0, np.cumsum(lengths)[:-1]], lengths)
    rows = first + np.arange(int(lengths.sum()))
    copy = np.repeat(copies.astype(np.int64), lengths)
    table = export.table.take(pa.array(rows))
    number = pa.array(export.number[rows] + copy * INVOICE_BLOCK).cast(pa.large_string())
    invoice = pc.binary_join_element_wise(export.prefix.take(pa.array(rows)), number, pa.scalar("", number.type))
    customer = export.customer[rows]
    missing = np.isnan(customer)
    customer = pa.array(np.where(missing, 0, customer).astype(np.int64) + copy * CUSTOMER_BLOCK, mask=missing)
    if ids == "text":
        customer = customer.cast(pa.large_string())
    table = table.set_column(table.schema.get_field_index("InvoiceNo"), "InvoiceNo", invoice)
    table = table.set_column(table.schema.get_field_index("CustomerID"), "CustomerID", customer)
    if shift_days:
        when = table["InvoiceDate"]
        shift = pa.array(copy * shift_days * 86_400_000_000, pa.duration("us"))
        table = table.set_column(table.schema.get_field_index("InvoiceDate"), "InvoiceDate",
                                 pc.add(when, shift).cast(when.type))
    return table


def order_plan(export: Export, lines: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Which order of which copy comes next: the orders of enough copies for ``lines`` lines, shuffled.

    Parameters
    ----------
    export : Export
    lines : int
        Lines wanted.
    seed : int
        Seed of the shuffle.

    Returns
    -------
    copies, orders : ndarray of int
        One pair per order, in the order to write them, as many as hold ``lines`` lines (the last may hold more).

    Examples
    --------
    >>> export = load_export()
    >>> copies, orders = order_plan(export, 2 * COPY_LINES)
    >>> len(copies), int(export.order_length[orders].sum()), sorted(set(copies.tolist()))
    (51800, 1083818, [0, 1])
    """
    n_copies = max(1, math.ceil(lines / export.table.num_rows))
    n_orders = len(export.order_start)
    pairs = np.random.default_rng(seed).permutation(n_copies * n_orders)
    copies, orders = pairs // n_orders, pairs % n_orders
    keep = min(int(np.searchsorted(np.cumsum(export.order_length[orders]), lines)) + 1, len(pairs))
    return copies[:keep], orders[:keep]


def write_synthetic(out, lines: int | None = None, copies: int | None = None, fmt: str | None = None,
                    ids: str = "text", shift_days: int = 0, seed: int = 0, chunk_lines: int = CHUNK_LINES) -> Path:
    """Write ``lines`` synthetic transaction lines (or ``copies`` whole copies of the export) to ``out``.

    Parameters
    ----------
    out : path
        File to write; its folder is created.
    lines : int, optional
        Lines to write (the last order may be cut short). Give this or ``copies``.
    copies : int, optional
        Whole copies of the export: ``copies * COPY_LINES`` lines.
    fmt : {"parquet", "csv"}, optional
        Default: from ``out``'s suffix.
    ids : {"text", "int"}
        Customer ids as text or int64 (:func:`copy_lines`).
    shift_days : int
        Copy ``c``'s dates move ``c * shift_days`` days forward; 0 keeps the export's dates.
    seed : int
        Seed of the order shuffle.
    chunk_lines : int
        About how many lines are built and written at once.

    Returns
    -------
    Path
        ``out``.

    Examples
    --------
    >>> import tempfile
    >>> path = write_synthetic(tempfile.mkdtemp() + "/one.parquet", lines=1_000)
    >>> pq.read_metadata(path).num_rows
    1000
    """
    out = Path(out)
    fmt = fmt or out.suffix.lstrip(".").lower()
    if fmt not in FORMATS or ids not in IDS or (lines is None) == (copies is None):
        raise ValueError(f"give lines or copies, fmt in {FORMATS} and ids in {IDS}")
    lines = copies * COPY_LINES if copies is not None else int(lines)
    export = load_export()
    plan_copies, plan_orders = order_plan(export, lines, seed)
    ends = np.cumsum(export.order_length[plan_orders])
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    writer, start, written = None, 0, 0
    try:
        while start < len(plan_orders):
            stop = min(int(np.searchsorted(ends, written + chunk_lines)) + 1, len(plan_orders))
            chunk = copy_lines(export, plan_copies[start:stop], plan_orders[start:stop], ids, shift_days)
            chunk = chunk.slice(0, min(chunk.num_rows, lines - written))
            if fmt == "csv":  # dates as 2010-12-01 08:26:00, without microseconds
                when = chunk.schema.get_field_index("InvoiceDate")
                chunk = chunk.set_column(when, "InvoiceDate", chunk.column(when).cast(pa.timestamp("s")))
            if writer is None:
                writer = (pq.ParquetWriter(partial, chunk.schema, compression="snappy") if fmt == "parquet"
                          else pacsv.CSVWriter(partial, chunk.schema))
            writer.write_table(chunk)
            written += chunk.num_rows
            start = stop
    finally:
        if writer is not None:
            writer.close()
    partial.replace(out)
    return out


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--lines", type=float, help="lines to write (5e6 or 5000000)")
    size.add_argument("--copies", type=int, help="whole copies of the export")
    parser.add_argument("--format", choices=FORMATS, help="default: from --out's suffix")
    parser.add_argument("--ids", choices=IDS, default="text", help="customer ids as text or int64")
    parser.add_argument("--shift-days", type=int, default=0, help="copy c's dates move c * this many days")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    begin = time.perf_counter()
    path = write_synthetic(args.out, lines=None if args.lines is None else int(args.lines), copies=args.copies,
                           fmt=args.format, ids=args.ids, shift_days=args.shift_days, seed=args.seed)
    print(f"{path}: {path.stat().st_size / 2**20:,.0f} MiB in {time.perf_counter() - begin:.1f} s")


if __name__ == "__main__":
    main()
