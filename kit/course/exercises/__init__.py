"""Exercises of the course notebooks — 练习: one module per notebook, each building its exercises from the data the
notebook loaded; :mod:`.core` holds :class:`Exercise` and the learntools-style checks."""

from .core import Exercise, assert_check_failed, assert_check_passed, in_language, solve
from .customer_targeting import customer_targeting
from .data_preparation import data_preparation
from .lifetime_value import lifetime_value
from .market_basket import market_basket
from .value_grading import value_grading

__all__ = ["Exercise", "assert_check_failed", "assert_check_passed", "customer_targeting", "data_preparation",
           "in_language", "lifetime_value", "market_basket", "solve", "value_grading"]
