"""The customer value analytics kit: load transactions, grade and target customers, mine baskets.

The layers, data flowing one way: :mod:`kit.data` (read, parse, clean) → :mod:`kit.customers` (the one customer
table, periods) → the methods :mod:`kit.grading`, :mod:`kit.basket`, :mod:`kit.clv`, :mod:`kit.targeting` (keys
and typed results) → :mod:`kit.present` (labels, plots, exports, report). The course (:mod:`kit.course`) and the
runner (:mod:`kit.run`) sit on top and are not imported here.

>>> tx, report = kit.load_transactions("sales.csv", columns="map.yaml")  # doctest: +SKIP
>>> rfm = kit.rfm_table(tx)  # doctest: +SKIP
"""

from . import basket, clv, customers, data, grading, present, targeting
from .basket import association_rules, baskets, cross_sell, frequent_itemsets, placement_pairs
from .customers import customer_features, periods, rfm_table
from .data import CleaningReport, datasets, load_transactions
from .errors import KitError
from .grading import (abc_grades, grade_migration, pareto, points_score, rfm_scores, rfm_segments,
                      strategic_matrix, value_matrix)
from .targeting import lookalike, relationship_value, segment_customers, select_targets, whale_curve

__all__ = [
    "CleaningReport", "KitError", "abc_grades", "association_rules", "basket", "baskets", "clv", "cross_sell",
    "customer_features", "customers", "data", "datasets", "frequent_itemsets", "grade_migration", "grading",
    "load_transactions", "lookalike", "pareto", "periods", "placement_pairs", "points_score", "present",
    "relationship_value", "rfm_scores", "rfm_segments", "rfm_table", "segment_customers", "select_targets",
    "strategic_matrix", "targeting", "value_matrix", "whale_curve",
]
__version__ = "0.1.0"
