"""``load_transactions``: any transaction file -> the clean canonical table and its cleaning report."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from . import cleaning, engines, parsing, schema
from .engine_loading import load_in_engine
from ..errors import KitError
from .readers import read_raw

LOADER_OPTIONS = ("analysis", "steps", "date_format", "dayfirst", "decimal", "thousands", "non_product_codes",
                  "non_product_pattern", "cancellation_pattern", "sheet", "delimiter", "header", "skip_rows", "encoding",
                  "layout")


def load_transactions(source, columns=None, encoding: str | None = None, *, analysis: str | None = None,
                      steps=None, date_format: str | None = None, dayfirst: bool | None = None,
                      decimal: str | None = None, thousands: str | None = None,
                      non_product_codes=cleaning.NON_PRODUCT_CODES,
                      non_product_pattern: str | None = cleaning.NON_PRODUCT_PATTERN,
                      cancellation_pattern: str | None = cleaning.CANCELLATION_PATTERN,
                      sheet=None, delimiter: str | None = None, header: bool | int | None = None,
                      skip_rows: int | None = None, engine: str | None = "pandas", lines=True):
    """Read a transaction file, map its columns, parse, clean; return ``(tx, report)``.

    Parameters
    ----------
    source : path or DataFrame
        CSV/TXT (UTF-8, UTF-8 with BOM, GBK/GB18030, detected unless ``encoding`` is given), Excel or Parquet.
    columns : dict or path, optional
        Column map ``{canonical: file column}`` or a YAML file holding one (optionally with an ``options:``
        section of the keyword arguments below). Unmapped canonical columns are found by their usual names.
    encoding : str, optional
        Text encoding of a CSV/TXT file; default detected.
    analysis : {"customers", "baskets"}, optional
        What the data is for. Customer analyses need customer, date and amount and set aside rows without a
        customer id; basket analyses need order and product and keep them. Default: customers when possible.
    steps : list or dict, optional
        Cleaning steps to run (:data:`kit.data.cleaning.STEPS`); default all. ``{"duplicate": False}`` drops one.
    date_format, dayfirst : optional
        Force a date style (``"%d.%m.%Y"``), or the order of day and month (``dayfirst=True`` reads 03/04/2011 as
        3 April). Without them the order is decided from the whole column, and undecidable dates stop loading.
    decimal, thousands : optional
        Force the number style: ``decimal`` ``"."`` or ``","``, ``thousands`` ``","``, ``"."``, ``" "``, ``"'"``
        or ``""``. Without them each number column's style is decided from all its values (see
        :mod:`kit.data.parsing`).
    non_product_codes : list of str, optional
        Product codes that are not products (postage, fees), compared case-insensitively; replaces
        :data:`kit.data.cleaning.NON_PRODUCT_CODES`.
    non_product_pattern, cancellation_pattern : str, optional
        Regular expressions: codes that are not products; order ids that mark a cancellation (with a negative
        quantity or amount).
    sheet, header, skip_rows, delimiter : optional
        How to read the file (:func:`kit.data.readers.read_raw`): the Excel sheet (default: every sheet whose header
        matches the first), the 1-based line of the header (or ``False`` for none), lines to skip above it.
    engine : {"pandas", "duckdb", "spark", "auto"}
        Where reading and cleaning run (:mod:`kit.data.engines`). ``duckdb`` and ``spark`` read CSV and Parquet
        themselves (``source`` may be a glob such as ``"sales/*.parquet"``), prove each column's reading from its
        distinct values and clean in SQL (:mod:`kit.data.engine_loading`), with the same result as ``pandas``.
    lines : bool or path
        ``True``: return the kept lines. ``False``: return the table's columns without rows (``kit validate`` needs
        only the report). A path: write the kept lines to that Parquet file (from the engine, without holding them
        in this process) and return the columns without rows.

    Returns
    -------
    tx : DataFrame
        The canonical columns (:data:`kit.data.schema.CANONICAL`, then any optional ones found), one row per kept line.
    report : CleaningReport
        Accounts for every input row and every unit of money: kept, or set aside with a reason key.

    Examples
    --------
    >>> raw = pd.DataFrame({"Invoice": ["1", "1", "C2"], "Customer": [7, 7, 7], "Date": ["2024-01-05"] * 3,
    ...                     "SKU": ["a", "b", "a"], "Qty": [1, 2, -1], "Price": [2.0, 1.5, 2.0]})
    >>> tx, report = load_transactions(raw)
    >>> tx["amount"].tolist(), report.counts[["cancellation", "cancelled_order"]].tolist()
    ([3.0], [1, 1])
    """
    given = dict(encoding=encoding, analysis=analysis, steps=steps, date_format=date_format, sheet=sheet,
                 delimiter=delimiter, dayfirst=dayfirst, decimal=decimal, thousands=thousands, header=header,
                 skip_rows=skip_rows, non_product_codes=non_product_codes, non_product_pattern=non_product_pattern,
                 cancellation_pattern=cancellation_pattern)
    cleanings = _cleanings(source, columns, given, engine, lambda analysis: lines, every=False)
    try:
        return next(cleanings)
    finally:
        cleanings.close()  # the engine's tables are dropped


def load_each_analysis(source, columns=None, encoding: str | None = None, *, engine: str | None = "pandas",
                       lines=None, **options):
    """Read ``source`` once and clean it for each analysis its columns allow; yield ``(tx, report)`` per analysis,
    the default analysis first.

    Customer analyses set aside lines without a customer id, basket analyses keep them, so a run that needs both
    cleans twice; the file is read (and with the engines, held as one table) only once.

    Parameters
    ----------
    source, columns, encoding, engine, **options
        As :func:`load_transactions`'s (``analysis`` only chooses which analysis comes first).
    lines : folder, optional
        Write each analysis's kept lines to ``<lines>/<analysis>.lines.parquet`` (from the engine, without holding
        them in this process) and yield tables without rows; ``None``: yield the kept lines.

    Yields
    ------
    tx : DataFrame
    report : CleaningReport

    Examples
    --------
    >>> raw = pd.DataFrame({"Invoice": ["1", "2"], "Customer": ["7", None], "Date": ["2024-01-05"] * 2,
    ...                     "SKU": ["a", "b"], "Qty": [1, 2], "Price": [2.0, 1.5]})
    >>> [(report.analysis, len(tx)) for tx, report in load_each_analysis(raw)]
    [('customers', 1), ('baskets', 2)]
    """
    def lines_for(analysis):
        return True if lines is None else Path(lines) / f"{analysis}.lines.parquet"

    yield from _cleanings(source, columns, {"encoding": encoding, **options}, engine, lines_for, every=True)


def _cleanings(source, columns, given: dict, engine, lines_for, every: bool):
    """The loaders' common body: ``(tx, report)`` for the chosen analysis, then with ``every`` for each other
    analysis the columns allow, from one reading of ``source``."""
    mapping, file_options = schema.read_column_map(columns)
    options = {**file_options}
    defaults = {"non_product_codes": cleaning.NON_PRODUCT_CODES, "non_product_pattern": cleaning.NON_PRODUCT_PATTERN,
                "cancellation_pattern": cleaning.CANCELLATION_PATTERN}
    patterns = {k: given.pop(k, v) for k, v in defaults.items()}
    options.update({k: v for k, v in given.items() if v is not None})
    unknown = set(options) - set(LOADER_OPTIONS)
    if unknown:
        raise KitError(f"{columns}: unknown loader option(s) {sorted(unknown)}",
                       hint=f"the options are: {', '.join(LOADER_OPTIONS)}")
    dayfirst = options.get("dayfirst")
    if dayfirst is not None and not isinstance(dayfirst, bool):
        raise KitError(f"{columns or 'loader options'}: option 'dayfirst' is {dayfirst!r}, not true or false",
                       hint="write dayfirst: true (03/04/2011 is 3 April) or dayfirst: false (4 March)")
    non_product_codes = options.get("non_product_codes", patterns["non_product_codes"])
    if isinstance(non_product_codes, str):  # one code, not its letters
        non_product_codes = [non_product_codes]
    non_product_pattern = options.get("non_product_pattern", patterns["non_product_pattern"])
    cancellation_pattern = options.get("cancellation_pattern", patterns["cancellation_pattern"])

    def read():
        return read_raw(source, options.get("encoding"), options.get("sheet"), options.get("delimiter"),
                        options.get("header", True), options.get("layout", "table"), options.get("skip_rows", 0),
                        expected_columns=[c for c in mapping.values() if c])

    def decide(found, name, duplicates, analysis=None):
        """The file column of each canonical column, notes, the analysis (``analysis``, else the one asked for, else
        the first possible), the analyses possible and the steps."""
        notes: list[str] = []
        resolved = schema.resolve_columns(found, mapping, name, duplicates, notes)
        if "product_id" not in resolved and "product_id" not in mapping and "product_name" in resolved:
            resolved["product_id"] = resolved["product_name"]
            notes.append(f"no product code column: products are identified by their name "
                         f"({resolved['product_name']!r})")
        available = tuple(a for a in schema.ANALYSES if _missing_for(a, resolved) == [])
        chosen = _choose_analysis(analysis or options.get("analysis"), resolved, available, name, found)
        return resolved, notes, chosen, available, cleaning.resolve_steps(options.get("steps"))

    engine = engines.choose_engine(engine, source)
    if engine != "pandas":
        patterns = (cancellation_pattern, non_product_codes, non_product_pattern)
        yield from load_in_engine(engines.connect(engine), source, options, read, decide, patterns, lines_for, every)
        return
    if not isinstance(source, pd.DataFrame) and engines.glob.has_magic(str(source)):
        raise KitError(f"{source}: a pattern of many files is read by the duckdb or spark engine",
                       hint="pass engine='duckdb' (kit run --engine duckdb), or one file")
    raw = read()
    found = [str(c) for c in raw.frame.columns]
    decision = decide(found, raw.source, raw.duplicates)
    patterns = (cancellation_pattern, non_product_codes, non_product_pattern)
    yield _clean(raw, decision, options, patterns, lines_for)
    for other in decision[3] if every else ():
        if other != decision[2]:
            yield _clean(raw, decide(found, raw.source, raw.duplicates, other), options, patterns, lines_for)


def _clean(raw, decision, options: dict, patterns, lines_for):
    """Parse and clean ``raw`` (a ``RawTable``) for the analysis of ``decision`` (``decide``'s answer) in pandas."""
    resolved, column_notes, analysis, available, step_names = decision
    cancellation_pattern, non_product_codes, non_product_pattern = patterns
    where = f"{raw.source}: "
    frame = raw.frame
    n = len(frame)
    table, checks, notes, date_style = _parse(frame, resolved, analysis, options, options.get("dayfirst"), where,
                                              raw.delimiter)
    notes[:0] = raw.notes + column_notes
    invalid = checks["invalid_number"]
    derived = _derive(table, resolved, notes, invalid)
    required = [c for c in schema.REQUIREMENTS[analysis] if c != "customer_id"]
    if analysis == "customers":
        required.append("order_id")
        if "product_id" in resolved:  # a line without a product in a product-level file: a total, a subtotal
            required.append("product_id")
            _note_lines_without_product(table, frame, notes)
        else:
            notes.append("no product column: non-product codes, cancelled-order matching and basket analyses "
                         "cannot run")
    missing = pd.Series(False, index=table.index)
    for column in required:
        missing |= table[column].isna() & ~invalid & ~checks.get("unparseable_date", invalid)
    checks["missing_value"] = missing
    if analysis == "customers":
        checks["missing_customer_id"] = table["customer_id"].isna()

    if "order_id" in derived:
        step_names = tuple(s for s in step_names if s != "cancellation")
    table["_line"] = _line_keys(table, frame, resolved)
    reason = cleaning.reasons(table, checks, step_names, non_product_codes, non_product_pattern,
                              cancellation_pattern, duplicate_columns=["_line"], notes=notes)
    table = table.drop(columns="_line")
    kept = reason.isna()
    counted = [r for r in cleaning.REASONS if r in checks or r in step_names]
    counts = reason.value_counts().reindex(counted, fill_value=0).astype(int)
    money_kept, money, money_read = cleaning.money_by_reason(table["amount"], reason, counted)
    suspects = cleaning.suspect_product_codes(table, kept, non_product_codes, non_product_pattern,
                                              shapes=resolved.get("product_id") != resolved.get("product_name"))
    notes += cleaning.implausible_dates(table["order_date"])
    set_aside = frame.reset_index(drop=True).loc[~kept].copy()
    set_aside.insert(0, "reason", reason[~kept])
    set_aside.insert(0, "row", set_aside.index)
    columns_used = {c: resolved.get(c, derived.get(c)) for c in schema.ALL_COLUMNS
                    if c in resolved or c in derived}
    report = cleaning.CleaningReport(
        source=raw.source, format=raw.format, n_rows=n, n_kept=int(kept.sum()), counts=counts,
        set_aside=set_aside.reset_index(drop=True), analysis=analysis, available=available,
        columns=columns_used, steps=step_names, encoding=raw.encoding, date_style=date_style, notes=notes,
        money=money, money_kept=money_kept, money_read=money_read, suspect_codes=suspects)
    if not report.n_kept:
        top = counts[counts > 0].sort_values(ascending=False)
        raise KitError(
            f"{where}no usable rows left: all {n:,} rows were set aside ("
            + ", ".join(f"{k}: {v:,}" for k, v in top.items()) + ")",
            hint="check the column map and the cleaning steps; switch a step off with steps={'<step>': False}")
    order = [*schema.CANONICAL, *[c for c in schema.OPTIONAL if c in table]]
    tx = table.loc[kept, order].reset_index(drop=True)
    if analysis == "customers" and tx["customer_id"].nunique() == 1:
        notes.append(f"only one customer ({tx['customer_id'].iloc[0]}): customer comparisons need more")
    lines = lines_for(analysis)
    if lines is not True:
        if lines is not False:
            tx.to_parquet(lines, index=False)
        tx = tx.iloc[:0]
    return tx, report


def _parse(frame: pd.DataFrame, resolved: dict, analysis: str, options: dict, dayfirst: bool | None, where: str,
           delimiter: str | None = None):
    """The canonical columns parsed from the file's columns, the masks of values that did not parse, notes, and
    the date style used: ``(table, checks, notes, date_style)``. ``delimiter`` (the file's) hints the decimal mark.
    """
    n = len(frame)
    table = pd.DataFrame(index=pd.RangeIndex(n))
    checks: dict[str, pd.Series] = {}
    notes: list[str] = []
    for column in schema.ID_COLUMNS:
        table[column] = (parsing.parse_ids(frame[resolved[column]], where, resolved[column], notes,
                                           placeholders=column == "customer_id").to_numpy()
                         if column in resolved else np.nan)
    for column in schema.TEXT_COLUMNS:
        if column in resolved:
            table[column] = parsing.parse_text(frame[resolved[column]]).to_numpy()
    table["product_name"] = table.get("product_name", np.nan)

    invalid = pd.Series(False, index=table.index)
    file_decimal = None if options.get("decimal") else parsing.file_decimal_mark(
        {resolved[c]: frame[resolved[c]] for c in schema.NUMBER_COLUMNS if c in resolved})
    for column in schema.NUMBER_COLUMNS:
        if column not in resolved:
            continue
        values = frame[resolved[column]].reset_index(drop=True)
        parsed = parsing.parse_numbers(values, options.get("decimal"), options.get("thousands"), delimiter, where,
                                       resolved[column], notes, file_decimal)
        bad = parsing.bad_values(values, parsed)
        parsing.refuse_non_numbers(int(bad.sum()), int(values.notna().sum()), values[bad].tolist(), where,
                                   resolved[column], column)
        invalid |= bad
        table[column] = parsed.to_numpy()
    checks["invalid_number"] = invalid

    date_style = None
    if "order_date" in resolved:
        values = frame[resolved["order_date"]].reset_index(drop=True)
        try:
            dates, date_style = parsing.parse_dates(values, options.get("date_format"), dayfirst, where,
                                                    resolved["order_date"], notes)
        except KitError as err:
            if analysis == "customers":
                raise
            notes.append(f"order dates ignored: {err.message}")
            dates = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
        table["order_date"] = dates.to_numpy()
        if analysis == "customers":
            checks["unparseable_date"] = parsing.bad_values(values, dates)
    else:
        table["order_date"] = pd.NaT
    return table, checks, notes, date_style


def _missing_for(analysis: str, resolved: dict) -> list[str]:
    missing = [c for c in schema.REQUIREMENTS[analysis] if c not in resolved]
    if "amount" in missing and {"quantity", "unit_price"} <= set(resolved):
        missing.remove("amount")
    if "order_id" in missing and {"customer_id", "order_date"} <= set(resolved):
        missing.remove("order_id")  # customer-day orders (see _derive)
    return missing


def _choose_analysis(analysis, resolved, available, source, found) -> str:
    if analysis is not None and analysis not in schema.ANALYSES:
        raise KitError(f"unknown analysis {analysis!r}", hint=f"use one of {', '.join(schema.ANALYSES)}")
    wanted = analysis or (available[0] if available else "customers")
    missing = _missing_for(wanted, resolved)
    if missing:
        others = {} if analysis else {a: _missing_for(a, resolved) for a in schema.ANALYSES if a != wanted}
        raise schema.missing_column_error(source, missing, found, needed_for=f"{wanted} analyses", alternatives=others)
    return wanted


def _line_keys(table: pd.DataFrame, frame: pd.DataFrame, resolved: dict) -> np.ndarray:
    """A hash per line of what makes it a duplicate: its parsed canonical values (so ``12347`` and ``'12347`` are one
    customer) and the file's columns the kit does not read (so lines differing there are not duplicates)."""
    unmapped = frame.reset_index(drop=True).drop(columns=list(set(resolved.values())))
    return pd.util.hash_pandas_object(pd.concat([table, unmapped], axis=1), index=False).to_numpy()


def _note_lines_without_product(table: pd.DataFrame, frame: pd.DataFrame, notes: list) -> None:
    """Say how many lines carry money but no product (set aside as missing values), with an example row."""
    lines = table["product_id"].isna() & table["amount"].notna()
    if lines.any():
        row = int(np.flatnonzero(lines.to_numpy())[0])
        text = " ".join(str(v) for v in frame.iloc[row].tolist() if pd.notna(v) and str(v).strip())
        notes.append(f"{int(lines.sum()):,} lines have an amount but no product, e.g. row {row}: {text[:80]!r}; "
                     "totals and subtotals look like this: set aside as missing values")


def _derive(table: pd.DataFrame, resolved: dict, notes: list, invalid: pd.Series) -> dict[str, str]:
    """Fill canonical columns the file lacks where they follow from others; return what was derived.

    An amount column with empty cells where quantity and unit price are given gets ``quantity * unit_price`` there,
    with a note."""
    derived: dict[str, str] = {}
    for column in ("quantity", "unit_price", "amount"):
        if column not in resolved:
            table[column] = np.nan
    if {"amount", "quantity", "unit_price"} <= set(resolved):
        empty = table["amount"].isna() & table["quantity"].notna() & table["unit_price"].notna() & ~invalid
        if empty.any():
            table.loc[empty, "amount"] = table.loc[empty, "quantity"] * table.loc[empty, "unit_price"]
            notes.append(f"{int(empty.sum()):,} empty amounts filled with quantity * unit_price "
                         f"(e.g. row {int(np.flatnonzero(empty.to_numpy())[0])})")
    if "amount" not in resolved and {"quantity", "unit_price"} <= set(resolved):
        table["amount"] = table["quantity"] * table["unit_price"]
        derived["amount"] = "quantity * unit_price"
    if "unit_price" not in resolved and {"quantity", "amount"} <= set(resolved):
        table["unit_price"] = table["amount"] / table["quantity"].where(table["quantity"] != 0)
        derived["unit_price"] = "amount / quantity"
    if "order_id" not in resolved and "customer_id" in resolved and "order_date" in resolved:
        day = table["order_date"].dt.strftime("%Y-%m-%d")
        table["order_id"] = (table["customer_id"] + "|" + day).where(table["customer_id"].notna() & day.notna())
        derived["order_id"] = "customer_id|day"
        notes.append("no order column: each customer's purchases on one day form one order")
    return derived
