"""Cleaning the canonical table: every row is kept or set aside with exactly one reason, and counted.

Checks that always run (a row failing them cannot be analysed):

- ``missing_value``: a column the analysis needs is empty (order, product, date, amount);
- ``invalid_number``: quantity, price or amount is text that is not a number;
- ``unparseable_date``: the order date does not parse (customer analyses);
- ``missing_customer_id``: no customer id (customer analyses; basket analyses keep these orders).

Cleaning steps, each on by default and switched off through ``steps``:

- ``cancellation``: the order id marks a cancellation (Online Retail: ``C536379``, :data:`CANCELLATION_PATTERN`)
  AND the line's quantity or amount is negative. A negative line without the mark is a return or correction
  (``non_positive_quantity``); a marked line with a positive quantity and amount is a sale (hexadecimal order ids
  such as ``c152d21b`` start with ``c`` and a digit too);
- ``cancelled_order``: an earlier line that a cancellation reverses exactly (same customer, product and
  quantity, not after the cancellation); without this step the 80,995 paper birdies ordered and cancelled on
  2011-12-09 would stay in Online Retail's sales;
- ``non_positive_quantity``: quantity <= 0 (returns, stock adjustments);
- ``non_positive_price``: unit price <= 0 (or amount <= 0 when the file has no price);
- ``non_product_code``: postage, fees, vouchers (:data:`NON_PRODUCT_CODES`, or the ``non_product_codes`` option);
- ``duplicate``: an exact copy of an earlier line.

A row that fails several is counted under the first in the order above (:data:`REASONS`).

The report also accounts for money (:func:`money_by_reason`), lists product codes that look like accounting
lines rather than products (:func:`suspect_product_codes`) and notes implausible dates (:func:`implausible_dates`);
neither of the last two sets anything aside.
"""

from __future__ import annotations

import heapq
import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import KitError

CHECKS = ("missing_value", "invalid_number", "unparseable_date", "missing_customer_id")
STEPS = ("cancellation", "cancelled_order", "non_positive_quantity", "non_positive_price", "non_product_code", "duplicate")
REASONS = CHECKS + STEPS

#: Stock codes that are not products (postage, carriage, fees), compared case-insensitively. Single-letter
#: codes (Online Retail's ``M`` manual, ``D`` discount, ``S`` samples, ``B`` bad debt) are too likely to be real
#: products elsewhere to be a default: they are listed in ``data/online_retail.yaml`` instead.
NON_PRODUCT_CODES = ("POST", "DOT", "C2", "BANK CHARGES", "AMAZONFEE", "CRUK")
#: Codes matching this pattern are not products either (gift vouchers ``gift_0001_20``).
NON_PRODUCT_PATTERN = r"^gift_\d"
#: An order id matching this marks a cancellation (Online Retail's ``C`` + invoice number) when the line's quantity
#: or amount is also negative.
CANCELLATION_PATTERN = r"^[Cc]\d"

#: Words in a product's code or name that suggest an accounting line rather than a product (postage, fees,
#: adjustments, discounts, samples, vouchers), matched case-insensitively as whole words; Chinese words as text.
ACCOUNTING_WORDS = {
    "postage/carriage": r"\bpostage\b|\bcarriage\b|\bshipping\b|\bdelivery charges?\b|运费|邮费",
    "fee/charge/commission": r"\bfees?\b|\bbank charges?\b|\bcommission\b|手续费|佣金",
    "adjustment/manual": r"\badjust(?:ment)?s?\b|\bmanual\b|\bbad debt\b|调整",
    "discount": r"\bdiscounts?\b|折扣|优惠",
    "samples": r"\bsamples?\b|样品",
    "voucher": r"\bvouchers?\b|\bgift ?cards?\b|^gift_|礼品卡|代金券",
}
#: A code shape held by fewer than this share of the file's distinct product codes is unusual (see
#: :func:`code_shape`).
RARE_SHAPE_SHARE = 0.02
#: Order dates before this, or more than :data:`FUTURE_DAYS` days after the day of loading, are implausible.
EARLIEST_DATE = pd.Timestamp("1990-01-01")
FUTURE_DAYS = 365
SUSPECT_COLUMNS = ["product_id", "product_name", "lines", "amount", "why"]
#: How many possible non-product codes the text and HTML report show (all are in ``report.suspect_codes``).
SUSPECTS_SHOWN = 10


