"""The canonical transaction table and how a file's columns are mapped onto it.

Whatever a file calls its columns, the kit works on one table with these columns:

========================  ===========================================================
``customer_id``           who bought (string; may be missing for basket analyses)
``order_id``              the order / invoice; one purchase = one order
``order_date``            when (datetime)
``product_id``            what (string)
``product_name``          its description (string, optional)
``quantity``              units on the line
``unit_price``            price per unit
``amount``                line value; ``quantity * unit_price`` when the file has none
========================  ===========================================================

plus the optional ``country``, ``channel``, ``cost`` and ``margin`` when the file has them.

A column map says which file column holds which canonical column. It is a dict (or a YAML file holding one)
from canonical name to file column, e.g. ``{"customer_id": "客户编号", "order_date": "下单时间"}``. Canonical
columns the map does not name are found by their usual names (:data:`ALIASES`), so a file whose headers are
``InvoiceNo, StockCode, ...`` needs no map at all.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import yaml

from ..errors import KitError, examples

CANONICAL = (
    "customer_id",
    "order_id",
    "order_date",
    "product_id",
    "product_name",
    "quantity",
    "unit_price",
    "amount",
)
OPTIONAL = ("country", "channel", "cost", "margin")
ALL_COLUMNS = CANONICAL + OPTIONAL
ID_COLUMNS = ("customer_id", "order_id", "product_id")
NUMBER_COLUMNS = ("quantity", "unit_price", "amount", "cost", "margin")
TEXT_COLUMNS = ("product_name", "country", "channel")

#: What each analysis needs. ``amount`` is satisfied by ``quantity`` and ``unit_price`` together;
#: ``order_id`` for customer analyses is derived (one order per customer and day) when the file has none.
REQUIREMENTS = {
    "customers": ("customer_id", "order_date", "amount"),
    "baskets": ("order_id", "product_id"),
}
ANALYSES = tuple(REQUIREMENTS)

#: Usual names of each canonical column, compared after lower-casing and removing spaces, ``_`` and ``-``.
ALIASES: dict[str, tuple[str, ...]] = {
    "customer_id": ("customerid", "custid", "clientid", "memberid", "membernumber", "userid", "buyerid", "customer",
                    "客户id", "客户编号", "客户号", "会员id", "会员编号", "会员号", "会员卡号", "卡号", "社保卡号",
                    "顾客id", "顾客编号", "用户id", "用户编号", "顧客id", "顧客番号", "会員番号", "客户"),
    "order_id": ("orderid", "invoiceno", "invoice", "orderno", "ordernumber", "transactionid", "transaction",
                 "transactionno", "basketid", "receiptno", "ticketno", "receiptid", "注文番号", "伝票番号",
                 "订单号", "订单编号", "订单id", "单号", "发票号", "交易号", "交易编号", "小票号"),
    "order_date": ("orderdate", "invoicedate", "date", "transactiondate", "datetime", "purchasedate", "time",
                   "日期", "订单日期", "下单时间", "下单日期", "交易日期", "交易时间", "购买日期", "购买时间", "购药时间",
                   "销售日期", "销售时间", "日付", "注文日", "売上日", "时间"),
    "product_id": ("productid", "stockcode", "sku", "itemid", "productcode", "itemcode", "article",
                   "商品编号", "商品编码", "商品id", "商品代码", "产品编号", "产品编码", "产品id", "产品代码", "货号",
                   "条码", "商品条码", "条形码", "物料编码", "商品コード", "品番"),
    "product_name": ("productname", "description", "itemname", "product", "item", "itemdescription",
                     "商品名称", "商品名", "产品名称", "品名", "商品", "产品", "商品描述"),
    "quantity": ("quantity", "qty", "units", "numberofcds", "数量", "购买数量", "销售数量", "件数", "销量"),
    "unit_price": ("unitprice", "price", "单价", "价格", "售价", "単価"),
    "amount": ("amount", "sales", "revenue", "total", "lineamount", "dollarvalue", "value", "金额", "销售额",
               "总价", "总金额", "实付金额", "实收金额", "消费金额", "应收金额"),
    "country": ("country", "国家", "地区"),
    "channel": ("channel", "渠道", "销售渠道"),
    "cost": ("cost", "成本"),
    "margin": ("margin", "profit", "毛利", "利润"),
}


def normalise_name(name: str) -> str:
    """Lower-case ``name`` and drop spaces, ``_``, ``-`` and ``.``: ``'Invoice No'`` -> ``'invoiceno'``."""
    return re.sub(r"[\s_\-.]+", "", str(name)).lower()


class MapLoader(yaml.SafeLoader):
    """YAML's safe loader, refusing what a column map never needs and what makes reading it unsafe or misleading:
    aliases (``*name``, which can expand a few hundred bytes into billions of nodes), a key given twice (YAML
    would keep the last silently), and tags naming Python objects (the safe loader refuses those already)."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, f"alias *{event.anchor} is not allowed in a column map "
                                              "(write each value out)", event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, (list, dict)):
                raise yaml.constructor.ConstructorError(None, None, "a key must be a plain name", key_node.start_mark)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} is given twice (first on line {seen[key]}); YAML would keep only the "
                    "last", key_node.start_mark)
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


