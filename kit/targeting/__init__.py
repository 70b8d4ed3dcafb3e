"""Customer targeting — 目标客户定位: features, relationship value, whale curve, segments, look-alikes, target lists."""

from .actions import target_action, targets_table
from .features import NUMERIC_FEATURES, customer_features, numeric_features
from .lookalike import MIN_CLASS_SIZE, Lookalike, gain_table, lookalike, lookalike_shortfall, lookalike_windows
from .segmentation import Segmentation, prepare, segment_customers
from .selection import Targets, select_targets
from .value import ASSUMPTIONS, STAGE_WEIGHTS, relationship_value, whale_curve

__all__ = [
    "ASSUMPTIONS", "Lookalike", "MIN_CLASS_SIZE", "NUMERIC_FEATURES", "STAGE_WEIGHTS", "Segmentation", "Targets",
    "customer_features", "gain_table", "lookalike", "lookalike_shortfall", "lookalike_windows", "numeric_features",
    "prepare", "relationship_value",
    "segment_customers", "select_targets", "target_action", "targets_table", "whale_curve",
]
