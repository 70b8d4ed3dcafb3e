"""The notebooks follow the template: a tagged, documented parameters cell; committed, executed outputs."""

import ast
import re

import nbformat
import pytest

from kit.run.params import SHARED, notebook_parameters
from kit.run.runner import list_notebooks
from kit.run.tracks import LANGUAGES, MARKER, same_code, source_dir, split_languages, stale_cells, track_dir

NOTEBOOKS = [path for lang in LANGUAGES for path in list_notebooks(lang=lang)]
SOURCES = sorted(source_dir().glob("[0-9][0-9]_*.ipynb"))


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


@pytest.mark.parametrize("path", NOTEBOOKS + SOURCES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_outputs_are_committed_executed_in_order(path):
    nb = nbformat.read(path, as_version=4)
    counts = [c.execution_count for c in nb.cells if c.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1))
    assert not [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert any("NBVAL_CHECK_OUTPUT" in c.source for c in nb.cells if c.cell_type == "code")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_each_track_is_what_its_source_builds(path, lang):
    source = nbformat.read(path, as_version=4)
    track_path = track_dir(lang) / path.name
    assert track_path.exists(), f"{lang}/{path.name} is missing: run make notebooks"
    track = nbformat.read(track_path, as_version=4)
    assert stale_cells(source, track, lang) == [], "the track is stale: run make notebooks"
    assert same_code(source, track)
    assert f'lang: str = "{lang}"' in track.cells[[c.cell_type for c in track.cells].index("code")].source


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_every_prose_cell_of_the_source_is_in_both_languages(path):
    source = nbformat.read(path, as_version=4)
    for cell in source.cells:
        if cell.cell_type != "markdown":
            continue
        marked = MARKER.findall(cell.source)
        assert sorted(marked) in ([], sorted(LANGUAGES)), (cell.get("id"), marked)
        if not marked:  # a formula or an image only
            rest = re.sub(r"\$\$.*?\$\$|\$[^$]*\$|!\[[^\]]*\]\([^)]*\)", "", cell.source, flags=re.S)
            assert not any(ch.isalpha() for ch in rest), (cell.get("id"), rest[:80])
        parts = split_languages(cell.source)
        assert all(parts[lang].strip() for lang in LANGUAGES), cell.get("id")


def test_the_tracks_share_their_code_cells():
    for path in SOURCES:
        en, zh = (nbformat.read(track_dir(lang) / path.name, as_version=4) for lang in LANGUAGES)
        assert same_code(en, zh), path.name
        assert [c.get("id") for c in en.cells] == [c.get("id") for c in zh.cells]
