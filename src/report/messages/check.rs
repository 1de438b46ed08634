//! The words of `nn-tutor check` (`src/check/`): verdicts, the summary and
//! the likely slips.

pub const CHECK: &[(&str, &str)] = &[
    (
        "Answers in computation order · 按计算顺序",
        "按计算顺序列出的答案",
    ),
    ("right ✓", "对 ✓"),
    ("right ✓ (to your rounding)", "对 ✓ (在你的舍入精度内)"),
    ("WRONG ✗", "错 ✗"),
    ("All {} answers are right.", "{} 个答案全部正确。"),
    (
        "{} of {} wrong. The first wrong step in computation order is `{}`: later wrong values may only carry that slip forward, so fix it first.",
        "{1} 个答案中有 {0} 个错误。按计算顺序，第一个出错的是 `{2}`: 后面的错误可能只是把这一步的错误带了下去，先改正它。",
    ),
    ("Tolerance: ±{}.", "容差: ±{}。"),
    (
        "sign flipped (符号错误): the size is right, the sign is not",
        "符号错误: 大小对，符号不对",
    ),
    (
        "W transposed (转置): this is entry ({}, {}), `{}`; ∂L/∂W = δ aᵀ has one row per output and one column per input",
        "W 转置了: 这是第 ({}, {}) 个元素 `{}`；∂L/∂W = δ aᵀ 每个输出一行、每个输入一列",
    ),
    (
        "W transposed (转置): this is z({}) computed with W({})ᵀ; in z = W a + b row {} of W (out×in) meets a",
        "W 转置了: 这是用 W({1})ᵀ 算出的 z({0})；在 z = W a + b 中，与 a 相乘的是 W (输出×输入) 的第 {2} 行",
    ),
    (
        "z used for a (用了 z 而不是 a): `{}` before the activation; apply f to it",
        "用了 z 而不是 a: `{}` 是激活之前的值；还要对它作用 f",
    ),
    (
        "paths not summed at a fork (多条路径的梯度相加): `{}` reaches `{}` along {} edges; this is only the one through `{}`",
        "分叉处没有把各路径相加 (多条路径的梯度相加): `{}` 经 {2} 条边到达 `{1}`；这只是经过 `{3}` 的那一条",
    ),
    (
        "missing activation derivative (漏乘激活函数的导数): multiply by {}'({}) = {}",
        "漏乘激活函数的导数: 还要乘以 {}'({}) = {}",
    ),
    (
        "missing local gradient: multiply the upstream ∂{}/∂{} by ∂{}/∂{} = {}",
        "漏乘局部梯度: 上游梯度 ∂{}/∂{} 还要乘以 ∂{}/∂{} = {}",
    ),
    (
        "missing activation derivative (漏乘激活函数的导数): this is `{}`; multiply by da/dz = f'(z){}",
        "漏乘激活函数的导数: 这是 `{}`；还要乘以 da/dz = f'(z){}",
    ),
    ("right ✓ (within the tolerance)", "对 ✓ (在容差之内)"),
    (
        "right ✓ (rounded at every step, as allowed)",
        "对 ✓ (逐步舍入，按评分规则算对)",
    ),
    (
        "right ✓ (follows from your earlier values)",
        "对 ✓ (由你前面的值正确算出)",
    ),
    ("unanswered", "未作答"),
    ("not a quantity of this problem", "不是本题的量"),
    ("Unanswered ({}): {}.", "未作答 ({} 个): {}。"),
    (
        "Not quantities of {}: {}; its quantities are: {}.",
        "{1} 不是 {0} 的量；它的量有: {2}。",
    ),
    (
        "Checked against the deck's default inputs: your answers name no sheet and no --set was given; pass --set from your sheet.",
        "按课件的默认输入核对: 你的答案没有注明习题，也没有给出 --set；请用 --set 给出你习题上的输入。",
    ),
    ("Score: {} of {} points.", "得分: {} 分，满分 {} 分。"),
    ("Problem {}: {}", "第 {} 题: {}"),
    ("Inputs: {}.", "输入: {}。"),
    ("Total · 总分", "总分"),
    (
        "Total: {} of {} points over {} problems.",
        "总分: {} 分，满分 {} 分，共 {} 题。",
    ),
    (
        "Right: the exact value, or the value rounded to {} or more decimals, also when every step was rounded so.",
        "判对: 精确值，或四舍五入到至少 {} 位小数的值 (每一步都这样舍入得到的值也算对)。",
    ),
    (
        "Right: the exact value, or the value rounded to {} or more significant figures.",
        "判对: 精确值，或四舍五入到至少 {} 位有效数字的值。",
    ),
    (
        "Relative tolerance: ±{} of the value.",
        "相对容差: 正确值的 ±{}。",
    ),
    (
        "Also right: every intermediate rounded as `--round-each {}` does.",
        "也算对: 像 `--round-each {}` 那样把每个中间值都四舍五入得到的值。",
    ),
    (
        "Also right: a value computed correctly from your own earlier answers.",
        "也算对: 由你自己前面的答案正确算出的值。",
    ),
    (
        "too few decimals (小数位数不够): {} is the value rounded, with {} of the {} decimals the sheet asks for",
        "小数位数不够: {} 是正确值四舍五入的结果，但只有 {} 位小数，习题要求 {} 位",
    ),
    (
        "too few figures (有效数字不够): {} is the value rounded, with {} of the {} significant figures the policy asks for",
        "有效数字不够: {} 是正确值四舍五入的结果，但只有 {} 位有效数字，评分规则要求 {} 位",
    ),
    (
        "truncated, not rounded (截断而非四舍五入): rounded to the same places the value is {}",
        "截断而非四舍五入: 保留同样的位数，四舍五入应为 {}",
    ),
    (
        "rounded at every step (逐步舍入): rounding every intermediate to as many places as this answer has gives exactly this; keep more decimals until the end",
        "逐步舍入: 把每个中间值都四舍五入到与这个答案相同的位数，正好得到这个值；中间结果请多保留几位小数，到最后再舍入",
    ),
    (
        "carried forward (沿用了前面的错误): right from your own earlier values; fix the first wrong step",
        "沿用了前面的错误: 由你自己前面的值算出来是对的；先改正第一个出错的步骤",
    ),
];
