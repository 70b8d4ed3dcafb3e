"""Checking a lifetime-value model the way the field does: calibration versus holdout.

The verdict is a :class:`ModelCheck`: problems as keys and figures, saved as the results figures ``clv_model``
(``check.to_dict()``); the sentences for people are built from the codes and figures by the display layer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import KitError
from .utils import Problem


def holdout_by_frequency(model, data: pd.DataFrame, max_frequency: int = 7) -> pd.DataFrame:
    """Mean actual vs predicted holdout purchases, by calibration frequency.

    Parameters
    ----------
    model : BetaGeo or ParetoNBD
        A fitted purchase model.
    data : DataFrame
        A summary with the holdout columns (:func:`kit.clv.summary` with ``observation_end``).
    max_frequency : int
        The last row pools the customers with ``max_frequency`` or more repeat purchases.

    Returns
    -------
    DataFrame
        Index ``calibration_frequency``; columns ``customers``, ``actual`` and ``predicted`` (mean holdout
        purchases; predicted = the model's expected purchases over ``duration_holdout``).

    Examples
    --------
    >>> from kit import clv, datasets
    >>> data = clv.summary(datasets.cdnow(sample=True)[0], "1997-09-30", "1998-06-30")
    >>> clv.holdout_by_frequency(clv.BetaGeo().fit(data), data).loc[0].tolist()
    [1411.0, 0.2367, 0.2251]
    """
    if "frequency_holdout" not in data:
        raise KitError("the summary has no holdout columns", hint="compute it with observation_end=...")
    duration = float(data["duration_holdout"].iloc[0])
    predicted = model.expected_purchases(duration, data)
    group = data["frequency"].clip(upper=max_frequency).astype(int)
    table = pd.DataFrame({"customers": group.value_counts().sort_index(),
                          "actual": data["frequency_holdout"].groupby(group).mean(),
                          "predicted": predicted.groupby(group).mean()})
    table.index.name = "calibration_frequency"
    return table.round(4)


def holdout_totals(model, data: pd.DataFrame) -> dict:
    """Total holdout purchases: actual, predicted by the model, and the relative error.

    ``error = (predicted − actual) / actual``.

    Parameters
    ----------
    model : BetaGeo or ParetoNBD
        A fitted purchase model.
    data : DataFrame
        A summary with the holdout columns.

    Returns
    -------
    dict
        ``actual`` (int), ``predicted`` (rounded to 0.1) and ``error`` (rounded to 4 decimals).

    Examples
    --------
    >>> from kit import clv, datasets
    >>> data = clv.summary(datasets.cdnow(sample=True)[0], "1997-09-30", "1998-06-30")
    >>> clv.holdout_totals(clv.BetaGeo().fit(data), data)
    {'actual': 1882, 'predicted': 1653.4, 'error': -0.1215}
    """
    duration = float(data["duration_holdout"].iloc[0])
    predicted = float(model.expected_purchases(duration, data).sum())
    actual = int(data["frequency_holdout"].sum())
    return {"actual": actual, "predicted": round(predicted, 1), "error": round((predicted - actual) / actual, 4)}


def p_alive_matrix(model, max_frequency: int = 10, max_recency: float | None = None, T: float | None = None,
                   steps: int = 11) -> pd.DataFrame:
    """P(alive) over a grid of frequency (rows) and recency (columns) for customers observed for ``T``.

    Parameters
    ----------
    model : BetaGeo or ParetoNBD
        A fitted purchase model.
    max_frequency : int
        Rows ``0 … max_frequency`` repeat purchases.
    max_recency, T : float, optional
        The largest recency shown and the observation time; default the longest ``T`` of the fitted summary.
    steps : int
        Number of recency columns, from 0 to ``max_recency``.

    Returns
    -------
    DataFrame
        Index ``frequency``, columns ``recency``, values rounded to 3 decimals.

    Examples
    --------
    >>> from kit import clv
    >>> model = clv.BetaGeo()
    >>> model.params_ = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
    >>> model.data_ = pd.DataFrame({"frequency": [0, 1], "recency": [0.0, 10.0], "T": [39.0, 39.0]})
    >>> clv.p_alive_matrix(model, max_frequency=2, steps=3)
    recency     0.0    19.5   39.0
    frequency
    0          1.000  1.000  1.000
    1          0.151  0.593  0.754
    2          0.025  0.531  0.812
    """
    data = model.data_
    T = float(data["T"].max()) if T is None else T
    max_recency = T if max_recency is None else max_recency
    recency = np.linspace(0, max_recency, steps)
    grid = pd.DataFrame([(x, t, T) for x in range(max_frequency + 1) for t in recency],
                        columns=["frequency", "recency", "T"])
    grid.loc[grid["frequency"] == 0, "recency"] = 0.0
    p = model.probability_alive(grid).to_numpy().reshape(max_frequency + 1, steps)
    return pd.DataFrame(p, index=pd.Index(range(max_frequency + 1), name="frequency"),
                        columns=pd.Index(recency.round(1), name="recency")).round(3)


HOLDOUT_TOLERANCE = 0.25
"""Largest accepted relative error of the total holdout purchases (predicted − actual) / actual."""
BY_FREQUENCY_TOLERANCE = 0.5
"""Largest accepted customer-weighted mean absolute error of the by-frequency holdout means, relative to the mean
actual holdout purchases per customer."""
SILENT_P_ALIVE = 0.99
"""P(alive) at or above which a repeat buyer silent for more than half the calibration period counts as degenerate."""
MIN_DROPOUT = 1e-3
"""Smallest credible mean dropout probability per purchase a/(a+b) of a BG/NBD fit."""


def _plain(value):
    """``value`` as plain JSON-ready Python (non-finite numbers as ``None``)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (float, np.floating)):
        return float(value) if np.isfinite(value) else None
    if isinstance(value, np.integer):
        return int(value)
    return value


