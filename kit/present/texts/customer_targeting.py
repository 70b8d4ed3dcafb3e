"""Texts of customer targeting in both languages (merged into :data:`kit.present.labels.LABELS`)."""

TEXTS: dict[str, dict[str, str]] = {
    # the customer table
    "ct_customers_as_of": {
        "en": "{customers:,} customers as of {as_of}; the data cover {days:,} days ({first} to {last}); "
              "comparison window {window:,} days",
        "zh": "截至 {as_of} 共 {customers:,} 位客户; 数据覆盖 {days:,} 天 ({first} 至 {last}); 比较窗口 {window:,} 天"},
    "ct_lapsed_count": {"en": "lapsed (no order in the last {window:,} days): {lapsed:,} customers",
                        "zh": "已流失 (最近 {window:,} 天没有下单): {lapsed:,} 位客户"},
    "ct_no_lapsed": {
        "en": "nobody is called lapsed: the data cover {days:,} days, and calling anyone lapsed needs windows of "
              "at least {need} days ({history} days of history)",
        "zh": "不把任何客户判为流失: 数据只覆盖 {days:,} 天, 判断流失需要至少 {need} 天的窗口 (即 {history} 天的历史)"},
    "ct_mean": {"en": "mean", "zh": "均值"},
    "ct_median": {"en": "median", "zh": "中位数"},
    "ct_max": {"en": "max", "zh": "最大值"},
    # relationship value
    "ct_assumption": {"en": "assumption", "zh": "假设"},
    "ct_setting": {"en": "setting", "zh": "取值"},
    "ct_margin_rate": {"en": "gross margin rate", "zh": "毛利率"},
    "ct_cost_per_order": {"en": "cost to serve an order", "zh": "每个订单的服务成本"},
    "ct_cost_per_line": {"en": "cost per order line", "zh": "每个订单行的拣货包装成本"},
    "ct_cost_per_return": {"en": "cost per returned line", "zh": "每个退货行的处理成本"},
    "ct_word_of_mouth_rate": {"en": "word-of-mouth rate (repeat customers)", "zh": "口碑价值率 (重复购买客户)"},
    "ct_weight_explicit": {"en": "weight of explicit value", "zh": "显性价值权重"},
    "ct_weight_implicit": {"en": "weight of implicit value", "zh": "隐性价值权重"},
    "ct_stage": {"en": "the firm's stage: {stage}", "zh": "企业发展阶段: {stage}"},
    "ct_stage_start-up": {"en": "start-up", "zh": "初创期"},
    "ct_stage_growth": {"en": "growth", "zh": "成长期"},
    "ct_stage_maturity": {"en": "maturity", "zh": "成熟期"},
    "ct_sum_all": {"en": "sum over all customers", "zh": "全体客户合计"},
    "ct_negative_count": {"en": "negative-value customers: {negative:,} of {customers:,}",
                          "zh": "负值客户: {customers:,} 位客户中有 {negative:,} 位"},
    "ct_value_terms_title": {"en": "The four terms of relationship value: the four best and the four worst customers",
                             "zh": "客户关系价值的四项: 价值最高和最低的各四位客户"},
    # the whale curve
    "ct_figure": {"en": "figure", "zh": "指标"},
    "ct_peak_share": {"en": "peak of the curve (share of total profit)", "zh": "曲线峰值 (占总利润)"},
    "ct_customers_at_peak": {"en": "best customers up to the peak", "zh": "到达峰值的客户数"},
    "ct_top20_share": {"en": "profit share of the top 20 %", "zh": "前 20% 客户的利润占比"},
    "ct_bottom30_share": {"en": "profit share of the bottom 30 %", "zh": "后 30% 客户的利润占比"},
    "ct_negative_customers": {"en": "negative-value customers", "zh": "负值客户数"},
    "ct_whale_no_profit": {
        "en": "{scenario}: the customers lose money in total ({total:,.0f}), so there is no profit to share out",
        "zh": "{scenario}: 客户整体亏损 ({total:,.0f}), 没有利润可供分配, 无法画鲸鱼曲线"},
    # segments
    "ct_segments_skipped": {
        "en": "segments skipped: {customers:,} customers; {k} segments need at least {needed}",
        "zh": "跳过客户细分: 只有 {customers:,} 位客户, 分成 {k} 个群至少需要 {needed} 位"},
    "ct_k": {"en": "number of segments k", "zh": "分群数 k"},
    "ct_k_chosen": {"en": "k = {k} segments", "zh": "分为 k = {k} 个客户群"},
    "ct_segment_no": {"en": "segment no.", "zh": "分群编号"},
    "ct_overall": {"en": "all customers", "zh": "全体客户"},
    "ct_pc_axis": {"en": "PC{n} ({share:.0%} of the variance)", "zh": "第 {n} 主成分 (解释 {share:.0%} 的方差)"},
    "ct_pca_title": {"en": "Customers on the first two principal components", "zh": "客户在前两个主成分上的分布"},
    "ct_choice_title": {"en": "Choosing k: silhouette and inertia (elbow)", "zh": "选择 k: 轮廓系数与簇内平方和 (肘部)"},
    "ct_profile_title": {"en": "Segment means relative to all customers (1 = average)",
                         "zh": "各分群均值与全体均值之比 (1 = 平均水平)"},
    # factor analysis
    "ct_feature": {"en": "feature", "zh": "特征"},
    "ct_factor": {"en": "factor {n}", "zh": "因子 {n}"},
    "ct_factor_skipped": {"en": "factor analysis skipped: the segments were skipped for these data",
                          "zh": "跳过因子分析: 这份数据没有做客户细分"},
    "ct_factor_vs_kmeans": {"en": "customers by k-means segment (rows) and factor-score segment (columns)",
                            "zh": "按 k-means 分群 (行) 与因子得分分群 (列) 交叉计数的客户数"},
    "ct_kmeans_segment": {"en": "k-means segment", "zh": "k-means 分群"},
    "ct_factor_segment": {"en": "factor segment", "zh": "因子分群"},
    "ct_agreement": {"en": "customers in the matching segment of the other method: {share:.0%}",
                     "zh": "两种方法分到对应分群的客户占比: {share:.0%}"},
    # look-alikes
    "ct_skip_lookalike_span": {
        "en": "look-alike section skipped: the data cover {days:,} days ({first} to {last}); look-alikes need "
              "windows of at least {need} days, i.e. {history} days of history",
        "zh": "跳过相似客户部分: 数据只覆盖 {days:,} 天 ({first} 至 {last}); 相似客户模型需要至少 {need} 天的窗口, "
              "即 {history} 天的历史"},
    "ct_skip_lookalike_few": {
        "en": "look-alike section skipped: {seeds:,} seed and {others:,} other customers; the model needs at "
              "least {need} of each to learn from",
        "zh": "跳过相似客户部分: 只有 {seeds:,} 位种子客户和 {others:,} 位其他客户; 模型每类至少需要 {need} 位"},
    "ct_lookalike_split": {
        "en": "features as of {as_of}: {customers:,} customers, {seeds:,} seeds (top spenders from {start} to {end})",
        "zh": "特征截至 {as_of}: {customers:,} 位客户, 其中种子客户 {seeds:,} 位 ({start} 至 {end} 消费最高者)"},
    "ct_auc": {"en": "held-out AUC {auc:.2f} (0.5 = guessing, 1 = perfect)",
               "zh": "留出客户上的 AUC 为 {auc:.2f} (0.5 = 随机猜测, 1 = 完全区分)"},
    "ct_coefficient": {"en": "standardised coefficient (+ raises the score)", "zh": "标准化系数 (正值提高得分)"},
    "ct_importance": {"en": "importance", "zh": "重要性"},
    "ct_no_scores": {"en": "no look-alike scores: section 7 was skipped",
                     "zh": "没有相似度得分: 第 7 部分已跳过"},
    "ct_scores_summary": {
        "en": "look-alike scores of {customers:,} customers today: median {median:.2f}, middle half {q1:.2f} to "
              "{q3:.2f}; {high:,} customers score 0.5 or more",
        "zh": "今天 {customers:,} 位客户的相似度得分: 中位数 {median:.2f}, 中间一半客户在 {q1:.2f} 至 {q3:.2f} 之间; "
              "{high:,} 位客户得分不低于 0.5"},
    "ct_gain_title": {"en": "Gain chart on held-out customers", "zh": "留出客户的增益图"},
    # the target list
    "ct_capacity": {"en": "capacity: {capacity:,} customers", "zh": "服务能力: {capacity:,} 位客户"},
    "ct_capacity_default": {"en": "capacity: {capacity:,} customers ({share:.0%} of {active:,} active customers)",
                            "zh": "服务能力: {capacity:,} 位客户 ({active:,} 位活跃客户的 {share:.0%})"},
    "ct_selected": {"en": "customers selected", "zh": "入选客户数"},
    "ct_captured": {"en": "value captured", "zh": "名单获得的价值"},
    "ct_random_expectation": {"en": "expected value of a random choice", "zh": "随机选择的期望价值"},
    "ct_lift": {"en": "times the random choice", "zh": "相当于随机选择的倍数"},
    "ct_share_of_total": {"en": "share of total value", "zh": "占全部价值的比例"},
    "ct_note": {"en": "note: {note}", "zh": "注意: {note}"},
    "ct_exported": {"en": "written {file}: {rows:,} rows", "zh": "已写出 {file}: {rows:,} 行"},
    "ct_sliders_in_lab": {"en": "the slider appears when this notebook is opened in JupyterLab",
                          "zh": "在 JupyterLab 中打开本笔记本时, 这里会出现滑块"},
    "ct_yes": {"en": "yes", "zh": "是"},
    "ct_no": {"en": "no", "zh": "否"},
}
