"""Texts of the course quiz (notebook 05) in both languages (merged into :data:`kit.present.labels.LABELS`).

Per question ``<id>``: ``quiz_q_<id>`` the question, ``quiz_h_<id>`` the hint, ``quiz_w_<id>`` why the answer is
right; ``quiz_o_<name>`` the options that are not labels of the kit already.
"""

TEXTS: dict[str, dict[str, str]] = {
    # what the quiz prints around its questions
    "quiz_count": {"en": "{n} questions on {topics} topics", "zh": "共 {n} 道题, 涵盖 {topics} 个主题"},
    "quiz_unanswered": {"en": "Replace None with your answer ({kind}) and run the cell again.",
                        "zh": "把 None 换成你的答案 ({kind}), 再运行这个单元格。"},
    "quiz_kind_choice": {"en": "a letter or the option's text", "zh": "选项字母或选项文字"},
    "quiz_kind_number": {"en": "a number", "zh": "一个数"},
    "quiz_correct": {"en": "Correct: {answer}\nWhy: {why}", "zh": "正确: {answer}\n理由: {why}"},
    "quiz_solution": {"en": "Answer: {answer}\nWhy: {why}", "zh": "答案: {answer}\n理由: {why}"},
    "quiz_solution_code": {"en": "Computed by:\n{code}\nAnswer: {answer}\nWhy: {why}",
                           "zh": "计算方法:\n{code}\n答案: {answer}\n理由: {why}"},
    # 00 data preparation
    "quiz_q_missing_ids": {
        "en": "Online Retail: how many order lines have no customer id? (They are kept for basket analysis but "
              "left out of every customer analysis.)",
        "zh": "Online Retail 数据中, 有多少订单行缺少客户编号 (customer id)? (这些行可用于购物篮分析, 但不进入任何客户分析。)"},
    "quiz_h_missing_ids": {"en": "the cleaning report counts the rows set aside by reason",
                           "zh": "数据清洗报告按原因统计了被剔除的行"},
    "quiz_w_missing_ids": {"en": "a line without a customer id cannot be given to any customer, so RFM, CLV and the "
                                 "action list cannot use it; a basket only needs the order number",
                           "zh": "没有客户编号的订单行无法归到任何客户名下, RFM、终身价值和行动清单都用不上它; "
                                 "购物篮只需要订单号"},
    # 01 customer targeting
    "quiz_q_big_customer": {"en": "Is a big customer always a good customer?",
                            "zh": "大客户一定是好客户吗?"},
    "quiz_h_big_customer": {"en": "think of the cost to serve, discount demands, returns and the risk of losing them",
                            "zh": "想一想服务成本、折扣要求、退货以及失去他们的风险"},
    "quiz_w_big_customer": {"en": "big customers often cost much to serve, press for discounts and are courted by "
                                  "competitors; relationship value counts those costs, revenue alone does not",
                            "zh": "大客户不等于好客户: 服务成本高、要求折扣、又是竞争对手争夺的对象; "
                                  "客户关系价值把这些成本算进去, 只看收入则不会"},
    "quiz_o_yes": {"en": "yes", "zh": "是"},
    "quiz_o_no": {"en": "not necessarily", "zh": "不一定"},
    "quiz_q_relationship_value": {
        "en": "Relationship value = explicit value + implicit value − explicit cost − implicit cost. Assume a gross "
              "margin of {margin_rate:.0%} of spend, {cost_per_order:g} per order and {cost_per_line:g} per order "
              "line to serve, word-of-mouth value of {word_of_mouth_rate:.0%} of the margin for a repeat customer, "
              "and weights 1 and 1 (growth stage). A customer spent {monetary:,.0f} in {frequency} orders of "
              "{lines} lines in all and returned nothing. What is their relationship value?",
        "zh": "客户关系价值 (relationship value) = 显性价值 + 隐性价值 − 显性成本 − 隐性成本。假设毛利为消费金额的 "
              "{margin_rate:.0%}, 服务成本为每个订单 {cost_per_order:g}、每个订单行 {cost_per_line:g}, "
              "重复购买客户的口碑价值为毛利的 {word_of_mouth_rate:.0%}, 两项价值的权重都是 1 (成长期)。"
              "一位客户在 {frequency} 个订单 (共 {lines} 个订单行) 中消费了 {monetary:,.0f}, 没有退货。"
              "他的客户关系价值是多少?"},
    "quiz_h_relationship_value": {"en": "margin 1,000 × 25 %; word of mouth 10 % of that; orders and lines cost to "
                                        "serve; no returns means no implicit cost",
                                  "zh": "毛利 = 1,000 × 25%; 口碑价值是毛利的 10%; 订单和订单行产生服务成本; "
                                        "没有退货, 隐性成本为 0"},
    "quiz_w_relationship_value": {"en": "250 margin + 25 word of mouth − (10 × 5 + 20 × 0.5) cost to serve − 0 returns",
                                  "zh": "毛利 250 + 口碑 25 − 服务成本 (10 × 5 + 20 × 0.5) − 退货 0"},
    "quiz_q_whale_peak": {
        "en": "Six customers bring profits of {profits}. The whale curve (鲸鱼曲线) plots cumulative profit, customers "
              "ranked from the most to the least profitable, as a share of total profit. How high does it peak? "
              "(a fraction of total profit)",
        "zh": "六位客户的利润分别为 {profits}。鲸鱼曲线 (whale curve) 把客户按利润从高到低排列, 画出累计利润占总利润的比例。"
              "曲线的最高点是多少? (占总利润的比例, 用小数表示)"},
    "quiz_h_whale_peak": {"en": "add the profitable customers only, then divide by the total of all six",
                          "zh": "只把盈利的客户加起来, 再除以六位客户的利润总和"},
    "quiz_w_whale_peak": {"en": "the four profitable customers make 115, the total is 100: the curve rises to 115 % "
                                "and the two loss-making customers bring it back to 100 %",
                          "zh": "四位盈利客户共赚 115, 总利润为 100: 曲线升到 115%, 两位亏损客户又把它拉回 100%"},
    "quiz_q_whale_shape": {"en": "Why does a whale curve rise above 100 % and then fall back to 100 %?",
                           "zh": "鲸鱼曲线为什么会先升到 100% 以上, 再回落到 100%?"},
    "quiz_h_whale_shape": {"en": "the curve ends at the total profit; what do the last customers on it add?",
                           "zh": "曲线的终点是总利润; 排在最后的客户给它加上了什么?"},
    "quiz_w_whale_shape": {"en": "ranked by profit, the profitable customers come first and earn more than the "
                                 "total; the loss-making customers at the end take the excess back",
                           "zh": "按利润排序后盈利客户在前, 他们赚到的超过总利润; 排在最后的亏损客户把超出的部分又亏掉了"},
    "quiz_o_whale_losses": {"en": "the best customers earn more than the total profit; loss-making customers take the "
                                  "excess back",
                            "zh": "最好的客户赚到的超过总利润, 亏损客户又把超出部分亏掉"},
    "quiz_o_whale_rounding": {"en": "rounding errors in the cumulative sum", "zh": "累计求和中的舍入误差"},
    "quiz_o_whale_revenue": {"en": "the curve shows revenue, which is larger than profit",
                             "zh": "曲线画的是收入, 而收入大于利润"},
    "quiz_o_whale_twice": {"en": "some customers are counted twice", "zh": "有些客户被重复计算"},
    "quiz_q_lookalike_period": {"en": "A look-alike model (相似客户模型) learns who becomes a good customer. From which "
                                      "period must its features come?",
                                "zh": "相似客户模型 (look-alike model) 学习哪些客户会成为好客户。它的特征应当来自哪个时期?"},
    "quiz_h_lookalike_period": {"en": "what would the model know on the day it is used?",
                                "zh": "模型在实际使用的那一天能知道什么?"},
    "quiz_w_lookalike_period": {"en": "features measured after the outcome period starts leak the answer into the "
                                      "inputs: the model looks good in testing and fails in use",
                                "zh": "结果期开始之后测得的特征把答案泄漏进了输入: 模型检验时看起来很好, 实际使用时却失效"},
    "quiz_o_before_outcome": {"en": "before the outcome period", "zh": "结果期之前"},
    "quiz_o_after_outcome": {"en": "after the outcome period", "zh": "结果期之后"},
    "quiz_o_whole_data": {"en": "the whole data", "zh": "全部数据"},
    # 02 market basket
    "quiz_q_lift_meaning": {"en": "For a rule A ⇒ C, which measure says how many times more often C comes with A "
                                  "than it would by chance?",
                            "zh": "对于规则 A ⇒ C, 哪个指标表示 C 与 A 一起出现的次数是随机情况下的多少倍?"},
    "quiz_h_lift_meaning": {"en": "compare the confidence with the consequent's own support",
                            "zh": "把置信度与后项自身的支持度相比"},
    "quiz_w_lift_meaning": {"en": "lift = confidence / support(C) = support(A∪C) / (support(A) support(C)); 1 means "
                                  "A and C are independent",
                            "zh": "提升度 = 置信度 / 支持度(C) = 支持度(A∪C) / (支持度(A) × 支持度(C)); 等于 1 表示 A 与 C 相互独立"},
    "quiz_q_leverage": {
        "en": "Of {n:,} baskets, {a} hold bread, {c} hold milk and {ac} hold both. What is the leverage (杠杆率) "
              "of bread ⇒ milk?",
        "zh": "{n:,} 个购物篮中, {a} 个含面包, {c} 个含牛奶, {ac} 个两者都含。规则 面包 ⇒ 牛奶 的杠杆率 (leverage) 是多少?"},
    "quiz_h_leverage": {"en": "leverage = support(A∪C) − support(A) × support(C), supports as shares of baskets",
                        "zh": "杠杆率 = 支持度(A∪C) − 支持度(A) × 支持度(C), 支持度是占购物篮的比例"},
    "quiz_w_leverage": {"en": "0.06 − 0.10 × 0.20 = 0.04: four baskets in a hundred more hold both than if bread and "
                              "milk were independent",
                        "zh": "0.06 − 0.10 × 0.20 = 0.04: 比起面包与牛奶相互独立的情况, 每一百个购物篮多出 4 个同时包含两者"},
    "quiz_q_conviction": {
        "en": "Same baskets ({ac} of {a} bread baskets hold milk; {c} of {n:,} baskets hold milk). What is the "
              "conviction (确信度) of bread ⇒ milk?",
        "zh": "同样的购物篮 ({a} 个含面包的购物篮中 {ac} 个含牛奶; {n:,} 个购物篮中 {c} 个含牛奶)。规则 面包 ⇒ 牛奶 的"
              "确信度 (conviction) 是多少?"},
    "quiz_h_conviction": {"en": "conviction = (1 − support(C)) / (1 − confidence); the confidence is the share of "
                                "bread baskets that hold milk",
                          "zh": "确信度 = (1 − 支持度(C)) / (1 − 置信度); 置信度是含面包的购物篮中含牛奶的比例"},
    "quiz_w_conviction": {"en": "confidence 60 / 100 = 0.6, so (1 − 0.2) / (1 − 0.6) = 2: the rule would be wrong "
                                "twice as often if bread and milk were independent",
                          "zh": "置信度 = 60 / 100 = 0.6, 所以 (1 − 0.2) / (1 − 0.6) = 2: 若两者相互独立, 这条规则出错的次数会是现在的两倍"},
    "quiz_q_honey_lift": {"en": "Groceries: what is the lift of the rule {{honey}} ⇒ {{whole milk}}? (3 decimals)",
                          "zh": "Groceries 数据中, 规则 {{honey}} ⇒ {{whole milk}} (蜂蜜 ⇒ 全脂牛奶) 的提升度是多少? (保留 3 位小数)"},
    "quiz_h_honey_lift": {"en": "mine at support 0.001 and pick the rule with kit.basket.filter_rules",
                          "zh": "以支持度 0.001 挖掘, 再用 kit.basket.filter_rules 找出这条规则"},
    "quiz_w_honey_lift": {"en": "baskets with honey hold whole milk almost three times as often as baskets in general",
                          "zh": "含蜂蜜的购物篮含全脂牛奶的比例, 几乎是全部购物篮的三倍"},
    # 03 value grading
    "quiz_q_r_direction": {"en": "A customer last bought 12 days ago; the mean recency of all customers is 90 days. "
                                 "In the eight-segment scheme, is this customer's R high or low?",
                           "zh": "一位客户最近一次购买在 12 天前; 全体客户的平均最近一次消费 (recency) 为 90 天。"
                                 "在八类客户划分中, 这位客户的 R 是高还是低?"},
    "quiz_h_r_direction": {"en": "R stands for a good sign: is a short time since the last purchase good or bad?",
                           "zh": "R 高代表好: 离上次购买时间短是好还是坏?"},
    "quiz_w_r_direction": {"en": "R high means bought recently, i.e. a recency in days below the threshold; "
                                 "applying the table to raw days swaps 重要价值客户 and 重要保持客户",
                           "zh": "R 高表示最近买过, 即最近一次消费的天数低于阈值; 若直接套用原始天数, "
                                 "重要价值客户与重要保持客户就会互换"},
    "quiz_o_r_high": {"en": "high: fewer days than the mean means a recent buyer", "zh": "高: 天数少于平均值, 说明最近买过"},
    "quiz_o_r_low": {"en": "low: 12 is below the mean of 90", "zh": "低: 12 小于平均值 90"},
    "quiz_o_r_neither": {"en": "neither: R counts orders, not days", "zh": "都不是: R 统计的是订单数, 不是天数"},
    "quiz_q_eight_pattern": {"en": "In the eight-segment scheme (八类客户), which segment is R high, F low, M high "
                                   "(bought recently, few orders, large spend)?",
                             "zh": "在八类客户 (eight-segment scheme) 中, R 高、F 低、M 高 (最近买过, 次数少, 金额大) "
                                   "是哪一类?"},
    "quiz_h_eight_pattern": {"en": "recent and valuable, but they do not buy often yet",
                             "zh": "最近买过且金额大, 只是购买还不频繁"},
    "quiz_w_eight_pattern": {"en": "R=1 F=0 M=1 is 重要发展客户 (important development): raise their purchase "
                                   "frequency with targeted marketing",
                             "zh": "R=1 F=0 M=1 是重要发展客户 (important development): 用针对性营销提高购买频率"},
    "quiz_q_eight_customer": {
        "en": "Online Retail, thresholds at the mean: customer {customer} last bought {recency} days before the end "
              "of the data, placed {frequency} orders and spent {monetary:,.2f}; the means are {mean_recency:.1f} "
              "days, {mean_frequency:.2f} orders and {mean_monetary:,.2f}. Which segment of the eight is this "
              "customer in?",
        "zh": "Online Retail 数据, 以平均值为阈值: 客户 {customer} 最近一次购买距数据结束 {recency} 天, 共 {frequency} "
              "个订单, 消费 {monetary:,.2f}; 全体客户的平均值为 {mean_recency:.1f} 天、{mean_frequency:.2f} 个订单、"
              "{mean_monetary:,.2f}。这位客户属于八类中的哪一类?"},
    "quiz_h_eight_customer": {"en": "compare each measure with its mean; R is high when the days are fewer",
                              "zh": "把每个指标与其平均值比较; 天数少于平均值时 R 为高"},
    "quiz_w_eight_customer": {"en": "fewer days than the mean (R high), more orders (F high), more spend (M high): "
                                    "R=1 F=1 M=1; reading raw days as R gives the swapped 重要保持客户",
                              "zh": "天数少于平均 (R 高), 订单多于平均 (F 高), 金额高于平均 (M 高): R=1 F=1 M=1; "
                                    "若把原始天数当作 R, 就会错成重要保持客户"},
    "quiz_q_six_raw_arrows": {"en": "The six RFM types (六类客户) of the Chinese course put arrows on the raw measures "
                                    "(R↓ = bought recently). Which type is R↑ F↑ M↑: a long time since the last "
                                    "purchase, frequent, large spend?",
                              "zh": "课程原文的六类客户 (six RFM types) 把箭头标在原始指标上 (R↓ = 最近买过)。"
                                    "R↑ F↑ M↑ (很久没有购买, 但次数多、金额大) 是哪一类?"},
    "quiz_h_six_raw_arrows": {"en": "R↑ here means many days since the last purchase: a good customer who has stopped",
                              "zh": "这里的 R↑ 表示距上次购买的天数多: 一位停止购买的好客户"},
    "quiz_w_six_raw_arrows": {"en": "frequent and large but not lately: a churn risk, so win them back "
                                    "(type 4, 重要挽留客户)",
                              "zh": "次数多、金额大, 却很久没有购买: 有流失风险, 应当挽留 (第 4 类, 重要挽留客户)"},
    "quiz_q_name_clash": {"en": "The name 重要挽留客户 (important win-back) is used by both the six-type and the "
                                "eight-segment scheme. Which customers does it name in each?",
                          "zh": "六类客户与八类客户都用到了 \"重要挽留客户\" (important win-back) 这个名称。"
                                "它在两种划分中分别指哪些客户?"},
    "quiz_h_name_clash": {"en": "look up R↑ F↑ M↑ in the six types and R=0 F=0 M=1 in the eight segments",
                          "zh": "在六类中查 R↑ F↑ M↑, 在八类中查 R=0 F=0 M=1"},
    "quiz_w_name_clash": {"en": "six types: R↑ F↑ M↑, lapsed frequent big spenders (the eight segments call them "
                                "重要保持客户); eight segments: R=0 F=0 M=1, lapsed infrequent big spenders. Say "
                                "which scheme you mean",
                          "zh": "六类: R↑ F↑ M↑, 很久未购买但次数多、金额大 (八类中称为重要保持客户); "
                                "八类: R=0 F=0 M=1, 很久未购买、次数少、金额大。使用时要说明是哪种划分"},
    "quiz_o_clash_same": {"en": "the same customers in both: recent, frequent, large spend",
                          "zh": "两者相同: 最近买过、次数多、金额大"},
    "quiz_o_clash_right": {"en": "six types: lapsed, frequent, large spend; eight segments: lapsed, infrequent, "
                                 "large spend",
                           "zh": "六类: 很久未购买、次数多、金额大; 八类: 很久未购买、次数少、金额大"},
    "quiz_o_clash_swapped": {"en": "six types: lapsed, infrequent, large spend; eight segments: lapsed, frequent, "
                                   "large spend",
                             "zh": "六类: 很久未购买、次数少、金额大; 八类: 很久未购买、次数多、金额大"},
    "quiz_o_clash_small": {"en": "in both: lapsed, infrequent, small spend", "zh": "两者都是: 很久未购买、次数少、金额小"},
    "quiz_q_name_clash_count": {"en": "Online Retail, thresholds at the mean: how many customers does the six-type "
                                      "scheme call 重要挽留客户 while the eight-segment scheme gives them another name?",
                                "zh": "Online Retail 数据, 以平均值为阈值: 有多少客户在六类中被称为重要挽留客户, "
                                      "而在八类中却是另一个名称?"},
    "quiz_h_name_clash_count": {"en": "segment rfm with both schemes (kit.rfm_segments) and count the customers "
                                      "whose two names differ",
                                "zh": "用 kit.rfm_segments 按两种划分分群, 再数出两个名称不同的客户"},
    "quiz_w_name_clash_count": {"en": "they are the R=0 F=1 M=1 customers, 重要保持客户 in the eight segments; the "
                                      "kit's six types also put R=0 F=0 M=1 under 重要挽留客户, and there the names agree",
                                "zh": "他们是 R=0 F=1 M=1 的客户, 在八类中叫重要保持客户; 本工具包的六类还把 R=0 F=0 M=1 "
                                      "也归入重要挽留客户, 这部分两种名称一致"},
    "quiz_q_top20": {"en": "Online Retail: what share of revenue do the top 20 % of customers by spend bring? "
                           "(3 decimals)",
                     "zh": "Online Retail 数据中, 消费金额最高的 20% 客户贡献了多少比例的收入? (保留 3 位小数)"},
    "quiz_h_top20": {"en": "sort monetary from largest to smallest and add up the first fifth of the customers",
                     "zh": "把消费金额从大到小排序, 把前五分之一客户的金额加起来"},
    "quiz_w_top20": {"en": "spend is concentrated: the top fifth bring about three quarters of revenue, the basis of "
                           "ABC grading (A = the first 80 % of value)",
                     "zh": "消费高度集中: 前五分之一的客户带来约四分之三的收入, 这正是 ABC 分级 (A 类 = 前 80% 的价值) 的依据"},
    "quiz_q_gini": {"en": "Online Retail: what is the Gini coefficient (基尼系数) of customer spend? (3 decimals)",
                    "zh": "Online Retail 数据中, 客户消费金额的基尼系数 (Gini coefficient) 是多少? (保留 3 位小数)"},
    "quiz_h_gini": {"en": "twice the area between the Lorenz curve and the diagonal; kit.grading.gini",
                    "zh": "洛伦兹曲线 (Lorenz curve) 与对角线之间面积的两倍; kit.grading.gini"},
    "quiz_w_gini": {"en": "0 means every customer spends the same, 1 that one customer has it all; around 0.7 is a "
                                 "very unequal customer base",
                    "zh": "0 表示每位客户消费相同, 1 表示一位客户占了全部; 0.7 左右说明客户价值极不均衡"},
    "quiz_q_matrix_d": {"en": "Current value × future value (目前价值 × 未来价值): a customer with a high current "
                              "value and a low future value is in which class?",
                        "zh": "目前价值 × 未来价值 (current × future value) 矩阵中, 目前价值高、未来价值低的客户属于哪一类?"},
    "quiz_h_matrix_d": {"en": "they bring a lot now, but their life cycle with the firm is ending",
                        "zh": "他们现在贡献很多, 但与企业的关系生命周期将尽"},
    "quiz_w_matrix_d": {"en": "D: customers the firm failed to win for the future, their life cycle ending: reduce "
                              "investment",
                        "zh": "D 类: 企业没能赢得其未来的客户, 生命周期将尽: 减少投入"},
    "quiz_q_matrix_profit": {"en": "Which two classes of the A–F matrix are the main profit customers, whose share of "
                                   "wallet the firm should raise?",
                             "zh": "A–F 矩阵中, 哪两类是主要的利润客户, 企业应当提高其钱包份额 (share of wallet)?"},
    "quiz_h_matrix_profit": {"en": "one has considerable potential, the other is the core of the business today",
                             "zh": "一类潜力可观, 另一类是今天的核心客户"},
    "quiz_w_matrix_profit": {"en": "B (considerable potential: invest to protect it) and C (core: increase "
                                   "investment step by step)",
                             "zh": "B 类 (潜力可观: 加大投入保护潜力) 和 C 类 (核心客户: 逐步增加投入)"},
    "quiz_o_classes_ab": {"en": "A and B", "zh": "A 类和 B 类"},
    "quiz_o_classes_bc": {"en": "B and C", "zh": "B 类和 C 类"},
    "quiz_o_classes_de": {"en": "D and E", "zh": "D 类和 E 类"},
    "quiz_o_classes_ef": {"en": "E and F", "zh": "E 类和 F 类"},
    # 04 customer lifetime value
    "quiz_q_p_alive_zero": {"en": "BG/NBD: a customer made no repeat purchase in the calibration period. What is "
                                  "their P(alive) (仍活跃概率)?",
                            "zh": "BG/NBD 模型中, 一位客户在校准期内没有重复购买。他的仍活跃概率 (P(alive)) 是多少?"},
    "quiz_h_p_alive_zero": {"en": "in BG/NBD a customer can only drop out right after a purchase",
                            "zh": "在 BG/NBD 中, 客户只可能在一次购买之后流失"},
    "quiz_w_p_alive_zero": {"en": "with no repeat purchase there was no moment to drop out, so the model says 1; "
                                  "its expected purchases are low all the same, because its purchase rate is low",
                            "zh": "没有重复购买, 就没有流失的时机, 所以模型给出 1; 但他的预期购买次数仍然很低, 因为他的购买率低"},
    "quiz_o_p_zero": {"en": "0", "zh": "0"},
    "quiz_o_p_half": {"en": "0.5", "zh": "0.5"},
    "quiz_o_p_one": {"en": "1", "zh": "1"},
    "quiz_o_p_dropout": {"en": "a / (a + b)", "zh": "a / (a + b)"},
    "quiz_q_p_alive_value": {
        "en": "With BG/NBD fitted on the CDNOW 1/10 sample (calibration to 1997-09-30, weeks), what is P(alive) of a "
              "customer with {frequency} repeat purchases, the last in week {recency:g}, observed for {T:g} weeks? "
              "(3 decimals)",
        "zh": "用 CDNOW 1/10 样本拟合 BG/NBD (校准期到 1997-09-30, 以周为单位), 一位客户重复购买 {frequency} 次、"
              "最后一次在第 {recency:g} 周、观察了 {T:g} 周, 他的仍活跃概率是多少? (保留 3 位小数)"},
    "quiz_h_p_alive_value": {"en": "bgnbd.probability_alive on a one-row summary with frequency, recency and T",
                             "zh": "对只有一行 (frequency、recency、T) 的汇总表调用 bgnbd.probability_alive"},
    "quiz_w_p_alive_value": {"en": "28 weeks of silence after a steady buyer's last purchase makes it likely that "
                                   "they dropped out",
                             "zh": "一位曾经规律购买的客户在最后一次购买后沉默了 28 周, 很可能已经流失"},
    "quiz_q_discounted_clv": {"en": "Margin {margin:g} a period, retention {retention:.0%}, discount rate "
                                    "{discount_rate:.0%}, margin paid at the start of each period: what is an existing "
                                    "customer's lifetime value (客户终身价值) to infinity?",
                              "zh": "每期毛利 {margin:g}、顾客保持率 {retention:.0%}、折现率 {discount_rate:.0%}, "
                                    "每期期初收款: 一位现有客户的无限期客户终身价值 (CLV) 是多少?"},
    "quiz_h_discounted_clv": {"en": "m (1 + d) / (1 + d − r)", "zh": "m (1 + d) / (1 + d − r)"},
    "quiz_w_discounted_clv": {"en": "100 × 1.1 / (1.1 − 0.9) = 550: the geometric sum of m (r / (1 + d))^t from t = 0",
                              "zh": "100 × 1.1 / (1.1 − 0.9) = 550: 从 t = 0 起 m (r / (1 + d))^t 的等比级数之和"},
    "quiz_q_bgnbd_r": {"en": "Fitting BG/NBD on the CDNOW 1/10 sample (calibration to 1997-09-30), what is the "
                             "parameter r? (3 decimals)",
                       "zh": "用 CDNOW 1/10 样本 (校准期到 1997-09-30) 拟合 BG/NBD, 参数 r 是多少? (保留 3 位小数)"},
    "quiz_h_bgnbd_r": {"en": "kit.clv.BetaGeo().fit(kit.clv.summary(tx, '1997-09-30'))",
                       "zh": "kit.clv.BetaGeo().fit(kit.clv.summary(tx, '1997-09-30'))"},
    "quiz_w_bgnbd_r": {"en": "Fader, Hardie & Lee (2005) report r = 0.243 on this sample: the kit's fit agrees",
                       "zh": "Fader、Hardie 与 Lee (2005) 在这个样本上得到 r = 0.243, 本工具包的拟合结果与之一致"},
}
