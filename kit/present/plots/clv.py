"""Plots of lifetime value (notebook 04): profit by tenure, cohort retention, P(alive), the holdout check by
frequency, the largest values.
"""

from __future__ import annotations

import pandas as pd
import seaborn as sns

from ..labels import label
from .common import _axes, plot_language, plot_matrix_heatmap


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
    ax.set_title(label("clv_holdout_title", lang))
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
    ax.set_title(label("clv_profit_by_tenure_title", lang))
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
    ax.set_title(label("clv_top_title", lang).format(n=len(top)))
    return ax


def plot_cohort_retention(cohorts: pd.DataFrame, lang: str = "en", ax=None):
    """Heat map of a monthly cohort table: share of each cohort buying again, blank where not yet reached.

    Parameters
    ----------
    cohorts : DataFrame
        From :func:`kit.clv.cohort_retention` with ``period="M"`` (index: cohort periods, columns: ages).
    lang : {"en", "zh"}
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> table = pd.DataFrame([[1.0, 0.5], [1.0, None]], index=pd.PeriodIndex(["2024-01", "2024-02"], freq="M"))
    >>> plot_cohort_retention(table).get_ylabel()
    'cohort (month of first purchase)'
    """
    lang = plot_language(lang)
    shown = cohorts.copy()
    shown.index = shown.index.astype(str)
    ax = plot_matrix_heatmap(shown, label("cohort_retention", lang), ax=ax, cmap="Blues", percent=True)
    ax.set_xlabel(label("clv_months_since_first", lang))
    ax.set_ylabel(label("clv_cohort", lang))
    return ax


def plot_p_alive(matrix: pd.DataFrame, time_unit: str = "W", lang: str = "en", ax=None):
    """Heat map of P(alive) by repeat purchases (rows) and time of the last purchase (columns).

    Parameters
    ----------
    matrix : DataFrame
        From :func:`kit.clv.p_alive_matrix` (the last column is the observation time T).
    time_unit : {"D", "W", "M"}
    lang : {"en", "zh"}
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> m = pd.DataFrame([[1.0, 1.0], [0.15, 0.75]], index=[0, 1], columns=[0.0, 39.0])
    >>> plot_p_alive(m).get_title()
    'P(alive) by repeat purchases and recency (T = 39 weeks)'
    """
    lang = plot_language(lang)
    unit = label(f"clv_unit_{time_unit}", lang)
    title = label("clv_p_alive_title", lang).format(T=float(matrix.columns.max()), unit=unit)
    ax = plot_matrix_heatmap(matrix, title, ax=ax, cmap="RdYlGn")
    ax.set_xlabel(label("clv_recency_axis", lang).format(unit=unit))
    ax.set_ylabel(label("clv_frequency_axis", lang))
    return ax
