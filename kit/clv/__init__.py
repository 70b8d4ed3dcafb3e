"""Customer lifetime value — 客户终身价值: classroom formulas, BG/NBD, Pareto/NBD and Gamma-Gamma, validation.

One module per model (:mod:`.bgnbd`, :mod:`.pareto_nbd`, :mod:`.gamma_gamma`), what the models ask of their input
in :mod:`.utils`, the combination in :mod:`.value`, checks in :mod:`.validation`. The purchase summary the models
read is customer data (:func:`kit.customers.purchases.summary`, re-exported here as :func:`summary`, like lifetimes'
``summary_data_from_transaction_data``). Results are keys and figures; words and plots belong to the display layer.
"""

from ..customers.periods import default_calibration_end
from ..customers.purchases import summary
from .bgnbd import BetaGeo
from .classroom import (PROFIT_BY_TENURE, cohort_retention, customer_equity, discounted_clv, lifetime_value,
                        retention_rate)
from .fitting import ConvergenceError
from .gamma_gamma import GammaGamma
from .pareto_nbd import ParetoNBD
from .utils import Problem, model_history_problem
from .validation import ModelCheck, by_frequency_error, check_model, holdout_by_frequency, holdout_totals, p_alive_matrix
from .value import FittedModels, Refit, customer_lifetime_value, fit_models

__all__ = [
    "PROFIT_BY_TENURE", "BetaGeo", "ConvergenceError", "FittedModels", "GammaGamma", "ModelCheck", "ParetoNBD",
    "Problem", "Refit", "by_frequency_error", "check_model", "cohort_retention", "customer_equity",
    "customer_lifetime_value", "default_calibration_end", "discounted_clv", "fit_models", "holdout_by_frequency",
    "holdout_totals", "lifetime_value", "model_history_problem", "p_alive_matrix", "retention_rate", "summary",
]
