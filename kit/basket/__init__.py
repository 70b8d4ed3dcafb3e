"""Market-basket association — 购物篮关联分析: baskets, frequent itemsets, association rules, placement, cross-sell.

mlxtend's functions (:func:`frequent_itemsets`, :func:`apriori`, :func:`fpgrowth`, :func:`fpmax`, :func:`hmine`,
:func:`association_rules`) return mlxtend's DataFrames; the kit's own path (:func:`mine_itemsets`,
:func:`itemsets_within_caps`) returns a :class:`MinedItemsets` that carries the number of baskets and the threshold
used. Results hold keys and figures; the sentences for people are built by the display layer.
"""

from .actions import cross_sell, placement_pairs
from .baskets import Baskets, baskets, from_lists
from .mining import (ALGORITHMS, MAX_ITEMSETS, MinedItemsets, apriori, estimate_itemsets, fpgrowth, fpmax,
                     frequent_itemsets, hmine, itemsets_within_caps, large_baskets, min_count, mine_itemsets,
                     supports_with_missing)
from .rules import (MAX_RULES, METRICS, adjust_p, association_rules, filter_rules, fisher_p, is_redundant, rule_count,
                    rule_metrics)

__all__ = [
    "ALGORITHMS", "MAX_ITEMSETS", "MAX_RULES", "METRICS", "Baskets", "MinedItemsets", "adjust_p", "apriori",
    "association_rules", "baskets", "cross_sell", "estimate_itemsets", "filter_rules", "fisher_p", "fpgrowth", "fpmax",
    "frequent_itemsets", "from_lists", "hmine", "is_redundant", "itemsets_within_caps", "large_baskets", "min_count",
    "mine_itemsets", "placement_pairs", "rule_count", "rule_metrics", "supports_with_missing",
]
