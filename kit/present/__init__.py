"""Presentation — 展示: the one place where keys become words. Labels in both languages, the localisation step,
plots by method area (:mod:`kit.present.plots`, imported on demand), spreadsheet-safe exports and the HTML report.
"""

from . import export
from .labels import LANGUAGES, check_lang, label, labels
from .localise import localise

__all__ = ["LANGUAGES", "check_lang", "export", "label", "labels", "localise"]
