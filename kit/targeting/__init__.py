"""Customer targeting — 目标客户定位: relationship value, whale curve, segments, look-alikes, target lists."""

from .actions import SHOWN_FEATURES, TARGET_COLUMNS, target_action, targets_table
from .lookalike import (MIN_CLASS_SIZE, Lookalike, LookalikeWindows, gain_table, lookalike, lookalike_shortfall,
                        lookalike_windows)
from .segmentation import Segmentation, prepare, segment_customers
from .selection import Targets, select_targets
from .value import ASSUMPTIONS, STAGE_WEIGHTS, ValueAssumptions, WhaleCurve, relationship_value, value_assumptions, \
    whale_curve

__all__ = [
    "ASSUMPTIONS", "Lookalike", "LookalikeWindows", "MIN_CLASS_SIZE", "SHOWN_FEATURES", "STAGE_WEIGHTS",
    "Segmentation", "TARGET_COLUMNS", "Targets", "ValueAssumptions", "WhaleCurve",
    "gain_table", "lookalike", "lookalike_shortfall", "lookalike_windows",
    "prepare", "relationship_value",
    "segment_customers", "select_targets", "target_action", "targets_table", "value_assumptions", "whale_curve",
]