def load_map_file(source: Path):
    """The content of a YAML column map file, read with :class:`MapLoader`; problems as :class:`KitError` with the
    line and column.

    >>> import tempfile; f = Path(tempfile.mkdtemp()) / "m.yaml"; _ = f.write_text("{a: 1, a: 2}")
    >>> try:
    ...     load_map_file(f)
    ... except KitError as err:
    ...     print(err.message.split(": ", 1)[1])
    line 1, column 8: key 'a' is given twice (first on line 1); YAML would keep only the last
    """
    try:
        text = source.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise KitError(f"{source}: the column map is not UTF-8 text (byte {err.object[err.start:err.start + 1].hex()!r}"
                       f" at position {err.start})", hint="save it as UTF-8 text") from None
    try:
        return yaml.load(text, Loader=MapLoader)  # noqa: S506 - MapLoader is a SafeLoader
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = err.problem or err.context or "not valid YAML"
        tag = re.search(r"for the tag '(?:tag:yaml\.org,2002:)?([^']+)'", str(problem))
        if tag:
            problem = f"the tag !!{tag.group(1)} is not allowed: a column map holds plain names"
        raise KitError(f"{source}: {where}{problem}",
                       hint="write one line per column, e.g. 'customer_id: CustomerID' (quote names holding ':' "
                       "or '#')") from None
    except yaml.YAMLError as err:
        raise KitError(f"{source}: not a readable YAML file ({err})",
                       hint="save it as UTF-8 text with lines like 'customer_id: CustomerID'") from None


