"""Texts of value grading (notebook 03 and its plots) in both languages (merged into
:data:`kit.present.labels.LABELS`)."""

TEXTS: dict[str, dict[str, str]] = {
    # loading and the customer table
    "vg_loaded": {"en": "{kept:,} clean lines of {customers:,} customers ({set_aside:,} of {rows:,} rows set aside; "
                        "see notebook 00)",
                  "zh": "清洗后保留 {kept:,} 行交易, 涉及 {customers:,} 位客户 (原始 {rows:,} 行中剔除 {set_aside:,} 行, "
                        "见笔记本 00)"},
    "vg_as_of": {"en": "as of {date}: {customers:,} customers", "zh": "截至 {date}: 共 {customers:,} 位客户"},
    "vg_stat_count": {"en": "count", "zh": "个数"},
    "vg_stat_mean": {"en": "mean", "zh": "平均值"},
    "vg_stat_std": {"en": "std", "zh": "标准差"},
    "vg_stat_min": {"en": "min", "zh": "最小值"},
    "vg_stat_25%": {"en": "25%", "zh": "25% 分位数"},
    "vg_stat_50%": {"en": "50% (median)", "zh": "中位数"},
    "vg_stat_75%": {"en": "75%", "zh": "75% 分位数"},
    "vg_stat_max": {"en": "max", "zh": "最大值"},
    # scores
    "vg_score_bins": {"en": "customers per score, rank-then-cut (the kit's default):",
                      "zh": "各分数的客户数 (先排名再切分, 本工具包的默认做法):"},
    "vg_quantile_scores": {"en": "plain quantile cuts: F scores obtained {scores}",
                           "zh": "直接按分位数切分: F 只得到这些分数 {scores}"},
    "vg_constant_measure": {"en": "{measure} is the same for every customer: score 1 for all, nobody ranks above anyone",
                            "zh": "所有客户的{measure}都相同: 一律记 1 分, 谁也排不到谁前面"},
    "vg_score_value": {"en": "score", "zh": "分数"},
    # skipped sections
    "vg_skip_segments": {"en": "segments", "zh": "客户分群"},
    "vg_skip_matrix": {"en": "value matrix and grade migration", "zh": "价值矩阵与等级迁移"},
    "vg_skip_migration": {"en": "grade migration", "zh": "等级迁移"},
    "vg_too_short": {"en": "{what} skipped: the data cover {span:,} days ({first} to {last}); this needs windows of at "
                           "least {need} days, i.e. {history} days of history",
                     "zh": "{what}已跳过: 数据只覆盖 {span:,} 天 ({first} 至 {last}); 每个窗口至少需要 {need} 天, "
                           "即至少 {history} 天的历史数据"},
    # ABC and Pareto
    "vg_pareto": {"en": "top 20 % of customers bring {top:.1%} of revenue; {needed:.1%} of customers bring 80 %; "
                        "Gini {gini:.3f}",
                  "zh": "前 20% 的客户带来 {top:.1%} 的收入; {needed:.1%} 的客户带来 80% 的收入; 基尼系数 {gini:.3f}"},
    "vg_lorenz": {"en": "Lorenz curve", "zh": "洛伦兹曲线"},
    "vg_equality": {"en": "line of equality", "zh": "绝对平均线"},
    "vg_lorenz_title": {"en": "Lorenz curve of spend, best customers marked", "zh": "消费金额的洛伦兹曲线 (标出 A、B 等级分界)"},
    # value matrices
    "vg_periods": {"en": "current value: {a0} to {a1}; future value: {b0} to {b1}",
                   "zh": "目前价值: {a0} 至 {a1}; 未来价值: {b0} 至 {b1}"},
    "vg_value_matrix_title": {"en": "Current × future value (classes A–F)", "zh": "目前价值 × 未来价值 (A–F 六类)"},
    "vg_account_1": {"en": "account 1", "zh": "客户甲"},
    "vg_account_2": {"en": "account 2", "zh": "客户乙"},
    "vg_account_3": {"en": "account 3", "zh": "客户丙"},
    "vg_account_4": {"en": "account 4", "zh": "客户丁"},
    "vg_account_5": {"en": "account 5", "zh": "客户戊"},
    "vg_account_6": {"en": "account 6", "zh": "客户己"},
    # points
    "vg_company_a": {"en": "company A", "zh": "A 公司"},
    "vg_company_b": {"en": "company B", "zh": "B 公司"},
    "vg_company_c": {"en": "company C", "zh": "C 公司"},
    "cumulative_purchase": {"en": "cumulative purchase", "zh": "累计购买"},
    "sales_opportunity": {"en": "current sales opportunity", "zh": "当前销售机会"},
    "high_value_suggestions": {"en": "high-value suggestions", "zh": "高价值建议"},
    "ordinary_suggestions": {"en": "ordinary suggestions", "zh": "一般建议"},
    "future_demand": {"en": "future demand", "zh": "未来需求"},
    "vg_terms_left_out": {"en": "terms left out: {terms}", "zh": "未计入的项目: {terms}"},
    "vg_none": {"en": "none", "zh": "无"},
    "vg_yes": {"en": "yes", "zh": "是"},
    "vg_no": {"en": "no", "zh": "否"},
    # grade migration
    "vg_fell": {"en": "{n:,} customers fell a grade or were lost (customers already in the lowest segment are not "
                      "counted: they have no grade to fall from)",
                "zh": "{n:,} 位客户等级下降或已流失 (原本就在最低一类的客户不计入: 他们已无级可降)"},
    "vg_migration_title": {"en": "Segments {a0}..{a1} → {b0}..{b1}", "zh": "客户分群迁移 {a0}..{a1} → {b0}..{b1}"},
    # the action list
    "vg_exported": {"en": "{file}: {rows:,} rows", "zh": "{file}: 共 {rows:,} 行"},
}
