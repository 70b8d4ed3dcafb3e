"""Notebook parameters: their declarations, one set of constraints on their values, and the checks.

Each notebook's first code cell is tagged ``parameters`` and declares every parameter with a type annotation and
a comment (``min_support: float = 0.01  # minimum share of baskets``). :func:`notebook_parameters` reads those
declarations with papermill and :func:`coerce` turns a value given on the command line into the declared type.

What values are allowed is declared once, in :data:`CONSTRAINTS` (name -> list of constraints, any of which may
hold, in the manner of scikit-learn's ``_parameter_constraints``) and :data:`RELATIONS` (between two parameters).
:func:`check` applies them; the notebooks call it in their second cell, ``kit run`` calls it before any notebook
runs, and ``kit params`` shows each parameter's allowed values with :func:`allowed`.
"""

from __future__ import annotations

import codecs
import glob
import math
import numbers
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ..errors import KitError
from ..grading.rfm import SCHEMES
from ..present.labels import LANGUAGES
from ..targeting.value import STAGE_WEIGHTS

#: Parameters every notebook shares; ``kit run`` fills them from its options.
SHARED = ("data_path", "columns", "encoding", "lang", "out_dir", "engine", "prepared")


class Constraint:
    """One kind of allowed value; ``str(constraint)`` describes it for people."""

    def is_satisfied_by(self, value) -> bool:
        raise NotImplementedError


class Interval(Constraint):
    """Numbers of ``kind`` (``int`` or ``float``) between ``left`` and ``right`` (``None``: unbounded).

    ``closed`` is ``"both"``, ``"left"``, ``"right"`` or ``"neither"``: which ends belong to the interval.

    >>> support = Interval(float, 0, 1, closed="right")
    >>> str(support), support.is_satisfied_by(1), support.is_satisfied_by(0)
    ('a number in (0, 1]', True, False)
    >>> Interval(int, 1, None).is_satisfied_by(2.5)
    False
    """

    def __init__(self, kind: type, left=None, right=None, *, closed: str = "both"):
        if kind not in (int, float) or closed not in ("both", "left", "right", "neither"):
            raise ValueError(f"Interval({kind!r}, closed={closed!r})")
        self.kind, self.left, self.right, self.closed = kind, left, right, closed

    def is_satisfied_by(self, value) -> bool:
        wanted = numbers.Integral if self.kind is int else numbers.Real
        if not isinstance(value, wanted) or isinstance(value, bool) or not math.isfinite(value):
            return False
        if self.left is not None:
            if value < self.left or (value == self.left and self.closed in ("right", "neither")):
                return False
        if self.right is not None:
            if value > self.right or (value == self.right and self.closed in ("left", "neither")):
                return False
        return True

    @property
    def bounds(self) -> str:
        """The interval in mathematical notation: ``[0, 1]``, ``(0, inf)``."""
        left = "-inf" if self.left is None else f"{self.left:g}"
        right = "inf" if self.right is None else f"{self.right:g}"
        opening = "[" if self.left is not None and self.closed in ("both", "left") else "("
        closing = "]" if self.right is not None and self.closed in ("both", "right") else ")"
        return f"{opening}{left}, {right}{closing}"

    def __str__(self) -> str:
        return f"{'a whole number' if self.kind is int else 'a number'} in {self.bounds}"


class Options(Constraint):
    """One of a fixed set of values.

    >>> str(Options(["zh", "en"])), Options(["zh", "en"]).is_satisfied_by("fr")
    ("one of 'zh', 'en'", False)
    """

    def __init__(self, options):
        self.options = tuple(options)

    def is_satisfied_by(self, value) -> bool:
        return isinstance(value, str) and value in self.options

    def __str__(self) -> str:
        return "one of " + ", ".join(map(repr, self.options))


class Empty(Constraint):
    """The empty text (or ``None``): 'not given', which the notebook replaces by a default derived from the data."""

    def is_satisfied_by(self, value) -> bool:
        return value is None or value == ""

    def __str__(self) -> str:
        return "empty"


class Text(Constraint):
    """Any non-empty text."""

    def is_satisfied_by(self, value) -> bool:
        return isinstance(value, str) and value.strip() != ""

    def __str__(self) -> str:
        return "any text"


class Date(Constraint):
    """A calendar date written ``YYYY-MM-DD``.

    >>> Date().is_satisfied_by("2011-12-09"), Date().is_satisfied_by("2011-13-01"), Date().is_satisfied_by("today")
    (True, False, False)
    """

    def is_satisfied_by(self, value) -> bool:
        return _iso_date(value) is not None

    def __str__(self) -> str:
        return "a date YYYY-MM-DD"


class Period(Constraint):
    """Two dates ``start/end`` (both ``YYYY-MM-DD``, start not after end).

    >>> Period().is_satisfied_by("2011-01-01/2011-06-30"), Period().is_satisfied_by("2011-06-30/2011-01-01")
    (True, False)
    """

    def is_satisfied_by(self, value) -> bool:
        parts = value.split("/") if isinstance(value, str) else []
        dates = [_iso_date(p.strip()) for p in parts]
        return len(dates) == 2 and None not in dates and dates[0] <= dates[1]

    def __str__(self) -> str:
        return "a period YYYY-MM-DD/YYYY-MM-DD"