def read_column_map(columns) -> tuple[dict[str, str | None], dict]:
    """Read a column map given as a dict or a YAML file path; return ``(map, options)``.

    The YAML file is either a plain mapping ``canonical: file column`` or has a ``columns:`` section beside an
    ``options:`` section (loader options such as ``encoding``, ``date_format``, ``steps``, ``sheet``, ``header``).
    A map written the other way round (file column: canonical) is accepted and turned around. A key given twice,
    two canonical names on one file column, an unknown canonical name (the closest is suggested), YAML aliases and
    Python tags are errors; so is ``sheet: null`` (leave ``sheet`` out to read every sheet whose header matches
    the first).

    >>> read_column_map({"customer_id": "客户编号"})
    ({'customer_id': '客户编号'}, {})
    """
    if columns is None:
        return {}, {}
    source = None
    if isinstance(columns, (str, Path)):
        source = Path(columns)
        if not source.is_file():
            raise KitError(f"{source}: column map file not found",
                           hint="give the path of a YAML file such as 'customer_id: CustomerID', one line a column")
        columns = load_map_file(source)
    where = f"{source}: " if source else ""
    if source and isinstance(columns, str) and "\uff1a" in columns:
        line, text = next((n, text) for n, text in enumerate(source.read_text(encoding="utf-8-sig").splitlines(), 1)
                          if "\uff1a" in text)
        raise KitError(f"{where}line {line} holds a full-width colon '\uff1a' where ':' is meant "
                       f"({examples([text.strip()], 1)[:60]}), so the file is not read as a column map",
                       hint="type the colon as ':' followed by a space, e.g. 'customer_id: CustomerID'")
    if not isinstance(columns, Mapping) or not columns:
        raise KitError(f"{where}the column map must be a non-empty mapping, got {type(columns).__name__}"
                       + (f" ({examples([columns], 1)[:60]})" if columns not in (None, {}) else ""),
                       hint="write one line per column, e.g. 'customer_id: CustomerID'")
    options: dict = {}
    if "columns" in columns or "options" in columns:
        options = columns.get("options") or {}
        if not isinstance(options, Mapping):
            raise KitError(f"{where}the 'options:' section must be a mapping, got {type(options).__name__}",
                           hint="e.g. 'options:' then an indented line 'encoding: gb18030'")
        options = dict(options)
        unknown = set(columns) - {"columns", "options"}
        if unknown:
            raise KitError(f"{where}unknown section(s) {sorted(map(str, unknown))} in the column map",
                           hint="a map file has a 'columns:' section and an optional 'options:' section")
        columns = columns.get("columns") or {}
        if not isinstance(columns, Mapping):
            raise KitError(f"{where}the 'columns:' section must be a mapping", hint="e.g. 'customer_id: CustomerID'")
    if "sheet" in options and options["sheet"] is None:
        raise KitError(f"{where}'sheet: null' is ambiguous (no sheet, or all sheets?)",
                       hint="leave 'sheet' out to read every sheet whose header matches the first, or name one: "
                       "sheet: Sales (or its number counting from 0)")
    for key, value in columns.items():
        if isinstance(value, (Mapping, list, tuple, set)):
            raise KitError(f"{where}{key!r} maps to a {type(value).__name__}, not a column name",
                           hint=f"write '{key}: <the file column>' on one line")
    mapping = {str(k): (None if v is None else str(v)) for k, v in columns.items()}
    if mapping and not set(mapping) & set(ALL_COLUMNS) and set(mapping.values()) <= set(ALL_COLUMNS):
        twice = [v for v, n in Counter(mapping.values()).items() if n > 1]
        if twice:
            holders = [k for k, v in mapping.items() if v == twice[0]]
            raise KitError(f"{where}{twice[0]!r} is given for {len(holders)} file columns: {examples(holders)}",
                           hint=f"map {twice[0]} to one column")
        mapping = {v: k for k, v in mapping.items()}  # written as file column -> canonical
    for key in mapping:
        if key not in ALL_COLUMNS:
            close = difflib.get_close_matches(key, ALL_COLUMNS, n=1)
            raise KitError(
                f"{where}{key!r} is not a canonical column name",
                hint=(f"did you mean {close[0]!r}? " if close else "")
                + f"the names are: {', '.join(ALL_COLUMNS)}")
    # a product known only by its name may use that column for both product_id and product_name (Groceries)
    shared = [c for c, n in Counter(v for k, v in mapping.items() if v is not None and not (
        k == "product_name" and v == mapping.get("product_id"))).items() if n > 1]
    if shared:
        names = [k for k, v in mapping.items() if v == shared[0]]
        raise KitError(f"{where}file column {shared[0]!r} is mapped to {len(names)} canonical columns: "
                       f"{', '.join(names)}", hint="each file column can hold one canonical column; keep one line")
    return mapping, options