def resolve_steps(steps) -> tuple[str, ...]:
    """Which optional steps run: ``None`` = all; a list of names; or ``{name: bool}`` to switch some off.

    >>> resolve_steps({"duplicate": False})
    ('cancellation', 'cancelled_order', 'non_positive_quantity', 'non_positive_price', 'non_product_code')
    """
    if steps is None:
        return STEPS
    if isinstance(steps, str):
        steps = [s.strip() for s in steps.split(",") if s.strip()]
    if isinstance(steps, Mapping):
        chosen = {name: bool(on) for name, on in steps.items()}
        names = list(chosen)
    else:
        names = list(steps)
        chosen = {name: True for name in names}
    unknown = [n for n in names if n not in STEPS]
    if unknown:
        raise KitError(f"unknown cleaning step {unknown[0]!r}", hint=f"the steps are: {', '.join(STEPS)}")
    if isinstance(steps, Mapping):
        return tuple(s for s in STEPS if chosen.get(s, True))
    return tuple(s for s in STEPS if chosen.get(s, False))


def reasons(table: pd.DataFrame, checks: Mapping[str, pd.Series], steps: Iterable[str],
            non_product_codes: Iterable[str] = NON_PRODUCT_CODES,
            non_product_pattern: str | None = NON_PRODUCT_PATTERN,
            cancellation_pattern: str | None = CANCELLATION_PATTERN,
            duplicate_columns: list[str] | None = None, notes: list[str] | None = None) -> pd.Series:
    """The reason each row of the canonical ``table`` is set aside, or ``None`` where it is kept.

    ``checks`` holds the masks of the always-on checks, computed while parsing. The rule that found the
    cancellations is appended to ``notes`` when given.
    """
    steps = tuple(steps)
    masks: dict[str, pd.Series] = dict(checks)
    false = pd.Series(False, index=table.index)
    if "cancellation" in steps and cancellation_pattern and "order_id" in table:
        masks["cancellation"] = cancellation_lines(table, cancellation_pattern, notes)
    if "non_positive_quantity" in steps and table["quantity"].notna().any():
        masks["non_positive_quantity"] = (table["quantity"] <= 0).fillna(False)
    if "non_positive_price" in steps:
        price = table["unit_price"] if table["unit_price"].notna().any() else table["amount"]
        masks["non_positive_price"] = (price <= 0).fillna(False)
    if "non_product_code" in steps and table["product_id"].notna().any():
        listed = {str(c).upper() for c in non_product_codes}
        masks["non_product_code"] = pd.Series(
            per_value(table["product_id"], lambda code: code.upper() in listed
                      or bool(non_product_pattern and re.search(non_product_pattern, code, re.I))), index=table.index)
    if "cancelled_order" in steps and "cancellation" in masks:
        invalid = pd.Series(False, index=table.index)
        for name in CHECKS:
            invalid |= masks.get(name, false)
        masks["cancelled_order"] = reversed_by_cancellation(table, masks["cancellation"], invalid)
    reason = pd.Series(None, index=table.index, dtype=object)
    for name in REASONS:
        if name == "duplicate":
            continue
        mask = masks.get(name, false)
        reason = reason.mask(reason.isna() & mask, name)
    if "duplicate" in steps:
        columns = duplicate_columns or list(table.columns)
        candidates = reason.isna()
        dup = table.loc[candidates, columns].duplicated(keep="first")
        reason.loc[dup[dup].index] = "duplicate"
    return reason


def per_value(values: pd.Series, test) -> np.ndarray:
    """Boolean array: ``test(str(value))`` for each value, computed once per distinct value; missing values are False.

    >>> per_value(pd.Series(["C1", None, "C1", "7"]), lambda v: v.startswith("C")).tolist()
    [True, False, True, False]
    """
    codes, uniques = pd.factorize(values)
    return np.array([bool(test(str(u))) for u in uniques] + [False], dtype=bool)[codes]


