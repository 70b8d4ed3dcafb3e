"""Texts of market basket (notebook 02) in both languages (merged into :data:`kit.present.labels.LABELS`)."""

TEXTS: dict[str, dict[str, str]] = {
    # measures beside support, confidence, lift, leverage and conviction (column names of the rules)
    "zhangs_metric": {"en": "Zhang's metric", "zh": "Zhang 指标"},
    "jaccard": {"en": "Jaccard", "zh": "Jaccard 系数"},
    "kulczynski": {"en": "Kulczynski", "zh": "Kulczynski 度量"},
    "certainty": {"en": "certainty", "zh": "确定性因子"},
    # table headers
    "mb_measure": {"en": "measure", "zh": "指标"},
    "mb_by_hand": {"en": "by hand", "zh": "手工计算"},
    "mb_kit": {"en": "kit", "zh": "工具包"},
    "mb_itemset_size": {"en": "items in the itemset", "zh": "项集中的商品数"},
    "mb_itemsets": {"en": "frequent itemsets", "zh": "频繁项集数"},
    # notebook 02: printed lines
    "mb_baskets_summary": {
        "en": "{n_baskets:,} baskets × {n_items:,} products, density {density:.4f}; a basket holds {mean:.2f} "
              "products on average (median {median:.0f}, largest {largest:,})",
        "zh": "{n_baskets:,} 个购物篮 × {n_items:,} 种商品, 密度 {density:.4f}; 每个购物篮平均 {mean:.2f} 种商品 "
              "(中位数 {median:.0f}, 最大 {largest:,})"},
    "mb_large_baskets": {
        "en": "{baskets:,} very large baskets (at least {limit} products, up to {largest}): {share_of_baskets:.1%} of "
              "baskets, {share_of_items:.1%} of all products bought",
        "zh": "{baskets:,} 个超大购物篮 (至少 {limit} 种商品, 最多 {largest} 种): 占购物篮的 {share_of_baskets:.1%}, "
              "占全部购买商品的 {share_of_items:.1%}"},
    "mb_pair_counts": {
        "en": "rule {a} => {c}: of {n:,} baskets, {n_a:,} hold A, {n_c:,} hold C, {n_ac:,} hold both",
        "zh": "规则 {a} => {c}: {n:,} 个购物篮中, {n_a:,} 个含 A, {n_c:,} 个含 C, {n_ac:,} 个两者都含"},
    "mb_algorithms_agree": {"en": "the three algorithms find the same itemsets", "zh": "三种算法找到的项集完全相同"},
    "mb_algorithms_differ": {"en": "the three algorithms do NOT find the same itemsets",
                             "zh": "三种算法找到的项集不一致"},
    "mb_rule_confidence": {"en": "{rule}: confidence {confidence:.0%}", "zh": "{rule}: 置信度 {confidence:.0%}"},
    "mb_boundary": {"en": "0.28 × 25 = {product!r} → the kit asks for {count} baskets",
                    "zh": "0.28 × 25 = {product!r} → 工具包要求 {count} 个购物篮"},
    "mb_bounds": {"en": "at min_support {min_support:g}: {items:,} frequent products and {pairs:,} frequent pairs",
                  "zh": "min_support 为 {min_support:g} 时: {items:,} 种频繁商品, {pairs:,} 个频繁商品对"},
    "mb_itemsets_found": {
        "en": "{itemsets:,} frequent itemsets at min_support {min_support:g} (at least {min_count:,} baskets)",
        "zh": "min_support 为 {min_support:g} (至少 {min_count:,} 个购物篮) 时共有 {itemsets:,} 个频繁项集"},
    "mb_same_as_mlxtend": {"en": "mlxtend's fpgrowth finds the same itemsets with the same supports",
                           "zh": "mlxtend 的 fpgrowth 找到的项集和支持度完全相同"},
    "mb_differs_from_mlxtend": {"en": "mlxtend's fpgrowth finds DIFFERENT itemsets",
                                "zh": "mlxtend 的 fpgrowth 找到的项集不同"},
    "mb_mlxtend_skipped": {"en": "mlxtend's reference run skipped: it makes the basket matrix dense, too large here",
                           "zh": "跳过 mlxtend 的对照运行: 它会把购物篮矩阵变成稠密矩阵, 这里的数据太大"},
    "mb_itemsets_count": {"en": "{itemsets:,} frequent itemsets at min_support {min_support:g}",
                          "zh": "min_support 为 {min_support:g} 时有 {itemsets:,} 个频繁项集"},
    "mb_sliders_in_jupyterlab": {"en": "the slider appears when this notebook is opened in JupyterLab",
                                 "zh": "在 JupyterLab 中打开本笔记本时会出现滑块"},
    "mb_shape_single": {"en": "one item on the right", "zh": "右侧只有一个商品"},
    "mb_shape_any": {"en": "every split", "zh": "所有拆分方式"},
    "mb_rules_found": {
        "en": "{rules:,} rules ({shape}; confidence ≥ {min_confidence:g}, lift ≥ {min_lift:g})",
        "zh": "{rules:,} 条规则 ({shape}; 置信度 ≥ {min_confidence:g}, 提升度 ≥ {min_lift:g})"},
    "mb_every_split": {"en": "{rules:,} rules with every split", "zh": "若允许所有拆分方式: {rules:,} 条规则"},
    "mb_every_split_skipped": {
        "en": "the comparison with every split is skipped: {candidates:,} candidate rules would exceed the cap of "
              "{cap:,}",
        "zh": "跳过与所有拆分方式的比较: {candidates:,} 条候选规则会超过上限 {cap:,}"},
    "mb_trap_milk": {
        "en": "whole milk is in {share:.1%} of the {baskets:,} baskets; {rules_share:.1%} of the {rules:,} confident "
              "rules point to it",
        "zh": "全脂牛奶 (whole milk) 出现在 {baskets:,} 个购物篮中的 {share:.1%}; {rules:,} 条高置信度规则中有 "
              "{rules_share:.1%} 指向它"},
    "mb_trap_top": {
        "en": "of the {top} rules with the highest confidence, {by_confidence:.0%} point to whole milk; of the {top} "
              "with the highest lift, {by_lift:.0%}",
        "zh": "置信度最高的 {top} 条规则中 {by_confidence:.0%} 指向全脂牛奶; 提升度最高的 {top} 条规则中为 {by_lift:.0%}"},
    "mb_trap_lift": {
        "en": "median lift of the rules into whole milk {milk:.2f}, of the other rules {other:.2f}; the lowest lift "
              "into whole milk {lowest:.2f}",
        "zh": "指向全脂牛奶的规则提升度中位数为 {milk:.2f}, 其他规则为 {other:.2f}; 指向全脂牛奶的规则最低提升度为 "
              "{lowest:.2f}"},
    "mb_significance": {
        "en": "significant at 1 % after adjustment: {significant:,} of {rules:,}; redundant: {redundant:,}; "
              "significant and not redundant: {useful:,}",
        "zh": "校正后在 1% 水平显著: {rules:,} 条中 {significant:,} 条; 冗余: {redundant:,} 条; 显著且不冗余: "
              "{useful:,} 条"},
    "mb_no_rules": {"en": "no rules pass the thresholds: lower min_support or min_confidence",
                    "zh": "没有规则达到阈值: 请降低 min_support 或 min_confidence"},
    "mb_no_pairs": {"en": "no product pairs pass the thresholds: lower min_support or min_confidence",
                    "zh": "没有商品组合达到阈值: 请降低 min_support 或 min_confidence"},
    "mb_cross_sell_skipped": {
        "en": "cross-sell skipped: the data have no customer ids, so there is no one to make an offer to",
        "zh": "跳过交叉销售: 数据中没有客户编号, 无法向具体客户推荐"},
    "mb_offers": {"en": "{customers:,} customers get at least one offer, {offers:,} offers in all",
                  "zh": "{customers:,} 位客户至少得到一条推荐, 共 {offers:,} 条推荐"},
    "mb_honey": {
        "en": "{rules:,} rules; honey => whole milk: support {support:.6f}, confidence {confidence:.4f}, lift {lift:.3f}",
        "zh": "{rules:,} 条规则; 蜂蜜 (honey) => 全脂牛奶 (whole milk): 支持度 {support:.6f}, 置信度 {confidence:.4f}, "
              "提升度 {lift:.3f}"},
    # plots
    "mb_scatter_title": {"en": "Each rule: support against confidence, coloured by lift",
                         "zh": "每条规则的支持度与置信度, 颜色表示提升度"},
    "mb_axis_antecedent": {"en": "antecedent (in the basket)", "zh": "前项 (已在购物篮中)"},
    "mb_axis_consequent": {"en": "consequent (also bought)", "zh": "后项 (同时购买)"},
    "mb_matrix_title": {"en": "The {top} rules with the highest {measure}", "zh": "{measure}最高的 {top} 条规则"},
    "mb_network_title": {"en": "The {top} rules with the highest {measure}: arrows from antecedent to consequent, "
                               "thicker for a higher lift",
                         "zh": "{measure}最高的 {top} 条规则: 箭头由前项指向后项, 提升度越高箭头越粗"},
}
