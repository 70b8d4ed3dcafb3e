"""Texts of reports in both languages (merged into :data:`kit.present.labels.LABELS`): the run's front page,
why a notebook was skipped or failed (:mod:`kit.run.runner`)."""

TEXTS: dict[str, dict[str, str]] = {
    # why a notebook is skipped: what it needs of the data (metadata.kit.requires)
    "skip_customers": {"en": "needs customer ids with dates and amounts, which the data lacks",
                       "zh": "需要带日期和金额的客户编号, 这份数据没有"},
    "skip_baskets": {"en": "needs orders with products, which the data lacks",
                     "zh": "需要含商品的订单 (购物篮), 这份数据没有"},
    "skip_dated": {"en": "needs order dates, which the data lacks", "zh": "需要订单日期, 这份数据没有"},
    "skip_bundled": {"en": "is about the bundled course data, not this data set",
                     "zh": "针对课程自带的数据, 不适用于这份数据"},
    "skip_interrupted": {"en": "not run: the run was interrupted", "zh": "未运行: 本次运行被中断"},
    # why a notebook failed
    "fail_in_cell": {"en": " in cell {cell}", "zh": " (第 {cell} 个单元格)"},
    "fail_interrupted": {"en": "interrupted (Ctrl-C){cell}", "zh": "已中断 (Ctrl-C){cell}"},
    "fail_raised": {"en": "cell {cell} (execution count {count}) raised {ename}: {evalue}",
                    "zh": "第 {cell} 个单元格 (执行序号 {count}) 出错, {ename}: {evalue}"},
    "fail_timeout": {"en": "timed out after {seconds:.0f} s (--timeout){cell}",
                     "zh": "超过时限 {seconds:.0f} 秒 (--timeout){cell}"},
    "fail_kernel_died": {"en": "the kernel died{cell}: {how}", "zh": "内核 (kernel) 意外终止{cell}: {how}"},
    "kernel_killed": {"en": "killed by {signal}", "zh": "被信号 {signal} 终止"},
    "kernel_out_of_memory": {"en": " (the system kills the largest process when memory runs out; lower "
                                   "--memory-limit to get a MemoryError instead)",
                             "zh": " (内存耗尽时系统会终止占用内存最多的进程; 调低 --memory-limit 可改为得到 MemoryError)"},
    "kernel_exited": {"en": "exited with status {code}", "zh": "以状态码 {code} 退出"},
    "kernel_unresponsive": {"en": "stopped responding", "zh": "停止响应"},
    "kernel_messages_in": {"en": " (its messages are in {file})", "zh": " (其输出信息见 {file})"},
    # the front page
    "run_seconds": {"en": "{seconds:.0f} s", "zh": "{seconds:.0f} 秒"},
    "min_support_raised": {"en": "min_support", "zh": "最小支持度 (min_support)"},
    "report_image": {"en": "figure", "zh": "图"},
    "data_file": {"en": "Data file: {name}", "zh": "数据文件: {name}"},
    # the notebooks by number, as the front page lists them
    "notebook_00": {"en": "Data preparation", "zh": "数据准备"},
    "notebook_01": {"en": "Customer targeting", "zh": "目标客户定位"},
    "notebook_02": {"en": "Market-basket association", "zh": "购物篮关联分析"},
    "notebook_03": {"en": "Customer value grading", "zh": "客户价值分级"},
    "notebook_04": {"en": "Customer lifetime value", "zh": "客户终身价值"},
    "notebook_05": {"en": "Course quiz", "zh": "课程测验"},
    # customer_actions.xlsx when a sheet holds fewer rows than its table (kit.present.actions.XLSX_MAX_ROWS)
    "xlsx_note_sheet": {"en": "note", "zh": "说明"},
    "xlsx_capped_sheet": {"en": "Sheet “{sheet}” holds the first {shown:,} of {total:,} rows; {file} holds "
                                "all of them.",
                          "zh": "工作表“{sheet}”只列出全部 {total:,} 行中的前 {shown:,} 行; {file} 包含全部行。"},
    "xlsx_capped_order": {"en": "The action list is ranked by priority: its sheet holds the customers to act on "
                                "first.",
                          "zh": "客户行动清单按优先级排序: 工作表中列出的是最应优先处理的客户。"},
}
