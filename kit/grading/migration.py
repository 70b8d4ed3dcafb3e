"""Grade migration between two periods and the churn early warning — 客户等级迁移与流失预警.

Each period is graded on its own transactions (RFM as of the day after the period ends, thresholds from that
period's customers). The migration matrix counts customers by segment in period A (rows, plus ``new`` for
customers first seen in B) against period B (columns, plus ``lost`` for customers without a purchase in B).
A customer's grade *fell* when their segment in B ranks below their segment in A in the scheme's order
(:data:`kit.grading.rfm.SCHEMES`), or when they were lost. A customer in the scheme's lowest segment in A has no
grade left to fall from: staying at the bottom, or leaving from it, is not on the early-warning list (the matrix
still counts them).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..customers.table import period_bounds, period_table
from ..errors import KitError
from ..customers.periods import data_windows
from .rfm import SCHEMES, rfm_segments


@dataclass
class Migration:
    """Result of :func:`grade_migration`.

    Attributes
    ----------
    matrix : DataFrame
        Counts of customers: rows the segment key in period A plus ``"new"`` (index named ``segment_a``), columns
        the segment key in period B plus ``"lost"`` (named ``segment_b``), in the scheme's order.
    customers : DataFrame
        One row per customer seen in either period: ``monetary_a, segment_a, rank_a, monetary_b, segment_b,
        rank_b`` (segments as keys, ``"new"``/``"lost"`` where absent) and ``fell`` (bool).
    fell : DataFrame
        The rows of ``customers`` whose grade fell or who were lost, most valuable segment in A first.
    periods : tuple
        ``((start_a, end_a), (start_b, end_b))`` as Timestamps, both ends included.
    """

    matrix: pd.DataFrame
    customers: pd.DataFrame
    fell: pd.DataFrame
    periods: tuple


def parse_period(text: str) -> tuple[str, str]:
    """A period from a parameter: ``"start/end"`` -> ``(start, end)``.

    Parameters
    ----------
    text : str
        Two dates separated by ``/``.

    Returns
    -------
    tuple of str
        ``(start, end)``.

    Examples
    --------
    >>> parse_period("2011-01-01/2011-06-30")
    ('2011-01-01', '2011-06-30')
    """
    parts = [p.strip() for p in str(text).split("/")]
    if len(parts) != 2 or not all(parts):
        raise KitError(f"period {text!r} is not 'start/end'", hint="e.g. '2011-01-01/2011-06-30'")
    return parts[0], parts[1]


def grade_migration(tx: pd.DataFrame, period_a=None, period_b=None, scheme: str = "eight",
                    threshold="mean", engine: str = "pandas") -> Migration:
    """Segment customers in two periods (inclusive date ranges) and compare.

    Each period is graded on its own transactions, as of the day after it ends. A customer *fell* when
    ``rank_b > rank_a`` (a less valuable segment in the scheme's order) or when they were lost -- unless they were
    already in the scheme's lowest segment in A: staying in the bottom is not falling.

    Parameters
    ----------
    tx : DataFrame
        Clean transactions (``customer_id``, ``order_id``, ``order_date``, ``amount``).
    period_a, period_b : (start, end), optional
        The two periods. By default the rule of :mod:`kit.customers.periods`: B is the data's last window of
        ``W = min(183, span // 2)`` days, A the window before it; data too short for windows of
        ``MIN_WINDOW_DAYS["migration"]`` days raise :class:`KitError` with the reason.
    scheme : {"eight", "six", "named"}, default "eight"
    threshold : {"mean", "median"} or number, default "mean"
        As in :func:`kit.grading.rfm_segments`, applied within each period.
    engine : {"pandas", "duckdb", "spark"}
        Where each period's customer table is computed (:func:`kit.customers.table.period_table`).

    Returns
    -------
    Migration
        The count matrix, every customer's segments and ranks, the early-warning list and the periods.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "a", "c"], "order_id": ["1", "2", "3", "4"],
    ...                    "order_date": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-02-10", "2024-02-12"]),
    ...                    "amount": [100.0, 10.0, 90.0, 5.0]})
    >>> m = grade_migration(tx, ("2024-01-01", "2024-01-31"), ("2024-02-01", "2024-02-29"))
    >>> m.customers["segment_b"].to_dict(), list(m.fell.index)
    ({'a': 'important_win_back', 'b': 'lost', 'c': 'general_development'}, ['b'])
    >>> m.customers.loc["b", "segment_a"]  # not the bottom segment in January, so leaving is a fall
    'general_development'
    """
    if period_a is None or period_b is None:
        windows = data_windows(tx)
        if windows.shortfall("migration"):
            raise KitError(windows.shortfall("migration"), hint="give both periods, or use a longer history")
        period_a, period_b = (windows.periods[0] if period_a is None else period_a,
                              windows.periods[1] if period_b is None else period_b)
    periods = (period_bounds(period_a), period_bounds(period_b))
    graded = []
    for period in periods:
        rfm = period_table(tx, period, engine)
        graded.append(rfm.join(rfm_segments(rfm, scheme, threshold)[["segment", "rank"]]))
    a, b = graded
    customers = a[["monetary", "segment", "rank"]].add_suffix("_a").join(
        b[["monetary", "segment", "rank"]].add_suffix("_b"), how="outer")
    customers["segment_a"] = customers["segment_a"].fillna("new")
    customers["segment_b"] = customers["segment_b"].fillna("lost")
    lost = customers["segment_b"] == "lost"
    order = SCHEMES[scheme]
    was = customers["segment_a"] != "new"
    above_bottom = customers["rank_a"] < len(order)  # the lowest segment has nowhere to fall
    customers["fell"] = was & above_bottom & (lost | (customers["rank_b"] > customers["rank_a"]))
    matrix = pd.crosstab(customers["segment_a"], customers["segment_b"]).reindex(
        index=[*order, "new"], columns=[*order, "lost"], fill_value=0)
    matrix.index.name, matrix.columns.name = "segment_a", "segment_b"
    fell = customers[customers["fell"]].sort_values(["rank_a", "monetary_a"], ascending=[True, False])
    return Migration(matrix, customers, fell, periods)
