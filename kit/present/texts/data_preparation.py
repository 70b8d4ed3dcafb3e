"""Texts of data preparation in both languages (merged into :data:`kit.present.labels.LABELS`): the cleaning
report, the first look at the data and the printed lines of notebook 00."""

TEXTS: dict[str, dict[str, str]] = {
    # the cleaning report as text (kit.present.cleaning.report_text) and HTML
    "dp_report_analysis": {"en": "analysis: {analysis} (possible: {available})",
                           "zh": "分析类型: {analysis} (此文件可做: {available})"},
    "dp_analysis_customers": {"en": "customers", "zh": "客户分析"},
    "dp_analysis_baskets": {"en": "baskets", "zh": "购物篮分析"},
    "dp_report_columns": {"en": "columns: ", "zh": "列映射: "},
    "dp_report_steps": {"en": "cleaning steps: {steps}", "zh": "清洗步骤: {steps}"},
    "dp_report_no_steps": {"en": "none", "zh": "无"},
    "dp_report_date_style": {"en": "date style: {style}", "zh": "日期格式: {style}"},
    "dp_report_note": {"en": "note: {note}", "zh": "  · {note}"},
    "dp_report_suspects": {
        "en": "possible non-product codes ({n:,}; kept -- add the ones that are not products to "
              "non_product_codes):",
        "zh": "可能的非商品代码 ({n:,} 个, 仍保留; 其中确实不是商品的, 请加入 non_product_codes):"},
    "dp_report_suspect": {"en": "{code}{name}: {lines:,} lines, {amount:,.2f} ({why})",
                          "zh": "{code}{name}: {lines:,} 行, 金额 {amount:,.2f} ({why})"},
    "dp_report_more_suspects": {"en": "... {n:,} more in report.suspect_codes",
                                "zh": "…… 另有 {n:,} 个, 见 report.suspect_codes"},
    "dp_why": {"en": "why", "zh": "原因"},
    "dp_why_name": {"en": "name: {word}", "zh": "名称含 {word}"},
    "dp_why_shape": {"en": "code shape {shape}", "zh": "代码形状少见: {shape}"},
    "dp_word_postage/carriage": {"en": "postage/carriage", "zh": "运费"},
    "dp_word_fee/charge/commission": {"en": "fee/charge/commission", "zh": "手续费/佣金"},
    "dp_word_adjustment/manual": {"en": "adjustment/manual", "zh": "调整/手工录入"},
    "dp_word_discount": {"en": "discount", "zh": "折扣"},
    "dp_word_samples": {"en": "samples", "zh": "样品"},
    "dp_word_voucher": {"en": "voucher", "zh": "代金券/礼品卡"},
    "dp_report_headline": {
        "en": "{n_rows:,} rows read, {n_kept:,} kept, {n_set_aside:,} set aside; amount read {money_read:,.2f} = "
              "kept {money_kept:,.2f} + set aside {money_set_aside:,.2f}",
        "zh": "读入 {n_rows:,} 行, 保留 {n_kept:,} 行, 剔除 {n_set_aside:,} 行; 读入金额 {money_read:,.2f} = "
              "保留 {money_kept:,.2f} + 剔除 {money_set_aside:,.2f}"},
    "dp_report_notes_html": {"en": "notes (diagnostics of reading and cleaning):",
                             "zh": "读取与清洗时的诊断说明 (英文原文, 供核对):"},
    # notebook 00: the report adds up
    "dp_rows_add_up": {"en": "rows read {n_rows:,} = kept {n_kept:,} + set aside {n_set_aside:,}: {verdict}",
                       "zh": "读入 {n_rows:,} 行 = 保留 {n_kept:,} 行 + 剔除 {n_set_aside:,} 行: {verdict}"},
    "dp_money_adds_up": {"en": "amount read {money_read:,.2f} = kept {money_kept:,.2f} + set aside "
                               "{money_set_aside:,.2f}: {verdict}",
                         "zh": "读入金额 {money_read:,.2f} = 保留 {money_kept:,.2f} + 剔除 {money_set_aside:,.2f}: "
                               "{verdict}"},
    "dp_adds_up": {"en": "adds up", "zh": "账目相符"},
    "dp_does_not_add_up": {"en": "DOES NOT ADD UP", "zh": "账目不符!"},
    # notebook 00: customers or baskets
    "dp_customer_analyses": {"en": "customer analyses: {lines:,} lines, {orders:,} orders",
                             "zh": "客户分析:   {lines:,} 行, {orders:,} 个订单"},
    "dp_customer_analyses_impossible": {"en": "customer analyses: not possible ({why})",
                                        "zh": "客户分析: 无法进行 ({why})"},
    "dp_basket_analyses": {"en": "basket analyses:   {lines:,} lines, {orders:,} orders",
                           "zh": "购物篮分析: {lines:,} 行, {orders:,} 个订单"},
    "dp_no_customer_ids": {"en": "the data have no customer ids", "zh": "数据中没有客户编号"},
    "dp_no_products": {"en": "this data set has no products: basket analyses are not possible",
                       "zh": "这份数据没有商品信息: 无法进行购物篮分析"},
    "dp_no_products_short": {"en": "no products in this data set", "zh": "这份数据没有商品信息"},
    # notebook 00: a first look
    "dp_one_order_share": {"en": "customers with one order: {share:.1%}", "zh": "只下过一次订单的客户: {share:.1%}"},
    "dp_basket_sizes_instead": {"en": "orders per customer skipped ({why}); products per order instead:",
                                "zh": "跳过每位客户的订单数 ({why}); 改看每个订单的商品数:"},
    "dp_written": {"en": "written: {files}", "zh": "已写出: {files}"},
    # explore.overview and explore.distribution (kit.present.cleaning.figures_table)
    "dp_first_date": {"en": "first date", "zh": "最早日期"},
    "dp_last_date": {"en": "last date", "zh": "最晚日期"},
    "dp_lines": {"en": "lines", "zh": "订单行数"},
    "dp_orders": {"en": "orders", "zh": "订单数"},
    "dp_customers": {"en": "customers", "zh": "客户数"},
    "dp_products": {"en": "products", "zh": "商品数"},
    "dp_revenue": {"en": "revenue", "zh": "销售额"},
    "dp_mean": {"en": "mean", "zh": "平均值"},
    "dp_p25": {"en": "25th percentile", "zh": "25% 分位数"},
    "dp_p50": {"en": "median", "zh": "中位数"},
    "dp_p75": {"en": "75th percentile", "zh": "75% 分位数"},
    "dp_p90": {"en": "90th percentile", "zh": "90% 分位数"},
    "dp_p99": {"en": "99th percentile", "zh": "99% 分位数"},
    "dp_max": {"en": "maximum", "zh": "最大值"},
    # plots
    "dp_plot_cleaning_title": {"en": "{n_set_aside:,} of {n_rows:,} rows set aside",
                               "zh": "{n_rows:,} 行中剔除了 {n_set_aside:,} 行"},
    "dp_plot_top_products_by": {"en": "best sellers by {measure}", "zh": "最畅销商品 (按{measure})"},
}