class NumberText(Constraint):
    """A number written as text (``"3"``) that satisfies ``interval``.

    >>> NumberText(Interval(float, 1, 10)).is_satisfied_by("3"), NumberText(Interval(float, 1, 10)).is_satisfied_by("0")
    (True, False)
    """

    def __init__(self, interval: Interval):
        self.interval = interval

    def is_satisfied_by(self, value) -> bool:
        return isinstance(value, str) and self.interval.is_satisfied_by(_number(value))

    def __str__(self) -> str:
        return f"a number in {self.interval.bounds} as text"


class ExistingFile(Constraint):
    """The path of an existing file (``what`` says what file it should be)."""

    def __init__(self, what: str):
        self.what = what

    def is_satisfied_by(self, value) -> bool:
        if not isinstance(value, str) or not value:
            return False
        if glob.has_magic(value):  # a glob pattern: files it matches
            return any(Path(p).is_file() for p in glob.glob(value))
        return Path(value).is_file()

    def __str__(self) -> str:
        return f"the path of an existing {self.what}"


class Encoding(Constraint):
    """The name of a text encoding Python knows (``utf-8``, ``gb18030``, ``cp1252`` ...)."""

    def is_satisfied_by(self, value) -> bool:
        try:
            return isinstance(value, str) and bool(codecs.lookup(value))
        except LookupError:
            return False

    def __str__(self) -> str:
        return "a text encoding such as utf-8, gb18030 or cp1252"


@dataclass(frozen=True)
class Relation:
    """``left`` must be below ``right`` (``or_equal``: or equal) when both are given; ``as_number`` reads them."""

    left: str
    right: str
    or_equal: bool = False
    as_number: object = None

    def holds(self, values: dict) -> bool:
        read = self.as_number or (lambda v: v)
        a, b = read(values.get(self.left)), read(values.get(self.right))
        if a is None or b is None or a == "" or b == "":
            return True
        return a <= b if self.or_equal else a < b

    def __str__(self) -> str:
        return f"{self.left} must be {'at most' if self.or_equal else 'below'} {self.right}"