@dataclass
class ModelCheck:
    """The verdict on a fitted purchase model: ``ok`` when there are no ``problems``.

    Attributes
    ----------
    problems : list of Problem
        What is wrong, each a key (``code``) and the figures of its explanation. Codes of :func:`check_model`:
        ``not_converged``, ``at_bound``, ``standard_errors``, ``dropout_tiny``, ``silent_alive``, ``holdout_total``,
        ``holdout_by_frequency``; of :func:`kit.clv.model_history_problem`: ``no_purchases``, ``history_short``,
        ``few_repeat_buyers``.
    model : str
        ``"BG/NBD"`` or ``"Pareto/NBD"``.
    params, standard_errors : dict
        The fitted parameters and their standard errors (empty when no model was fitted).
    window : dict
        The calibration window and valuation settings the notebook records.
    holdout : dict or None
        :func:`holdout_totals`, ``by_frequency_error`` and the tolerances, when a holdout was checked.
    penalizer : float
        The penalizer of the fit (0 = plain maximum likelihood).
    refitted : bool
        The plain fit did not converge and the model was refitted with a penalizer (:func:`kit.clv.fit_models`).

    Examples
    --------
    >>> check = ModelCheck([Problem("history_short", {"days": 31})])
    >>> check.ok, check.codes, check.to_dict()["problems"]
    (False, ['history_short'], ['history_short (days=31)'])
    """

    problems: list[Problem] = field(default_factory=list)
    model: str = "BG/NBD"
    params: dict = field(default_factory=dict)
    standard_errors: dict = field(default_factory=dict)
    window: dict = field(default_factory=dict)
    holdout: dict | None = None
    penalizer: float = 0.0
    refitted: bool = False

    def __post_init__(self):
        if not isinstance(self.problems, list) or not all(isinstance(p, Problem) for p in self.problems):
            raise TypeError("ModelCheck.problems must be a list of kit.clv.Problem")

    @property
    def ok(self) -> bool:
        """True when the check found no problem."""
        return not self.problems

    @property
    def codes(self) -> list[str]:
        """The keys of the problems, in order."""
        return [p.code for p in self.problems]

    def to_dict(self) -> dict:
        """The check as plain JSON-ready figures, to save as the results figures ``clv_model``.

        Returns
        -------
        dict
            ``ok`` (bool), ``codes`` (list of str: the keys), ``problems`` (list of str: each code with its figures,
            no words), ``figures`` (list of dict, one per code), and ``model``, ``params``, ``standard_errors``,
            ``window``, ``holdout``, ``penalizer``, ``refitted``; non-finite numbers become ``None``.

        Examples
        --------
        >>> ModelCheck(params={"r": 0.25}, standard_errors={"r": float("nan")}).to_dict()["standard_errors"]
        {'r': None}
        """
        return _plain({"ok": self.ok, "codes": self.codes, "problems": [str(p) for p in self.problems],
                       "figures": [p.figures for p in self.problems], "model": self.model, "params": self.params,
                       "standard_errors": self.standard_errors, "window": self.window, "holdout": self.holdout,
                       "penalizer": self.penalizer, "refitted": self.refitted})


def by_frequency_error(table: pd.DataFrame) -> float:
    """Customer-weighted mean absolute error of a :func:`holdout_by_frequency` table over the mean actual.

    ``Σ n_k |p_k − a_k| / Σ n_k a_k`` with ``n_k`` customers, ``a_k`` actual and ``p_k`` predicted mean holdout
    purchases in group ``k`` (infinite when nobody bought in the holdout).

    Parameters
    ----------
    table : DataFrame
        Columns ``customers``, ``actual``, ``predicted``.

    Returns
    -------
    float

    Examples
    --------
    >>> by_frequency_error(pd.DataFrame({"customers": [3, 1], "actual": [1.0, 2.0], "predicted": [1.0, 4.0]}))
    0.4
    """
    n = table["customers"].to_numpy(dtype=float)
    actual = float(np.dot(n, table["actual"]))
    return float(np.dot(n, np.abs(table["predicted"] - table["actual"])) / actual) if actual > 0 else float("inf")


