"""The notebooks follow the template: a tagged, documented parameters cell; committed, executed outputs."""

import ast

import nbformat
import pytest

from kit.run.params import SHARED, notebook_parameters
from kit.run.runner import list_notebooks

NOTEBOOKS = list_notebooks()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_parameters_cell_is_first_and_fully_documented(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    assigned = [node.target.id for node in ast.parse(code[0].source).body]  # every line annotated
    declared = notebook_parameters(path)
    assert list(declared) == assigned  # papermill reads every one of them
    for p in declared.values():
        assert p.type in ("str", "int", "float", "bool") or p.type.startswith(("list", "Optional")), p
        assert p.help, f"{p.name} has no help comment"
    assert set(SHARED) <= set(declared)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_outputs_are_committed_executed_in_order(path):
    nb = nbformat.read(path, as_version=4)
    counts = [c.execution_count for c in nb.cells if c.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1))
    assert not [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert any("NBVAL_CHECK_OUTPUT" in c.source for c in nb.cells if c.cell_type == "code")
