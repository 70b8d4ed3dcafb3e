"""The customer value analytics kit: load transactions, grade and target customers, mine baskets.

Start with ``tx, report = kit.load_transactions("sales.csv", columns="map.yaml")`` or
``kit.datasets.online_retail()``; see README.md.
"""

from . import datasets, exercises, explore, export, params
from .cleaning import CleaningReport
from .errors import KitError
from .labels import label
from .loading import load_transactions

__all__ = ["CleaningReport", "KitError", "datasets", "exercises", "explore", "export", "label", "load_transactions", "params"]
__version__ = "0.1.0"
