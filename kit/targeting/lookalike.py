"""Look-alike scoring — 相似客户挖掘: find customers who resemble today's best ("resembling the loyal customers",
与忠诚客户具有相似特征).

A classifier learns to tell the seed customers from the others **from features observed before the outcome**:
the features are computed as of a cut-off date, the seeds are defined from what customers did after it. The model
is judged on customers it did not see (held-out AUC, a gain chart), then scores every candidate. Passing features
computed after the outcome window starts is refused: that would leak the answer into the inputs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer, StandardScaler

from ..customers.table import rfm_table
from ..errors import KitError
from ..customers.periods import data_windows
from ..customers.features import customer_features, numeric_features


@dataclass
class Lookalike:
    """Result of :func:`lookalike`."""

    scores: pd.Series        # probability of being like the seeds, indexed like the candidates
    auc: float               # on held-out customers
    gain: pd.DataFrame       # by score decile: share of customers, share of held-out seeds found, lift
    top_features: pd.Series  # coefficient (logistic) or importance (boosting), largest effect first
    model: object            # the fitted scikit-learn pipeline
    columns: list

    def score(self, features: pd.DataFrame) -> pd.Series:
        """Scores for other customers (e.g. today's features), with the fitted model."""
        X = numeric_features(features, self.columns)
        return pd.Series(self.model.predict_proba(X)[:, 1], index=features.index, name="lookalike_score")


#: The fewest seed customers, and the fewest other customers, a look-alike model is fitted on.
MIN_CLASS_SIZE = 5


def lookalike_shortfall(features: pd.DataFrame, seed_customers) -> str:
    """Why ``features`` and the seeds are too few to learn from ('' when there are at least
    :data:`MIN_CLASS_SIZE` seed customers and as many others).

    >>> lookalike_shortfall(pd.DataFrame(index=list("abcdefgh")), ["a", "b"])
    '2 seed and 6 other customers: too few to learn from'
    """
    seeds = int(features.index.isin(pd.Index(seed_customers)).sum())
    others = len(features) - seeds
    if min(seeds, others) < MIN_CLASS_SIZE:
        return f"{seeds} seed and {others} other customers: too few to learn from"
    return ""


def _log_skewed(X):
    return np.sign(X) * np.log1p(np.abs(X))


def lookalike(features: pd.DataFrame, seed_customers, candidates=None, model: str = "logistic",
              outcome_start=None, test_size: float = 0.3, random_state: int = 0, columns=None) -> Lookalike:
    """Fit a classifier of seed vs other customers on ``features`` and score the ``candidates`` (default: all).

    ``outcome_start`` is the first day of the period that defined the seeds; when given, the features must have
    been computed before it (``features.attrs["as_of"] <= outcome_start``) or a :class:`KitError` is raised.
    ``model`` is ``"logistic"`` (regularised logistic regression) or ``"boosting"`` (gradient boosting).
    """
    if model not in ("logistic", "boosting"):
        raise KitError(f"unknown model {model!r}", hint="use 'logistic' or 'boosting'")
    as_of = features.attrs.get("as_of")
    if outcome_start is not None and as_of is not None and pd.Timestamp(as_of) > pd.Timestamp(outcome_start):
        raise KitError(f"the features are computed as of {pd.Timestamp(as_of).date()}, after the outcome period "
                       f"starts ({pd.Timestamp(outcome_start).date()}): the model would see the answer",
                       hint="compute the features with as_of at or before the start of the outcome period")
    seeds = pd.Index(seed_customers)
    y = features.index.isin(seeds).astype(int)
    if y.sum() == 0:
        raise KitError("none of the seed customers is in the feature table",
                       hint="the seeds must be customers known before the cut-off")
    if y.sum() == len(y):
        raise KitError("every customer is a seed customer", hint="the model needs customers who are not seeds")
    if lookalike_shortfall(features, seeds):
        raise KitError(lookalike_shortfall(features, seeds), hint=f"use at least {MIN_CLASS_SIZE} of each")
    X = numeric_features(features, columns)
    X = X.loc[:, X.nunique() > 1]
    used = list(X.columns)
    if model == "logistic":
        pipeline = make_pipeline(FunctionTransformer(_log_skewed), StandardScaler(),
                                 LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000))
    else:
        pipeline = make_pipeline(GradientBoostingClassifier(random_state=random_state))
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=test_size, stratify=y,
                                                        random_state=random_state)
    pipeline.fit(X_train, y_train)
    held_out = pipeline.predict_proba(X_test)[:, 1]
    auc = float(roc_auc_score(y_test, held_out))
    gain = gain_table(pd.Series(held_out, index=X_test.index), pd.Series(y_test, index=X_test.index))
    pipeline.fit(X, y)  # final model on everyone
    estimator = pipeline[-1]
    effect = estimator.coef_[0] if model == "logistic" else estimator.feature_importances_
    top = pd.Series(effect, index=used, name="effect").reindex(
        pd.Series(np.abs(effect), index=used).sort_values(ascending=False).index).round(4)
    chosen = features if candidates is None else features.loc[features.index.isin(pd.Index(candidates))]
    result = Lookalike(pd.Series(dtype=float), round(auc, 4), gain, top, pipeline, used)
    result.scores = result.score(chosen)
    return result


def gain_table(scores: pd.Series, outcome: pd.Series, bins: int = 10) -> pd.DataFrame:
    """Cumulative gain by score decile: taking the best ``x`` % of customers, what share of the positives is found,
    and the lift over picking at random."""
    order = scores.sort_values(ascending=False, kind="stable").index
    hits = outcome.reindex(order).to_numpy()
    n, total = len(hits), max(hits.sum(), 1)
    rows = []
    for b in range(1, bins + 1):
        k = int(np.ceil(n * b / bins))
        found = hits[:k].sum() / total
        rows.append((b / bins, round(float(found), 4), round(float(found / (b / bins)), 3)))
    return pd.DataFrame(rows, columns=["customer_share", "seed_share_found", "lift"])


def lookalike_windows(tx: pd.DataFrame, cutoff=None, seed_share: float = 0.2, report=None, as_of=None):
    """Features before ``cutoff`` and the seeds after it: the customers known before the cut-off whose spend from
    the cut-off to ``as_of`` puts them in the top ``seed_share`` of those customers. Returns ``(features, seeds)``.

    ``cutoff`` defaults to the rule of :mod:`kit.customers.periods`: ``as_of − W`` with ``W = min(183, span // 2)`` days
    (``as_of``: the day after the last order unless given).
    """
    windows = data_windows(tx, as_of)
    cutoff = windows.cutoff if cutoff in (None, "") else pd.Timestamp(cutoff)
    features = customer_features(tx, as_of=cutoff, report=report)
    later = tx[(tx["order_date"] >= cutoff) & (tx["order_date"] < windows.end) & tx["customer_id"].isin(features.index)]
    if later.empty:
        raise KitError(f"no purchases from the cut-off {cutoff.date()} to {windows.end.date()}",
                       hint="choose an earlier cut-off")
    spend = rfm_table(later)["monetary"].reindex(features.index).fillna(0.0)
    threshold = spend.quantile(1 - seed_share)
    seeds = spend.index[(spend >= threshold) & (spend > 0)]
    features.attrs["outcome"] = (cutoff, windows.end)
    return features, seeds
