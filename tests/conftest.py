import os

import pandas as pd
import pytest

import kit
from kit.course.widgets import HEADLESS

os.environ[HEADLESS] = "1"  # kernels started by nbval inherit it: notebooks show no sliders


@pytest.fixture(scope="session")
def online_retail():
    """Online Retail loaded with the default cleaning (customer analyses)."""
    return kit.data.datasets.online_retail()


@pytest.fixture()
def small_raw():
    """A small raw table with one example of each problem, in canonical column names."""
    return pd.DataFrame({
        "customer_id": ["1", "1", "2", None, "3", "3", "4", "4", "5"],
        "order_id": ["10", "10", "11", "12", "C13", "14", "15", "15", "16"],
        "order_date": ["2024-01-05 10:00", "2024-01-05 10:00", "2024-01-06 11:00", "2024-01-07 12:00",
                       "2024-01-08 09:00", "2024-01-02 09:00", "2024-01-09 09:00", "2024-01-09 09:00",
                       "not a date"],
        "product_id": ["A", "B", "A", "B", "A", "A", "POST", "B", "A"],
        "quantity": [1, 2, 3, 1, -4, 4, 1, 1, 2],
        "unit_price": [2.0, 1.5, 2.0, 1.5, 2.0, 2.0, 5.0, 0.0, 2.0],
    })
