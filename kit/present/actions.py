"""The customer action list — 客户行动清单: one row per customer joining what the notebooks found, with one
recommended action and the reason for it.

Built from the machine-readable results of the run (:mod:`kit.present.results`: ``grading``, ``clv``,
``clv_model``, ``targets``, ``cross_sell``, whichever exist), never from the files written for people.
:func:`build_action_list` decides in keys; :func:`action_table` turns them into words in one language. The action
is the first rule that applies, in this order:

1. on the capacity-limited target list but P(alive) below 0.5 → win back now;
2. on the target list → serve first;
3. negative relationship value → cut the cost to serve;
4. value class A or B (current × future value) → keep at all cost / invest to protect;
5. look-alike prospect (resembles the best customers) → develop;
6. cross-sell offers exist → offer related products;
7. otherwise the action of the customer's RFM segment.

When the model check of notebook 04 (:class:`kit.clv.ModelCheck`) failed, P(alive) and CLV are not used: rules 1
and 4 are skipped, the list is ranked by ABC grade and historical spend instead of CLV, and every reason says the
model failed its check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..grading.matrix import VALUE_ACTIONS as VALUE_CLASS_ACTIONS
from . import results
from .export import safe_frame, write_csv
from .labels import check_lang, label
from .localise import localise, localise_values

#: The results an action list is built from (names of :mod:`kit.present.results`).
SOURCES = ("grading", "clv", "targets", "cross_sell")
COLUMNS = ("customer_id", "segment_name", "rfm_segment", "abc_grade", "value_class", "p_alive", "clv",
           "lookalike_score", "selected", "relationship_value", "cross_sell", "action", "action_reason")
#: What the list is ranked by when the model failed, each named only when its column has values.
RANK_BASIS = ("abc_grade", "monetary", "relationship_value")
#: The most rows one sheet of ``customer_actions.xlsx`` holds; ``customer_actions.csv`` always holds every row.
#: Rule: a round number for which writing the capped workbook (the list and up to five result sheets, each
#: capped: some 35 columns) takes a few seconds; openpyxl writes about 60,000 cells a second. Measured on a
#: million-customer run (2 CPUs): 10,000 rows 6 s of CPU, 20,000 rows 12 s, 50,000 rows 35 s, the uncapped
#: workbook about 12 minutes. A capped sheet holds the table's first rows (the list's highest priorities) and
#: the workbook then opens on a note that says so.
XLSX_MAX_ROWS = 10_000
#: The file for people that holds every row of a result sheet, as the notebook that saved the result names it.
FULL_FILES = {"grading": "grading_actions.csv", "clv": "clv.csv", "targets": "targets.csv",
              "cross_sell": "cross_sell.csv", "placement": "placement.csv"}


@dataclass
class ActionList:
    """The action list in keys: ``table`` has :data:`COLUMNS` with ``action`` an action key and ``action_reason``
    a reason key whose figures are the row's other columns; ``failed_codes`` the codes of a failed model check
    (empty when the model passed or was not run), ``basis`` the columns the list is ranked by instead of CLV."""

    table: pd.DataFrame
    failed_codes: list = field(default_factory=list)
    basis: list = field(default_factory=list)
    covers_all: bool = False
    tables: dict = field(default_factory=dict)  # the results it was built from, by name


def covers_everyone(targets: pd.DataFrame) -> bool:
    """True when the target list selected every customer who could be selected (all who are not lapsed): a list of
    everyone is no choice (:func:`kit.select_targets` warns of it).

    >>> covers_everyone(pd.DataFrame({"selected": [True, True, False], "lapsed": [False, False, True]}))
    True
    """
    selected = targets["selected"].astype(bool)
    lapsed = targets["lapsed"].astype(bool) if "lapsed" in targets else pd.Series(False, index=targets.index)
    return bool(selected.any() and (selected | lapsed).all())


def _known(row: dict, key: str) -> bool:
    value = row.get(key)
    return value is not None and not (isinstance(value, float) and np.isnan(value)) and value is not pd.NA


def decide(row: dict) -> tuple[str, str]:
    """The action key and reason key for one customer (a dict of the joined columns).

    >>> decide({"selected": True, "p_alive": 0.3})
    ('act_win_back', 'reason_win_back')
    >>> decide({"relationship_value": -12.0})
    ('act_cut_cost', 'reason_cut_cost')
    """
    if _known(row, "selected") and bool(row["selected"]):
        if _known(row, "p_alive") and row["p_alive"] < 0.5:
            return "act_win_back", "reason_win_back"
        return "act_serve_first", "reason_serve_first"
    if _known(row, "relationship_value") and row["relationship_value"] < 0:
        return "act_cut_cost", "reason_cut_cost"
    if _known(row, "value_class") and row["value_class"] in ("A", "B") and _known(row, "clv"):
        return VALUE_CLASS_ACTIONS[row["value_class"]], "reason_value_class"
    if _known(row, "target_action") and row["target_action"] == "act_develop_lookalike":
        return "act_develop_lookalike", "reason_lookalike"
    if _known(row, "cross_sell"):
        return "act_cross_sell", "reason_cross_sell"
    if _known(row, "rfm_action"):
        return str(row["rfm_action"]), "reason_rfm"
    return "act_standard", ""


def build_action_list(out_dir) -> ActionList:
    """Join the results saved in ``out_dir`` into one row per customer with an action key and a reason key.

    Parameters
    ----------
    out_dir : path
        The run's output folder; its ``results/`` are read (:mod:`kit.present.results`).

    Returns
    -------
    ActionList
        Sorted: selected customers first, then by CLV and relationship value (by ABC grade and spend when the
        lifetime-value model failed its check). Empty table when no result exists.
    """
    found = {name: frame for name in SOURCES if (frame := results.load_table(out_dir, name)) is not None}
    if not found:
        return ActionList(pd.DataFrame(columns=list(COLUMNS)))
    table = pd.DataFrame({"customer_id": pd.unique(pd.concat([f["customer_id"] for f in found.values()]))})
    check = results.load_figures(out_dir, "clv_model")
    model_failed = check is not None and not check.get("ok", False)
    if "grading" in found:
        g = found["grading"].rename(columns={"segment": "rfm_segment", "action": "rfm_action"})
        table = table.merge(g[["customer_id", "rfm_segment", "abc_grade", "rfm_action", "monetary"]],
                            on="customer_id", how="left")
    if "clv" in found and not model_failed:
        table = table.merge(found["clv"][["customer_id", "p_alive", "clv", "value_class"]], on="customer_id",
                            how="left")
    if "targets" in found:
        t = found["targets"].rename(columns={"action": "target_action", "segment": "segment_name"})
        keep = [c for c in ("customer_id", "segment_name", "lookalike_score", "selected", "relationship_value",
                            "target_action") if c in t]
        table = table.merge(t[keep], on="customer_id", how="left")
    if "cross_sell" in found:
        offers = found["cross_sell"].sort_values(["customer_id", "rank"])
        joined = offers.groupby("customer_id")["name"].agg(lambda s: "; ".join(map(str, s)))
        table = table.merge(joined.rename("cross_sell").reset_index(), on="customer_id", how="left")
    for column in COLUMNS + ("monetary",):
        if column not in table:
            table[column] = np.nan
    decisions = [decide(row) for row in table.to_dict("records")]
    table["action"] = [d[0] for d in decisions]
    table["action_reason"] = [d[1] for d in decisions]
    rank_by, basis = ["selected", "clv", "relationship_value"], []
    if model_failed:
        basis = [column for column in RANK_BASIS if table[column].notna().any()]
        table["abc_grade_rank"] = -table["abc_grade"].map({"A": 0, "B": 1, "C": 2})
        rank_by = ["selected", "abc_grade_rank", "monetary", "relationship_value"]
    table = table.sort_values(rank_by, ascending=False, na_position="last", kind="stable")
    covers_all = covers_everyone(found["targets"]) if "targets" in found else False
    return ActionList(table[list(COLUMNS)].reset_index(drop=True),
                      list(check.get("codes") or ["?"]) if model_failed else [], basis, covers_all, found)


def _join(words: list[str], lang: str) -> str:
    comma, conjunction = {"en": (", ", " and "), "zh": ("、", "与")}[lang]
    return conjunction.join([comma.join(words[:-1]), words[-1]] if len(words) > 1 else words)


def action_table(actions: ActionList, lang: str = "en") -> pd.DataFrame:
    """The action list for people: actions, reasons, segments and headers in ``lang``.

    >>> table = pd.DataFrame({"customer_id": ["7"], "relationship_value": [-3.0], "action": ["act_cut_cost"],
    ...                       "action_reason": ["reason_cut_cost"]})
    >>> action_table(ActionList(table), "en").iloc[0, 2:].tolist()
    ['negative value: cut the cost to serve, stop discounts', 'negative relationship value (-3)']
    """
    check_lang(lang)
    table = actions.table.copy()
    shown = table.assign(rfm_segment=localise_values(table["rfm_segment"], lang)) if "rfm_segment" in table else table
    reasons = []
    for row, reason in zip(shown.to_dict("records"), table["action_reason"]):
        text = label(reason, lang).format(**row) if reason else ""
        if actions.covers_all and reason in ("reason_serve_first", "reason_win_back"):
            text = f"{text}; {label('reason_covers_all', lang)}"
        reasons.append(text)
    if actions.failed_codes:
        basis = _join([label(f"rank_{c}", lang) for c in actions.basis], lang) or label("rank_targets_only", lang)
        note = label("reason_model_failed", lang).format(codes=", ".join(actions.failed_codes), basis=basis)
        reasons = [f"{r}; {note}" if r else note for r in reasons]
    table["action_reason"] = reasons
    table["action"] = localise_values(table["action"], lang)
    return localise(table, lang, values=["rfm_segment", "segment_name"])


def _full_file(out_dir: Path, name: str) -> str:
    """The name of the file in ``out_dir`` that holds every row of result ``name``."""
    csv = FULL_FILES.get(name)
    if csv and (out_dir / csv).exists():
        return csv
    return f"{results.RESULTS_DIR}/{name}.parquet"


def write_action_list(out_dir, lang: str = "en", max_rows: int | None = None) -> list[Path]:
    """Write ``customer_actions.csv`` and ``customer_actions.xlsx`` into ``out_dir``, for people.

    The CSV holds every customer. The workbook holds the list, then one sheet per result it was built from (and
    the product pairs to place together), each sheet at most ``max_rows`` rows: the table's first rows, so the
    list's sheet holds the highest priorities. When a sheet is capped, the workbook opens on a note sheet saying
    how many rows each capped sheet holds of how many, and which file holds all of them.

    Parameters
    ----------
    out_dir : path
        The run's output folder; its ``results/`` are read (:mod:`kit.present.results`).
    lang : {"en", "zh"}
        Language of the headers, values and notes.
    max_rows : int, optional
        Most rows per sheet; default :data:`XLSX_MAX_ROWS`.

    Returns
    -------
    list of Path
        The CSV and XLSX paths; empty when no result exists.

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> _ = results.save_table(folder, "clv", pd.DataFrame({"customer_id": ["1", "2", "3"], "p_alive": [0.9] * 3,
    ...                                                     "clv": [30.0, 20.0, 10.0], "value_class": ["F"] * 3}))
    >>> [path.name for path in write_action_list(folder, max_rows=2)]
    ['customer_actions.csv', 'customer_actions.xlsx']
    >>> sheets = pd.read_excel(f"{folder}/customer_actions.xlsx", sheet_name=None)
    >>> list(sheets), len(sheets["customer action list"])
    (['note', 'customer action list', 'clv'], 2)
    >>> print(sheets["note"].iloc[0, 0])
    Sheet “customer action list” holds the first 2 of 3 rows; customer_actions.csv holds all of them.
    """
    out_dir = Path(out_dir)
    max_rows = XLSX_MAX_ROWS if max_rows is None else int(max_rows)
    actions = build_action_list(out_dir)
    if actions.table.empty:
        return []
    table = action_table(actions, lang)
    paths = [write_csv(table, out_dir / "customer_actions.csv")]
    xlsx = out_dir / "customer_actions.xlsx"
    placement = results.load_table(out_dir, "placement")
    sheets = {label("action_list", lang)[:31]: (table, "customer_actions.csv", False)}  # frame, file, to localise
    for name, frame in {**actions.tables, **({"placement": placement} if placement is not None else {})}.items():
        sheets[name[:31]] = (frame, _full_file(out_dir, name), True)
    notes = [label("xlsx_capped_sheet", lang).format(sheet=sheet, shown=max_rows, total=len(frame), file=file)
             for sheet, (frame, file, _) in sheets.items() if len(frame) > max_rows]
    if len(table) > max_rows:
        notes.insert(1, label("xlsx_capped_order", lang))
    with pd.ExcelWriter(xlsx, engine="openpyxl") as writer:
        if notes:
            note_sheet = label("xlsx_note_sheet", lang)
            pd.DataFrame({note_sheet: notes}).to_excel(writer, sheet_name=note_sheet, index=False)
            writer.sheets[note_sheet].column_dimensions["A"].width = 120
        for sheet, (frame, _, to_localise) in sheets.items():
            shown = frame.head(max_rows)  # the first rows, in the table's order
            safe_frame(localise(shown, lang) if to_localise else shown).to_excel(writer, sheet_name=sheet,
                                                                                 index=False)
    paths.append(xlsx)
    return paths
