"""Plots of the transactions (notebook 00): what cleaning set aside, monthly sales, counts per customer or
basket, best-selling products.
"""

from __future__ import annotations

import pandas as pd
import seaborn as sns

from ..labels import label
from .common import plot_language, _axes


def plot_cleaning(report, lang: str = "en", ax=None):
    """Bar chart of the rows set aside per reason (reasons that set nothing aside are left out).

    Parameters
    ----------
    report : kit.data.CleaningReport
    lang : {"zh", "en"}
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from kit.data import CleaningReport
    >>> report = CleaningReport("a.csv", "csv", 4, 3, pd.Series({"duplicate": 1, "cancellation": 0}), pd.DataFrame(),
    ...                         "customers", ("customers",), {}, ("duplicate",))
    >>> plot_cleaning(report).get_title()
    '1 of 4 rows set aside'
    """
    lang = plot_language(lang)
    counts = report.counts[report.counts > 0].sort_values()
    ax = _axes(ax)
    ax.barh([label(k, lang) for k in counts.index], counts.values, color=sns.color_palette()[3])
    ax.set_xlabel(label("rows", lang))
    ax.set_title(label("dp_plot_cleaning_title", lang).format(n_set_aside=report.n_set_aside, n_rows=report.n_rows))
    return ax


def plot_monthly_sales(monthly: pd.DataFrame, lang: str = "en", ax=None):
    """Monthly revenue as bars, from :func:`kit.data.explore.monthly_sales`.

    Examples
    --------
    >>> monthly = pd.DataFrame({"revenue": [5.0, 7.0]}, index=pd.period_range("2024-01", periods=2, freq="M"))
    >>> ax = plot_monthly_sales(monthly)
    >>> ax.get_title(), ax.get_xlabel(), ax.get_ylabel()
    ('monthly revenue', 'month', 'revenue')
    """
    lang = plot_language(lang)
    ax = _axes(ax)
    ax.bar(monthly.index.astype(str), monthly["revenue"], color=sns.color_palette()[0])
    ax.set_xlabel(label("month", lang))
    ax.set_ylabel(label("revenue", lang))
    ax.set_title(label("sales_over_time", lang))
    ax.tick_params(axis="x", rotation=60)
    return ax


def plot_counts(values: pd.Series, key: str, lang: str = "en", ax=None, clip: float = 0.99):
    """Histogram of a count per customer or order (``key`` names it), the top 1 % clipped for readability.

    Examples
    --------
    >>> ax = plot_counts(pd.Series([1, 1, 2, 5]), "orders_per_customer")
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('orders per customer', 'number of customers')
    """
    lang = plot_language(lang)
    ax = _axes(ax, (5, 3.5))
    upper = values.quantile(clip)
    sns.histplot(values.clip(upper=upper), discrete=True, ax=ax)
    ax.set_xlabel(label(key, lang))
    ax.set_ylabel(label("number_of_customers" if "customer" in key else "number_of_orders", lang))
    return ax


def plot_top_products(top: pd.DataFrame, by: str = "revenue", lang: str = "en", ax=None):
    """Horizontal bars of the best sellers from :func:`kit.data.explore.top_products`.

    Parameters
    ----------
    top : DataFrame
        :func:`kit.data.explore.top_products`.
    by : {"revenue", "quantity", "orders"}
        The measure drawn: the one ``top`` was ranked by (:func:`kit.data.explore.rank_measure`).
    lang : {"zh", "en"}
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> top = pd.DataFrame({"product_id": ["a", "b"], "product_name": ["mug", None], "orders": [3, 1]})
    >>> plot_top_products(top, "orders").get_xlabel()
    'orders'
    """
    lang = plot_language(lang)
    ax = _axes(ax, (7, 4))
    names = top["product_name"].fillna(top["product_id"]).str.slice(0, 32)
    ax.barh(names[::-1], top[by][::-1], color=sns.color_palette()[2])
    ax.set_xlabel(label(by, lang))
    ax.set_title(label("dp_plot_top_products_by", lang).format(measure=label(by, lang)))
    return ax
