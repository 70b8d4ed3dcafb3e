"""Customers — 客户: the one customer table (RFM and features, computed once from the transactions), the purchase
summaries the lifetime-value models read, and the periods and windows every method derives from the data.
"""

from . import periods, purchases, queries
from .features import NUMERIC_FEATURES, Features, customer_features, numeric_features
from .table import RFM_COLUMNS, default_as_of, period_table, rfm_table, table_as_of

__all__ = ["Features", "NUMERIC_FEATURES", "RFM_COLUMNS", "customer_features", "default_as_of", "numeric_features",
           "period_table", "periods", "purchases", "rfm_table", "table_as_of"]
