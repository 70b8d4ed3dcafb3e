"""Every label the kit shows a person, in Chinese and English, in one table.

Code refers to a label by its key and asks :func:`label` for the text in the chosen language; no label is
written as a string literal anywhere else. Method areas add their own sections to :data:`LABELS`.

>>> label("cancellation", "zh")
'取消订单'
>>> label("cancellation", "en")
'cancellation'
"""

from __future__ import annotations

from ..errors import KitError

LANGUAGES = ("zh", "en")

#: Columns whose values are label keys (a segment, an action, a reason): :func:`kit.present.localise.localise`
#: translates their values as well as their names. Method areas add theirs.
KEY_COLUMNS = ("reason", "segment", "rfm_segment", "action", "rfm_action", "value_class", "current_value",
               "future_value", "target_action")
#: value grading: matrix classes and levels, segments in the two periods of a grade migration
KEY_COLUMNS += ("class", "current_level", "future_level", "value_level", "fit_level", "segment_a", "segment_b")

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
    "lines": {"zh": "订单行数", "en": "lines"},
    "rows": {"zh": "行数", "en": "rows"},
    "share": {"zh": "占比", "en": "share"},
    "reason": {"zh": "原因", "en": "reason"},
    "orders_per_customer": {"zh": "每位客户的订单数", "en": "orders per customer"},
    "items_per_basket": {"zh": "每个购物篮的商品数", "en": "distinct products per order"},
    "top_products": {"zh": "最畅销商品", "en": "top products"},
    "sales_over_time": {"zh": "月度销售额", "en": "monthly revenue"},
    "number_of_customers": {"zh": "客户数", "en": "number of customers"},
    "number_of_orders": {"zh": "订单数", "en": "number of orders"},
    # RFM
    "recency": {"zh": "最近一次消费(天)", "en": "recency (days)"},
    "frequency": {"zh": "消费频率(订单数)", "en": "frequency (orders)"},
    "monetary": {"zh": "消费金额", "en": "monetary"},
    "R": {"zh": "R 分", "en": "R score"},
    "F": {"zh": "F 分", "en": "F score"},
    "M": {"zh": "M 分", "en": "M score"},
    "segment": {"zh": "客户分群", "en": "segment"},
    "value_share": {"zh": "价值占比", "en": "share of value"},
    "customer_share": {"zh": "客户占比", "en": "share of customers"},
    "cumulative_value_share": {"zh": "累计价值占比", "en": "cumulative share of value"},
    "cumulative_customer_share": {"zh": "累计客户占比", "en": "cumulative share of customers"},
    "action": {"zh": "建议行动", "en": "recommended action"},
    "grade": {"zh": "等级", "en": "grade"},
    "new": {"zh": "新客户", "en": "new"},
    "lost": {"zh": "流失", "en": "lost"},
    "current_value": {"zh": "目前价值", "en": "current value"},
    "future_value": {"zh": "未来价值", "en": "future value"},
    "high": {"zh": "高", "en": "high"},
    "medium": {"zh": "中", "en": "medium"},
    "low": {"zh": "低", "en": "low"},
    # eight-segment scheme (R high = bought recently)
    "important_value": {"zh": "重要价值客户", "en": "important value"},
    "important_development": {"zh": "重要发展客户", "en": "important development"},
    "important_retention": {"zh": "重要保持客户", "en": "important retention"},
    "important_win_back": {"zh": "重要挽留客户", "en": "important win-back"},
    "general_value": {"zh": "一般价值客户", "en": "general value"},
    "general_development": {"zh": "一般发展客户", "en": "general development"},
    "general_retention": {"zh": "一般保持客户", "en": "general retention"},
    "general_win_back": {"zh": "一般挽留客户", "en": "general win-back"},
    # the source's six types
    "six_maintain": {"zh": "重要维护客户", "en": "important maintain"},
    "six_develop": {"zh": "重要发展客户", "en": "important develop"},
    "six_generally_important": {"zh": "一般重要客户", "en": "generally important"},
    "six_win_back": {"zh": "重要挽留客户", "en": "important win-back"},
    "six_ordinary": {"zh": "一般客户", "en": "ordinary"},
    "six_no_value": {"zh": "无价值客户", "en": "no value"},
    # named quintile segments
    "champions": {"zh": "冠军客户", "en": "Champions"},
    "loyal": {"zh": "忠诚客户", "en": "Loyal"},
    "potential_loyalists": {"zh": "潜在忠诚客户", "en": "Potential Loyalists"},
    "new_customers": {"zh": "新客户", "en": "New Customers"},
    "promising": {"zh": "有潜力客户", "en": "Promising"},
    "need_attention": {"zh": "需要关注客户", "en": "Need Attention"},
    "about_to_sleep": {"zh": "即将沉睡客户", "en": "About to Sleep"},
    "at_risk": {"zh": "有流失风险客户", "en": "At Risk"},
    "cant_lose": {"zh": "不能失去的客户", "en": "Can't Lose"},
    "hibernating": {"zh": "沉睡客户", "en": "Hibernating"},
    # current x future value classes, value x fit classes
    "class_A": {"zh": "A 类: 头等客户", "en": "A: first-priority"},
    "class_B": {"zh": "B 类: 潜力可观客户", "en": "B: considerable potential"},
    "class_C": {"zh": "C 类: 核心客户", "en": "C: core"},
    "class_D": {"zh": "D 类: 生命周期将尽客户", "en": "D: life cycle ending"},
    "class_E": {"zh": "E 类: 低级别客户", "en": "E: low-grade"},
    "class_F": {"zh": "F 类: 无吸引力客户", "en": "F: unattractive"},
    "strategic": {"zh": "战略客户", "en": "strategic"},
    "profit": {"zh": "利润客户", "en": "profit"},
    "potential": {"zh": "潜力客户", "en": "potential"},
    "ordinary": {"zh": "普通客户", "en": "ordinary"},
    # recommended actions
    "act_keep_vip": {"zh": "重点维护: 专属服务, 保持长期关系", "en": "keep them: VIP service and a long-term relationship"},
    "act_raise_frequency": {"zh": "针对性营销, 提高购买频率", "en": "targeted marketing to raise purchase frequency"},
    "act_reactivate": {"zh": "主动联系, 唤回购买", "en": "contact them and bring them back to buy"},
    "act_win_back": {"zh": "重点挽留: 找出原因, 提高忠诚度", "en": "win them back: find out why, raise loyalty"},
    "act_raise_spend": {"zh": "适度维持, 提高客单价", "en": "maintain at moderate cost, raise spend per order"},
    "act_nurture": {"zh": "低成本培养", "en": "nurture at low cost"},
    "act_low_cost": {"zh": "低成本维持, 不再追加投入", "en": "low-cost upkeep, no further investment"},
    "act_reduce": {"zh": "减少投入", "en": "reduce investment"},
    "act_reward": {"zh": "奖励与专属礼遇, 邀请参与新品", "en": "reward them, early access to new products"},
    "act_upsell": {"zh": "向上销售, 会员计划", "en": "upsell, loyalty programme"},
    "act_membership": {"zh": "会员计划, 推荐相关商品", "en": "membership offer, recommend related products"},
    "act_onboard": {"zh": "新客引导, 建立关系", "en": "onboarding, build the relationship"},
    "act_awareness": {"zh": "品牌认知, 首单后优惠", "en": "build awareness, a second-order offer"},
    "act_limited_offer": {"zh": "限时优惠, 重新激活", "en": "limited-time offer to reactivate"},
    "act_reconnect": {"zh": "推荐热门商品, 重新建立联系", "en": "reconnect with popular products"},
    "act_personal_win_back": {"zh": "个性化挽回, 续约优惠", "en": "personalised win-back offer"},
    "act_win_back_all_costs": {"zh": "不惜代价挽回, 了解流失原因", "en": "win back at all costs, ask what went wrong"},
    "act_keep_all_costs": {"zh": "不惜代价保持, 建立长期战略关系", "en": "keep at all costs: long-term strategic relationship"},
    "act_invest_protect": {"zh": "加大投入, 保护潜力", "en": "invest to protect their potential"},
    "act_invest_gradually": {"zh": "逐步增加投入, 提高钱包份额", "en": "raise investment step by step, grow share of wallet"},
    "act_divest": {"zh": "停止服务或转为自助", "en": "divest: stop serving or move to self-service"},
    "act_cut": {"zh": "削减投入", "en": "cut investment"},
    "act_partner": {"zh": "建立战略伙伴关系", "en": "build a strategic partnership"},
    "act_harvest": {"zh": "保持交易, 控制服务成本", "en": "keep the business, control the cost to serve"},
    "act_develop_fit": {"zh": "培养潜力, 逐步投入", "en": "develop their potential step by step"},
    "act_standard": {"zh": "标准化服务", "en": "standard service"},
    # value grading: columns of the segment summary, matrices, points and migration
    "mean_recency": {"zh": "平均最近一次消费(天)", "en": "mean recency (days)"},
    "mean_frequency": {"zh": "平均消费频率", "en": "mean frequency"},
    "class": {"zh": "类别", "en": "class"},
    "current_level": {"zh": "目前价值水平", "en": "current value level"},
    "future_level": {"zh": "未来价值水平", "en": "future value level"},
    "value": {"zh": "客户价值", "en": "value"},
    "fit": {"zh": "战略匹配度", "en": "strategic fit"},
    "value_level": {"zh": "客户价值水平", "en": "value level"},
    "fit_level": {"zh": "战略匹配度水平", "en": "fit level"},
    "points": {"zh": "积分", "en": "points"},
    "complete": {"zh": "各项齐全", "en": "complete"},
    "segment_a": {"zh": "期间 A 分群", "en": "segment in A"},
    "segment_b": {"zh": "期间 B 分群", "en": "segment in B"},
    "monetary_a": {"zh": "期间 A 消费金额", "en": "monetary in A"},
    "monetary_b": {"zh": "期间 B 消费金额", "en": "monetary in B"},
    # lifetime value
    "actual": {"zh": "实际", "en": "actual"},
    "predicted": {"zh": "预测", "en": "predicted"},
    "calibration_frequency": {"zh": "校准期重复购买次数", "en": "repeat purchases in calibration"},
    "holdout_purchases": {"zh": "验证期平均购买次数", "en": "mean purchases in holdout"},
    "relationship_year": {"zh": "关系年数", "en": "year of the relationship"},
    "profit_per_customer": {"zh": "每位客户利润", "en": "profit per customer"},
    "clv": {"zh": "客户终身价值", "en": "customer lifetime value"},
    "p_alive": {"zh": "仍活跃概率", "en": "P(alive)"},
    "expected_purchases": {"zh": "预期购买次数", "en": "expected purchases"},
    "expected_spend": {"zh": "预期每次消费", "en": "expected spend per purchase"},
    "retained": {"zh": "留存客户数", "en": "retained"},
    "retention": {"zh": "顾客保持率", "en": "retention rate"},
    "frequency_holdout": {"zh": "验证期重复购买次数", "en": "purchases in holdout"},
    "monetary_value": {"zh": "重复购买平均金额", "en": "mean repeat purchase value"},
    "clv_problem_not_converged": {"zh": "未加惩罚的拟合没有收敛", "en": "the unpenalised fit did not converge"},
    "clv_problem_at_bound": {"zh": "参数 {parameters} 位于优化器的边界", "en": "parameter(s) {parameters} at the optimiser's bounds"},
    "clv_problem_standard_errors": {"zh": "参数 {parameters} 的标准误不是有限值: 似然函数在某个方向上是平的", "en": "standard error(s) of {parameters} not finite: the likelihood is flat in some direction"},
    "clv_problem_dropout_tiny": {"zh": "平均流失概率 a/(a+b) = {mean_dropout:.2g}, 低于 {min_dropout:g}: 模型几乎把每位客户都当作仍活跃", "en": "mean dropout probability a/(a+b) = {mean_dropout:.2g} is below {min_dropout:g}: the model treats almost every customer as alive"},
    "clv_problem_silent_alive": {"zh": "{customers} 位重复购买客户在校准期的一半以上时间没有购买, 其仍活跃概率的中位数却为 {median_p_alive:.3f}", "en": "median P(alive) {median_p_alive:.3f} of {customers} repeat buyers silent for more than half the calibration period"},
    "clv_problem_holdout_total": {"zh": "验证期预测购买次数偏差 {error:+.1%} (容许 {tolerance:.0%})", "en": "predicted holdout purchases off by {error:+.1%} (tolerance {tolerance:.0%})"},
    "clv_problem_holdout_by_frequency": {"zh": "按购买次数分组的验证期误差 {error:.1%} (容许 {tolerance:.0%})", "en": "by-frequency holdout error {error:.1%} (tolerance {tolerance:.0%})"},
    "clv_problem_no_purchases": {"zh": "没有带客户编号的购买记录", "en": "no purchases with a customer id"},
    "clv_problem_history_short": {"zh": "数据覆盖 {days} 天 ({first_day} 至 {last_day}); 购买模型至少需要 {min_days} 天", "en": "the data cover {days} days ({first_day} to {last_day}); the purchase models need at least {min_days}"},
    "clv_problem_few_repeat_buyers": {"zh": "截至 {end} 只有 {repeat_buyers} 位客户在两个不同的日子购买; 购买模型至少需要 {min_repeat_buyers} 位", "en": "{repeat_buyers} customers bought on two different days up to {end}; the purchase models need at least {min_repeat_buyers}"},
    "clv_refitted": {"zh": "{model}: {reason}; 已用 penalizer={penalizer:g} 重新拟合", "en": "{model}: {reason}; refitted with penalizer={penalizer:g}"},
    "clv_penalized": {"zh": "以 penalizer={penalizer:g} 拟合", "en": "fitted with penalizer={penalizer:g}"},
    # market baskets
    "support": {"zh": "支持度", "en": "support"},
    "confidence": {"zh": "置信度", "en": "confidence"},
    "lift": {"zh": "提升度", "en": "lift"},
    "leverage": {"zh": "杠杆率", "en": "leverage"},
    "conviction": {"zh": "确信度", "en": "conviction"},
    "antecedents": {"zh": "前项", "en": "antecedents"},
    "consequents": {"zh": "后项", "en": "consequents"},
    "baskets": {"zh": "购物篮数", "en": "baskets"},
    "item": {"zh": "商品", "en": "item"},
    "name": {"zh": "名称", "en": "name"},
    "item_a": {"zh": "商品 A", "en": "item A"},
    "item_b": {"zh": "商品 B", "en": "item B"},
    "name_a": {"zh": "商品 A 名称", "en": "name A"},
    "name_b": {"zh": "商品 B 名称", "en": "name B"},
    "confidence_a_to_b": {"zh": "置信度 A→B", "en": "confidence A→B"},
    "confidence_b_to_a": {"zh": "置信度 B→A", "en": "confidence B→A"},
    "rank": {"zh": "排名", "en": "rank"},
    "score": {"zh": "得分", "en": "score"},
    "rule": {"zh": "规则", "en": "rule"},
    "average_order_value": {"zh": "平均订单金额", "en": "average order value"},
    "row": {"zh": "行号", "en": "row"},
    "reason_text": {"zh": "理由", "en": "why"},
    "offer": {"zh": "推荐商品", "en": "offer"},
    "reason_placement": {"zh": "{baskets:,} 个购物篮同时包含, 是随机情况下的 {lift:.1f} 倍; 含 {name_a} 的购物篮中 {confidence_a_to_b:.0%} 也含 {name_b}, 反过来为 {confidence_b_to_a:.0%}", "en": "together in {baskets:,} baskets, {lift:.1f} times as often as by chance; {confidence_a_to_b:.0%} of {name_a} baskets hold {name_b}, {confidence_b_to_a:.0%} the other way"},
    "reason_placement_lift": {"zh": "提升度 {lift:.1f}", "en": "lift {lift:.1f}"},
    "raised_max_itemsets": {"zh": "min_support {min_support_requested:g} 下频繁项集超过 {max_itemsets:,} 个: 提高到 {min_support:g}", "en": "more than {max_itemsets:,} frequent itemsets at min_support {min_support_requested:g}: raised to {min_support:g}"},
    "raised_max_rules": {"zh": "min_support {min_support_requested:g} 下候选规则 ({consequents}) 有 {candidate_rules:,} 条, 超过上限 {max_rules:,}: 提高到 {min_support:g}", "en": "{candidate_rules:,} candidate rules ({consequents}) at min_support {min_support_requested:g}, more than max_rules {max_rules:,}: raised to {min_support:g}"},
    # targeting
    "act_serve_first": {"zh": "优先服务: 专人维护, 保持长期关系", "en": "serve first: account manager, long-term relationship"},
    "act_develop_lookalike": {"zh": "重点培养: 与忠诚客户相似, 定向营销", "en": "develop: resembles the best customers, targeted offer"},
    "act_cut_cost": {"zh": "负值客户: 降低服务成本, 停止折扣", "en": "negative value: cut the cost to serve, stop discounts"},
    "relationship_value": {"zh": "客户关系价值", "en": "relationship value"},
    "explicit_value": {"zh": "显性价值", "en": "explicit value"},
    "implicit_value": {"zh": "隐性价值", "en": "implicit value"},
    "explicit_cost": {"zh": "显性成本", "en": "explicit cost"},
    "implicit_cost": {"zh": "隐性成本", "en": "implicit cost"},
    "lookalike_score": {"zh": "相似度得分", "en": "look-alike score"},
    "selected": {"zh": "入选目标客户", "en": "selected"},
    "cumulative_profit_share": {"zh": "累计利润占比", "en": "cumulative share of profit"},
    "tenure_days": {"zh": "客户关系时长(天)", "en": "tenure (days)"},
    "basket_breadth": {"zh": "购买商品种类数", "en": "distinct products bought"},
    "orders_per_month": {"zh": "月均订单数", "en": "orders per month"},
    "return_rate": {"zh": "退货率", "en": "return rate"},
    "high_margin_share": {"zh": "高毛利商品消费占比", "en": "share of spend on high-margin products"},
    "seed_share_found": {"zh": "找到的种子客户占比", "en": "share of seed customers found"},
    "note_covers_all": {"zh": "容量 {capacity:,} 覆盖了全部 {eligible:,} 位符合条件的客户: 名单没有做出选择",
                        "en": "capacity {capacity:,} covers all {eligible:,} eligible customers: the list selects no one out"},
    # targeting segments (kit.targeting.segmentation): named by two traits, key "<trait>+<trait>"
    **(SEGMENT_TRAITS := {
        "recent": {"zh": "近期有购买", "en": "recent"},
        "lapsed": {"zh": "已流失", "en": "lapsed"},
        **{f"{level}_{feature}": {"zh": f"{zh_level}{zh}", "en": f"{level} {feature.replace('_', ' ')}"}
           for feature, zh in (("frequency", "消费频率"), ("monetary", "消费金额"), ("tenure_days", "关系时长"),
                               ("average_order_value", "平均订单金额"), ("lines", "订单行数"),
                               ("basket_breadth", "购买商品种类"), ("orders_per_month", "月均订单数"),
                               ("return_rate", "退货率"), ("high_margin_share", "高毛利商品占比"))
           for level, zh_level in (("high", "高"), ("low", "低"))},
    }),
    **{f"{a}+{b}": {"zh": f"{SEGMENT_TRAITS[a]['zh']}、{SEGMENT_TRAITS[b]['zh']}",
                    "en": f"{SEGMENT_TRAITS[a]['en']}, {SEGMENT_TRAITS[b]['en']}"}
       for a in SEGMENT_TRAITS for b in SEGMENT_TRAITS if a != b},
    # the action list and the run report
    "rfm_segment": {"zh": "RFM 分群", "en": "RFM segment"},
    "abc_grade": {"zh": "ABC 等级", "en": "ABC grade"},
    "value_class": {"zh": "价值矩阵类别", "en": "value class"},
    "segment_name": {"zh": "客户细分", "en": "targeting segment"},
    "cross_sell": {"zh": "交叉销售推荐", "en": "cross-sell offers"},
    "action_reason": {"zh": "理由", "en": "reason"},
    "act_cross_sell": {"zh": "交叉销售: 推荐相关商品", "en": "cross-sell: offer related products"},
    "reason_win_back": {"zh": "在目标名单上, 但仍活跃概率仅 {p_alive:.0%}", "en": "on the target list, but P(alive) is only {p_alive:.0%}"},
    "reason_serve_first": {"zh": "客户关系价值 {relationship_value:,.0f}, 在有限资源的目标名单上", "en": "relationship value {relationship_value:,.0f}, on the capacity-limited target list"},
    "reason_cut_cost": {"zh": "客户关系价值为负 ({relationship_value:,.0f})", "en": "negative relationship value ({relationship_value:,.0f})"},
    "reason_value_class": {"zh": "价值矩阵 {value_class} 类, 预测终身价值 {clv:,.0f}", "en": "value class {value_class}, predicted CLV {clv:,.0f}"},
    "reason_lookalike": {"zh": "与最佳客户相似 (得分 {lookalike_score:.2f})", "en": "resembles the best customers (score {lookalike_score:.2f})"},
    "reason_cross_sell": {"zh": "已购商品触发的关联规则: {cross_sell}", "en": "rules their purchases trigger: {cross_sell}"},
    "reason_rfm": {"zh": "RFM 分群: {rfm_segment}", "en": "RFM segment: {rfm_segment}"},
    "reason_covers_all": {"zh": "名单覆盖了所有符合条件的客户", "en": "the list covers every eligible customer"},
    "reason_model_failed": {"zh": "终身价值模型未通过检验 ({codes}): 按{basis}排序",
                            "en": "lifetime-value model failed its check ({codes}): ranked by {basis}"},
    "rank_abc_grade": {"zh": "ABC 等级", "en": "ABC grade"},
    "rank_monetary": {"zh": "历史消费", "en": "past spend"},
    "rank_relationship_value": {"zh": "客户关系价值", "en": "relationship value"},
    "rank_targets_only": {"zh": "目标名单", "en": "the target list only"},
    # the front page
    "clv_model": {"zh": "终身价值模型", "en": "lifetime-value model"},
    "model_failed_codes": {"zh": "未通过检验: {codes}", "en": "failed its check: {codes}"},
    "support_raised": {"zh": "由 {min_support_requested:g} 提高到 {min_support:g}",
                       "en": "raised from {min_support_requested:g} to {min_support:g}"},
    "product_pairs": {"zh": "商品组合", "en": "product pairs"},
    "no_pairs_pass": {"zh": "在 min_support {min_support:g} / min_confidence {min_confidence:g} 下没有",
                      "en": "none pass min_support {min_support:g} / min_confidence {min_confidence:g}"},
    "report_title": {"zh": "客户价值分析报告", "en": "Customer value report"},
    "headlines": {"zh": "主要数字", "en": "Headline figures"},
    "notebooks_run": {"zh": "分析报告", "en": "Reports"},
    "skipped": {"zh": "未运行", "en": "skipped"},
    "failed": {"zh": "运行失败", "en": "failed"},
    "cleaning_report": {"zh": "数据清洗报告", "en": "Data cleaning report"},
    "top20_share": {"zh": "前 20% 客户的收入占比", "en": "revenue share of the top 20 % of customers"},
    "customer_equity": {"zh": "客户资产", "en": "customer equity"},
    "segment_sizes": {"zh": "各分群客户数", "en": "customers per RFM segment"},
    "strongest_pairs": {"zh": "最强的商品组合", "en": "strongest product pairs"},
    "action_list": {"zh": "客户行动清单", "en": "customer action list"},
    # plot texts
    "mean_monetary": {"zh": "平均消费金额", "en": "mean monetary"},
    "silhouette": {"zh": "轮廓系数", "en": "silhouette"},
    "inertia": {"zh": "簇内平方和", "en": "inertia"},
    "model": {"zh": "模型", "en": "model"},
    "random": {"zh": "随机选择", "en": "random"},
    "cohort_retention": {"zh": "同期群留存", "en": "cohort retention"},
    "scenario_default": {"zh": "本笔记本的成本假设", "en": "cost assumptions of this notebook"},
    "scenario_heavy": {"zh": "订单成本 6 倍、订单行成本 2 倍", "en": "six times the cost per order, twice the cost per line"},
}


def _merge_sections() -> None:
    """Add the texts of :mod:`kit.present.texts` to :data:`LABELS`; a key defined twice is an error."""
    from .texts import SECTIONS

    for section in SECTIONS:
        for key, entry in section.TEXTS.items():
            if key in LABELS:
                raise KitError(f"label {key!r} is defined twice ({section.__name__})", hint="use one key per text")
            if set(entry) != set(LANGUAGES):
                raise KitError(f"label {key!r} needs both languages", hint=f"give {', '.join(LANGUAGES)}")
            LABELS[key] = entry


_merge_sections()


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is a supported language code, else raise :class:`KitError`."""
    if lang not in LANGUAGES:
        raise KitError(f"language {lang!r} is not supported", hint=f"use one of {', '.join(LANGUAGES)}")
    return lang


def label(key: str, lang: str = "en") -> str:
    """The text of label ``key`` in one language.

    Parameters
    ----------
    key : str
        A key of :data:`LABELS`; an unknown key is returned unchanged.
    lang : {"zh", "en"}

    Returns
    -------
    str

    Examples
    --------
    >>> label("important_value", "zh"), label("important_value", "en"), label("no such key")
    ('重要价值客户', 'important value', 'no such key')
    """
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
