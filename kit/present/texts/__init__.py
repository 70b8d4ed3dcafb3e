"""The texts of each area and notebook, in both languages; :mod:`kit.present.labels` merges them into its one
table and refuses a key given twice."""

from . import (course, customer_targeting, data_preparation, lifetime_value, market_basket, quiz, reports,
               value_grading)

SECTIONS = (course, data_preparation, customer_targeting, market_basket, value_grading, lifetime_value, quiz,
            reports)
