"""Customer segmentation — 客户细分 — by clustering (聚类分析) on scaled features, with PCA (主成分分析) for the
picture and factor analysis (因子分析) as an option."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA, FactorAnalysis
from sklearn.metrics import silhouette_score

from ..errors import KitError
from ..customers.periods import table_windows
from ..customers.features import numeric_features


def prepare(features: pd.DataFrame, columns=None) -> tuple[pd.DataFrame, list[str]]:
    """Scaled feature matrix: skewed non-negative columns (skewness > 1) on a log(1 + x) scale, then every column
    standardised; constant columns are dropped and reported."""
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
    """Result of :func:`segment_customers`."""

    labels: pd.Series            # segment id (0..k-1, largest segment first) indexed like the features
    k: int
    profile: pd.DataFrame        # mean of each feature per segment, the overall mean, and size
    names: pd.Series             # a readable name suggestion per segment
    pca: pd.DataFrame            # PC1, PC2 per customer
    explained_variance: tuple
    scores: pd.DataFrame         # silhouette and inertia per k tried
    dropped: list = field(default_factory=list)
    loadings: pd.DataFrame | None = None  # factor loadings (method="factor")


def segment_customers(features: pd.DataFrame, k: int | None = None, method: str = "kmeans", random_state: int = 0,
                      columns=None, k_range=range(2, 9), n_factors: int = 3) -> Segmentation:
    """Cluster customers into ``k`` segments (chosen by the best silhouette over ``k_range`` when not given; the
    silhouette and inertia of every k in ``k_range`` are reported either way, for the elbow picture).

    ``method="kmeans"`` clusters the scaled features; ``method="factor"`` first extracts ``n_factors`` factors by
    factor analysis and clusters the factor scores. Segments are numbered from the largest and named by their two
    most distinctive features; when the data's span is too short to call anyone lapsed
    (:func:`kit.customers.periods.lapsed_customers`, from the table's ``first_order`` and ``as_of``), the names leave out the
    time features (:data:`TIME_FEATURES`: recency reads "lapsed", tenure only measures the span) and use the others.
    """
    if method not in ("kmeans", "factor"):
        raise KitError(f"unknown method {method!r}", hint="use 'kmeans' or 'factor'")
    X, dropped = prepare(features, columns)
    n = len(X)
    loadings = None
    data = X.to_numpy()
    if method == "factor":
        factors = FactorAnalysis(n_components=min(n_factors, X.shape[1]), random_state=random_state).fit(data)
        loadings = pd.DataFrame(factors.components_.T, index=X.columns,
                                columns=[f"factor_{i + 1}" for i in range(factors.components_.shape[0])]).round(3)
        data = factors.transform(data)
    candidates = sorted({c for c in k_range if 2 <= c < n} | ({k} if k else set()))
    if k is not None and (k < 2 or k >= n):
        raise KitError(f"k = {k} needs between 2 and {n - 1} segments for {n} customers",
                       hint="choose a smaller k, or more customers")
    if not candidates:
        raise KitError(f"{n} customers are too few to segment", hint="segmentation needs at least 3 customers")
    rows, fits = [], {}
    sample = min(n, 5000)  # silhouette on a fixed sample keeps large data sets fast
    rng = np.random.default_rng(random_state)
    idx = np.sort(rng.choice(n, size=sample, replace=False)) if sample < n else np.arange(n)
    for c in candidates:
        model = KMeans(n_clusters=c, n_init=10, random_state=random_state).fit(data)
        fits[c] = model
        silhouette = silhouette_score(data[idx], model.labels_[idx]) if len(set(model.labels_[idx])) > 1 else np.nan
        rows.append((c, silhouette, model.inertia_))
    scores = pd.DataFrame(rows, columns=["k", "silhouette", "inertia"]).set_index("k").round(4)
    best = k or int(scores["silhouette"].idxmax())
    raw = pd.Series(fits[best].labels_, index=features.index)
    order = raw.value_counts().sort_index().sort_values(ascending=False, kind="stable").index
    labels = raw.map({old: new for new, old in enumerate(order)}).rename("segment")
    profile = _profile(features, X, labels)
    pca_model = PCA(n_components=2, random_state=random_state).fit(X.to_numpy())
    coordinates = pd.DataFrame(pca_model.transform(X.to_numpy()), index=features.index, columns=["PC1", "PC2"])
    return Segmentation(labels, best, profile, _names(X, labels, _unnamed_features(features)), coordinates.round(4),
                        tuple(np.round(pca_model.explained_variance_ratio_, 4)), scores, dropped, loadings)


def _profile(features, X, labels) -> pd.DataFrame:
    raw = numeric_features(features, X.columns)
    means = raw.groupby(labels).mean()
    means.loc["overall"] = raw.mean()
    means["customers"] = list(labels.value_counts().sort_index()) + [len(labels)]
    return means.round(2)


#: Features that measure time since or with the customer: not used in segment names when the span is too short.
TIME_FEATURES = ("recency", "tenure_days")


def _unnamed_features(features: pd.DataFrame) -> tuple[str, ...]:
    """:data:`TIME_FEATURES` when the span of ``features`` is too short to call anyone lapsed, else none."""
    if "first_order" not in features or features.attrs.get("as_of") is None:
        return ()
    return TIME_FEATURES if table_windows(features).shortfall("lapsed") else ()


def _names(X: pd.DataFrame, labels: pd.Series, leave_out=()) -> pd.Series:
    """A name per segment from its two most distinctive features (standardised mean furthest from 0), leaving out
    the features in ``leave_out`` unless nothing else is left.

    Recency reads the other way round: low recency is "recent", high recency "lapsed".

    >>> X = pd.DataFrame({"recency": [2.0, -2.0], "tenure_days": [1.5, -1.5], "lines": [1.0, -1.0],
    ...                   "monetary": [-0.5, 0.5]})
    >>> _names(X, pd.Series([0, 1])).tolist()
    ['lapsed, high tenure days', 'recent, low tenure days']
    >>> _names(X, pd.Series([0, 1]), leave_out=TIME_FEATURES).tolist()
    ['high lines, low monetary', 'low lines, high monetary']
    """
    means = X.groupby(labels).mean()
    kept = [c for c in means.columns if c not in leave_out] or list(means.columns)
    means = means[kept]
    names = {}
    for segment, row in means.iterrows():
        parts = []
        for feature in row.abs().sort_values(ascending=False, kind="stable").index[:2]:
            high = row[feature] > 0
            if feature == "recency":
                parts.append("lapsed" if high else "recent")
            else:
                parts.append(f"{'high' if high else 'low'} {feature.replace('_', ' ')}")
        names[segment] = ", ".join(parts)
    return pd.Series(names, name="name")