def cancellation_lines(table: pd.DataFrame, pattern: str = CANCELLATION_PATTERN,
                       notes: list[str] | None = None) -> pd.Series:
    r"""Mask of the cancellation lines: order id matches ``pattern`` AND (quantity < 0 OR amount < 0).

    Marked lines that are not negative stay sales; the rule, with counts, is appended to ``notes``.

    >>> t = pd.DataFrame({"order_id": ["C1", "c152d21b", "9"], "quantity": [-1, 2, -1], "amount": [-2.0, 4, -2]})
    >>> notes = []
    >>> cancellation_lines(t, notes=notes).tolist()
    [True, False, False]
    >>> print(*notes, sep="\n")
    cancellation: order id matches ^[Cc]\d and quantity < 0 (1 line)
    1 line whose order id matches ^[Cc]\d is not negative: kept as a sale (e.g. c152d21b)
    """
    regex = re.compile(pattern)
    marked = pd.Series(per_value(table["order_id"], lambda order: bool(regex.search(order))), index=table.index)
    false = pd.Series(False, index=table.index)
    by_quantity = (table["quantity"] < 0).fillna(False) if "quantity" in table else false
    by_amount = (table["amount"] < 0).fillna(False) & ~by_quantity if "amount" in table else false
    mask = marked & (by_quantity | by_amount)
    if notes is not None:
        n_quantity, n_amount = int((marked & by_quantity).sum()), int((marked & by_amount).sum())
        found = [f"quantity < 0 ({_lines(n_quantity)})"] if n_quantity or not n_amount else []
        found += [f"amount < 0 ({_lines(n_amount)})"] if n_amount else []
        if n_quantity or n_amount:
            notes.append(f"cancellation: order id matches {pattern} and " + " or ".join(found))
        sales = marked & ~mask
        if sales.any():
            n = int(sales.sum())
            eg = ", ".join(table.loc[sales, "order_id"].astype(str).unique()[:3])
            notes.append(f"{_lines(n)} whose order id matches {pattern} {'is' if n == 1 else 'are'} not negative: "
                         f"kept as {'a sale' if n == 1 else 'sales'} (e.g. {eg})")
    return mask


def _lines(n: int) -> str:
    return f"{n:,} line{'' if n == 1 else 's'}"


def reversed_by_cancellation(table: pd.DataFrame, cancellation: pd.Series, invalid: pd.Series) -> np.ndarray:
    """Mask of the lines that a cancellation line reverses exactly.

    A cancellation of ``-q`` units of product ``p`` by customer ``c`` at time ``t`` reverses a line of ``q``
    units of ``p`` by ``c`` at or before ``t`` that no other cancellation reversed. Partial cancellations match
    nothing and leave the original line in place. Within each (customer, product, q) the originals are taken
    latest first (ties: the later row first); each takes, of the unused cancellations dated at or after it, the
    one that comes first in the file. One sort and a sweep with a heap: O(n log n) time, O(n) memory.

    >>> t = pd.DataFrame({"customer_id": ["1"] * 4, "product_id": ["A"] * 4, "quantity": [2, 2, -2, 2],
    ...                   "order_date": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"])})
    >>> reversed_by_cancellation(t, t["quantity"] < 0, pd.Series(False, index=t.index)).tolist()
    [False, True, False, False]
    """
    keys = ["customer_id", "product_id", "quantity"]
    cancellation, invalid = cancellation.to_numpy(dtype=bool), invalid.to_numpy(dtype=bool)
    table = table.reset_index(drop=True)  # rows by position
    usable = table["customer_id"].notna() & table["product_id"].notna() & table["order_date"].notna() & ~invalid
    cancels = table.loc[usable & cancellation & (table["quantity"] < 0), keys + ["order_date"]]
    cancels = cancels.assign(quantity=-cancels["quantity"])
    groups = cancels[keys].drop_duplicates().reset_index(drop=True).reset_index(names="group")
    originals = table.loc[usable & ~cancellation & (table["quantity"] > 0), keys + ["order_date"]]
    lines = pd.concat([originals.reset_index(names="row").merge(groups, on=keys).assign(cancel=False),
                       cancels.reset_index(names="row").merge(groups, on=keys).assign(cancel=True)])
    rows, group, cancel = (lines[c].to_numpy() for c in ("row", "group", "cancel"))
    day = lines["order_date"].to_numpy(dtype="datetime64[ns]").astype(np.int64)
    matched = np.zeros(len(table), dtype=bool)
    # per group: latest first; at equal times cancellations first (they reverse lines at or before them);
    # originals at equal times later row first
    order = np.lexsort((np.where(cancel, 0, -rows), ~cancel, -day, group))
    heap: list[int] = []
    current = None
    for g, row, is_c in zip(group[order].tolist(), rows[order].tolist(), cancel[order].tolist()):
        if g != current:
            heap.clear()
            current = g
        if is_c:
            heapq.heappush(heap, row)
        elif heap:
            heapq.heappop(heap)
            matched[row] = True
    return matched


