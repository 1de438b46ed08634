//! The rounding audit of `explain --round-each D` (`src/rounding/`).

pub const ROUNDING: &[(&str, &str)] = &[
    (
        "Rounding each step to {} decimals · 逐步四舍五入",
        "每一步都四舍五入到 {} 位小数",
    ),
    (
        "Rounding audit · 逐步舍入: every intermediate rounded to {} decimals",
        "逐步舍入: 每个中间结果都舍入到 {} 位小数",
    ),
    (
        "Rounding audit · 逐步舍入: z, a, L, δ and gradients rounded to {} decimals",
        "逐步舍入: z、a、L、δ 和梯度都舍入到 {} 位小数",
    ),
    ("rounded each step ({} d.p.)", "逐步舍入 ({} 位小数)"),
    (
        "The largest drift of a final answer is in `{}`: rounding every step to {} decimals gives {} where the exact value is {} (off by {}).",
        "最终答案中偏差最大的是 `{}`: 每一步都舍入到 {} 位小数得到 {}，而精确值是 {} (相差 {})。",
    ),
    (
        "Rounded values feed the next step, so their errors add up along the chain; keep one or two more decimals in intermediates than the answer needs.",
        "舍入后的值会进入下一步，误差沿着链累积；中间结果要比答案多保留一两位小数。",
    ),
];
