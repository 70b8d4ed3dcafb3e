"""The customer feature table — 客户特征表: RFM from :func:`kit.rfm_table` (computed once) plus what targeting needs."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .table import rfm_table
from ..data.parsing import parse_ids, parse_numbers

NUMERIC_FEATURES = ("recency", "frequency", "monetary", "tenure_days", "average_order_value", "lines", "basket_breadth",
                    "orders_per_month", "return_rate", "high_margin_share")


def customer_features(tx: pd.DataFrame, as_of=None, report=None) -> pd.DataFrame:
    """One row per customer: the RFM table plus

    - ``average_order_value`` = monetary / frequency;
    - ``lines`` = number of order lines (the unit of picking and packing cost);
    - ``basket_breadth`` = number of distinct products bought;
    - ``orders_per_month`` = frequency / months of tenure (at least one month);
    - ``return_rate`` = cancelled or returned lines / (kept lines + those), when the loader's ``report`` is given;
    - ``high_margin_share`` = share of spend on products whose margin rate is above the median, when ``tx`` has
      a ``margin`` column;
    - ``country`` / ``channel``: the customer's most frequent one, when present.

    Lines on or after ``as_of`` are ignored, as in :func:`kit.rfm_table`.
    """
    rfm = rfm_table(tx, as_of)
    as_of = rfm.attrs["as_of"]
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
            features[column] = tx.groupby("customer_id")[column].agg(lambda s: s.value_counts().index[0])
    features.attrs["as_of"] = as_of
    return features


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


def numeric_features(features: pd.DataFrame, columns=None) -> pd.DataFrame:
    """The numeric feature columns a model can use (``columns`` to choose), as floats."""
    columns = list(columns) if columns is not None else [c for c in NUMERIC_FEATURES if c in features]
    return features[columns].apply(parse_numbers).astype(float)