def _as_float(value) -> float:
    """``value`` as a float; ``nan`` when it is missing (``None``, e.g. read back from JSON) or not a number."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


def check_model(model, data: pd.DataFrame | None = None, window: dict | None = None,
                refitted: bool = False) -> ModelCheck:
    """Check a fitted BG/NBD or Pareto/NBD model before its values are used.

    A problem is recorded (code and figures) when the fit did not converge or was refitted after failing
    (``not_converged``), a parameter sits within a factor 10 of the optimiser's bounds 1e-6, 1e6 (``at_bound``,
    figure ``parameters``), a standard error is not finite (``standard_errors``, ``parameters``), BG/NBD's mean
    dropout probability a/(a+b) is below :data:`MIN_DROPOUT` (``dropout_tiny``: ``mean_dropout``,
    ``min_dropout``), the median P(alive) of repeat buyers silent for more than half the calibration period is at
    least :data:`SILENT_P_ALIVE` (``silent_alive``: ``median_p_alive``, ``customers``), and — when ``data`` has
    holdout columns — the total holdout error exceeds :data:`HOLDOUT_TOLERANCE` (``holdout_total``: ``error``,
    ``tolerance``) or :func:`by_frequency_error` exceeds :data:`BY_FREQUENCY_TOLERANCE` (``holdout_by_frequency``).

    Parameters
    ----------
    model : BetaGeo or ParetoNBD
        A fitted purchase model.
    data : DataFrame, optional
        The summary to check on; default the fitted summary.
    window : dict, optional
        The calibration window, recorded in the check.
    refitted : bool
        The plain fit did not converge and this model is a penalised refit (counts as ``not_converged``).

    Returns
    -------
    ModelCheck

    Examples
    --------
    >>> from kit import clv, datasets
    >>> data = clv.summary(datasets.cdnow(sample=True)[0], "1997-09-30", "1998-06-30")
    >>> check = clv.check_model(clv.BetaGeo().fit(data), data)
    >>> check.ok, check.holdout["error"]
    (True, -0.1215)
    """
    model._check_fitted()
    data = model.data_ if data is None else data
    params, errors = dict(model.params_), dict(model.standard_errors_)
    name = "BG/NBD" if "a" in params else "Pareto/NBD"
    found: list[Problem] = []
    if not model.fit_result_.converged or refitted:
        found.append(Problem("not_converged"))
    at_bound = [k for k, v in params.items() if not 1e-5 < v < 1e5]
    if at_bound:
        found.append(Problem("at_bound", {"parameters": at_bound}))
    not_finite = [k for k in params if not np.isfinite(_as_float(errors.get(k)))]
    if not_finite:
        found.append(Problem("standard_errors", {"parameters": not_finite}))
    if name == "BG/NBD" and params["a"] / (params["a"] + params["b"]) < MIN_DROPOUT:
        found.append(Problem("dropout_tiny", {"mean_dropout": params["a"] / (params["a"] + params["b"]),
                                              "min_dropout": MIN_DROPOUT}))
    span = float(data["T"].max())
    silent = data[(data["frequency"] > 0) & (data["T"] - data["recency"] > span / 2)]
    if len(silent):
        median = float(model.probability_alive(silent).median())
        if median >= SILENT_P_ALIVE:
            found.append(Problem("silent_alive", {"median_p_alive": median, "customers": len(silent)}))
    holdout = None
    if "frequency_holdout" in data and data["frequency_holdout"].sum() > 0:
        holdout = holdout_totals(model, data)
        holdout["by_frequency_error"] = round(by_frequency_error(holdout_by_frequency(model, data)), 4)
        holdout["tolerance"], holdout["by_frequency_tolerance"] = HOLDOUT_TOLERANCE, BY_FREQUENCY_TOLERANCE
        if abs(holdout["error"]) > HOLDOUT_TOLERANCE:
            found.append(Problem("holdout_total", {"error": holdout["error"], "tolerance": HOLDOUT_TOLERANCE}))
        if holdout["by_frequency_error"] > BY_FREQUENCY_TOLERANCE:
            found.append(Problem("holdout_by_frequency", {"error": holdout["by_frequency_error"],
                                                          "tolerance": BY_FREQUENCY_TOLERANCE}))
    return ModelCheck(found, name, params, errors, dict(window or {}), holdout, float(model.penalizer), refitted)
