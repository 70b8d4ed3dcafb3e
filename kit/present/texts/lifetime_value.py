"""Texts of lifetime value (notebook 04) in both languages (merged into :data:`kit.present.labels.LABELS`)."""

TEXTS: dict[str, dict[str, str]] = {
    # time units of the models
    "clv_unit_D": {"en": "days", "zh": "天"},
    "clv_unit_W": {"en": "weeks", "zh": "周"},
    "clv_unit_M": {"en": "months", "zh": "个月"},
    # classroom formulas
    "clv_by_age": {"en": "20-year-old spending 500 a year: {young:,}   70-year-old spending 1,000 a year: {old:,}",
                   "zh": "每年消费 500 的 20 岁客户: {young:,}   每年消费 1,000 的 70 岁客户: {old:,}"},
    "clv_milk_powder": {"en": "milk powder, 8 bags a month for four years: {bags:,} bags",
                        "zh": "奶粉, 每月 8 袋、连续四年: 共 {bags:,} 袋"},
    "clv_five_year_profit": {"en": "profit from one customer kept for five years: {profit:,}",
                             "zh": "一位客户保持五年带来的利润: {profit:,}"},
    "clv_to_infinity": {"en": "CLV, no horizon", "zh": "终身价值 (不设期限)"},
    "clv_over_5": {"en": "CLV over 5 years", "zh": "5 年终身价值"},
    "clv_paid_at_end": {"en": "CLV, margin at year end", "zh": "终身价值 (毛利在年末到账)"},
    "clv_equity_example": {"en": "customer equity of 1,000 customers worth 366.67 each: {equity:,.0f}",
                           "zh": "1,000 位客户、每位终身价值 366.67 的客户资产: {equity:,.0f}"},
    # retention and cohorts
    "clv_loaded": {"en": "{lines:,} clean lines, {customers:,} customers",
                   "zh": "清洗后 {lines:,} 行订单, {customers:,} 位客户"},
    "clv_quarter": {"en": "quarter", "zh": "季度"},
    "clv_cohort": {"en": "cohort (month of first purchase)", "zh": "同期群 (首次购买月份)"},
    "clv_months_since_first": {"en": "months since the first purchase", "zh": "距首次购买的月数"},
    "clv_mean_retention": {"en": "mean share buying again", "zh": "平均再次购买比例"},
    "clv_cohorts_observed": {"en": "cohorts observed", "zh": "观察到的同期群数"},
    # the summary of the models
    "clv_history_fallback": {
        "en": "the analysed data cannot support the purchase models: {problem}; sections 4-7 use the CDNOW sample "
              "instead and section 8 is skipped",
        "zh": "所分析的数据不足以拟合购买模型: {problem}; 第 4-7 节改用 CDNOW 样本, 第 8 节跳过"},
    "clv_windows": {"en": "calibration to {calibration_end}, holdout to {observation_end}, time unit: {unit}",
                    "zh": "校准期截至 {calibration_end}, 验证期截至 {observation_end}, 时间单位: {unit}"},
    "clv_calibration_counts": {
        "en": "{customers:,} customers, {purchases:,} repeat purchases by {repeat_buyers:,} repeat buyers",
        "zh": "{customers:,} 位客户, {repeat_buyers:,} 位重复购买客户共重复购买 {purchases:,} 次"},
    "clv_summary_frequency": {"en": "x: repeat purchases", "zh": "x: 重复购买次数"},
    "clv_summary_recency": {"en": "t_x: first to last purchase ({unit})", "zh": "t_x: 首次到末次购买 ({unit})"},
    "clv_summary_T": {"en": "T: first purchase to calibration end ({unit})",
                      "zh": "T: 首次购买到校准期末 ({unit})"},
    "clv_summary_monetary_value": {"en": "mean value of repeat purchases", "zh": "重复购买的平均金额"},
    "clv_summary_frequency_holdout": {"en": "purchases in holdout", "zh": "验证期购买次数"},
    "clv_summary_monetary_value_holdout": {"en": "mean purchase value in holdout", "zh": "验证期平均每次金额"},
    "clv_summary_duration_holdout": {"en": "length of holdout ({unit})", "zh": "验证期长度 ({unit})"},
    "clv_stat_count": {"en": "count", "zh": "个数"},
    "clv_stat_mean": {"en": "mean", "zh": "均值"},
    "clv_stat_std": {"en": "std. dev.", "zh": "标准差"},
    "clv_stat_min": {"en": "min", "zh": "最小值"},
    "clv_stat_25%": {"en": "25 %", "zh": "下四分位数"},
    "clv_stat_50%": {"en": "median", "zh": "中位数"},
    "clv_stat_75%": {"en": "75 %", "zh": "上四分位数"},
    "clv_stat_max": {"en": "max", "zh": "最大值"},
    # fitted models
    "clv_model_name": {"en": "model", "zh": "模型"},
    "clv_parameter": {"en": "parameter", "zh": "参数"},
    "clv_estimate": {"en": "estimate", "zh": "估计值"},
    "clv_standard_error": {"en": "std. error", "zh": "标准误"},
    "clv_log_likelihood": {"en": "log-likelihood {value}", "zh": "对数似然值 {value}"},
    "clv_note": {"en": "note: {note}", "zh": "注意: {note}"},
    "clv_not_converged": {"en": "the {model} fit did not converge", "zh": "{model} 拟合没有收敛"},
    "clv_ran_to_bound": {"en": "the {model} fit did not converge: parameter(s) {parameters} ran to the optimiser's "
                               "bounds", "zh": "{model} 拟合没有收敛: 参数 {parameters} 跑到了优化器的边界"},
    "clv_spend_correlation": {"en": "correlation of frequency and mean spend among repeat buyers: {value}",
                              "zh": "重复购买客户的购买次数与平均消费金额的相关系数: {value}"},
    # the model check
    "clv_check_passed": {"en": "model check: passed", "zh": "模型检验: 通过"},
    "clv_check_failed": {"en": "model check: FAILED", "zh": "模型检验: 未通过"},
    "clv_valuation_check_passed": {"en": "model check of the valuation model: passed",
                                   "zh": "估值模型的检验: 通过"},
    "clv_valuation_check_failed": {"en": "model check of the valuation model: FAILED",
                                   "zh": "估值模型的检验: 未通过"},
    "clv_problem": {"en": "  problem: {problem}", "zh": "  问题: {problem}"},
    "clv_holdout_result": {
        "en": "holdout purchases: predicted {predicted}, actual {actual:,} (off by {error:+.1%}, tolerance "
              "{tolerance:.0%}); by-frequency error {by_frequency_error:.1%} (tolerance {by_frequency_tolerance:.0%})",
        "zh": "验证期购买次数: 预测 {predicted}, 实际 {actual:,} (偏差 {error:+.1%}, 容许 {tolerance:.0%}); "
              "按购买次数分组的误差 {by_frequency_error:.1%} (容许 {by_frequency_tolerance:.0%})"},
    "clv_pareto_holdout": {"en": "holdout purchases: BG/NBD {bgnbd}, Pareto/NBD {pareto}, actual {actual:,}",
                           "zh": "验证期购买次数: BG/NBD 预测 {bgnbd}, Pareto/NBD 预测 {pareto}, 实际 {actual:,}"},
    "clv_section_skipped": {"en": "section 8 skipped: {problem}", "zh": "第 8 节跳过: {problem}"},
    # customer equity: a figure over a horizon at a margin, not a lifetime value
    "clv_basis_revenue": {"en": "revenue", "zh": "销售额"},
    "clv_basis_profit": {"en": "profit", "zh": "利润"},
    "clv_equity_window": {
        "en": "expected {basis} over the next {horizon:g} {unit} (margin {margin:.0%}), discounted at "
              "{discount_rate:.0%} a year",
        "zh": "未来 {horizon:g} {unit}的预期{basis} (毛利率 {margin:.0%}), 按年贴现率 {discount_rate:.0%} 折现"},
    "clv_equity_line": {"en": "{name}: {equity} = mean {mean} × {customers:,} customers",
                        "zh": "{name}: {equity} = 平均 {mean} × {customers:,} 位客户"},
    "clv_saved": {"en": "{name} saved", "zh": "已保存 {name}"},
    "clv_rows_written": {"en": "{name}: {rows:,} rows", "zh": "{name}: {rows:,} 行"},
    # plots
    "clv_p_alive_title": {"en": "P(alive) by repeat purchases and recency (T = {T:g} {unit})",
                          "zh": "按重复购买次数与最近购买时间的仍活跃概率 (T = {T:g} {unit})"},
    "clv_recency_axis": {"en": "t_x: time of the last purchase ({unit} after the first)",
                         "zh": "t_x: 末次购买时间 (首次购买后的{unit}数)"},
    "clv_frequency_axis": {"en": "x: repeat purchases", "zh": "x: 重复购买次数"},
    "clv_profit_by_tenure_title": {"en": "profit per customer grows with the relationship",
                                   "zh": "每位客户的利润随关系年数增长"},
    "clv_holdout_title": {"en": "holdout check: mean purchases per customer",
                          "zh": "验证期检验: 每位客户的平均购买次数"},
    "clv_top_title": {"en": "the {n} customers with the highest value", "zh": "价值最高的 {n} 位客户"},
}
