"""Loading inside an engine (DuckDB or Spark): the same reading, proofs and cleaning as pandas, at any size.

The engine reads the file (CSV or Parquet, one file or a glob of many) and keeps every line; pandas sees only
what is small:

1. **Proofs on distinct values.** Each mapped column's distinct values (with their counts) come to pandas and are
   read by the same functions as the pandas loader (:mod:`kit.data.parsing`): a number style or a day/month order
   proven from the whole column is proven from its distinct values, which are the same set. The readings go back
   to the engine as small lookup tables and are joined to the lines.
2. **Cleaning in SQL**, one reason per line in :data:`kit.data.cleaning.REASONS` order, with the flags computed in
   pandas on distinct values (cancellation marks, non-product codes) and exact duplicates found by a window over the
   line's parsed values and unread columns. Matching cancellations to the lines they reverse runs the pandas
   function on the few lines that share a (customer, product, quantity) with a cancellation.
3. **The account** (rows and money per reason) is a ``GROUP BY``; the kept lines come back as the canonical table.

Notes that count values (ids read as missing, numbers in a second style) count distinct values here, not lines.
At most :data:`SET_ASIDE_ROWS` set-aside rows are kept in the report (all are counted).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from . import cleaning, parsing, schema
from ..errors import KitError
from .engines import Engine, input_paths
from .readers import RawTable, decode, sniff_delimiter

#: Set-aside rows the report keeps with the engines (first by row number); every one is counted.
SET_ASIDE_ROWS = 250_000
TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}


def engine_source(source, options: dict) -> tuple[list, str, str | None, str | None] | None:
    """``(paths, kind, encoding, delimiter)`` when the engine can read ``source`` itself: Parquet, or UTF-8 text
    with its header on the first line and no reading options; ``None`` when the pandas reader must read it."""
    if isinstance(source, pd.DataFrame):
        return None
    if (options.get("sheet") is not None or options.get("layout", "table") != "table"
            or options.get("skip_rows") not in (None, 0) or options.get("header", True) is not True):
        return None
    paths = input_paths(source)
    if not paths or any(not p.is_file() for p in paths):
        return None
    suffixes = {p.suffix.lower() for p in paths}
    if suffixes == {".parquet"}:
        return paths, "parquet", None, None
    if not suffixes <= TEXT_SUFFIXES:
        return None
    with open(paths[0], "rb") as handle:
        head = handle.read(65536)
    try:
        text, encoding = decode(head, paths[0], options.get("encoding"))
    except (KitError, UnicodeDecodeError):
        return None
    if encoding.replace("-", "").lower() not in ("utf8", "ascii", "utf8sig"):
        return None  # DuckDB reads UTF-8; the pandas reader reads the rest
    lines = text.splitlines()[:-1] or text.splitlines()
    delimiter = options.get("delimiter") or sniff_delimiter("\n".join(lines[:50]))
    if len(delimiter) != 1 or delimiter.isspace() and delimiter != "\t":
        return None  # runs of blanks between columns: the pandas reader
    return paths, "csv", encoding, delimiter


def load_in_engine(engine: Engine, source, options: dict, read_raw, decide, patterns, lines_for, every=False):
    """Read, map, parse and clean ``source`` in ``engine``; yield ``(tx, report)`` like the pandas loader: for the
    chosen analysis, then with ``every`` for each other analysis the columns allow, from one reading of the file.

    ``read_raw`` reads a source the engine cannot (Excel, GBK, headers further down) into a ``RawTable``;
    ``decide(found, source, duplicates, analysis)`` maps the columns and chooses the analysis and steps as the pandas
    loader does; ``patterns`` are the cancellation pattern, the non-product codes and pattern; ``lines_for(analysis)``
    is :func:`kit.load_transactions`'s ``lines`` for that analysis.
    """
    plan = engine_source(source, options)
    if plan is None:
        raw = read_raw()
        engine.table_from("kit_raw", raw.frame.reset_index(drop=True).reset_index(names="_row"))
    else:
        paths, kind, encoding, delimiter = plan
        engine.read("kit_raw", paths, kind, delimiter or ",")
        name = str(source) if len(paths) > 1 else str(paths[0])
        raw = RawTable(pd.DataFrame(), name, kind, encoding=encoding, delimiter=delimiter)
    try:
        tx, report = _load(engine, raw, options, decide, patterns, lines_for)
        yield tx, report
        for other in report.available if every else ():
            if other != report.analysis:
                yield _load(engine, raw, options, decide, patterns, lines_for, other)
    finally:
        engine.drop("kit_raw", "kit_lines", "kit_reasons", "kit_matched", "kit_duplicates")


def _load(engine: Engine, raw: RawTable, options: dict, decide, patterns, lines_for, analysis=None):
    q = _quote(engine)
    where = f"{raw.source}: "
    found = [c for c in engine.columns("kit_raw") if c != "_row"]
    resolved, column_notes, analysis, available, step_names = decide(found, raw.source, raw.duplicates, analysis)
    lines = lines_for(analysis)
    cancellation_pattern, non_product_codes, non_product_pattern = patterns
    notes: list[str] = raw.notes + column_notes
    options = {**options, "_cancellation_pattern": cancellation_pattern, "_non_product_codes": non_product_codes,
               "_non_product_pattern": non_product_pattern}
    n = int(engine.query("SELECT count(*) AS n FROM kit_raw")["n"].iloc[0])

    readings, flags, date_style = _read_distinct(engine, resolved, analysis, options, where, raw.delimiter, notes)
    lookups = []
    for column, (source_column, frame) in readings.items():
        engine.table_from(f"kit_map_{column}", frame)
        lookups.append((column, source_column))
    joins = " ".join(f"LEFT JOIN kit_map_{c} ON r.{q(s)} = kit_map_{c}.v" for c, s in lookups)
    select = ["r._row AS _row"]
    for column in (*schema.ID_COLUMNS, *schema.TEXT_COLUMNS, *schema.NUMBER_COLUMNS, "order_date"):
        select.append(f"kit_map_{column}.x AS {column}" if column in readings else f"NULL AS {column}")
    for column in ("quantity", "unit_price", "amount"):
        select.append(f"coalesce(kit_map_{column}.bad, false) AS bad_{column}" if column in readings
                      else f"false AS bad_{column}")
    select.append("coalesce(kit_map_order_date.bad, false) AS bad_date" if "order_date" in readings
                  else "false AS bad_date")
    for column, flag in flags:
        select.append(f"coalesce(kit_map_{column}.{flag}, false) AS {flag}")
    for flag in {"marked", "listed"} - {f for _, f in flags}:
        select.append(f"false AS {flag}")
    unread = [c for c in found if c not in set(resolved.values())]
    select += [f"r.{q(c)} AS {q('raw_' + c)}" for c in unread]
    engine.view("kit_parsed", f"SELECT {', '.join(select)} FROM kit_raw r {joins}")

    derived = _derive_sql(engine, resolved, notes)
    required = [c for c in schema.REQUIREMENTS[analysis] if c != "customer_id"]
    if analysis == "customers":
        required.append("order_id")
        if "product_id" in resolved:
            _note_lines_without_product(engine, notes)
        else:
            notes.append("no product column: non-product codes, cancelled-order matching and basket analyses "
                         "cannot run")
    if "order_id" in derived:
        step_names = tuple(s for s in step_names if s != "cancellation")
    checks = _checks_sql(analysis, required, "order_date" in resolved)
    steps = _steps_sql(engine, step_names, cancellation_pattern, readings, notes)
    counted = [r for r in cleaning.REASONS if r in checks or r in step_names]
    if "cancelled_order" in steps:
        steps["cancelled_order"] = _cancelled_orders(engine, checks, steps["cancellation"])
    cases = " ".join(f"WHEN {sql} THEN '{name}'" for name in cleaning.REASONS if name != "duplicate"
                     for sql in [checks.get(name) or steps.get(name)] if sql)
    reason = f"CASE {cases} ELSE NULL END" if cases else "CAST(NULL AS STRING)"
    if "duplicate" in step_names:  # narrow: only row numbers and line hashes of the rows with no other reason
        key = [*(c for c in (*schema.ID_COLUMNS, *schema.TEXT_COLUMNS, *schema.NUMBER_COLUMNS, "order_date")),
               *(q("raw_" + c) for c in unread)]
        engine.table("kit_duplicates", f"""
            SELECT _row FROM (
                SELECT _row, row_number() OVER (PARTITION BY line ORDER BY _row) AS copy
                FROM (SELECT _row, {engine.hash_function}({', '.join(key)}) AS line
                      FROM kit_lines WHERE ({reason}) IS NULL) lines) copies
            WHERE copy > 1""")
        reason = f"coalesce({reason}, CASE WHEN _row IN (SELECT _row FROM kit_duplicates) THEN 'duplicate' END)"
    engine.table("kit_reasons", f"SELECT l.*, {reason} AS reason FROM kit_lines l")

    account = engine.query("SELECT reason, count(*) AS n, sum(amount) AS money FROM kit_reasons GROUP BY reason")
    account["reason"] = account["reason"].where(account["reason"].notna(), "kept")
    account = account.set_index("reason")
    counts = account["n"].reindex(counted, fill_value=0).astype(int)
    money = account["money"].reindex(counted).fillna(0.0).astype(float)
    n_kept = int(account["n"].get("kept", 0))
    money_kept = float(account["money"].get("kept", 0.0) if n_kept else 0.0)
    money_kept = 0.0 if pd.isna(money_kept) else money_kept
    money_read = float(np.nansum(account["money"].to_numpy(dtype=float)))
    if not n_kept:
        top = counts[counts > 0].sort_values(ascending=False)
        raise KitError(
            f"{where}no usable rows left: all {n:,} rows were set aside ("
            + ", ".join(f"{k}: {v:,}" for k, v in top.items()) + ")",
            hint="check the column map and the cleaning steps; switch a step off with steps={'<step>': False}")

    suspects = cleaning.suspects_from_summary(
        _per_code(engine), non_product_codes, non_product_pattern,
        shapes=resolved.get("product_id") != resolved.get("product_name"))
    notes += cleaning.implausible_dates(engine.query(
        f"SELECT _row, order_date FROM kit_reasons WHERE order_date < TIMESTAMP '{cleaning.EARLIEST_DATE:%Y-%m-%d}'"
        f" OR order_date > TIMESTAMP '{(pd.Timestamp.now() + pd.Timedelta(days=cleaning.FUTURE_DAYS)):%Y-%m-%d}'"
    ).set_index("_row")["order_date"])
    n_aside = n - n_kept
    raw_columns = ", ".join(f"r.{q(c)}" for c in found)
    set_aside = engine.query(
        f"SELECT c._row AS row, c.reason AS reason, {raw_columns} FROM kit_raw r JOIN (SELECT _row, reason FROM "
        f"kit_reasons WHERE reason IS NOT NULL ORDER BY _row LIMIT {SET_ASIDE_ROWS}) c ON c._row = r._row "
        "ORDER BY c._row")
    if n_aside > SET_ASIDE_ROWS:
        notes.append(f"the report keeps the first {SET_ASIDE_ROWS:,} of the {n_aside:,} rows set aside; all are "
                     "counted")
    order = [*schema.CANONICAL, *[c for c in schema.OPTIONAL if c in resolved]]
    if lines is True:
        tx = canonical_types(engine.rows("kit_reasons", order, "reason IS NULL"), {*resolved, *derived})
    else:  # written by the engine, or not wanted: the table's columns without rows
        if lines is not False:
            engine.rows("kit_reasons", order, "reason IS NULL", lines)
        tx = canonical_types(engine.query(f"SELECT {', '.join(order)} FROM kit_reasons LIMIT 0"),
                             {*resolved, *derived})
    customers = engine.query("SELECT count(DISTINCT customer_id) AS n, min(customer_id) AS first "
                             "FROM kit_reasons WHERE reason IS NULL")
    engine.drop("kit_reasons", "kit_lines")
    columns_used = {c: resolved.get(c, derived.get(c)) for c in schema.ALL_COLUMNS if c in resolved or c in derived}
    report = cleaning.CleaningReport(
        source=raw.source, format=raw.format, n_rows=n, n_kept=n_kept, counts=counts,
        set_aside=set_aside.reset_index(drop=True), analysis=analysis, available=available,
        columns=columns_used, steps=step_names, encoding=raw.encoding, date_style=date_style, notes=notes,
        money=money, money_kept=money_kept, money_read=money_read, suspect_codes=suspects)
    if analysis == "customers" and int(customers["n"].iloc[0]) == 1:
        notes.append(f"only one customer ({customers['first'].iloc[0]}): customer comparisons need more")
    for column in readings:
        engine.drop(f"kit_map_{column}")
    engine.drop("kit_parsed")
    return tx, report


def _quote(engine: Engine):
    if engine.name == "spark":
        return lambda name: "`" + str(name).replace("`", "``") + "`"
    return lambda name: '"' + str(name).replace('"', '""') + '"'


def _distinct(engine: Engine, column: str) -> tuple[pd.Series, np.ndarray]:
    q = _quote(engine)
    frame = engine.query(f"SELECT {q(column)} AS v, count(*) AS n FROM kit_raw GROUP BY {q(column)}")
    frame = frame[frame["v"].notna()].reset_index(drop=True)
    return frame["v"].rename(column), frame["n"].to_numpy(dtype=np.int64)


def _read_distinct(engine, resolved, analysis, options, where, delimiter, notes):
    """For each mapped column, its distinct values and their reading ``x`` (and ``bad`` where a value did not
    parse), as the pandas loader reads them; plus the flag tables and the date style."""
    readings: dict[str, tuple[str, pd.DataFrame]] = {}
    values = {c: _distinct(engine, s) for c, s in resolved.items()
              if c in (*schema.ID_COLUMNS, *schema.TEXT_COLUMNS, *schema.NUMBER_COLUMNS, "order_date")}
    for column in schema.ID_COLUMNS:
        if column in values:
            v, _ = values[column]
            x = parsing.parse_ids(v, where, resolved[column], notes, placeholders=column == "customer_id")
            readings[column] = (resolved[column], pd.DataFrame({"v": v, "x": x.astype(object)}))
    for column in schema.TEXT_COLUMNS:
        if column in values:
            v, _ = values[column]
            x = parsing.parse_text(v)
            readings[column] = (resolved[column], pd.DataFrame({"v": v, "x": x.astype(object).where(x.notna(), None)}))
    file_decimal = None if options.get("decimal") else parsing.file_decimal_mark(
        {resolved[c]: values[c][0] for c in schema.NUMBER_COLUMNS if c in values})
    for column in schema.NUMBER_COLUMNS:
        if column not in values:
            continue
        v, counts = values[column]
        x = parsing.parse_numbers(v, options.get("decimal"), options.get("thousands"), delimiter, where,
                                  resolved[column], notes, file_decimal)
        bad = parsing.bad_values(v, x).to_numpy(dtype=bool)
        parsing.refuse_non_numbers(int(counts[bad].sum()), int(counts.sum()), v[bad].tolist(), where,
                                   resolved[column], column)  # lines, not distinct values
        readings[column] = (resolved[column], pd.DataFrame({"v": v, "x": x.astype(float), "bad": bad}))
    date_style = None
    if "order_date" in values:
        v, _ = values["order_date"]
        try:
            dates, date_style = parsing.parse_dates(v, options.get("date_format"), options.get("dayfirst"), where,
                                                    resolved["order_date"], notes)
            bad = parsing.bad_values(v, dates).to_numpy(dtype=bool) if analysis == "customers" else \
                np.zeros(len(v), dtype=bool)
        except KitError as err:
            if analysis == "customers":
                raise
            notes.append(f"order dates ignored: {err.message}")
            dates, bad = pd.Series(pd.NaT, index=v.index, dtype="datetime64[ns]"), np.zeros(len(v), dtype=bool)
        readings["order_date"] = (resolved["order_date"], pd.DataFrame(
            {"v": v, "x": pd.to_datetime(dates).astype("datetime64[us]"), "bad": bad}))
    flags = []
    if "order_id" in readings and options.get("cancellation_pattern", True):
        frame = readings["order_id"][1]
        regex = re.compile(options["_cancellation_pattern"]) if options.get("_cancellation_pattern") else None
        frame["marked"] = [bool(regex and isinstance(x, str) and regex.search(x)) for x in frame["x"]]
        flags.append(("order_id", "marked"))
    if "product_id" in readings:
        frame = readings["product_id"][1]
        listed = {str(c).upper() for c in options["_non_product_codes"]}
        pattern = options["_non_product_pattern"]
        frame["listed"] = [isinstance(x, str) and (x.upper() in listed or bool(pattern and re.search(pattern, x, re.I)))
                           for x in frame["x"]]
        flags.append(("product_id", "listed"))
    return readings, flags, date_style


def _derive_sql(engine: Engine, resolved: dict, notes: list) -> dict[str, str]:
    """The lines with the derived columns the pandas loader fills (:func:`kit.data.loading._derive`)."""
    derived: dict[str, str] = {}
    invalid = "(bad_quantity OR bad_unit_price OR bad_amount)"
    amount, unit_price, order_id, filled = "amount", "unit_price", "order_id", ""
    if {"amount", "quantity", "unit_price"} <= set(resolved):
        amount = (f"CASE WHEN amount IS NULL AND quantity IS NOT NULL AND unit_price IS NOT NULL AND NOT {invalid} "
                  "THEN quantity * unit_price ELSE amount END")
        filled = (f"(amount IS NULL AND quantity IS NOT NULL AND unit_price IS NOT NULL AND NOT {invalid})")
    if "amount" not in resolved and {"quantity", "unit_price"} <= set(resolved):
        amount = "quantity * unit_price"
        derived["amount"] = "quantity * unit_price"
    if "unit_price" not in resolved and {"quantity", "amount"} <= set(resolved):
        unit_price = "amount / CASE WHEN quantity <> 0 THEN quantity END"
        derived["unit_price"] = "amount / quantity"
    if "order_id" not in resolved and "customer_id" in resolved and "order_date" in resolved:
        order_id = ("CASE WHEN customer_id IS NOT NULL AND order_date IS NOT NULL THEN "
                    "concat(customer_id, '|', CAST(CAST(order_date AS DATE) AS STRING)) END")
        derived["order_id"] = "customer_id|day"
        notes.append("no order column: each customer's purchases on one day form one order")
    columns = [c for c in engine.columns("kit_parsed") if c not in ("amount", "unit_price", "order_id")]
    engine.table("kit_lines", f"SELECT {', '.join(columns)}, CAST({amount} AS DOUBLE) AS amount, "
                              f"CAST({unit_price} AS DOUBLE) AS unit_price, CAST({order_id} AS STRING) AS order_id, "
                              f"{filled if filled else 'false'} AS filled_amount FROM kit_parsed")
    if filled:
        found = engine.query("SELECT count(*) AS n, min(_row) AS first FROM kit_lines WHERE filled_amount")
        if int(found["n"].iloc[0]):
            notes.append(f"{int(found['n'].iloc[0]):,} empty amounts filled with quantity * unit_price "
                         f"(e.g. row {int(found['first'].iloc[0])})")
    return derived


def _note_lines_without_product(engine: Engine, notes: list) -> None:
    found = engine.query("SELECT count(*) AS n, min(_row) AS first FROM kit_lines "
                         "WHERE product_id IS NULL AND amount IS NOT NULL")
    if int(found["n"].iloc[0]):
        notes.append(f"{int(found['n'].iloc[0]):,} lines have an amount but no product, e.g. row "
                     f"{int(found['first'].iloc[0])}; totals and subtotals look like this: set aside as missing values")


def _checks_sql(analysis: str, required: list, has_date: bool) -> dict[str, str]:
    """The always-on checks as SQL conditions over ``kit_lines``."""
    invalid = "(bad_quantity OR bad_unit_price OR bad_amount)"
    date_bad = "bad_date" if analysis == "customers" and has_date else invalid
    missing = " OR ".join(f"{c} IS NULL" for c in required) or "false"
    checks = {"missing_value": f"(({missing}) AND NOT {invalid} AND NOT {date_bad})", "invalid_number": invalid}
    if analysis == "customers" and has_date:
        checks["unparseable_date"] = "bad_date"
    if analysis == "customers":
        checks["missing_customer_id"] = "customer_id IS NULL"
    return {name: checks[name] for name in cleaning.CHECKS if name in checks}


def _any(engine: Engine, column: str) -> bool:
    return bool(engine.query(f"SELECT count({column}) AS n FROM kit_lines")["n"].iloc[0])


def _steps_sql(engine: Engine, steps, cancellation_pattern, readings, notes) -> dict[str, str]:
    """The cleaning steps as SQL conditions over ``kit_lines`` (``cancelled_order`` is filled in later)."""
    out: dict[str, str] = {}
    if "cancellation" in steps and cancellation_pattern and "order_id" in readings:
        negative_q = "coalesce(quantity < 0, false)"
        negative_a = f"(coalesce(amount < 0, false) AND NOT {negative_q})"
        out["cancellation"] = f"(marked AND ({negative_q} OR {negative_a}))"
        found = engine.query(f"SELECT count_if(marked AND {negative_q}) AS q, count_if(marked AND {negative_a}) AS a, "
                             f"count_if(marked AND NOT ({negative_q} OR {negative_a})) AS s FROM kit_lines")
        n_q, n_a, n_s = (int(found[c].iloc[0]) for c in ("q", "a", "s"))
        what = [f"quantity < 0 ({cleaning._lines(n_q)})"] if n_q or not n_a else []
        what += [f"amount < 0 ({cleaning._lines(n_a)})"] if n_a else []
        if n_q or n_a:
            notes.append(f"cancellation: order id matches {cancellation_pattern} and " + " or ".join(what))
        if n_s:
            eg = engine.query(f"SELECT DISTINCT order_id FROM kit_lines WHERE marked AND NOT ({negative_q} OR "
                              f"{negative_a}) ORDER BY order_id LIMIT 3")["order_id"]
            notes.append(f"{cleaning._lines(n_s)} whose order id matches {cancellation_pattern} "
                         f"{'is' if n_s == 1 else 'are'} not negative: kept as {'a sale' if n_s == 1 else 'sales'} "
                         f"(e.g. {', '.join(eg)})")
    if "non_positive_quantity" in steps and _any(engine, "quantity"):
        out["non_positive_quantity"] = "coalesce(quantity <= 0, false)"
    if "non_positive_price" in steps:
        price = "unit_price" if _any(engine, "unit_price") else "amount"
        out["non_positive_price"] = f"coalesce({price} <= 0, false)"
    if "non_product_code" in steps and _any(engine, "product_id"):
        out["non_product_code"] = "listed"
    if "cancelled_order" in steps and "cancellation" in out:
        out["cancelled_order"] = "pending"
    return out


def _cancelled_orders(engine: Engine, checks: dict, cancellation: str) -> str:
    """Match cancellations to the lines they reverse with the pandas function, on the lines that could match."""
    invalid = " OR ".join(f"({sql})" for sql in checks.values()) or "false"
    cancel = f"marked AND coalesce(quantity < 0, false) AND NOT ({invalid})"
    cancellation = f"coalesce({cancellation}, false)"
    lines = engine.query(f"""
        SELECT l._row, l.customer_id, l.product_id, l.quantity, l.order_date, l.is_cancel, l.is_invalid
        FROM (SELECT _row, customer_id, product_id, quantity, order_date, {cancellation} AS is_cancel,
                     coalesce({invalid}, false) AS is_invalid FROM kit_lines) l
        JOIN (SELECT DISTINCT customer_id, product_id, -quantity AS quantity FROM kit_lines WHERE {cancel}) c
          ON l.customer_id = c.customer_id AND l.product_id = c.product_id
         AND (l.quantity = c.quantity OR l.quantity = -c.quantity)
        ORDER BY l._row""")
    cancellation = lines["is_cancel"].astype(bool)
    invalid_mask = lines["is_invalid"].astype(bool)
    matched = cleaning.reversed_by_cancellation(lines.drop(columns=["is_cancel", "is_invalid"]), cancellation,
                                               invalid_mask)
    rows = pd.DataFrame({"_row": lines["_row"].to_numpy()[matched]}, dtype="int64")
    engine.table_from("kit_matched", rows)
    return "_row IN (SELECT _row FROM kit_matched)"


def _per_code(engine: Engine) -> pd.DataFrame:
    """Lines, amount and most frequent name of each kept product code (:func:`cleaning.per_code_summary`)."""
    per_name = engine.query("SELECT product_id AS code, product_name AS name, count(*) AS n, sum(amount) AS amount "
                            "FROM kit_reasons WHERE reason IS NULL AND product_id IS NOT NULL GROUP BY 1, 2")
    return cleaning.per_code_from_names(per_name)


def canonical_types(tx: pd.DataFrame, found) -> pd.DataFrame:
    """The pandas loader's dtypes: text as pandas text (NaN for missing), numbers as floats, dates in ns; a column
    the file lacks is all NaN (floats), or NaT for the date."""
    for column in tx.columns:
        if column not in found and column != "order_date":
            tx[column] = np.nan
        elif column == "order_date":
            tx[column] = pd.to_datetime(tx[column]).astype("datetime64[ns]")
        elif column in schema.NUMBER_COLUMNS:
            tx[column] = tx[column].astype(float)
        elif tx[column].dtype == object:
            tx[column] = tx[column].where(tx[column].notna(), np.nan).astype("str")
    return tx

