"""A self-checking quiz over the whole course — 课程测验: multiple choice and numbers computed on the bundled data.

Every question exists in Chinese and English; numeric answers are computed by the kit when the quiz is built, so
they always agree with what the notebooks show.
"""

from __future__ import annotations

from dataclasses import dataclass

from .exercises.core import Exercise
from ..present.labels import check_lang


@dataclass
class Question:
    zh: str
    en: str
    exercise: Exercise
    options: tuple = ()

    def text(self, lang: str = "en") -> str:
        check_lang(lang)
        body = self.zh if lang == "zh" else self.en
        if self.options:
            body += "\n" + "\n".join(f"  {letter}) {option}" for letter, option in zip("ABCD", self.options))
        return body

    def check(self, answer) -> None:
        """Say whether ``answer`` is right; ``None`` (not answered yet) only asks for an answer."""
        if answer is None:
            print("Replace None with your answer and run the cell again. / 把 None 换成你的答案后重新运行。")
        else:
            self.exercise.check(answer)

    def hint(self) -> None:
        self.exercise.hint()

    def solution(self) -> None:
        self.exercise.solution()


def _choice(zh, en, options, correct, hint, why) -> Question:
    letter = "ABCD"[options.index(correct)]
    return Question(zh, en, Exercise(en, expected=letter, accept=(correct,), hint_text=hint, solution_code=why),
                    tuple(options))


def build_quiz() -> list[Question]:
    """The course quiz; numeric answers computed on the bundled data sets."""
    from .. import basket, clv
    from ..data import datasets
    from ..customers.table import rfm_table
    from ..grading import top_share

    retail, retail_report = datasets.online_retail()
    rfm = rfm_table(retail)
    groceries = basket.baskets(datasets.path("groceries"))
    rules = basket.association_rules(basket.frequent_itemsets(groceries, 0.001), min_threshold=0.5,
                                     consequents="single")
    honey = basket.filter_rules(rules, antecedent_contains="honey", consequent_is="whole milk")
    honey = honey[honey["antecedents"].map(len) == 1].iloc[0]
    cdnow, _ = datasets.cdnow(sample=True)
    bgnbd = clv.BetaGeo().fit(clv.summary(cdnow, "1997-09-30"))
    return [
        _choice("哪个指标表示 A 与 C 一起出现的次数是随机情况下的多少倍?",
                "Which measure says how many times more often C comes with A than by chance?",
                ["support", "confidence", "lift", "leverage"], "lift",
                "compare the confidence with the consequent's own support", "lift = confidence / support(C)"),
        _choice("八类客户中, R 高、F 低、M 高 (最近买过, 次数少, 金额大) 是哪一类?",
                "In the eight-segment scheme, R high, F low, M high (recent, few orders, big spend) is:",
                ["important value", "important development", "important retention", "general development"],
                "important development", "R high means bought recently",
                "R=1 F=0 M=1 -> 重要发展客户: raise their purchase frequency"),
        _choice("大客户一定是好客户吗?", "Is a big customer always a good customer?",
                ["yes", "no"], "no", "think of service cost, discounts and churn risk",
                "大客户不等于好客户: high cost to serve, discount demands, credit risk, competitors court them"),
        _choice("相似客户模型的特征应当来自哪个时期?", "From which period must a look-alike model's features come?",
                ["before the outcome period", "after the outcome period", "the whole data"],
                "before the outcome period", "what would the model know when it is used?",
                "features after the outcome starts leak the answer into the inputs"),
        Question("在 Online Retail 数据中, 有多少行缺少客户编号?",
                 "How many lines of Online Retail have no customer id?",
                 Exercise("lines without a customer id", expected=int(retail_report.counts["missing_customer_id"]),
                          hint_text="the cleaning report counts them", solution_code="report.counts['missing_customer_id']")),
        Question("在 Online Retail 中, 消费金额最高的 20% 客户贡献了多少比例的收入? (保留 3 位小数)",
                 "On Online Retail, what share of revenue do the top 20 % of customers by spend bring? (3 decimals)",
                 Exercise("top 20 % share", expected=round(top_share(rfm["monetary"], 0.2), 3), tolerance=1e-3,
                          hint_text="kit.pareto(rfm['monetary'])", solution_code="kit.grading.top_share(rfm['monetary'], 0.2)")),
        Question("毛利 100、保持率 0.9、折现率 0.1, 期初收款, 一位现有客户的无限期终身价值是多少?",
                 "Margin 100, retention 0.9, discount rate 0.1, paid at the start of each period: what is an "
                 "existing customer's lifetime value to infinity?",
                 Exercise("discounted CLV", expected=round(clv.discounted_clv(100, 0.9, 0.1), 2), tolerance=1e-3,
                          hint_text="m (1 + d) / (1 + d - r)", solution_code="kit.clv.discounted_clv(100, 0.9, 0.1)")),
        Question("在 Groceries 数据中, 规则 {honey} ⇒ {whole milk} 的提升度是多少? (保留 3 位小数)",
                 "On Groceries, what is the lift of {honey} => {whole milk}? (3 decimals)",
                 Exercise("lift of honey => whole milk", expected=round(float(honey["lift"]), 3), tolerance=1e-3,
                          hint_text="mine at support 0.001 and filter the rules",
                          solution_code="kit.basket.filter_rules(rules, 'honey', 'whole milk')")),
        Question("用 CDNOW 1/10 样本 (校准期到 1997-09-30) 拟合 BG/NBD, 参数 r 是多少? (保留 3 位小数)",
                 "Fitting BG/NBD on the CDNOW 1/10 sample (calibration to 1997-09-30), what is r? (3 decimals)",
                 Exercise("BG/NBD r", expected=round(bgnbd.params_["r"], 3), tolerance=2e-3,
                          hint_text="kit.clv.BetaGeo().fit(kit.clv.summary(tx, '1997-09-30'))",
                          solution_code="model.params_['r']")),
    ]
