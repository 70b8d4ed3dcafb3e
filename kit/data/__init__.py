"""Data — 数据: read a file, map its columns, parse values, clean, and return the canonical transaction table with
a cleaning report; the bundled data sets and a synthetic generator with known truth.

>>> tx, report = load_transactions("sales.csv", columns="map.yaml")  # doctest: +SKIP
"""

from . import datasets, explore
from .cleaning import CleaningReport
from .loading import load_transactions

__all__ = ["CleaningReport", "datasets", "explore", "load_transactions"]
