"""The customer value analytics kit: load transactions, grade and target customers, mine baskets.

Start with ``tx, report = kit.load_transactions("sales.csv", columns="map.yaml")`` or
``kit.datasets.online_retail()``; see README.md.
"""

from . import basket, clv, datasets, exercises, explore, export, grading, params, quiz, targeting, widgets
from .basket import association_rules, baskets, cross_sell, frequent_itemsets, placement_pairs
from .cleaning import CleaningReport
from .customers import rfm_table
from .errors import KitError
from .grading import (abc_grades, grade_migration, pareto, points_score, rfm_scores, rfm_segments,
                      strategic_matrix, value_matrix)
from .labels import label
from .loading import load_transactions
from .targeting import (customer_features, lookalike, relationship_value, segment_customers, select_targets,
                        whale_curve)

__all__ = [
    "CleaningReport", "KitError", "abc_grades", "association_rules", "basket", "baskets", "clv", "cross_sell",
    "datasets", "frequent_itemsets", "placement_pairs", "exercises", "explore", "export", "grade_migration",
    "grading", "label", "load_transactions", "params", "pareto", "points_score", "rfm_scores", "rfm_segments",
    "quiz", "rfm_table", "strategic_matrix", "value_matrix", "customer_features", "lookalike", "relationship_value",
    "segment_customers", "select_targets", "targeting", "whale_curve", "widgets",
]
__version__ = "0.1.0"
