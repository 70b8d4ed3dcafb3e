"""The data zoo (:mod:`zoo`), short and small histories: a month, a week, thirty customers, one customer holding
most of the money."""

import pytest

from zoo import VARIANTS, check_variant

SHORT = ["one_month", "one_week", "thirty_customers", "one_heavy_customer"]


@pytest.mark.parametrize("name", SHORT)
def test_every_notebook_runs_or_skips_with_a_reason(name, tmp_path):
    check_variant(name, tmp_path)


def test_every_variant_is_tested_once():
    from test_zoo_shapes import test_every_notebook_runs_or_skips_with_a_reason as shapes

    shape_names = next(m.args[1] for m in shapes.pytestmark if m.name == "parametrize")
    assert sorted(SHORT + shape_names) == sorted(VARIANTS)
