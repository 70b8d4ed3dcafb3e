"""Market-basket association — 购物篮关联分析: baskets, frequent itemsets, association rules, placement, cross-sell."""

from .actions import cross_sell, placement_pairs
from .baskets import Baskets, baskets, from_lists
from .mining import (ALGORITHMS, MAX_ITEMSETS, apriori, estimate_itemsets, fpgrowth, fpmax, frequent_itemsets, hmine,
                     itemsets_within_caps, large_baskets, min_count, supports_with_missing)
from .rules import (MAX_RULES, METRICS, adjust_p, association_rules, filter_rules, fisher_p, is_redundant, rule_count,
                    rule_metrics)

__all__ = [
    "ALGORITHMS", "MAX_ITEMSETS", "MAX_RULES", "METRICS", "Baskets", "adjust_p", "apriori", "association_rules",
    "baskets", "cross_sell", "estimate_itemsets", "filter_rules", "fisher_p", "fpgrowth", "fpmax", "frequent_itemsets",
    "from_lists", "hmine", "is_redundant", "itemsets_within_caps", "large_baskets", "min_count", "placement_pairs",
    "rule_count", "rule_metrics", "supports_with_missing",
]
