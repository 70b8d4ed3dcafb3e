"""The data zoo (:mod:`zoo`), other shapes: one country, baskets without customers, customers without products,
no order ids, dates shifted by eight years, two years stacked."""

import pytest

from zoo import check_variant


@pytest.mark.parametrize("name", ["one_country", "basket_only", "no_products", "no_order_ids", "shifted_8_years",
                                  "two_years"])
def test_every_notebook_runs_or_skips_with_a_reason(name, tmp_path):
    check_variant(name, tmp_path)