def resolve_columns(found: list[str], mapping: Mapping[str, str | None], source: str,
                    duplicates: Mapping[str, list[str]] | None = None, notes: list | None = None) -> dict[str, str]:
    """Decide which file column holds each canonical column: the map first, then the usual names.

    A column the map names but the file lacks is an error (with the closest names found). A name the file's header
    holds more than once (``duplicates``: name -> the names its copies were read under, ``Price``, ``Price.1``)
    cannot be used for a canonical column: the map must name which copy. When another unused column also has a usual
    name of a canonical column found by name (``Customer`` beside ``Client ID``), the first name in :data:`ALIASES`
    wins and ``notes`` says so. Returns ``{canonical: file column}`` for every canonical column that could be found.

    >>> resolve_columns(["Invoice", "Qty"], {}, "x.csv")
    {'order_id': 'Invoice', 'quantity': 'Qty'}
    """
    duplicates = duplicates or {}
    resolved: dict[str, str] = {}
    for canonical, column in mapping.items():
        if column is None:
            continue
        if column not in found:
            raise missing_column_error(source, canonical, found, named=column)
        resolved[canonical] = column
    used = set(resolved.values())
    by_norm: dict[str, str] = {}
    for column in found:
        by_norm.setdefault(normalise_name(column), column)
    by_name: set[str] = set()
    for canonical in ALL_COLUMNS:
        if canonical in resolved or canonical in mapping:  # mapped, or explicitly mapped to nothing
            continue
        for alias in (canonical.replace("_", ""), *ALIASES[canonical]):
            column = by_norm.get(normalise_name(alias))
            if column is not None and column not in used:
                resolved[canonical] = column
                used.add(column)
                by_name.add(canonical)
                break
    if notes is not None:
        for canonical in sorted(by_name, key=ALL_COLUMNS.index):
            names = {normalise_name(a) for a in (canonical.replace("_", ""), *ALIASES[canonical])}
            others = [c for c in found if c not in used and normalise_name(c) in names]
            if others:
                notes.append(f"columns {examples(others)} could also hold {canonical}; {resolved[canonical]!r} was "
                             f"used (name the one you mean in the column map, e.g. {canonical}: {others[0]})")
    for canonical, column in resolved.items():
        if column in duplicates:
            copies = duplicates[column]
            raise KitError(f"{source}: column {column!r} (for {canonical}) appears {len(copies)} times in the header; "
                           f"its copies were read as {examples(copies, len(copies))}",
                           hint=f"say which one in the column map, e.g. {canonical}: {copies[-1]}")
    return resolved


def missing_column_error(source: str, canonical: str | list[str], found: list[str], named: str | None = None,
                         needed_for: str | None = None, alternatives: dict[str, list[str]] | None = None) -> KitError:
    """The error for canonical columns the file does not have: names every one of them, lists what was found,
    suggests the closest names, and (``alternatives``: another analysis -> the columns it lacks) what else the file
    could be used for.

    >>> print(missing_column_error("x.csv", ["customer_id", "order_date"], ["Kunde", "Datum"]).message)
    x.csv: required columns 'customer_id', 'order_date' not found.
      columns found: Kunde, Datum
      closest: 'Datum'
    """
    wanted_columns = [canonical] if isinstance(canonical, str) else list(canonical)
    candidates = {normalise_name(c): c for c in found}
    close: list[str] = []
    for column in wanted_columns:
        for name in [named] if named else [column, *ALIASES.get(column, ())]:
            for hit in difflib.get_close_matches(normalise_name(name), list(candidates), n=3, cutoff=0.6):
                if candidates[hit] not in close:
                    close.append(candidates[hit])
    listed = ", ".join(repr(c) for c in wanted_columns)
    if named:
        what = f"column {named!r} (mapped to {wanted_columns[0]})"
    else:
        what = f"required column{'s' if len(wanted_columns) > 1 else ''} {listed}"
    why = f" needed for {needed_for}" if needed_for else ""
    message = f"{source}: {what} not found{why}.\n  columns found: {', '.join(map(str, found))}"
    if close:
        message += f"\n  closest: {', '.join(repr(c) for c in close[:3])}"
    for other, lacking in (alternatives or {}).items():
        message += (f"\n  {other} analyses would need {', '.join(map(repr, lacking))} instead" if lacking else "")
    lines = "; ".join(f"{c}: <your column>" for c in wanted_columns)
    hint = (f"map {'it' if len(wanted_columns) == 1 else 'them'} in a YAML file ({lines}) and pass it with "
            f"--columns, or columns={{'{wanted_columns[0]}': '<your column>'}} in Python")
    if any(ord(ch) > 127 for ch in "".join(map(str, found))):
        hint += "; if the names above look garbled, the encoding is wrong: pass --encoding (e.g. gb18030 or utf-8)"
    return KitError(message, hint=hint)
