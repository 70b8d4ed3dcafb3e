"""Customer value grading — 客户价值分级: RFM scores and segments, ABC/Pareto, value matrices, points, migration.

All functions take the customer table of :func:`kit.rfm_table` (or one value per customer) and return pandas
objects indexed by ``customer_id`` (or a :class:`Migration`). Segments, classes and actions are keys
(``"important_value"``, ``"act_keep_vip"``); the localisation step turns them into words for people, and the plots
are drawn there too, never here.
"""

from .abc import abc_grades, abc_summary, customers_for_share, gini, lorenz_curve, pareto, top_share
from .actions import RESULT_COLUMNS, SEGMENT_ACTIONS, grading_actions, segment_action
from .matrix import VALUE_LAYOUT, matrix_counts, strategic_matrix, value_matrix
from .migration import Migration, grade_migration, parse_period
from .points import DEFAULT_RULES, omitted_terms, points_score
from .rfm import (SCHEMES, high_low, parse_threshold, rank_cut, rfm_scores, rfm_segments, score_bins,
                  segment_summary)

__all__ = [
    "DEFAULT_RULES", "Migration", "RESULT_COLUMNS", "SCHEMES", "SEGMENT_ACTIONS", "VALUE_LAYOUT", "abc_grades", "abc_summary",
    "customers_for_share", "gini", "grade_migration", "grading_actions", "high_low", "lorenz_curve", "matrix_counts",
    "omitted_terms", "parse_period", "parse_threshold", "pareto", "points_score", "rank_cut", "rfm_scores",
    "rfm_segments", "score_bins", "segment_action", "segment_summary", "strategic_matrix", "top_share",
    "value_matrix",
]