def money_by_reason(amount: pd.Series, reason: pd.Series, counted: Iterable[str]) -> tuple[float, pd.Series, float]:
    """Money kept, set aside per reason and read: ``kept + set_aside.sum() == read`` (to rounding).

    Money read is the sum of ``amount`` over the rows whose amount is a number; kept rows have reason ``None``.

    >>> kept, aside, read = money_by_reason(pd.Series([2.0, None, 3.0, -1.0]), pd.Series([None, "a", None, "b"]),
    ...                                     ["a", "b"])
    >>> kept, aside.to_dict(), read
    (5.0, {'a': 0.0, 'b': -1.0}, 4.0)
    """
    amount = pd.Series(amount.to_numpy(dtype=float, na_value=np.nan), index=reason.index)
    kept = reason.isna()
    aside = amount[~kept].groupby(reason[~kept]).sum().reindex(list(counted), fill_value=0.0).astype(float)
    return float(amount[kept].sum()), aside, float(amount.sum())


def code_shape(code: str) -> str:
    """The shape of a product code: runs of letters -> ``A``, runs of digits -> ``9``, other characters kept.

    >>> [code_shape(c) for c in ["85123A", "22423", "POST", "BANK CHARGES", "gift_0001_20", "运费"]]
    ['9A', '9', 'A', 'A A', 'A_9_9', 'A']
    """
    return re.sub(r"\d+", "9", re.sub(r"[^\W\d_]+", "A", str(code)))


def suspect_product_codes(table: pd.DataFrame, kept: pd.Series, non_product_codes: Iterable[str] = (),
                          non_product_pattern: str | None = None, shapes: bool = True) -> pd.DataFrame:
    """Product codes of kept lines that look like accounting lines (postage, fees, adjustments), to review.

    A code is listed when its code or its most frequent name contains a word of :data:`ACCOUNTING_WORDS`, or
    when its :func:`code_shape` is rare in the file: held by fewer than :data:`RARE_SHAPE_SHARE` of the
    distinct product codes of kept lines (letters-only codes where most codes are digits; only with ``shapes``, off
    when products are identified by their names). Codes already in
    ``non_product_codes`` or matching ``non_product_pattern`` are not listed. Nothing is set aside here.

    Returns one row per code: ``product_id``, ``product_name``, ``lines``, ``amount`` (over kept lines) and
    ``why``, largest absolute amount first.

    >>> t = pd.DataFrame({"product_id": [str(n) for n in range(100, 160)] + ["ADJ", "77"],
    ...                   "product_name": ["mug"] * 60 + ["Adjustment", "运费"], "amount": [1.0] * 60 + [-5.0, 3.0]})
    >>> suspect_product_codes(t, pd.Series(True, index=t.index))[["product_id", "why"]].values.tolist()
    [['ADJ', 'name: adjustment/manual; code shape A'], ['77', 'name: postage/carriage']]
    """
    lines = table.loc[kept.to_numpy(dtype=bool) & table["product_id"].notna().to_numpy()]
    if lines.empty:
        return pd.DataFrame(columns=SUSPECT_COLUMNS)
    names = lines["product_name"].astype("string") if "product_name" in lines else pd.Series(pd.NA, index=lines.index,
                                                                                             dtype="string")
    per_name = pd.DataFrame({"code": lines["product_id"].astype(str), "name": names, "amount": lines["amount"]})
    per_name = per_name.groupby(["code", "name"], dropna=False, sort=False)["amount"].agg(["size", "sum"])
    per_name = per_name.reset_index().rename(columns={"size": "n", "sum": "amount"})
    return suspects_from_summary(per_code_from_names(per_name), non_product_codes, non_product_pattern, shapes)