def _iso_date(value) -> date | None:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def _number(value) -> float | None:
    """``value`` as a float when it is a number or a number written as text, else ``None``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, numbers.Real):
        return float(value)
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


OPTIONAL_DATE = [Empty(), Date()]
SHARE = [Interval(float, 0, 1, closed="both")]
COST = [Interval(float, 0, None, closed="left")]

#: Every notebook parameter's allowed values: a value is allowed when it satisfies one of the constraints.
CONSTRAINTS: dict[str, list[Constraint]] = {
    # shared by every notebook (filled by kit run from --data, --columns, --encoding, --lang, --out)
    "data_path": [Empty(), ExistingFile("CSV, Excel or Parquet file, or a glob of them")],
    "columns": [Empty(), ExistingFile("YAML column map")],
    "encoding": [Empty(), Encoding()],
    "lang": [Options(LANGUAGES)],
    "out_dir": [Text()],
    "engine": [Options(["auto", "pandas", "duckdb", "spark"])],
    "prepared": [Empty(), Text()],  # the run's folder of loaded tables (kit run fills it)
    # 00 data preparation, 02 market basket
    "top_n": [Interval(int, 1, 200)],
    # 01 customer targeting
    "as_of": OPTIONAL_DATE,
    "margin_rate": SHARE,
    "cost_per_order": COST,
    "cost_per_line": COST,
    "cost_per_return": COST,
    "word_of_mouth_rate": [Interval(float, 0, None, closed="left")],
    "stage": [Options(STAGE_WEIGHTS)],
    "k": [Interval(int, 0, 20)],
    "capacity": [Interval(int, 0, 10_000_000)],  # 0: the default derived from the customer base
    "lookalike_cutoff": OPTIONAL_DATE,
    "seed_share": [Interval(float, 0.01, 0.9)],
    "model": [Options(["logistic", "boosting"])],
    "random_state": [Interval(int, 0, 2**32 - 1)],
    # 02 market basket
    "min_support": [Interval(float, 0, 1, closed="right")],
    "min_confidence": SHARE,
    "min_lift": [Interval(float, 0, None, closed="left")],
    "max_len": [Interval(int, 0, None)],
    "rule_shape": [Options(["single", "any"])],
    "country": [Empty(), Text()],
    # 03 value grading
    "scheme": [Options(SCHEMES)],
    "threshold": [Options(["mean", "median"]), NumberText(Interval(float, 1, 10))],
    "bins": [Interval(int, 2, 10)],
    "abc_by": [Options(["value_share", "customer_share"])],
    "abc_cut_a": [Interval(float, 0, 1, closed="neither")],
    "abc_cut_b": [Interval(float, 0, 1, closed="right")],
    "period_a": [Empty(), Period()],
    "period_b": [Empty(), Period()],
    # 04 customer lifetime value
    "calibration_end": OPTIONAL_DATE,
    "observation_end": OPTIONAL_DATE,
    "time_unit": [Options(["D", "W", "M"])],
    "horizon": [Interval(float, 1, 10_000)],
    "discount_rate": SHARE,
    "margin": SHARE,
    "penalizer": [Interval(float, 0, 10)],
}

#: Constraints between two parameters of the same notebook.
RELATIONS = (
    Relation("abc_cut_a", "abc_cut_b"),
    Relation("threshold", "bins", or_equal=True, as_number=_number),  # a score threshold is a score 1..bins
    Relation("calibration_end", "observation_end"),
)


def allowed(name: str) -> str:
    """What values parameter ``name`` may take, for people.

    >>> allowed("min_support"), allowed("as_of")
    ('a number in (0, 1]', 'empty or a date YYYY-MM-DD')
    """
    if name not in CONSTRAINTS:
        raise KitError(f"no constraints are declared for parameter {name!r}",
                       hint="declare them in kit.run.params.CONSTRAINTS")
    return " or ".join(map(str, CONSTRAINTS[name]))


def check(**values) -> None:
    """Raise :class:`KitError` naming the parameter, its value and what is allowed unless every value satisfies
    :data:`CONSTRAINTS` and the :data:`RELATIONS` among the given names hold.

    >>> check(min_support=0.01, lang="en")
    >>> check(min_support=5.0)
    Traceback (most recent call last):
    ...
    kit.errors.KitError: parameter 'min_support' is 5.0, outside (0, 1]
      what to do: give a number in (0, 1]
    >>> check(abc_cut_a=0.9, abc_cut_b=0.8)
    Traceback (most recent call last):
    ...
    kit.errors.KitError: parameter 'abc_cut_a' is 0.9, not below abc_cut_b (0.8)
      what to do: abc_cut_a must be below abc_cut_b
    """
    for name, value in values.items():
        constraints = CONSTRAINTS.get(name)
        if constraints is None:
            allowed(name)  # raises, naming the undeclared parameter
        if any(c.is_satisfied_by(value) for c in constraints):
            continue
        if len(constraints) == 1 and isinstance(constraints[0], Interval) and _number(value) is not None:
            raise KitError(f"parameter {name!r} is {value!r}, outside {constraints[0].bounds}",
                           hint=f"give {constraints[0]}")
        raise KitError(f"parameter {name!r} is {value!r}, not {allowed(name)}", hint=f"give {allowed(name)}")
    for relation in RELATIONS:
        if relation.left in values and relation.right in values and not relation.holds(values):
            raise KitError(f"parameter {relation.left!r} is {values[relation.left]!r}, not "
                           f"{'at most' if relation.or_equal else 'below'} {relation.right} "
                           f"({values[relation.right]!r})", hint=str(relation))


@dataclass(frozen=True)
class Parameter:
    """One declared notebook parameter."""

    name: str
    type: str
    default: str
    help: str

    @property
    def value(self):
        """The default as a Python value (``'"en"'`` -> ``'en'``)."""
        import ast

        return ast.literal_eval(self.default) if self.default else None


def notebook_parameters(path) -> dict[str, Parameter]:
    """The parameters declared in notebook ``path``'s ``parameters`` cell, in order."""
    import papermill

    found = papermill.inspect_notebook(str(path))
    return {name: Parameter(name, spec.get("inferred_type_name") or "None", spec.get("default") or "",
                            spec.get("help") or "") for name, spec in found.items()}


def coerce(name: str, value: Any, parameter: Parameter) -> Any:
    """Convert ``value`` (text from the command line, or already typed) to the parameter's declared type.

    Numbers are read as numbers first (``1e-3`` is a float, which YAML 1.1 would read as text), other text as YAML.

    >>> coerce("k", "4", Parameter("k", "int", "3", "")), coerce("s", "1e-3", Parameter("s", "float", "0.01", ""))
    (4, 0.001)
    >>> coerce("k", "four", Parameter("k", "int", "3", ""))
    Traceback (most recent call last):
    ...
    kit.errors.KitError: parameter 'k' must be int, got 'four'
      what to do: give a whole number, e.g. -p k 3
    """
    kind = parameter.type.replace("typing.", "").strip()
    optional = kind.startswith("Optional[") or kind.endswith("| None")
    kind = kind.removeprefix("Optional[").removesuffix("]").removesuffix("| None").strip()
    base = kind.split("[")[0]
    if isinstance(value, str) and kind not in ("str", "None"):
        if optional and value.lower() in ("none", "null", ""):
            return None
        number = _number(value) if base in ("int", "float") else None
        if number is not None and (base == "float" or number.is_integer()):
            value = int(number) if base == "int" and re.fullmatch(r"\s*[-+]?\d[\d_]*\s*", value) else number
        else:
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
    if base in ("list", "List", "tuple"):
        good = isinstance(value, list)
    else:
        good = ok.get(base, True) or (optional and value is None)
    if not good:
        raise KitError(f"parameter {name!r} must be {kind}, got {value!r}",
                       hint=f"give {examples.get(base, kind)}, e.g. -p {name} {parameter.default or '...'}")
    return float(value) if base == "float" and value is not None else value
