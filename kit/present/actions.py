"""The customer action list — 客户行动清单: one row per customer joining what the notebooks found, with one
recommended action and its reason.

Built from the notebooks' exports (``grading_actions.csv``, ``clv.csv``, ``targets.csv``, ``cross_sell.csv``,
whichever exist; their headers may be in either language), so it is tested without running notebooks. The action is
the first rule that applies, in this order:

1. on the capacity-limited target list but P(alive) below 0.5 → win back now;
2. on the target list → serve first;
3. negative relationship value → cut the cost to serve;
4. value class A or B (current × future value) → keep at all cost / invest to protect;
5. look-alike prospect (resembles the best customers) → develop;
6. cross-sell offers exist → offer related products;
7. otherwise the action of the customer's RFM segment.

When ``clv_model.json`` (written by notebook 04, see :class:`kit.clv.ModelCheck`) says the model failed its check,
P(alive) and CLV are not used: rules 1 and 4 are skipped, the list is ranked by historical spend (``monetary`` of
``grading_actions.csv``) instead of CLV, and every reason says the model failed its check.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .results import load_figures
from .export import safe_frame, write_csv
from .labels import check_lang, key_of, label
from ..grading.matrix import VALUE_ACTIONS as VALUE_CLASS_ACTIONS

MODEL_FAILED = {"en": "lifetime-value model failed its check ({codes}): ranked by {basis}",
                "zh": "终身价值模型未通过检验 ({codes}): 按{basis}排序"}
#: What the list is ranked by when the model failed, each named only when its column has values.
RANK_BASIS = {"abc_grade": {"en": "ABC grade", "zh": "ABC 等级"}, "monetary": {"en": "past spend", "zh": "历史消费"},
              "relationship_value": {"en": "relationship value", "zh": "客户关系价值"}}
NO_BASIS = {"en": "the target list only", "zh": "目标名单"}
EXPORTS = ("grading_actions", "clv", "targets", "cross_sell")
COLUMNS = ("customer_id", "segment_name", "rfm_segment", "abc_grade", "value_class", "p_alive", "clv",
           "lookalike_score", "selected", "relationship_value", "cross_sell", "action", "action_reason")


TEXT_COLUMNS = ("customer_id", "item", "item_a", "item_b", "name", "name_a", "name_b", "rule", "segment",
                "segment_name", "action", "reason", "RFM")


def read_export(path) -> pd.DataFrame:
    """An exported CSV with its headers turned back into label keys; ids and names stay text, numbers are numbers,
    and the quote that neutralised a formula-like cell is removed."""
    frame = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False, na_values=[""])
    frame.columns = [key_of(c) for c in frame.columns]
    for column in frame.columns:
        values = frame[column].str.replace(r"^'(?=[=+\-@\t\r])", "", regex=True)
        numbers = pd.to_numeric(values, errors="coerce")
        if column not in TEXT_COLUMNS and numbers.notna().sum() == values.notna().sum():
            frame[column] = numbers
        elif values.isin(["True", "False"]).all():
            frame[column] = values == "True"
        else:
            frame[column] = values
    return frame


def build_action_list(out_dir, lang: str = "en") -> pd.DataFrame:
    """Join the exports found in ``out_dir`` into one row per customer with an action and a reason."""
    check_lang(lang)
    out_dir = Path(out_dir)
    found = {name: read_export(out_dir / f"{name}.csv") for name in EXPORTS if (out_dir / f"{name}.csv").exists()}
    if not found:
        return pd.DataFrame(columns=[label(c, lang) for c in COLUMNS])
    table = pd.DataFrame({"customer_id": pd.unique(pd.concat([f["customer_id"] for f in found.values()]))})
    check = load_figures(out_dir, "clv_model")
    model_failed = check is not None and not check.get("ok", False)
    if "grading_actions" in found:
        g = found["grading_actions"].rename(columns={"segment": "rfm_segment", "action": "rfm_action"})
        keep = ["customer_id", "rfm_segment", "abc_grade", "rfm_action"] + (["monetary"] if "monetary" in g else [])
        table = table.merge(g[keep], on="customer_id", how="left")
    if "clv" in found and not model_failed:
        table = table.merge(found["clv"][["customer_id", "p_alive", "clv", "value_class"]], on="customer_id",
                            how="left")
    if "targets" in found:
        t = found["targets"].rename(columns={"action": "target_action"})
        t["selected"] = t["selected"].astype(bool)
        table = table.merge(t[["customer_id", "segment_name", "lookalike_score", "selected", "relationship_value",
                               "target_action"]], on="customer_id", how="left")
    if "cross_sell" in found:
        offers = found["cross_sell"].sort_values(["customer_id", "rank"])
        joined = offers.groupby("customer_id")["name"].agg(lambda s: "; ".join(map(str, s)))
        table = table.merge(joined.rename("cross_sell").reset_index(), on="customer_id", how="left")
    for column in COLUMNS:
        if column not in table:
            table[column] = np.nan
    covers_all = covers_everyone(found["targets"]) if "targets" in found else False
    decisions = [decide(row, lang, covers_all) for row in table.to_dict("records")]
    table["action"] = [d[0] for d in decisions]
    table["action_reason"] = [d[1] for d in decisions]
    rank_by = ["selected", "clv", "relationship_value"]
    if model_failed:
        if "monetary" not in table:
            table["monetary"] = np.nan
        basis = [name[lang] for column, name in RANK_BASIS.items() if table[column].notna().any()]
        comma, conjunction = {"en": (", ", " and "), "zh": ("、", "与")}[lang]
        basis = conjunction.join([comma.join(basis[:-1]), basis[-1]] if len(basis) > 1 else basis)
        note = MODEL_FAILED[lang].format(codes=", ".join(check.get("codes") or ["?"]), basis=basis or NO_BASIS[lang])
        table["action_reason"] = [f"{r}; {note}" if r else note for r in table["action_reason"]]
        rank_by = ["selected", "abc_grade_rank", "monetary", "relationship_value"]
        table["abc_grade_rank"] = -table["abc_grade"].map({"A": 0, "B": 1, "C": 2})
    table = table.sort_values(rank_by, ascending=False, na_position="last", kind="stable")
    table = table[list(COLUMNS)].reset_index(drop=True)
    return table.rename(columns={c: label(c, lang) for c in COLUMNS})


def covers_everyone(targets: pd.DataFrame) -> bool:
    """True when the target list of ``targets.csv`` selected every customer who could be selected (all who are not
    lapsed): a list of everyone is no choice (:func:`kit.select_targets` warns of it).

    >>> covers_everyone(pd.DataFrame({"selected": [True, True, False], "lapsed": [False, False, True]}))
    True
    """
    selected = targets["selected"].astype(bool)
    lapsed = targets["lapsed"].astype(bool) if "lapsed" in targets else pd.Series(False, index=targets.index)
    return bool(selected.any() and (selected | lapsed).all())


def decide(row: dict, lang: str = "en", covers_all: bool = False) -> tuple[str, str]:
    """The recommended action and its reason for one customer (a dict of the joined columns); ``covers_all`` adds
    to the reason of a selected customer that the target list covers every eligible customer."""
    def present(key):
        value = row.get(key)
        return value is not None and not (isinstance(value, float) and np.isnan(value))

    def say(action_key, reason_key):
        return label(action_key, lang), label(reason_key, lang).format(**{k: row.get(k) for k in row})

    selected = present("selected") and bool(row["selected"])
    if selected:
        action, reason = (say("act_win_back", "reason_win_back") if present("p_alive") and row["p_alive"] < 0.5
                          else say("act_serve_first", "reason_serve_first"))
        return action, (f"{reason}; {label('reason_covers_all', lang)}" if covers_all else reason)
    if present("relationship_value") and row["relationship_value"] < 0:
        return say("act_cut_cost", "reason_cut_cost")
    if present("value_class") and row["value_class"] in ("A", "B") and present("clv"):
        return say(VALUE_CLASS_ACTIONS[row["value_class"]], "reason_value_class")
    if present("target_action") and key_of(row["target_action"]) == "act_develop_lookalike":
        return say("act_develop_lookalike", "reason_lookalike")
    if present("cross_sell"):
        return say("act_cross_sell", "reason_cross_sell")
    if present("rfm_action"):
        return str(row["rfm_action"]), label("reason_rfm", lang).format(rfm_segment=row.get("rfm_segment"))
    return label("act_standard", lang), ""


def write_action_list(out_dir, lang: str = "en") -> list[Path]:
    """Write ``customer_actions.csv`` and ``customer_actions.xlsx`` (one sheet per list) into ``out_dir``."""
    out_dir = Path(out_dir)
    table = build_action_list(out_dir, lang)
    if table.empty:
        return []
    paths = [write_csv(table, out_dir / "customer_actions.csv")]
    xlsx = out_dir / "customer_actions.xlsx"
    with pd.ExcelWriter(xlsx, engine="openpyxl") as writer:
        safe_frame(table).to_excel(writer, sheet_name=label("action_list", lang)[:31], index=False)
        for name in EXPORTS + ("placement",):
            path = out_dir / f"{name}.csv"
            if path.exists():
                sheet = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
                safe_frame(sheet).to_excel(writer, sheet_name=name[:31], index=False)
    paths.append(xlsx)
    return paths
