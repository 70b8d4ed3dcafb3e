"""Cleaning the canonical table: every row is kept or set aside with exactly one reason, and counted.

Checks that always run (a row failing them cannot be analysed):

- ``missing_value``: a column the analysis needs is empty (order, product, date, amount);
- ``invalid_number``: quantity, price or amount is text that is not a number;
- ``unparseable_date``: the order date does not parse (customer analyses);
- ``missing_customer_id``: no customer id (customer analyses; basket analyses keep these orders).

Cleaning steps, each on by default and switched off through ``steps``:

- ``cancellation``: the order id marks a cancellation (Online Retail: ``C536379``);
- ``cancelled_order``: an earlier line that a cancellation reverses exactly (same customer, product and
  quantity, not after the cancellation); without this step the 80,995 paper birdies ordered and cancelled on
  2011-12-09 would stay in Online Retail's sales;
- ``non_positive_quantity``: quantity <= 0 (returns, stock adjustments);
- ``non_positive_price``: unit price <= 0 (or amount <= 0 when the file has no price);
- ``non_product_code``: postage, fees, vouchers (:data:`NON_PRODUCT_CODES`, or the ``non_product_codes`` option);
- ``duplicate``: an exact copy of an earlier line.

A row that fails several is counted under the first in the order above (:data:`REASONS`).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .errors import KitError
from .labels import check_lang, label

CHECKS = ("missing_value", "invalid_number", "unparseable_date", "missing_customer_id")
STEPS = ("cancellation", "cancelled_order", "non_positive_quantity", "non_positive_price", "non_product_code", "duplicate")
REASONS = CHECKS + STEPS

#: Stock codes that are not products (postage, carriage, fees), compared case-insensitively. Single-letter
#: codes (Online Retail's ``M`` manual, ``D`` discount, ``S`` samples, ``B`` bad debt) are too likely to be real
#: products elsewhere to be a default: they are listed in ``data/online_retail.yaml`` instead.
NON_PRODUCT_CODES = ("POST", "DOT", "C2", "BANK CHARGES", "AMAZONFEE", "CRUK")
#: Codes matching this pattern are not products either (gift vouchers ``gift_0001_20``).
NON_PRODUCT_PATTERN = r"^gift_\d"
#: An order id matching this marks a cancellation (Online Retail's ``C`` + invoice number).
CANCELLATION_PATTERN = r"^[Cc]\d"


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
            duplicate_columns: list[str] | None = None) -> pd.Series:
    """The reason each row of the canonical ``table`` is set aside, or ``None`` where it is kept.

    ``checks`` holds the masks of the always-on checks, computed while parsing.
    """
    steps = tuple(steps)
    masks: dict[str, pd.Series] = dict(checks)
    false = pd.Series(False, index=table.index)
    if "cancellation" in steps and cancellation_pattern and "order_id" in table:
        masks["cancellation"] = table["order_id"].astype("string").str.contains(
            cancellation_pattern, regex=True).fillna(False).astype(bool)
    if "non_positive_quantity" in steps and table["quantity"].notna().any():
        masks["non_positive_quantity"] = (table["quantity"] <= 0).fillna(False)
    if "non_positive_price" in steps:
        price = table["unit_price"] if table["unit_price"].notna().any() else table["amount"]
        masks["non_positive_price"] = (price <= 0).fillna(False)
    if "non_product_code" in steps and table["product_id"].notna().any():
        codes = table["product_id"].astype("string").str.upper()
        mask = codes.isin([c.upper() for c in non_product_codes])
        if non_product_pattern:
            mask |= table["product_id"].astype("string").str.contains(non_product_pattern, flags=re.I, regex=True)
        masks["non_product_code"] = mask.fillna(False).astype(bool)
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


def reversed_by_cancellation(table: pd.DataFrame, cancellation: pd.Series, invalid: pd.Series) -> pd.Series:
    """Mask of the lines that a cancellation line reverses exactly.

    A cancellation of ``-q`` units of product ``p`` by customer ``c`` at time ``t`` reverses the latest line of
    ``q`` units of ``p`` by ``c`` at or before ``t`` that no other cancellation reversed. Partial cancellations
    match nothing and leave the original line in place.
    """
    keys = ["customer_id", "product_id", "quantity"]
    usable = table["customer_id"].notna() & table["product_id"].notna() & ~invalid
    cancels = table.loc[cancellation & usable & (table["quantity"] < 0), keys + ["order_date"]]
    cancels = cancels.assign(quantity=-cancels["quantity"]).reset_index(names="cancel_row")
    originals = table.loc[~cancellation & usable & (table["quantity"] > 0), keys + ["order_date"]]
    originals = originals.reset_index(names="row")
    pairs = originals.merge(cancels, on=keys, suffixes=("", "_cancel"))
    pairs = pairs[pairs["order_date"] <= pairs["order_date_cancel"]]
    pairs = pairs.sort_values(["order_date", "row"], ascending=False)
    matched: set[int] = set()
    used: set[int] = set()
    for row, cancel_row in zip(pairs["row"].to_numpy(), pairs["cancel_row"].to_numpy()):
        if cancel_row not in used and row not in matched:
            used.add(cancel_row)
            matched.add(row)
    return table.index.isin(list(matched))


@dataclass
class CleaningReport:
    """What loading did with every input row: kept, or set aside with its reason.

    ``counts`` has one entry per reason checked (zeros included); ``set_aside`` holds the set-aside rows as
    they were read, with their input ``row`` number (0 = first data row) and ``reason``.
    ``n_rows == n_kept + counts.sum()`` always holds.
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

    @property
    def n_set_aside(self) -> int:
        return int(self.counts.sum())

    def summary(self, lang: str = "en") -> pd.DataFrame:
        """Rows kept and set aside per reason, with shares of the input; the last row is the total.

        The ``key`` column holds the reason's key, the index its label in ``lang``.
        """
        check_lang(lang)
        keys = ["kept", *self.counts.index, "total"]
        rows = [self.n_kept, *self.counts.tolist(), self.n_rows]
        frame = pd.DataFrame({"key": keys, label("rows", lang): rows})
        frame[label("share", lang)] = (frame[label("rows", lang)] / max(self.n_rows, 1)).round(4)
        frame.index = pd.Index([label(k, lang) for k in keys], name=label("reason", lang))
        return frame

    def set_aside_table(self, lang: str = "en") -> pd.DataFrame:
        """The set-aside rows as read, with their row number and the reason in ``lang``."""
        check_lang(lang)
        table = self.set_aside.assign(reason=[label(r, lang) for r in self.set_aside["reason"]])
        return table.rename(columns={"row": label("row", lang), "reason": label("reason", lang)})

    def to_text(self, lang: str = "en") -> str:
        """The report as lines of text, as ``kit validate`` prints it."""
        summary = self.summary(lang)
        width = max(len(str(i)) for i in summary.index) + 2
        mapped = textwrap.wrap(", ".join(f"{k} <- {v}" for k, v in self.columns.items()), 96,
                               initial_indent="  columns: ", subsequent_indent="    ")
        lines = [f"{Path(self.source).name} ({self.format}{', ' + self.encoding if self.encoding else ''})",
                 f"  analysis: {self.analysis} (possible: {', '.join(self.available)})",
                 *mapped,
                 f"  cleaning steps: {', '.join(self.steps) or 'none'}"]
        if self.date_style:
            lines.append(f"  date style: {self.date_style}")
        for key, (name, row) in zip(summary["key"], summary.iterrows()):
            count, share = row.iloc[1], row.iloc[2]
            if key in ("kept", "total") or count:
                lines.append(f"  {str(name):<{width}}{count:>10,}  {share:7.2%}")
        lines += [f"  note: {n}" for n in self.notes]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()

    def _repr_html_(self) -> str:
        title = f"<p><b>{Path(self.source).name}</b>: {self.n_rows:,} rows read, {self.n_kept:,} kept, " \
                f"{self.n_set_aside:,} set aside</p>"
        return title + self.summary().drop(columns="key").to_html()
