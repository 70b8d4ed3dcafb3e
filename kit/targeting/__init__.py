"""Customer targeting — 目标客户定位: relationship value, whale curve, segments, look-alikes, target lists."""

from .actions import target_action, targets_table
from .lookalike import MIN_CLASS_SIZE, Lookalike, gain_table, lookalike, lookalike_shortfall, lookalike_windows
from .segmentation import Segmentation, prepare, segment_customers
from .selection import Targets, select_targets
from .value import ASSUMPTIONS, STAGE_WEIGHTS, relationship_value, whale_curve

__all__ = [
    "ASSUMPTIONS", "Lookalike", "MIN_CLASS_SIZE", "STAGE_WEIGHTS", "Segmentation", "Targets",
    "gain_table", "lookalike", "lookalike_shortfall", "lookalike_windows",
    "prepare", "relationship_value",
    "segment_customers", "select_targets", "target_action", "targets_table", "whale_curve",
]
