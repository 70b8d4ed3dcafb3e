"""Plots, separate from computation: each takes a computed table (keys, canonical column names) and returns the
matplotlib Axes; its texts come from :mod:`kit.present.labels` in the language asked for. One module per area.

Chinese labels need a CJK font. :func:`plot_language` finds one among the installed fonts; when there is none it
warns once and returns ``"en"`` so plots show English labels instead of empty boxes.
"""

from .common import cjk_font, plot_language, plot_count_matrix, plot_matrix_heatmap
from .data import plot_cleaning, plot_monthly_sales, plot_counts, plot_top_products
from .grading import plot_rfm_distributions, plot_score_heatmap, plot_segment_shares, squarify, plot_segment_treemap, plot_lorenz, plot_value_matrix, plot_migration
from .clv import plot_cohort_retention, plot_holdout_by_frequency, plot_p_alive, plot_profit_by_tenure, plot_top_values
from .basket import rule_label, plot_rules_scatter, plot_rules_matrix, plot_rules_network
from .targeting import plot_whale_curve, plot_value_terms, plot_segment_choice, plot_segments_pca, plot_segment_profile, plot_gain
