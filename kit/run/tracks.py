"""One source, two tracks — 一个源文件, 中英两条学习路线.

Each course notebook is written once, in ``notebooks/source/``: its code cells are shared, and each markdown cell
holds the prose in both languages, each part after a marker line::

    ::: en
    The **whale curve** (鲸鱼曲线) ranks customers by profit ...
    ::: zh
    **鲸鱼曲线** (whale curve) 把客户按利润从高到低排列 ...

A cell without markers (a formula, an image) is the same in both tracks. :func:`build_track` makes the track of
one language: the markdown in that language, the same code cells (same ids) with the parameter ``lang`` set to it,
(image links are relative to ``notebooks/<folder>/``, the same depth for the source and both tracks). ``kit refresh`` builds both tracks into ``notebooks/en`` and
``notebooks/zh`` and executes them; a test checks that the committed tracks are what the source builds.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

LANGUAGES = ("en", "zh")
MARKER = re.compile(r"^::: *(en|zh) *$", re.M)
LANG_PARAMETER = re.compile(r'^lang: str = "(?:en|zh)"', re.M)


def notebooks_root() -> Path:
    """The ``notebooks/`` folder beside the ``kit`` package."""
    return Path(__file__).resolve().parents[2] / "notebooks"


def source_dir() -> Path:
    """Where the bilingual source notebooks are: ``notebooks/source``."""
    return notebooks_root() / "source"


def track_dir(lang: str) -> Path:
    """Where the track of ``lang`` is written: ``notebooks/en`` or ``notebooks/zh`` (``"source"``: the sources)."""
    return notebooks_root() / lang


def split_languages(text: str) -> dict[str, str]:
    """The parts of a bilingual markdown cell by language; a cell without markers is the same in both.

    >>> split_languages("::: en\\nHello\\n::: zh\\n你好\\n")
    {'en': 'Hello', 'zh': '你好'}
    >>> split_languages("$$x^2$$")
    {'en': '$$x^2$$', 'zh': '$$x^2$$'}
    """
    parts = MARKER.split(text)
    if len(parts) == 1:
        return {lang: text for lang in LANGUAGES}
    found = {parts[i]: parts[i + 1].strip("\n") for i in range(1, len(parts) - 1, 2)}
    common = parts[0].strip("\n")
    return {lang: "\n\n".join(p for p in (common, found.get(lang, "")) if p) for lang in LANGUAGES}


def build_track(source, lang: str):
    """The notebook of the ``lang`` track built from the bilingual ``source`` notebook (outputs left as they are
    in the source, i.e. none)."""
    track = copy.deepcopy(source)
    for cell in track.cells:
        if cell.cell_type == "markdown":
            cell.source = split_languages(cell.source)[lang]
        elif "parameters" in cell.metadata.get("tags", []):
            cell.source = LANG_PARAMETER.sub(f'lang: str = "{lang}"', cell.source)
    track.metadata["language_track"] = lang
    return track


def same_code(a, b) -> bool:
    """Whether two notebooks have the same code cells (ids and sources), the ``lang`` parameter aside."""
    def code(nb):
        return [(c.get("id"), LANG_PARAMETER.sub('lang: str = ""', c.source)) for c in nb.cells
                if c.cell_type == "code"]
    return code(a) == code(b)


def stale_cells(source, track, lang: str) -> list[str]:
    """Ids of the cells of ``track`` whose source differs from what ``source`` builds (empty: up to date)."""
    built = build_track(source, lang)
    if len(built.cells) != len(track.cells):
        return [f"{len(track.cells)} cells, the source builds {len(built.cells)}"]
    return [b.get("id", str(i)) for i, (b, t) in enumerate(zip(built.cells, track.cells))
            if (b.cell_type, b.source) != (t.cell_type, t.source)]
