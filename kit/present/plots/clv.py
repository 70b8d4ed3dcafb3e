"""Plots of lifetime value (notebook 04): the holdout check by frequency, profit by tenure, the largest values.
"""

from __future__ import annotations

import pandas as pd
import seaborn as sns

from ..labels import label
from .common import plot_language, _axes


def plot_holdout_by_frequency(table: pd.DataFrame, lang: str = "en", ax=None):
    """Actual vs predicted mean holdout purchases by calibration frequency.

    Parameters
    ----------
    table : DataFrame
        From :func:`kit.clv.holdout_by_frequency` (``actual``, ``predicted``).
    lang : {"en", "zh"}
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> ax = plot_holdout_by_frequency(pd.DataFrame({"actual": [0.2, 0.7], "predicted": [0.2, 0.5]}))
    >>> ax.get_xlabel()
    'repeat purchases in calibration'
    """
    lang = plot_language(lang)
    ax = _axes(ax, (6, 4))
    ax.plot(table.index, table["actual"], marker="o", label=label("actual", lang))
    ax.plot(table.index, table["predicted"], marker="s", linestyle="--", label=label("predicted", lang))
    ax.set_xlabel(label("calibration_frequency", lang))
    ax.set_ylabel(label("holdout_purchases", lang))
    ax.legend()
    return ax


def plot_profit_by_tenure(profit: pd.Series, lang: str = "en", ax=None):
    """Bars of profit per customer by year of the relationship.

    Parameters
    ----------
    profit : Series
        Profit by year (e.g. :data:`kit.clv.PROFIT_BY_TENURE`).
    lang : {"en", "zh"}
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> plot_profit_by_tenure(pd.Series([45, 99], index=[1, 2])).get_ylabel()
    'profit per customer'
    """
    lang = plot_language(lang)
    ax = _axes(ax, (5, 3))
    ax.bar(profit.index.astype(str), profit.values, color=sns.color_palette()[2])
    ax.set_xlabel(label("relationship_year", lang))
    ax.set_ylabel(label("profit_per_customer", lang))
    return ax


def plot_top_values(values: pd.Series, n: int = 15, key: str = "clv", lang: str = "en", ax=None):
    """Horizontal bars of the ``n`` largest values (e.g. predicted CLV by customer).

    Parameters
    ----------
    values : Series
        One value per customer.
    n : int
    key : str
        The label key of the values (the axis title).
    lang : {"en", "zh"}
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> len(plot_top_values(pd.Series([1.0, 5.0, 3.0], index=["a", "b", "c"]), n=2).patches)
    2
    """
    lang = plot_language(lang)
    top = values.sort_values(ascending=False).head(n)[::-1]
    ax = _axes(ax, (6, 0.3 * len(top) + 1))
    ax.barh(top.index.astype(str), top.values, color=sns.color_palette()[4])
    ax.set_xlabel(label(key, lang))
    return ax
