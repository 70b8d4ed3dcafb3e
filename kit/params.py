"""Notebook parameters: reading them from the ``parameters`` cell, and checking values before anything runs.

Each notebook's first code cell is tagged ``parameters`` and declares every parameter with a type annotation and
a comment (``min_support: float = 0.01  # minimum share of baskets``). :func:`notebook_parameters` reads those
declarations with papermill; :func:`coerce` turns a value given on the command line into the declared type or
raises :class:`~kit.errors.KitError`; :func:`check_shared` is what the notebooks call in their second cell.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import KitError
from .labels import check_lang

#: Parameters every notebook shares; ``kit run`` fills them from its options.
SHARED = ("data_path", "columns", "encoding", "lang", "out_dir")


@dataclass(frozen=True)
class Parameter:
    """One declared notebook parameter."""

    name: str
    type: str
    default: str
    help: str


def notebook_parameters(path) -> dict[str, Parameter]:
    """The parameters declared in notebook ``path``'s ``parameters`` cell, in order."""
    import papermill

    found = papermill.inspect_notebook(str(path))
    return {name: Parameter(name, spec.get("inferred_type_name") or "None", spec.get("default") or "",
                            spec.get("help") or "") for name, spec in found.items()}


def coerce(name: str, value: Any, parameter: Parameter) -> Any:
    """Convert ``value`` (text from the command line, or already typed) to the parameter's declared type.

    >>> coerce("k", "4", Parameter("k", "int", "3", ""))
    4
    >>> coerce("k", "four", Parameter("k", "int", "3", ""))
    Traceback (most recent call last):
    ...
    kit.errors.KitError: parameter 'k' must be int, got 'four'
      what to do: give a whole number, e.g. -p k 3
    """
    kind = parameter.type.replace("typing.", "").strip()
    optional = kind.startswith("Optional[") or kind.endswith("| None")
    kind = kind.removeprefix("Optional[").removesuffix("]").removesuffix("| None").strip()
    if isinstance(value, str) and kind not in ("str", "None"):
        if optional and value.lower() in ("none", "null", ""):
            return None
        try:
            value = yaml.safe_load(value)
        except yaml.YAMLError:
            pass
    examples = {"int": "a whole number", "float": "a number", "bool": "true or false", "str": "text",
                "list": "a list such as [a, b]"}
    ok = {
        "int": isinstance(value, int) and not isinstance(value, bool),
        "float": isinstance(value, (int, float)) and not isinstance(value, bool),
        "bool": isinstance(value, bool),
        "str": isinstance(value, str),
    }
    base = kind.split("[")[0]
    if base in ("list", "List", "tuple"):
        good = isinstance(value, list)
    else:
        good = ok.get(base, True) or (optional and value is None)
    if not good:
        raise KitError(f"parameter {name!r} must be {kind}, got {value!r}",
                       hint=f"give {examples.get(base, kind)}, e.g. -p {name} {parameter.default or '...'}")
    return float(value) if base == "float" and value is not None else value


def check_shared(data_path: str = "", columns: str = "", encoding: str = "", lang: str = "en",
                 out_dir: str = "outputs") -> None:
    """Check the shared parameters; raise :class:`KitError` naming the bad one.

    >>> check_shared(lang="fr")
    Traceback (most recent call last):
    ...
    kit.errors.KitError: language 'fr' is not supported
      what to do: use one of zh, en
    """
    check_lang(lang)
    if data_path and not Path(data_path).is_file():
        raise KitError(f"data_path {data_path!r}: file not found", hint="give the path of a CSV, Excel or Parquet file")
    if columns and not Path(columns).is_file():
        raise KitError(f"columns {columns!r}: column map file not found", hint="give the path of a YAML column map")
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise KitError(f"encoding {encoding!r} is unknown", hint="use e.g. utf-8, gb18030 or cp1252") from None
    if not out_dir:
        raise KitError("out_dir is empty", hint="give a folder for the exported tables, e.g. outputs")


def check_range(name: str, value, low=None, high=None, *, choices=None) -> None:
    """Raise :class:`KitError` unless ``low <= value <= high`` (or ``value in choices``).

    >>> check_range("min_support", 1.5, 0, 1)
    Traceback (most recent call last):
    ...
    kit.errors.KitError: parameter 'min_support' is 1.5, outside [0, 1]
      what to do: give a value between 0 and 1
    """
    if choices is not None:
        if value not in choices:
            raise KitError(f"parameter {name!r} is {value!r}, not one of {list(choices)}",
                           hint=f"use one of {', '.join(map(str, choices))}")
        return
    if (low is not None and value < low) or (high is not None and value > high):
        raise KitError(f"parameter {name!r} is {value!r}, outside [{low}, {high}]",
                       hint=f"give a value between {low} and {high}")
