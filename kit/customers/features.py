"""The customer feature table — 客户特征表: RFM from :func:`kit.rfm_table` (computed once) plus what targeting needs,
and :class:`Features`, a feature table together with the date it was computed as of.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .table import rfm_table, table_as_of
from ..data.parsing import parse_ids, parse_numbers
from ..data.explore import most_common
from ..errors import KitError

NUMERIC_FEATURES = ("recency", "frequency", "monetary", "tenure_days", "average_order_value", "lines", "basket_breadth",
                    "orders_per_month", "return_rate", "high_margin_share")


def customer_features(tx: pd.DataFrame, as_of=None, report=None) -> pd.DataFrame:
    """One row per customer: the RFM table plus the features targeting uses.

    Parameters
    ----------
    tx : DataFrame
        Canonical transactions; lines on or after ``as_of`` are ignored, as in :func:`kit.rfm_table`.
    as_of : date-like, optional
        Reference date (default: the day after the last order). :meth:`Features.from_transactions` keeps it
        with the table.
    report : LoadReport, optional
        The loader's report; gives ``return_rate``.

    Returns
    -------
    DataFrame
        Indexed by ``customer_id``: the columns of :func:`kit.rfm_table` and

        - ``average_order_value`` = monetary / frequency;
        - ``lines`` = number of order lines (the unit of picking and packing cost);
        - ``basket_breadth`` = number of distinct products bought;
        - ``orders_per_month`` = frequency / months of tenure (at least one month; a month is 30.44 days);
        - ``return_rate`` = cancelled or returned lines / (kept lines + those), when ``report`` is given;
        - ``high_margin_share`` = share of spend on products whose margin rate is above the median, when ``tx``
          has a ``margin`` column;
        - ``country`` / ``channel``: the customer's most frequent one, when the data have it.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "order_id": ["1", "2", "3"], "product_id": ["x", "y", "x"],
    ...     "order_date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-02-01"]), "amount": [10.0, 30.0, 5.0]})
    >>> customer_features(tx)[["average_order_value", "lines", "basket_breadth", "orders_per_month"]]
                 average_order_value  lines  basket_breadth  orders_per_month
    customer_id
    a                           20.0      2               2             0.998
    b                            5.0      1               1             1.000
    """
    as_of = table_as_of(tx, as_of)
    rfm = rfm_table(tx, as_of)
    tx = tx[tx["customer_id"].notna() & (tx["order_date"] < as_of)]
    features = rfm.copy()
    features["average_order_value"] = (rfm["monetary"] / rfm["frequency"]).round(2)
    features["lines"] = tx.groupby("customer_id").size().reindex(rfm.index).fillna(0).astype(int)
    if tx["product_id"].notna().any():
        features["basket_breadth"] = tx.groupby("customer_id")["product_id"].nunique().reindex(rfm.index).fillna(0)
    months = np.maximum(rfm["tenure_days"] / 30.44, 1.0)
    features["orders_per_month"] = (rfm["frequency"] / months).round(4)
    if report is not None:
        features["return_rate"] = _return_rate(tx, report, as_of).reindex(rfm.index).fillna(0.0).round(4)
    if "margin" in tx and tx["margin"].notna().any():
        rate = (tx["margin"] / tx["amount"]).replace([np.inf, -np.inf], np.nan)
        high = rate > rate.median()
        spend = tx["amount"].where(high, 0.0).groupby(tx["customer_id"]).sum()
        features["high_margin_share"] = (spend / rfm["monetary"]).reindex(rfm.index).fillna(0.0).round(4)
    for column in ("country", "channel"):
        if column in tx and tx[column].notna().any():
            features[column] = most_common(tx["customer_id"], tx[column]).reindex(rfm.index)
    return features


@dataclass(frozen=True)
class Features:
    """A customer feature table and the date its columns were computed as of.

    A model fitted on features and judged on what customers did later (:func:`kit.targeting.lookalike`) must
    not see columns computed after the outcome starts. The date travels with the table: :meth:`join` makes the
    result as late as the latest column joined, so a column from after the cut-off cannot slip in unnoticed.

    Attributes
    ----------
    table : DataFrame
        One row per customer (e.g. :func:`customer_features`).
    as_of : Timestamp
        No column uses data from this day on.

    Examples
    --------
    >>> table = pd.DataFrame({"recency": [3, 9]}, index=pd.Index(["a", "b"], name="customer_id"))
    >>> early = Features(table, pd.Timestamp("2024-06-01"))
    >>> later = early.join(pd.Series([5.0, 0.0], index=["a", "b"], name="spend"), as_of="2024-12-01")
    >>> later.as_of.date(), list(later.table.columns)
    (datetime.date(2024, 12, 1), ['recency', 'spend'])
    """

    table: pd.DataFrame
    as_of: pd.Timestamp

    def __post_init__(self):
        if not isinstance(self.table, pd.DataFrame):
            raise KitError(f"Features needs a DataFrame, got {type(self.table).__name__}",
                           hint="Features(table, as_of) with the feature table and the date it was computed as of")
        if self.as_of is None or self.as_of == "":
            raise KitError("Features needs the date its columns were computed as of",
                           hint="Features(table, as_of), e.g. the as_of given to kit.customer_features")
        object.__setattr__(self, "as_of", pd.Timestamp(self.as_of))

    @classmethod
    def from_transactions(cls, tx: pd.DataFrame, as_of=None, report=None) -> "Features":
        """:func:`customer_features` of ``tx`` together with its ``as_of``.

        Parameters
        ----------
        tx, as_of, report
            As for :func:`customer_features` (``as_of`` defaults to the day after the last order).

        Returns
        -------
        Features

        Examples
        --------
        >>> tx = pd.DataFrame({"customer_id": ["a"], "order_id": ["1"], "product_id": ["x"], "amount": [2.0],
        ...                    "order_date": pd.to_datetime(["2024-01-01 10:00"])})
        >>> Features.from_transactions(tx).as_of
        Timestamp('2024-01-02 00:00:00')
        """
        as_of = table_as_of(tx, as_of)
        return cls(customer_features(tx, as_of, report), as_of)

    @property
    def index(self) -> pd.Index:
        """The customers (the table's index)."""
        return self.table.index

    def __len__(self) -> int:
        return len(self.table)

    def join(self, other, as_of=None, how: str = "left") -> "Features":
        """These features with the columns of ``other``, dated as of the later of the two.

        Parameters
        ----------
        other : Features, DataFrame or Series
            Columns per customer (same index).
        as_of : date-like
            The date the columns of ``other`` were computed as of; required unless ``other`` is a
            :class:`Features` (then its ``as_of``).
        how : str
            As for :meth:`pandas.DataFrame.join` (default: keep these customers).

        Returns
        -------
        Features
            ``as_of`` = the latest of ``self.as_of``, ``as_of`` and ``other.as_of``.

        Examples
        --------
        >>> a = Features(pd.DataFrame({"x": [1]}, index=["c"]), pd.Timestamp("2024-01-01"))
        >>> a.join(Features(pd.DataFrame({"y": [2]}, index=["c"]), pd.Timestamp("2023-01-01"))).as_of.date()
        datetime.date(2024, 1, 1)
        """
        dates = [self.as_of]
        if isinstance(other, Features):
            dates.append(other.as_of)
            other = other.table
        elif as_of in (None, ""):
            raise KitError("the joined columns have no date",
                           hint="say when they were computed: features.join(columns, as_of=...)")
        if as_of not in (None, ""):
            dates.append(pd.Timestamp(as_of))
        return Features(self.table.join(other, how=how), max(dates))


def _return_rate(tx: pd.DataFrame, report, as_of) -> pd.Series:
    """Cancelled or returned lines per customer over all their lines, from the loader's set-aside rows."""
    source = report.columns.get("customer_id")
    aside = report.set_aside
    if source is None or source not in aside:
        return pd.Series(dtype=float)
    returned = aside[aside["reason"].isin(["cancellation", "non_positive_quantity"])]
    date_column = report.columns.get("order_date")
    if date_column in returned and pd.api.types.is_datetime64_any_dtype(returned[date_column]):
        returned = returned[returned[date_column] < as_of]
    customers = parse_ids(returned[source].reset_index(drop=True))
    returns = customers.value_counts()
    kept = tx.groupby("customer_id").size()
    return (returns.reindex(kept.index).fillna(0) / (kept + returns.reindex(kept.index).fillna(0))).rename(
        "return_rate")


def numeric_features(features, columns=None) -> pd.DataFrame:
    """The numeric feature columns a model can use, as floats.

    Parameters
    ----------
    features : DataFrame or Features
        A customer feature table.
    columns : iterable of str, optional
        The columns to use; default those of :data:`NUMERIC_FEATURES` that ``features`` has.

    Returns
    -------
    DataFrame
        Float columns, indexed like ``features``.

    Examples
    --------
    >>> numeric_features(pd.DataFrame({"recency": [1, 2], "country": ["UK", "FR"]})).dtypes.tolist()
    [dtype('float64')]
    """
    features = features.table if isinstance(features, Features) else features
    columns = list(columns) if columns is not None else [c for c in NUMERIC_FEATURES if c in features]
    return features[columns].apply(parse_numbers).astype(float)
