"""Every label the kit shows a person, in Chinese and English, in one table.

Code refers to a label by its key and asks :func:`label` for the text in the chosen language; no label is
written as a string literal anywhere else. Method areas add their own sections to :data:`LABELS`.

>>> label("cancellation", "zh")
'取消订单'
>>> label("cancellation", "en")
'cancellation'
"""

from __future__ import annotations

from .errors import KitError

LANGUAGES = ("zh", "en")

#: key -> {"zh": ..., "en": ...}
LABELS: dict[str, dict[str, str]] = {
    # canonical transaction columns
    "customer_id": {"zh": "客户编号", "en": "customer id"},
    "order_id": {"zh": "订单号", "en": "order id"},
    "order_date": {"zh": "订单日期", "en": "order date"},
    "product_id": {"zh": "商品编号", "en": "product id"},
    "product_name": {"zh": "商品名称", "en": "product name"},
    "quantity": {"zh": "数量", "en": "quantity"},
    "unit_price": {"zh": "单价", "en": "unit price"},
    "amount": {"zh": "金额", "en": "amount"},
    "country": {"zh": "国家", "en": "country"},
    "channel": {"zh": "渠道", "en": "channel"},
    "cost": {"zh": "成本", "en": "cost"},
    "margin": {"zh": "毛利", "en": "margin"},
    # cleaning: why a row was set aside
    "kept": {"zh": "保留", "en": "kept"},
    "missing_value": {"zh": "必填字段缺失", "en": "missing required value"},
    "invalid_number": {"zh": "数值无法识别", "en": "not a number"},
    "unparseable_date": {"zh": "日期无法识别", "en": "unparseable date"},
    "missing_customer_id": {"zh": "缺少客户编号", "en": "missing customer id"},
    "cancellation": {"zh": "取消订单", "en": "cancellation"},
    "cancelled_order": {"zh": "已被取消的订单行", "en": "reversed by a cancellation"},
    "non_positive_quantity": {"zh": "数量非正", "en": "non-positive quantity"},
    "non_positive_price": {"zh": "价格非正", "en": "non-positive price"},
    "non_product_code": {"zh": "非商品代码", "en": "non-product code"},
    "duplicate": {"zh": "完全重复行", "en": "exact duplicate"},
    "total": {"zh": "合计", "en": "total"},
    # analyses
    "customer_analyses": {"zh": "客户分析", "en": "customer analyses"},
    "basket_analyses": {"zh": "购物篮分析", "en": "basket analyses"},
    # first look
    "month": {"zh": "月份", "en": "month"},
    "revenue": {"zh": "销售额", "en": "revenue"},
    "orders": {"zh": "订单数", "en": "orders"},
    "customers": {"zh": "客户数", "en": "customers"},
    "products": {"zh": "商品数", "en": "products"},
    "lines": {"zh": "行数", "en": "lines"},
    "rows": {"zh": "行数", "en": "rows"},
    "share": {"zh": "占比", "en": "share"},
    "reason": {"zh": "原因", "en": "reason"},
    "orders_per_customer": {"zh": "每位客户的订单数", "en": "orders per customer"},
    "items_per_basket": {"zh": "每个购物篮的商品数", "en": "distinct products per order"},
    "top_products": {"zh": "最畅销商品", "en": "top products"},
    "sales_over_time": {"zh": "月度销售额", "en": "monthly revenue"},
    "number_of_customers": {"zh": "客户数", "en": "number of customers"},
    "number_of_orders": {"zh": "订单数", "en": "number of orders"},
}


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is a supported language code, else raise :class:`KitError`."""
    if lang not in LANGUAGES:
        raise KitError(f"language {lang!r} is not supported", hint=f"use one of {', '.join(LANGUAGES)}")
    return lang


def label(key: str, lang: str = "en") -> str:
    """The text of label ``key`` in ``lang`` (``"zh"`` or ``"en"``); an unknown key is returned unchanged."""
    check_lang(lang)
    entry = LABELS.get(key)
    return entry[lang] if entry else key


def labels(keys, lang: str = "en") -> list[str]:
    """:func:`label` for each key in ``keys``."""
    return [label(k, lang) for k in keys]


def bilingual(key: str) -> str:
    """``'English (中文)'`` -- how notebook prose introduces a term the first time."""
    entry = LABELS[key]
    return f"{entry['en']} ({entry['zh']})"
