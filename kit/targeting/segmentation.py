"""Customer segmentation — 客户细分 — by clustering (聚类分析) on scaled features, with PCA (主成分分析) for the
picture and factor analysis (因子分析) as an option.

Each segment is named by its two most distinctive traits, as a key ``"<trait>+<trait>"`` (e.g.
``"high_frequency+high_monetary"``); a trait is ``high_<feature>`` or ``low_<feature>``, and for recency ``recent``
or ``lapsed``. The words for them are in the label table.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA, FactorAnalysis
from sklearn.exceptions import ConvergenceWarning
from sklearn.metrics import silhouette_score

from ..customers.features import Features, numeric_features
from ..customers.periods import table_windows
from ..errors import KitError


#: Above this many customers, each candidate k is fitted on a random sample of this size to choose k (and its
#: silhouette and inertia, scaled to the whole table, are reported); the chosen k is then fitted on everyone.
CHOOSE_K_CUSTOMERS = 20_000

def prepare(features: pd.DataFrame, columns=None) -> tuple[pd.DataFrame, list[str]]:
    """Scaled feature matrix: skewed non-negative columns (skewness > 1) on a log(1 + x) scale, then every column
    standardised, z = (x − mean) / std; constant columns are dropped and reported.

    Parameters
    ----------
    features : DataFrame
        One row per customer.
    columns : iterable of str, optional
        The columns to use (default: the numeric features the table has).

    Returns
    -------
    (DataFrame, list of str)
        The scaled matrix and the constant columns dropped.

    Examples
    --------
    >>> X, dropped = prepare(pd.DataFrame({"recency": [1, 2, 3], "frequency": [2, 2, 2]}))
    >>> X["recency"].round(3).tolist(), dropped
    ([-1.225, 0.0, 1.225], ['frequency'])
    """
    X = numeric_features(features, columns)
    if X.isna().any().any():
        bad = X.columns[X.isna().any()][0]
        raise KitError(f"feature {bad!r} has missing values, e.g. for {X.index[X[bad].isna()][0]!r}",
                       hint="fill or drop them before segmenting")
    constant = [c for c in X.columns if X[c].nunique() <= 1]
    X = X.drop(columns=constant)
    if X.empty:
        raise KitError(f"all features are constant ({', '.join(constant)})",
                       hint="segmentation needs features that differ between customers")
    for column in X.columns:
        if (X[column] >= 0).all() and X[column].skew() > 1:
            X[column] = np.log1p(X[column])
    X = (X - X.mean()) / X.std(ddof=0)
    return X, constant


@dataclass
class Segmentation:
    """Result of :func:`segment_customers`.

    Attributes
    ----------
    labels : Series
        ``segment``: segment id (0..k-1, largest segment first), indexed like the features.
    k : int
        Number of segments.
    profile : DataFrame
        Mean of each feature per segment and ``overall``, and ``customers`` (size).
    names : Series
        ``segment``: the name key suggested for each segment id (two traits, see the module docstring).
    pca : DataFrame
        ``PC1``, ``PC2`` per customer.
    explained_variance : tuple of float
        Share of variance of PC1 and PC2.
    scores : DataFrame
        ``silhouette`` and ``inertia`` per k tried.
    dropped : list of str
        Constant features left out.
    loadings : DataFrame or None
        Factor loadings (``method="factor"``): one row per scaled feature, one column per factor (``factor_1``
        explains the most variance); a loading near ±1 means the feature moves with the factor, near 0 that it
        does not.
    """

    labels: pd.Series
    k: int
    profile: pd.DataFrame
    names: pd.Series
    pca: pd.DataFrame
    explained_variance: tuple
    scores: pd.DataFrame
    dropped: list = field(default_factory=list)
    loadings: pd.DataFrame | None = None

    def segment_keys(self) -> pd.Series:
        """The name key of each customer's segment, indexed like the features.

        Returns
        -------
        Series
            ``segment`` per customer.

        Examples
        --------
        >>> features = pd.DataFrame({"frequency": [1, 1, 2, 9, 10, 11], "monetary": [5, 6, 5, 90, 99, 120]})
        >>> segment_customers(features, k=2).segment_keys().tolist()[:2]
        ['low_frequency+low_monetary', 'low_frequency+low_monetary']
        """
        return self.labels.map(self.names).rename("segment")


def segment_customers(features: pd.DataFrame, k: int | None = None, method: str = "kmeans", random_state: int = 0,
                      columns=None, k_range=range(2, 9), n_factors: int = 3, as_of=None) -> Segmentation:
    """Cluster customers into ``k`` segments by k-means on the scaled features (:func:`prepare`).

    Parameters
    ----------
    features : DataFrame or Features
        One row per customer (:func:`kit.customer_features`); a :class:`~kit.customers.features.Features` gives
        ``as_of`` too.
    k : int, optional
        Number of segments; default the best silhouette over ``k_range`` (the silhouette and inertia of every k
        in ``k_range`` are reported either way, for the elbow picture).
    method : {"kmeans", "factor"}
        ``"factor"`` first extracts ``n_factors`` factors by factor analysis (因子分析: a few unobserved factors
        that explain the correlations between the features; varimax rotation, so that each feature loads mainly
        on one factor) and clusters the customers' factor scores.
    random_state : int
    columns : iterable of str, optional
        The feature columns (default: the numeric features the table has).
    k_range : iterable of int
    n_factors : int
    as_of : date-like, optional
        The date ``features`` were computed as of. When given and the span from the first order to it is too
        short to call anyone lapsed (:func:`kit.customers.periods.lapsed_customers`), the names leave out the
        time features (:data:`TIME_FEATURES`: recency reads "lapsed", tenure only measures the span).

    Returns
    -------
    Segmentation
        Segments numbered from the largest, each named by its two most distinctive traits (name keys).

    Examples
    --------
    >>> features = pd.DataFrame({"frequency": [1, 1, 2, 9, 10, 11], "monetary": [5, 6, 5, 90, 99, 120]},
    ...                         index=list("abcdef"))
    >>> result = segment_customers(features, k=2)
    >>> result.labels.tolist(), result.names.tolist()
    ([1, 1, 1, 0, 0, 0], ['high_frequency+high_monetary', 'low_frequency+low_monetary'])
    >>> bool(segment_customers(features, k=2, method="factor", n_factors=1).loadings["factor_1"].gt(0).all())
    True
    """
    if method not in ("kmeans", "factor"):
        raise KitError(f"unknown method {method!r}", hint="use 'kmeans' or 'factor'")
    if isinstance(features, Features):
        features, as_of = features.table, features.as_of if as_of in (None, "") else as_of
    X, dropped = prepare(features, columns)
    n = len(X)
    loadings = None
    data = X.to_numpy()
    if method == "factor":
        loadings, data = _factor_scores(X, n_factors, random_state)
    candidates = sorted({c for c in k_range if 2 <= c < n} | ({k} if k else set()))
    if k is not None and (k < 2 or k >= n):
        raise KitError(f"k = {k} needs between 2 and {n - 1} segments for {n} customers",
                       hint="choose a smaller k, or more customers")
    if not candidates:
        raise KitError(f"{n} customers are too few to segment", hint="segmentation needs at least 3 customers")
    rows, fits = [], {}
    rng = np.random.default_rng(random_state)
    # k is chosen on at most CHOOSE_K_CUSTOMERS (the whole table below that), then fitted on everyone
    fitted = np.sort(rng.choice(n, size=CHOOSE_K_CUSTOMERS, replace=False)) if n > CHOOSE_K_CUSTOMERS else np.arange(n)
    sample = min(len(fitted), 5000)  # silhouette on a fixed sample keeps large data sets fast
    idx = np.sort(rng.choice(len(fitted), size=sample, replace=False)) if sample < len(fitted) \
        else np.arange(len(fitted))
    for c in candidates:
        model = KMeans(n_clusters=c, n_init=10, random_state=random_state).fit(data[fitted])
        fits[c] = model
        silhouette = silhouette_score(data[fitted][idx], model.labels_[idx]) \
            if len(set(model.labels_[idx])) > 1 else np.nan
        rows.append((c, silhouette, model.inertia_ * n / len(fitted)))
    scores = pd.DataFrame(rows, columns=["k", "silhouette", "inertia"]).set_index("k").round(4)
    best = k or int(scores["silhouette"].idxmax())
    if len(fitted) < n:
        fits[best] = KMeans(n_clusters=best, n_init=10, random_state=random_state).fit(data)
    raw = pd.Series(fits[best].labels_, index=features.index)
    order = raw.value_counts().sort_index().sort_values(ascending=False, kind="stable").index
    labels = raw.map({old: new for new, old in enumerate(order)}).rename("segment")
    profile = _profile(features, X, labels)
    pca_model = PCA(n_components=2, random_state=random_state).fit(X.to_numpy())
    coordinates = pd.DataFrame(pca_model.transform(X.to_numpy()), index=features.index, columns=["PC1", "PC2"])
    names = _names(X, labels, _unnamed_features(features, as_of))
    return Segmentation(labels, best, profile, names, coordinates.round(4),
                        tuple(np.round(pca_model.explained_variance_ratio_, 4)), scores, dropped, loadings)


def _factor_scores(X: pd.DataFrame, n_factors: int, random_state: int) -> tuple[pd.DataFrame, np.ndarray]:
    """Varimax-rotated factor loadings (``factor_1`` .. ``factor_n``) and each customer's factor scores.

    Each factor is turned so that its largest loading is positive, and the factors are numbered by the variance
    they explain (sum of squared loadings), largest first: the same data give the same table.
    """
    n = min(n_factors, X.shape[1])
    with warnings.catch_warnings():  # a feature explained almost entirely (Heywood case) slows convergence only
        warnings.simplefilter("ignore", ConvergenceWarning)
        model = FactorAnalysis(n_components=n, rotation="varimax" if n > 1 else None, svd_method="lapack",
                               max_iter=200, random_state=random_state).fit(X.to_numpy())
    components = model.components_
    signs = np.sign(components[np.arange(n), np.abs(components).argmax(axis=1)])
    order = np.argsort(-((components * signs[:, None]) ** 2).sum(axis=1), kind="stable")
    components = (components * signs[:, None])[order]
    scores = (model.transform(X.to_numpy()) * signs)[:, order]
    loadings = pd.DataFrame(components.T, index=X.columns, columns=[f"factor_{i + 1}" for i in range(n)]).round(3)
    return loadings, scores


def _profile(features, X, labels) -> pd.DataFrame:
    raw = numeric_features(features, X.columns)
    means = raw.groupby(labels).mean()
    means.loc["overall"] = raw.mean()
    means["customers"] = list(labels.value_counts().sort_index()) + [len(labels)]
    return means.round(2)


#: Features that measure time since or with the customer: not used in segment names when the span is too short.
TIME_FEATURES = ("recency", "tenure_days")


def _unnamed_features(features: pd.DataFrame, as_of=None) -> tuple[str, ...]:
    """:data:`TIME_FEATURES` when the span of ``features`` up to ``as_of`` is too short to call anyone lapsed, else
    none (also when ``as_of`` is not given)."""
    if "first_order" not in features or as_of in (None, ""):
        return ()
    return TIME_FEATURES if table_windows(features, as_of).shortfall("lapsed") else ()


def trait(feature: str, high: bool) -> str:
    """The key of a segment trait: ``high_<feature>`` or ``low_<feature>``; for recency ``lapsed`` or ``recent``.

    Parameters
    ----------
    feature : str
        A feature column.
    high : bool
        Whether the segment's mean is above the overall mean.

    Returns
    -------
    str

    Examples
    --------
    >>> trait("basket_breadth", True), trait("recency", False)
    ('high_basket_breadth', 'recent')
    """
    if feature == "recency":
        return "lapsed" if high else "recent"
    return f"{'high' if high else 'low'}_{feature}"


def _names(X: pd.DataFrame, labels: pd.Series, leave_out=()) -> pd.Series:
    """A name key per segment from its two most distinctive traits (standardised mean furthest from 0), leaving
    out the features in ``leave_out`` unless nothing else is left.

    Recency reads the other way round: low recency is "recent", high recency "lapsed".

    >>> X = pd.DataFrame({"recency": [2.0, -2.0], "tenure_days": [1.5, -1.5], "lines": [1.0, -1.0],
    ...                   "monetary": [-0.5, 0.5]})
    >>> _names(X, pd.Series([0, 1])).tolist()
    ['lapsed+high_tenure_days', 'recent+low_tenure_days']
    >>> _names(X, pd.Series([0, 1]), leave_out=TIME_FEATURES).tolist()
    ['high_lines+low_monetary', 'low_lines+high_monetary']
    """
    means = X.groupby(labels).mean()
    kept = [c for c in means.columns if c not in leave_out] or list(means.columns)
    means = means[kept]
    names = {}
    for segment, row in means.iterrows():
        parts = [trait(feature, row[feature] > 0)
                 for feature in row.abs().sort_values(ascending=False, kind="stable").index[:2]]
        names[segment] = "+".join(parts)
    return pd.Series(names, name="segment")
