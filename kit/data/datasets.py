"""Bundled data sets and a synthetic generator with known answers.

- :func:`online_retail` -- UCI Online Retail (541,909 invoice lines of a UK gift retailer, 2010-12 to 2011-12);
- :func:`cdnow` -- CDNOW purchases (23,570 customers, 1997-01 to 1998-06), or its 1/10 sample;
- :func:`groceries` -- the 9,835 "Groceries" baskets of R's arules;
- :func:`synthetic` -- a generated shop with planted segments, product pairs and churners, and the truth.

Each loader returns ``(tx, report)`` like :func:`kit.load_transactions`, using the column map stored beside the
data (``data/<name>.yaml``); :func:`path` and :func:`column_map` give those files to the command line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from . import schema
from ..errors import KitError
from .loading import load_each_analysis, load_transactions
from .prepared import read_prepared
from .readers import read_basket_lines

#: The bundled data sets: name -> (data file, column map).
FILES = {
    "online_retail": ("online_retail.parquet", "online_retail.yaml"),
    "cdnow": ("CDNOW_master.txt", "cdnow.yaml"),
    "cdnow_sample": ("CDNOW_sample.txt", "cdnow_sample.yaml"),
    "groceries": ("groceries.csv", "groceries.yaml"),
}


def data_dir() -> Path:
    """The folder of the bundled data: ``$KIT_DATA_DIR``, else ``data/`` beside the ``kit`` package.

    Returns
    -------
    Path

    Examples
    --------
    >>> (data_dir() / "online_retail.yaml").exists()
    True
    """
    return Path(os.environ.get("KIT_DATA_DIR") or Path(__file__).resolve().parents[2] / "data")


def path(name: str) -> Path:
    """Path of bundled data set ``name``.

    Parameters
    ----------
    name : str
        One of :data:`FILES`: ``"online_retail"``, ``"cdnow"``, ``"cdnow_sample"``, ``"groceries"``.

    Returns
    -------
    Path

    Examples
    --------
    >>> path("cdnow_sample").name
    'CDNOW_sample.txt'
    """
    return data_dir() / FILES[name][0]


def column_map(name: str) -> Path | None:
    """Path of the YAML column map of bundled data set ``name``.

    Parameters
    ----------
    name : str
        One of :data:`FILES`.

    Returns
    -------
    Path or None
        ``data/<name>.yaml``; ``None`` for a data set without one.

    Examples
    --------
    >>> column_map("online_retail").name
    'online_retail.yaml'
    """
    mapping = FILES[name][1]
    return data_dir() / mapping if mapping else None


def load(data_path: str = "", columns: str = "", encoding: str = "", engine: str = "auto", prepared: str = "",
         only=None, **options):
    """The notebooks' loader: ``data_path`` if given (with its column map and encoding), else Online Retail.

    Parameters
    ----------
    data_path, columns, encoding : str
        As :func:`kit.load_transactions`'s ``source``, ``columns`` and ``encoding``; empty strings mean "not
        given", as in the notebooks' parameters cells.
    engine : {"auto", "pandas", "duckdb", "spark"}
        Where reading and cleaning run (:func:`kit.data.engines.choose_engine`).
    prepared : str
        A folder where ``kit run`` saved the loaded table (:mod:`kit.data.prepared`): read from there when it holds
        the analysis asked for. Empty: load the data.
    only : list of str, optional
        Return only these canonical columns, those the data have (all when ``None``); read from ``prepared``, the
        other columns are not read at all, which saves memory on large data.
    **options
        Loader options (``analysis``, ``steps``, ...).

    Returns
    -------
    tx : DataFrame
    report : CleaningReport

    Examples
    --------
    >>> tx, report = load(str(path("cdnow_sample")), str(column_map("cdnow_sample")))
    >>> report.n_kept == len(tx) == 6_919
    True
    """
    unknown = sorted(set(only or ()) - set(schema.ALL_COLUMNS))
    if unknown:
        raise KitError(f"only= names {', '.join(map(repr, unknown))}, not a column of the transaction table",
                       hint=f"choose among {', '.join(schema.ALL_COLUMNS)}")
    if prepared and set(options) <= {"analysis"}:
        found = read_prepared(prepared, options.get("analysis"), only)
        if found is not None:
            return found
    if not data_path:
        tx, report = online_retail(engine=engine, **options)
    else:
        tx, report = load_transactions(data_path, columns or None, encoding or None, engine=engine, **options)
    return (tx, report) if only is None else (tx[[c for c in only if c in tx]], report)


def load_each(data_path: str = "", columns: str = "", encoding: str = "", engine: str = "auto", lines=None):
    """:func:`load` for every analysis the data allow, reading the file once: yield ``(tx, report)`` per analysis,
    the default first (:func:`kit.data.loading.load_each_analysis`; ``lines`` as its).

    Examples
    --------
    >>> [report.analysis for _, report in load_each(str(path("cdnow_sample")), str(column_map("cdnow_sample")))]
    ['customers']
    """
    if not data_path:
        data_path, columns = path("online_retail"), column_map("online_retail")
    yield from load_each_analysis(data_path, columns or None, encoding or None, engine=engine, lines=lines)


def online_retail(**options):
    """UCI Online Retail, loaded and cleaned.

    Chen, Sain & Guo (2012), UCI Machine Learning Repository dataset 352, CC BY 4.0.

    Parameters
    ----------
    **options
        Loader options for :func:`kit.load_transactions` (e.g. ``analysis="baskets"`` keeps orders without a
        customer id).

    Returns
    -------
    tx : DataFrame
    report : CleaningReport

    Examples
    --------
    >>> tx, report = online_retail()
    >>> report.n_rows, report.n_kept == len(tx)
    (541909, True)
    """
    return load_transactions(path("online_retail"), column_map("online_retail"), **options)


def cdnow(sample: bool = False, **options):
    """CDNOW purchases: all 23,570 customers, or the 1/10 sample (2,357) with ``sample=True``.

    Fader, Hardie & Lee (2005). No order or product columns: a customer's purchases on one day form one order.

    Parameters
    ----------
    sample : bool
        The 1/10 sample instead of the full data.
    **options
        Loader options for :func:`kit.load_transactions`.

    Returns
    -------
    tx : DataFrame
    report : CleaningReport

    Examples
    --------
    >>> tx, report = cdnow(sample=True)
    >>> tx["customer_id"].nunique()
    2357
    """
    name = "cdnow_sample" if sample else "cdnow"
    return load_transactions(path(name), column_map(name), **options)


def groceries() -> list[list[str]]:
    """The Groceries baskets (Hahsler, Hornik & Reutterer 2006; GPL-3): 9,835 lists of item labels.

    Lines are split on commas only: two labels end in a space in the original data and keep it.

    Returns
    -------
    list of list of str
        One list of items per basket.

    Examples
    --------
    >>> baskets = groceries()
    >>> len(baskets), baskets[0]
    (9835, ['citrus fruit', 'semi-finished bread', 'margarine', 'ready soups'])
    """
    return read_basket_lines(path("groceries"))[0]


@dataclass
class SyntheticTruth:
    """What :func:`synthetic` planted, to check analyses against.

    Attributes
    ----------
    segments : Series
        ``customer_id`` -> planted segment.
    segment_sizes : dict
        Segment -> number of customers.
    pairs : DataFrame
        ``antecedent``, ``consequent``, ``add_probability``, ``designed_lift``, ``observed_lift``.
    churned : Series
        ``customer_id`` -> date of the last purchase, for the customers who churned.
    set_aside : dict
        Cleaning reason key -> number of rows it must set aside.
    n_clean_lines : int
        Lines a correct cleaning keeps.
    params : dict
        The arguments of :func:`synthetic`.

    Examples
    --------
    >>> _, truth = synthetic(n_customers=20, seed=3, dirt={"duplicate": 2})
    >>> truth.set_aside
    {'duplicate': 2}
    """

    segments: pd.Series
    segment_sizes: dict[str, int]
    pairs: pd.DataFrame
    churned: pd.Series
    set_aside: dict[str, int]
    n_clean_lines: int
    params: dict = field(default_factory=dict)


#: Default planted segments: share of customers, orders per 30 days, mean quantity, and whether they repeat.
SEGMENTS = {
    "champions": (0.10, 3.0, 4.0),
    "loyal": (0.20, 1.2, 2.5),
    "occasional": (0.40, 0.3, 1.5),
    "one_off": (0.30, 0.0, 1.0),
}
#: Default planted pairs: (antecedent, consequent, probability the consequent is added when the antecedent is bought).
PAIRS = (("P003", "P004", 0.6), ("P010", "P020", 0.5))
#: Default dirty rows: reason -> how many.
DIRT = {"cancellation": 15, "missing_customer_id": 20, "unparseable_date": 5, "non_positive_price": 8,
        "non_product_code": 12, "duplicate": 10}


def synthetic(n_customers: int = 400, n_products: int = 40, start: str = "2023-01-01", days: int = 365,
              segments: dict | None = None, pairs=PAIRS, churn_share: float = 0.25, dirt: dict | None = None,
              seed: int = 0) -> tuple[pd.DataFrame, SyntheticTruth]:
    """Generate raw transaction lines with planted structure; return ``(raw, truth)``.

    Customers belong to segments of exact sizes (``round(share * n_customers)``, the last takes the rest) that
    differ in how often and how much they buy; a ``churn_share`` of the repeat buyers stop at a random day in
    the second half; each basket holds every product independently with its popularity ``p_i``, and for a
    planted pair (A, C, q) C is added with probability q when A is in the basket, so the designed lift is
    ``(p_C + (1 - p_C) q) / (p_C + (1 - p_C) p_A q)``. Dirty rows of each cleaning reason are appended in the
    numbers ``dirt`` gives (``DIRT`` by default, ``{}`` for none); each planted cancellation comes with the extra
    order line it reverses, so ``truth.set_aside`` counts both.

    The raw table uses the canonical column names and dates as text, so ``kit.load_transactions(raw)`` reads it.

    Parameters
    ----------
    n_customers, n_products : int
        Size of the shop.
    start, days : str, int
        First day and length of the period.
    segments : dict, optional
        Segment -> (share of customers, orders per 30 days, mean quantity); default :data:`SEGMENTS`.
    pairs : sequence of (str, str, float)
        Planted pairs (antecedent, consequent, probability the consequent is added); default :data:`PAIRS`.
    churn_share : float
        Share of repeat buyers who stop.
    dirt : dict, optional
        Reason key -> dirty rows to append; default :data:`DIRT`, ``{}`` for a clean file.
    seed : int
        Random seed; the same arguments give the same data.

    Returns
    -------
    raw : DataFrame
    truth : SyntheticTruth

    Examples
    --------
    >>> raw, truth = synthetic(n_customers=50, seed=1)
    >>> sorted(truth.segment_sizes.items())
    [('champions', 5), ('loyal', 10), ('occasional', 20), ('one_off', 15)]
    """
    rng = np.random.default_rng(seed)
    segments = segments or SEGMENTS
    dirt = DIRT if dirt is None else dirt
    start_ts = pd.Timestamp(start)
    customers = [f"{i:05d}" for i in range(1, n_customers + 1)]
    names = list(segments)
    sizes = [int(round(segments[s][0] * n_customers)) for s in names[:-1]]
    sizes.append(n_customers - sum(sizes))
    planted = pd.Series(np.repeat(names, sizes), index=customers, name="segment")
    products = [f"P{i:03d}" for i in range(1, n_products + 1)]
    popularity = 0.9 / np.arange(1, n_products + 1) ** 0.8  # Zipf-like, mean basket about 3 items
    prices = np.round(rng.lognormal(1.2, 0.6, n_products), 2)
    index = {p: i for i, p in enumerate(products)}

    lines, churned = [], {}
    order_no = 100000
    for customer, segment in planted.items():
        _, rate, mean_qty = segments[segment]
        first = rng.uniform(0, days * 0.5)
        end = float(days)
        if rate > 0 and rng.random() < churn_share:
            end = rng.uniform(days * 0.5, days * 0.9)
        times = [first]
        if rate > 0:
            t = first
            while True:
                t += rng.exponential(30.0 / rate)
                if t >= end:
                    break
                times.append(t)
        if end < days:
            churned[customer] = start_ts + pd.Timedelta(days=max(times))
        for t in times:
            order_no += 1
            when = start_ts + pd.Timedelta(days=t)
            for product in _basket(rng, products, popularity, pairs, index):
                qty = 1 + rng.poisson(mean_qty - 1) if mean_qty > 1 else 1
                lines.append((customer, str(order_no), when, product, f"Product {product[1:]}", int(qty),
                              float(prices[index[product]])))
    raw = pd.DataFrame(lines, columns=["customer_id", "order_id", "order_date", "product_id", "product_name",
                                       "quantity", "unit_price"])
    pair_table = _pair_truth(raw, pairs, popularity, index)
    n_clean = len(raw)
    raw = pd.concat([raw, _dirt(rng, raw, dirt, order_no)], ignore_index=True)
    raw["order_date"] = [d if isinstance(d, str) else d.strftime("%Y-%m-%d %H:%M") for d in raw["order_date"]]
    churn = pd.Series(churned, name="last_purchase", dtype="datetime64[ns]").sort_index()
    set_aside = {k: v for k, v in dirt.items() if v}
    if set_aside.get("cancellation"):
        set_aside["cancelled_order"] = set_aside["cancellation"]
    truth = SyntheticTruth(planted, dict(zip(names, sizes)), pair_table, churn, set_aside, n_clean,
                           dict(n_customers=n_customers, n_products=n_products, start=start, days=days, seed=seed))
    return raw, truth


def _basket(rng, products, popularity, pairs, index) -> list[str]:
    while True:
        chosen = rng.random(len(products)) < popularity
        for antecedent, consequent, q in pairs:
            if chosen[index[antecedent]] and rng.random() < q:
                chosen[index[consequent]] = True
        if chosen.any():
            return [p for p, c in zip(products, chosen) if c]


def _pair_truth(raw, pairs, popularity, index) -> pd.DataFrame:
    baskets = raw.groupby("order_id")["product_id"].agg(set)
    n = len(baskets)
    rows = []
    for antecedent, consequent, q in pairs:
        p_a, p_c = popularity[index[antecedent]], popularity[index[consequent]]
        designed = (p_c + (1 - p_c) * q) / (p_c + (1 - p_c) * p_a * q)
        has_a = baskets.map(lambda b: antecedent in b)
        has_c = baskets.map(lambda b: consequent in b)
        observed = (has_a & has_c).sum() * n / (has_a.sum() * has_c.sum())
        rows.append((antecedent, consequent, q, designed, observed))
    return pd.DataFrame(rows, columns=["antecedent", "consequent", "add_probability", "designed_lift",
                                       "observed_lift"])


def _dirt(rng, raw: pd.DataFrame, dirt: dict, order_no: int) -> pd.DataFrame:
    """Rows that cleaning must set aside, each for exactly one reason."""
    pieces = []
    for reason, count in dirt.items():
        if not count:
            continue
        rows = raw.iloc[rng.choice(len(raw), size=count, replace=False)].copy()
        fresh = [str(order_no + 1000 + len(pieces) * 1000 + i) for i in range(count)]
        if reason == "cancellation":  # an extra order line, and its cancellation a minute later
            rows["order_id"] = fresh
            cancel = rows.assign(order_id=["C" + o for o in fresh], quantity=-rows["quantity"],
                                 order_date=rows["order_date"] + pd.Timedelta(minutes=1))
            rows = pd.concat([rows, cancel])
        elif reason == "missing_customer_id":
            rows["customer_id"] = None
            rows["order_id"] = fresh
        elif reason == "unparseable_date":
            rows["order_date"] = "not a date"
            rows["order_id"] = fresh
        elif reason == "non_positive_price":
            rows["unit_price"] = 0.0
            rows["order_id"] = fresh
        elif reason == "non_product_code":
            rows["product_id"] = "POST"
            rows["product_name"] = "POSTAGE"
            rows["order_id"] = fresh
        elif reason != "duplicate":
            raise ValueError(f"cannot plant dirt of kind {reason!r}")
        pieces.append(rows)
    return pd.concat(pieces, ignore_index=True) if pieces else raw.iloc[:0]
