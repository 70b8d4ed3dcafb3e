"""Checking a lifetime-value model the way the field does: calibration versus holdout."""

from __future__ import annotations

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