def per_code_from_names(per_name: pd.DataFrame) -> pd.DataFrame:
    """Lines, amount and most frequent name per product code, from counts per (code, name).

    Parameters
    ----------
    per_name : DataFrame
        Columns ``code``, ``name`` (missing allowed), ``n`` (lines) and ``amount`` (their sum): one row per code and
        name, as a ``GROUP BY code, name`` gives them.

    Returns
    -------
    DataFrame
        Indexed by code: ``lines``, ``amount`` and ``product_name``, the most frequent name (ties: the first in sort
        order; missing when the code has no name).

    Examples
    --------
    >>> per_name = pd.DataFrame({"code": ["a", "a", "b"], "name": ["mug", "cup", None], "n": [2, 2, 1],
    ...                          "amount": [4.0, 2.0, 1.0]})
    >>> per_code_from_names(per_name)
       lines  amount product_name
    a      4     6.0          cup
    b      1     1.0         <NA>
    """
    per_name = per_name.assign(code=per_name["code"].astype(str))
    per_code = per_name.groupby("code", sort=False).agg(lines=("n", "sum"), amount=("amount", "sum"))
    named = per_name[per_name["name"].notna()].assign(name=lambda f: f["name"].astype("string"))
    top = named.sort_values(["n", "name"], ascending=[False, True]).drop_duplicates("code").set_index("code")["name"]
    per_code["lines"] = per_code["lines"].astype(int)
    per_code["product_name"] = top.reindex(per_code.index).astype("string")
    per_code.index.name = None
    return per_code


def suspects_from_summary(per_code: pd.DataFrame, non_product_codes: Iterable[str] = (),
                          non_product_pattern: str | None = None, shapes: bool = True) -> pd.DataFrame:
    """:func:`suspect_product_codes` from the per-code summary of :func:`per_code_from_names`.

    Parameters
    ----------
    per_code : DataFrame
        Indexed by code: ``lines``, ``amount``, ``product_name``.
    non_product_codes, non_product_pattern, shapes
        As :func:`suspect_product_codes`.

    Returns
    -------
    DataFrame
        ``product_id``, ``product_name``, ``lines``, ``amount``, ``why``; largest absolute amount first.

    Examples
    --------
    >>> per_code = pd.DataFrame({"lines": [3, 1], "amount": [6.0, -2.0], "product_name": ["mug", "Postage"]},
    ...                         index=["22423", "P1"])
    >>> suspects_from_summary(per_code)[["product_id", "why"]].values.tolist()
    [['P1', 'name: postage/carriage']]
    """
    if per_code.empty:
        return pd.DataFrame(columns=SUSPECT_COLUMNS)
    per_code = per_code.copy()
    code = per_code.index.to_series()
    text = code + " " + per_code["product_name"].fillna("")
    word = pd.Series("", index=code.index)
    for name, pattern in reversed(ACCOUNTING_WORDS.items()):  # the first matching entry wins
        word = word.mask(text.str.contains(pattern, flags=re.I, regex=True), "name: " + name)
    shape = code.map(code_shape)
    rare = shape.map(shape.value_counts(normalize=True)) < RARE_SHAPE_SHARE
    rare &= shapes
    per_code["why"] = [("; ".join(filter(None, [w, f"code shape {s}" if r else ""])))
                       for w, s, r in zip(word, shape, rare)]
    listed = code.str.upper().isin([str(c).upper() for c in non_product_codes])
    if non_product_pattern:
        listed |= code.str.contains(non_product_pattern, flags=re.I, regex=True)
    found = per_code[(per_code["why"] != "") & ~listed].reset_index(names="product_id")
    found = found.assign(size=found["amount"].abs().fillna(0)).sort_values(["size", "product_id"],
                                                                           ascending=[False, True])
    return found[SUSPECT_COLUMNS].reset_index(drop=True)


