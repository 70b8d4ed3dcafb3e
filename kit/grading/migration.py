"""Grade migration between two periods and the churn early warning — 客户等级迁移与流失预警.

Each period is graded on its own transactions (RFM as of the day after the period ends, thresholds from that
period's customers). The migration matrix counts customers by segment in period A (rows, plus ``new`` for
customers first seen in B) against period B (columns, plus ``lost`` for customers without a purchase in B).
A customer's grade *fell* when their segment in B ranks below their segment in A in the scheme's order
(:data:`kit.grading.rfm.SCHEMES`), or when they were lost.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..customers.table import rfm_table
from ..errors import KitError
from ..present.labels import check_lang, label
from ..customers.periods import data_windows
from .rfm import SCHEMES, rfm_segments


@dataclass
class Migration:
    """Result of :func:`grade_migration`."""

    matrix: pd.DataFrame     # counts: segment in A (+ new) x segment in B (+ lost), keys as labels in ``lang``
    customers: pd.DataFrame  # one row per customer seen in either period
    fell: pd.DataFrame       # customers whose grade fell or who were lost, most valuable in A first
    periods: tuple


def _period(value) -> tuple[pd.Timestamp, pd.Timestamp]:
    try:
        start, end = (pd.Timestamp(v) for v in value)
    except (TypeError, ValueError):
        raise KitError(f"a period must be (start, end) dates, got {value!r}",
                       hint="e.g. ('2011-01-01', '2011-06-30')") from None
    if end < start:
        raise KitError(f"period {value!r} ends before it starts", hint="give (start, end)")
    return start, end


def parse_period(text: str) -> tuple[str, str]:
    """``"2011-01-01/2011-06-30"`` -> ``("2011-01-01", "2011-06-30")``.

    >>> parse_period("2011-01-01/2011-06-30")
    ('2011-01-01', '2011-06-30')
    """
    parts = [p.strip() for p in str(text).split("/")]
    if len(parts) != 2 or not all(parts):
        raise KitError(f"period {text!r} is not 'start/end'", hint="e.g. '2011-01-01/2011-06-30'")
    return parts[0], parts[1]


def grade_migration(tx: pd.DataFrame, period_a=None, period_b=None, scheme: str = "eight", threshold="mean",
                    lang: str = "en") -> Migration:
    """Segment customers in two periods (inclusive date ranges) and compare.

    The periods default to the rule of :mod:`kit.customers.periods`: B is the data's last window of
    ``W = min(183, span // 2)`` days, A the window before it; data too short for windows of
    ``MIN_WINDOW_DAYS["migration"]`` days raise :class:`KitError` with the reason.

    Returns a :class:`Migration`: the count matrix, every customer's segments and ranks, and the early-warning
    list of customers whose grade fell (incl. ``lost``), with their value in period A.
    """
    check_lang(lang)
    if period_a is None or period_b is None:
        windows = data_windows(tx)
        if windows.shortfall("migration"):
            raise KitError(windows.shortfall("migration"), hint="give both periods, or use a longer history")
        period_a, period_b = (windows.periods[0] if period_a is None else period_a,
                              windows.periods[1] if period_b is None else period_b)
    periods = (_period(period_a), _period(period_b))
    graded = []
    for start, end in periods:
        window = tx[(tx["order_date"] >= start) & (tx["order_date"] < end + pd.Timedelta(days=1))]
        if window["customer_id"].notna().sum() == 0:
            raise KitError(f"no customer purchases between {start.date()} and {end.date()}",
                           hint="choose periods inside the data's date range")
        rfm = rfm_table(window, as_of=end + pd.Timedelta(days=1))
        graded.append(rfm.join(rfm_segments(rfm, scheme, threshold, lang)[["segment", "rank"]]))
    a, b = graded
    customers = a[["monetary", "segment", "rank"]].add_suffix("_a").join(
        b[["monetary", "segment", "rank"]].add_suffix("_b"), how="outer")
    customers["segment_a"] = customers["segment_a"].fillna("new")
    customers["segment_b"] = customers["segment_b"].fillna("lost")
    lost = customers["segment_b"] == "lost"
    was = customers["segment_a"] != "new"
    customers["fell"] = was & (lost | (customers["rank_b"] > customers["rank_a"]))
    order = SCHEMES[scheme]
    matrix = pd.crosstab(customers["segment_a"], customers["segment_b"]).reindex(
        index=[*order, "new"], columns=[*order, "lost"], fill_value=0)
    matrix.index = [label(k, lang) for k in matrix.index]
    matrix.columns = [label(k, lang) for k in matrix.columns]
    matrix.index.name, matrix.columns.name = "A", "B"
    fell = customers[customers["fell"]].sort_values(["rank_a", "monetary_a"], ascending=[True, False])
    fell = fell.assign(label_a=[label(s, lang) for s in fell["segment_a"]],
                       label_b=[label(s, lang) for s in fell["segment_b"]])
    return Migration(matrix, customers, fell, periods)
