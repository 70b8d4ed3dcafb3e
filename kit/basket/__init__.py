"""Market-basket association — 购物篮关联分析: baskets, frequent itemsets, association rules, placement, cross-sell."""

from .actions import cross_sell, placement_pairs
from .baskets import Baskets, baskets, from_lists
from .mining import ALGORITHMS, frequent_itemsets, min_count
from .rules import METRICS, adjust_p, association_rules, filter_rules, fisher_p, rule_metrics

__all__ = [
    "ALGORITHMS", "METRICS", "Baskets", "adjust_p", "association_rules", "baskets", "cross_sell", "filter_rules",
    "fisher_p", "frequent_itemsets", "from_lists", "min_count", "placement_pairs", "rule_metrics",
]