def implausible_dates(dates: pd.Series, today: pd.Timestamp | None = None) -> list[str]:
    r"""Notes on order dates before :data:`EARLIEST_DATE` or more than :data:`FUTURE_DAYS` days after ``today``.

    Counts and up to three examples with their row numbers; the rows are kept.

    >>> dates = pd.Series(pd.to_datetime(["2024-01-02", "1900-01-01", "2099-05-01"]))
    >>> print(*implausible_dates(dates, today=pd.Timestamp("2025-01-01")), sep="\n")
    1 order date before 1990-01-01, e.g. 1900-01-01 (row 1)
    1 order date after 2026-01-01 (today + 365 days), e.g. 2099-05-01 (row 2)
    """
    today = pd.Timestamp.now().normalize() if today is None else pd.Timestamp(today)
    latest = today + pd.Timedelta(days=FUTURE_DAYS)
    notes = []
    for mask, what in ((dates < EARLIEST_DATE, f"before {EARLIEST_DATE:%Y-%m-%d}"),
                       (dates > latest, f"after {latest:%Y-%m-%d} (today + {FUTURE_DAYS} days)")):
        mask = mask.fillna(False).to_numpy(dtype=bool)
        if mask.any():
            found = dates[mask].head(3)
            eg = ", ".join(f"{d:%Y-%m-%d} (row {i})" for i, d in found.items())
            notes.append(f"{int(mask.sum()):,} order date{'' if mask.sum() == 1 else 's'} {what}, e.g. {eg}")
    return notes


