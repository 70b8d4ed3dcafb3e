"""Checking a lifetime-value model the way the field does: calibration versus holdout."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import KitError


def holdout_by_frequency(model, data: pd.DataFrame, max_frequency: int = 7) -> pd.DataFrame:
    """Mean actual vs predicted holdout purchases, by calibration frequency (the last row pools ``max_frequency``+).

    Needs the holdout columns of :func:`kit.clv.summary` (``observation_end`` given).
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
    """Total holdout purchases: actual, predicted by the model, and the relative error."""
    duration = float(data["duration_holdout"].iloc[0])
    predicted = float(model.expected_purchases(duration, data).sum())
    actual = int(data["frequency_holdout"].sum())
    return {"actual": actual, "predicted": round(predicted, 1), "error": round((predicted - actual) / actual, 4)}


def p_alive_matrix(model, max_frequency: int = 10, max_recency: float | None = None, T: float | None = None,
                   steps: int = 11) -> pd.DataFrame:
    """P(alive) over a grid of frequency (rows) and recency (columns) for customers observed for ``T``."""
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


@dataclass
class ModelCheck:
    """The verdict on a fitted purchase model: ``ok`` when ``problems`` is empty.

    ``problems`` are English sentences, ``codes`` their canonical keys (``not_converged``, ``at_bound``,
    ``dropout_tiny``, ``silent_alive``, ``standard_errors``, ``holdout_total``, ``holdout_by_frequency``);
    ``holdout`` holds :func:`holdout_totals` and the by-frequency error when a holdout was checked.
    """

    ok: bool
    problems: list[str]
    codes: list[str]
    model: str
    params: dict
    standard_errors: dict
    window: dict = field(default_factory=dict)
    holdout: dict | None = None
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """Plain JSON-ready dict (non-finite numbers as ``None``)."""
        def clean(value):
            if isinstance(value, dict):
                return {k: clean(v) for k, v in value.items()}
            if isinstance(value, (list, tuple)):
                return [clean(v) for v in value]
            if isinstance(value, (float, np.floating)):
                return float(value) if np.isfinite(value) else None
            if isinstance(value, np.integer):
                return int(value)
            return value
        return clean(asdict(self))

    def write_json(self, path) -> Path:
        """Write :meth:`to_dict` as UTF-8 JSON (e.g. ``<out_dir>/clv_model.json``)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        return path


def by_frequency_error(table: pd.DataFrame) -> float:
    """Customer-weighted mean ``|predicted − actual|`` of a :func:`holdout_by_frequency` table over the mean actual:
    ``Σ n_k |p_k − a_k| / Σ n_k a_k``.

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
                notes: list[str] | None = None) -> ModelCheck:
    """Check a fitted BG/NBD or Pareto/NBD model before its values are used.

    A problem is recorded when the fit did not converge or was refitted after failing (``notes`` from
    :func:`kit.clv.fit_models` that say "did not converge"), a parameter sits within a factor 10 of the
    optimiser's bounds (1e-6, 1e6), a standard error is not finite, BG/NBD's mean dropout probability a/(a+b) is
    below :data:`MIN_DROPOUT`, the median P(alive) of repeat buyers silent for more than half the calibration
    period is at least :data:`SILENT_P_ALIVE`, and — when ``data`` has holdout columns — the total holdout error
    exceeds :data:`HOLDOUT_TOLERANCE` or :func:`by_frequency_error` exceeds :data:`BY_FREQUENCY_TOLERANCE`.
    ``data`` defaults to the fitted summary; ``window`` records the calibration window.
    """
    model._check_fitted()
    data = model.data_ if data is None else data
    params, errors = dict(model.params_), dict(model.standard_errors_)
    name = "BG/NBD" if "a" in params else "Pareto/NBD"
    found: list[tuple[str, str]] = []
    notes = list(notes or [])
    if not model.fit_result_.converged or any("did not converge" in n for n in notes):
        found.append(("not_converged", "the unpenalised fit did not converge"))
    at_bound = [k for k, v in params.items() if not 1e-5 < v < 1e5]
    if at_bound:
        found.append(("at_bound", f"parameter(s) {', '.join(at_bound)} at the optimiser's bounds"))
    not_finite = [k for k in params if not np.isfinite(_as_float(errors.get(k)))]
    if not_finite:
        found.append(("standard_errors", f"standard error(s) of {', '.join(not_finite)} not finite: the likelihood "
                      "is flat in some direction"))
    if name == "BG/NBD" and params["a"] / (params["a"] + params["b"]) < MIN_DROPOUT:
        found.append(("dropout_tiny", f"mean dropout probability a/(a+b) = {params['a'] / (params['a'] + params['b']):.2g}"
                      f" is below {MIN_DROPOUT:g}: the model treats almost every customer as alive"))
    span = float(data["T"].max())
    silent = data[(data["frequency"] > 0) & (data["T"] - data["recency"] > span / 2)]
    if len(silent):
        median = float(model.probability_alive(silent).median())
        if median >= SILENT_P_ALIVE:
            found.append(("silent_alive", f"median P(alive) {median:.3f} of {len(silent)} repeat buyers silent for "
                          f"more than half the calibration period"))
    holdout = None
    if "frequency_holdout" in data and data["frequency_holdout"].sum() > 0:
        holdout = holdout_totals(model, data)
        holdout["by_frequency_error"] = round(by_frequency_error(holdout_by_frequency(model, data)), 4)
        holdout["tolerance"], holdout["by_frequency_tolerance"] = HOLDOUT_TOLERANCE, BY_FREQUENCY_TOLERANCE
        if abs(holdout["error"]) > HOLDOUT_TOLERANCE:
            found.append(("holdout_total", f"predicted holdout purchases off by {holdout['error']:+.1%} "
                          f"(tolerance {HOLDOUT_TOLERANCE:.0%})"))
        if holdout["by_frequency_error"] > BY_FREQUENCY_TOLERANCE:
            found.append(("holdout_by_frequency", f"by-frequency holdout error {holdout['by_frequency_error']:.1%} "
                          f"(tolerance {BY_FREQUENCY_TOLERANCE:.0%})"))
    if model.penalizer > 0:
        notes.append(f"fitted with penalizer={model.penalizer:g}")
    return ModelCheck(not found, [f[1] for f in found], [f[0] for f in found], name, params, errors,
                      dict(window or {}), holdout, notes)


def read_model_check(path) -> dict | None:
    """The dict written by :meth:`ModelCheck.write_json`, or ``None`` when the file does not exist."""
    path = Path(path)
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
