"""Look-alike scoring — 相似客户挖掘: find customers who resemble today's best ("resembling the loyal customers",
与忠诚客户具有相似特征).

A classifier learns to tell the seed customers from the others **from features observed before the outcome**:
the features are computed as of a cut-off date, the seeds are defined from what customers did after it. The model
is judged on customers it did not see (held-out AUC, a gain chart), then scores every candidate. Passing features
computed after the outcome window starts is refused: that would leak the answer into the inputs. The date of the
features travels with them (:class:`~kit.customers.features.Features`), also through joins.
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

from ..customers.features import Features, numeric_features
from ..customers.periods import data_windows
from ..customers.table import rfm_table
from ..errors import KitError


@dataclass
class Lookalike:
    """Result of :func:`lookalike`.

    Attributes
    ----------
    scores : Series
        ``lookalike_score``: probability of being like the seeds, indexed like the candidates.
    auc : float
        Area under the ROC curve on held-out customers (0.5 = guessing, 1 = perfect).
    gain : DataFrame
        :func:`gain_table` of the held-out customers.
    top_features : Series
        Coefficient (logistic) or importance (boosting) per feature, largest effect first.
    model : sklearn Pipeline
        The model fitted on every customer.
    columns : list of str
        The feature columns the model uses.
    """

    scores: pd.Series
    auc: float
    gain: pd.DataFrame
    top_features: pd.Series
    model: object
    columns: list

    def score(self, features) -> pd.Series:
        """Scores for other customers (e.g. today's features), with the fitted model.

        Parameters
        ----------
        features : DataFrame or Features
            A table with the model's :attr:`columns`.

        Returns
        -------
        Series
            ``lookalike_score`` per customer.

        Examples
        --------
        >>> table = pd.DataFrame({"frequency": [1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]})
        >>> found = lookalike(table, table.index[table["frequency"] > 6], test_size=0.5)
        >>> low, high = found.score(pd.DataFrame({"frequency": [1.0, 12.0]}))
        >>> low < 0.5 < high
        True
        """
        X = numeric_features(features, self.columns)
        return pd.Series(self.model.predict_proba(X)[:, 1], index=X.index, name="lookalike_score")


#: The fewest seed customers, and the fewest other customers, a look-alike model is fitted on.
MIN_CLASS_SIZE = 5


def lookalike_shortfall(features, seed_customers) -> str:
    """Why ``features`` and the seeds are too few to learn from ('' when there are at least
    :data:`MIN_CLASS_SIZE` seed customers and as many others).

    Parameters
    ----------
    features : DataFrame or Features
        One row per customer.
    seed_customers : iterable
        Ids of the seed customers.

    Returns
    -------
    str
        The reason, or ``''``.

    Examples
    --------
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


def lookalike(features, seed_customers, candidates=None, model: str = "logistic", outcome_start=None,
              test_size: float = 0.3, random_state: int = 0, columns=None) -> Lookalike:
    """Fit a classifier of seed vs other customers on ``features`` and score the ``candidates``.

    Parameters
    ----------
    features : Features or DataFrame
        One row per customer. With ``outcome_start``, a :class:`~kit.customers.features.Features` whose
        ``as_of`` is at or before ``outcome_start``: a plain DataFrame has no known date and is refused, and so
        are features computed (or joined with columns computed) after the outcome starts.
    seed_customers : iterable
        Ids of the customers to resemble (label 1; everyone else 0).
    candidates : iterable, optional
        The customers to score (default: all).
    model : {"logistic", "boosting"}
        Regularised logistic regression (balanced classes, on log-scaled standardised features) or gradient
        boosting.
    outcome_start : date-like, optional
        First day of the period that defined the seeds.
    test_size : float
        Share of customers held out to compute the AUC and the gain table.
    random_state : int
    columns : iterable of str, optional
        The feature columns (default: those of :data:`~kit.customers.features.NUMERIC_FEATURES` the table has).

    Returns
    -------
    Lookalike

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> table = pd.DataFrame({"frequency": rng.poisson(3, 60) + 1.0}, index=[f"c{i}" for i in range(60)])
    >>> seeds = table.index[table["frequency"] > 4]
    >>> found = lookalike(Features(table, pd.Timestamp("2024-06-01")), seeds, outcome_start="2024-06-01")
    >>> found.auc > 0.9, found.scores.index.equals(table.index)
    (True, True)
    """
    if model not in ("logistic", "boosting"):
        raise KitError(f"unknown model {model!r}", hint="use 'logistic' or 'boosting'")
    if outcome_start is not None:
        if not isinstance(features, Features):
            raise KitError("the features have no known date, so nothing shows they were computed before the "
                           f"outcome period starts ({pd.Timestamp(outcome_start).date()})",
                           hint="pass Features(table, as_of) with the date the table was computed as of, and add "
                                "columns with features.join(columns, as_of=...)")
        if features.as_of > pd.Timestamp(outcome_start):
            raise KitError(f"the features are computed as of {features.as_of.date()}, after the outcome period "
                           f"starts ({pd.Timestamp(outcome_start).date()}): the model would see the answer",
                           hint="compute the features with as_of at or before the start of the outcome period")
    features = features.table if isinstance(features, Features) else features
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
    and the lift over picking at random.

    seed_share_found(x) = positives among the best x / all positives;  lift(x) = seed_share_found(x) / x.

    Parameters
    ----------
    scores : Series
        Score per customer (higher = more likely).
    outcome : Series
        1 for a positive (seed), 0 otherwise, same index.
    bins : int
        Number of steps (10: deciles).

    Returns
    -------
    DataFrame
        ``customer_share``, ``seed_share_found``, ``lift``, one row per step.

    Examples
    --------
    >>> gain_table(pd.Series([0.9, 0.8, 0.2, 0.1]), pd.Series([1, 0, 1, 0]), bins=2)
       customer_share  seed_share_found  lift
    0             0.5               0.5   1.0
    1             1.0               1.0   1.0
    """
    order = scores.sort_values(ascending=False, kind="stable").index
    hits = outcome.reindex(order).to_numpy()
    n, total = len(hits), max(hits.sum(), 1)
    rows = []
    for b in range(1, bins + 1):
        k = int(np.ceil(n * b / bins))
        found = hits[:k].sum() / total
        rows.append((b / bins, round(float(found), 4), round(float(found / (b / bins)), 3)))
    return pd.DataFrame(rows, columns=["customer_share", "seed_share_found", "lift"])


@dataclass
class LookalikeWindows:
    """Result of :func:`lookalike_windows`: what a look-alike model learns from, split in time.

    Attributes
    ----------
    features : Features
        Customer features as of ``outcome_start`` (the cut-off).
    seeds : Index
        The customers whose spend in ``[outcome_start, outcome_end)`` is in the top share.
    outcome_start : Timestamp
        The cut-off: first day of the outcome window.
    outcome_end : Timestamp
        First day after the outcome window (``as_of``).
    """

    features: Features
    seeds: pd.Index
    outcome_start: pd.Timestamp
    outcome_end: pd.Timestamp


def lookalike_windows(tx: pd.DataFrame, cutoff=None, seed_share: float = 0.2, report=None,
                      as_of=None) -> LookalikeWindows:
    """Features before ``cutoff`` and the seeds after it: the customers known before the cut-off whose spend from
    the cut-off to ``as_of`` puts them in the top ``seed_share`` of those customers.

    Parameters
    ----------
    tx : DataFrame
        Canonical transactions.
    cutoff : date-like, optional
        Default: the rule of :mod:`kit.customers.periods`, ``as_of − W`` with ``W = min(183, span // 2)`` days.
    seed_share : float
        Share of the customers known before the cut-off who become seeds (by spend after it; spend > 0).
    report : LoadReport, optional
        The loader's report (gives ``return_rate``).
    as_of : date-like, optional
        End of the outcome window (default: the day after the last order).

    Returns
    -------
    LookalikeWindows

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": list("aabbc"), "order_id": list("12345"), "product_id": list("xxxxx"),
    ...     "amount": [5.0, 50.0, 5.0, 1.0, 2.0],
    ...     "order_date": pd.to_datetime(["2024-01-01", "2024-08-01", "2024-02-01", "2024-09-01", "2024-03-01"])})
    >>> split = lookalike_windows(tx, "2024-07-01", seed_share=0.5)
    >>> split.features.as_of.date(), list(split.seeds), split.outcome_end.date()
    (datetime.date(2024, 7, 1), ['a', 'b'], datetime.date(2024, 9, 2))
    """
    windows = data_windows(tx, as_of)
    cutoff = windows.cutoff if cutoff in (None, "") else pd.Timestamp(cutoff)
    features = Features.from_transactions(tx, as_of=cutoff, report=report)
    later = tx[(tx["order_date"] >= cutoff) & (tx["order_date"] < windows.end)
               & tx["customer_id"].isin(features.index)]
    if later.empty:
        raise KitError(f"no purchases from the cut-off {cutoff.date()} to {windows.end.date()}",
                       hint="choose an earlier cut-off")
    spend = rfm_table(later)["monetary"].reindex(features.index).fillna(0.0)
    threshold = spend.quantile(1 - seed_share)
    seeds = spend.index[(spend >= threshold) & (spend > 0)]
    return LookalikeWindows(features, seeds, cutoff, windows.end)
