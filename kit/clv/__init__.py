"""Customer lifetime value — 客户终身价值: classroom formulas, BG/NBD + Gamma-Gamma, validation.

One module per model (:mod:`.bgnbd`, :mod:`.gamma_gamma`), shared summaries in :mod:`.utils`, the combination in
:mod:`.value`, checks in :mod:`.validation`; plots are in :mod:`kit.present.plots`.
"""

from .bgnbd import BetaGeo
from .classroom import (PROFIT_BY_TENURE, cohort_retention, customer_equity, discounted_clv, lifetime_value,
                        retention_rate)
from .fitting import ConvergenceError
from .gamma_gamma import GammaGamma
from .pareto_nbd import ParetoNBD
from .utils import default_calibration_end, model_history_problem, sig, summary
from .validation import (ModelCheck, by_frequency_error, check_model, holdout_by_frequency, holdout_totals,
                         p_alive_matrix, read_model_check)
from .value import customer_lifetime_value, fit_models

__all__ = [
    "PROFIT_BY_TENURE", "BetaGeo", "ModelCheck", "by_frequency_error", "check_model", "read_model_check", "ConvergenceError", "GammaGamma", "ParetoNBD", "cohort_retention", "customer_equity",
    "customer_lifetime_value", "default_calibration_end", "model_history_problem", "sig", "discounted_clv", "fit_models", "holdout_by_frequency", "holdout_totals", "lifetime_value",
    "p_alive_matrix", "retention_rate", "summary",
]