@dataclass
class CleaningReport:
    """What loading did with every input row and every unit of money: kept, or set aside with its reason.

    Reasons are keys (:data:`REASONS`); the report is put into words for people at the edge (``report_text``
    beside the labels).
    ``n_rows == n_kept + counts.sum()`` and ``money_read == money_kept + money.sum()`` (to rounding) always hold.

    Attributes
    ----------
    source : str
        The file read (or ``"<DataFrame>"``).
    format : str
        How it was read (``"csv"``, ``"excel"``, ``"parquet"``, ...).
    n_rows, n_kept : int
        Rows read; rows kept.
    counts : Series
        Rows set aside per reason checked (reason key -> count, zeros included).
    set_aside : DataFrame
        The set-aside rows as they were read, with their input ``row`` number (0 = first data row) and ``reason``.
    analysis : str
        ``"customers"`` or ``"baskets"``: what the rows were kept for.
    available : tuple of str
        The analyses the file allows.
    columns : dict
        Canonical column -> the file's column.
    steps : tuple of str
        The cleaning steps that ran (:data:`STEPS`).
    encoding, date_style : str or None
        The text encoding and the date style found.
    notes : list of str
        What reading and cleaning noticed (English diagnostics).
    money : Series
        Amount set aside per reason (same index as ``counts``).
    money_kept, money_read : float
        Amount kept; amount read = amount (or quantity x unit price) over the rows whose amount is a number.
    suspect_codes : DataFrame
        Product codes that may be accounting lines (:func:`suspect_product_codes`); kept unless listed in
        ``non_product_codes``.

    Examples
    --------
    >>> raw = pd.DataFrame({"Invoice": ["1", "1", "C2"], "Customer": [7, 7, 7], "Date": ["2024-01-05"] * 3,
    ...                     "SKU": ["a", "b", "a"], "Qty": [1, 2, -1], "Price": [2.0, 1.5, 2.0]})
    >>> from kit.data import load_transactions
    >>> _, report = load_transactions(raw)
    >>> report.n_rows, report.n_kept, report.n_set_aside
    (3, 1, 2)
    """

    source: str
    format: str
    n_rows: int
    n_kept: int
    counts: pd.Series
    set_aside: pd.DataFrame
    analysis: str
    available: tuple[str, ...]
    columns: dict[str, str]
    steps: tuple[str, ...]
    encoding: str | None = None
    date_style: str | None = None
    notes: list[str] = field(default_factory=list)
    money: pd.Series = field(default_factory=lambda: pd.Series(dtype=float))
    money_kept: float = 0.0
    money_read: float = 0.0
    suspect_codes: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=["product_id", "product_name", "lines", "amount", "why"]))

    @property
    def n_set_aside(self) -> int:
        """Rows set aside: ``counts.sum()``."""
        return int(self.counts.sum())

    @property
    def money_set_aside(self) -> float:
        """Amount set aside: ``money.sum()``."""
        return float(self.money.sum())

    def summary(self) -> pd.DataFrame:
        """Rows kept and set aside per reason, their share of the rows read and their amount.

        Returns
        -------
        DataFrame
            Index ``reason``: ``"kept"``, each reason key of ``counts``, ``"total"`` last. Columns ``rows``,
            ``share = rows / n_rows`` (4 decimals) and ``amount`` (rounded to cents). Kept plus the reasons adds
            up to the total.

        Examples
        --------
        >>> report = CleaningReport("a.csv", "csv", 4, 3, pd.Series({"duplicate": 1}), pd.DataFrame(),
        ...                         "customers", ("customers",), {}, ("duplicate",),
        ...                         money=pd.Series({"duplicate": 2.0}), money_kept=6.0, money_read=8.0)
        >>> report.summary()
                   rows  share  amount
        reason
        kept          3   0.75     6.0
        duplicate     1   0.25     2.0
        total         4   1.00     8.0
        """
        keys = ["kept", *self.counts.index, "total"]
        rows = [self.n_kept, *self.counts.tolist(), self.n_rows]
        money = [self.money_kept, *self.money.reindex(self.counts.index, fill_value=0.0).tolist(), self.money_read]
        frame = pd.DataFrame({"rows": rows}, index=pd.Index(keys, name="reason"))
        frame["share"] = (frame["rows"] / max(self.n_rows, 1)).round(4)
        frame["amount"] = pd.Series(money, dtype=float).round(2).to_numpy()
        return frame

    def set_aside_table(self) -> pd.DataFrame:
        """The set-aside rows as read: ``row`` (input row number, 0 = first data row), ``reason`` (a key), then the
        file's columns.

        Returns
        -------
        DataFrame
            A copy of :attr:`set_aside`, one row per row set aside.

        Examples
        --------
        >>> report = CleaningReport("a.csv", "csv", 2, 1, pd.Series({"duplicate": 1}),
        ...                         pd.DataFrame({"row": [1], "reason": ["duplicate"], "SKU": ["a"]}),
        ...                         "customers", ("customers",), {}, ("duplicate",))
        >>> report.set_aside_table()
           row     reason SKU
        0    1  duplicate   a
        """
        first = [c for c in ("row", "reason") if c in self.set_aside]
        return self.set_aside[first + [c for c in self.set_aside.columns if c not in first]].copy()

    def figures(self) -> dict:
        """The headline figures, as the machine-readable result ``cleaning`` holds them.

        Returns
        -------
        dict
            ``source`` (file name), ``n_rows``, ``n_kept``, ``n_set_aside``, ``money_read``, ``money_kept``
            (amounts rounded to cents).

        Examples
        --------
        >>> report = CleaningReport("data/a.csv", "csv", 4, 3, pd.Series({"duplicate": 1}), pd.DataFrame(),
        ...                         "customers", ("customers",), {}, ("duplicate",), money_kept=6.0, money_read=8.0)
        >>> report.figures()
        {'source': 'a.csv', 'n_rows': 4, 'n_kept': 3, 'n_set_aside': 1, 'money_read': 8.0, 'money_kept': 6.0}
        """
        return {"source": Path(self.source).name, "n_rows": int(self.n_rows), "n_kept": int(self.n_kept),
                "n_set_aside": self.n_set_aside, "money_read": round(float(self.money_read), 2),
                "money_kept": round(float(self.money_kept), 2)}

    def headline(self) -> str:
        """One line: rows read, kept and set aside, and the same for the amount (English, as the notes)."""
        return (f"{Path(self.source).name}: {self.n_rows:,} rows read, {self.n_kept:,} kept, "
                f"{self.n_set_aside:,} set aside; amount read {self.money_read:,.2f} = kept {self.money_kept:,.2f} "
                f"+ set aside {self.money_set_aside:,.2f}")

    def __str__(self) -> str:
        # keys, not labels: the text for people is report_text, beside the labels
        return "\n".join([self.headline(), self.summary().to_string(), *(f"note: {n}" for n in self.notes)])

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(self.headline())}</p>" + self.summary().to_html()
