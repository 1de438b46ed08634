//! The rounding audit of `explain --round-each D` (`src/rounding/`).

pub const ROUNDING: &[(&str, &str)] = &[
    (
        "Rounding each step to {} decimals · 逐步四舍五入",
        "每一步都四舍五入到 {} 位小数",
    ),
    (
        "Rounding each step to {} decimal · 逐步四舍五入",
        "每一步都四舍五入到 {} 位小数",
    ),
    (
        "Rounding audit · 逐步舍入: every intermediate rounded to {} decimal",
        "逐步舍入: 每个中间结果都舍入到 {} 位小数",
    ),
    (
        "The largest drift of a final answer is in `{}`: rounding every step to {} decimal gives {} where the exact value is {} (off by {}).",
        "最终答案中偏差最大的是 `{}`: 每一步都舍入到 {} 位小数得到 {}，而精确值是 {} (相差 {})。",
    ),
    (
        "No final answer of {} drifts: at {} decimal every rounded step gives the exact answer.",
        "{} 的最终答案都没有偏差: 每一步都舍入到 {} 位小数，仍得到精确答案。",
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
    // Result names as the audit rows show them (the report's own tables
    // translate the same names).
    ("sum", "和"),
    ("W_{} new", "新的 W_{}"),
    ("W({})_{} new", "新的 W({})_{}"),
    ("b new", "新的 b"),
    ("df/dx({}) static", "df/dx({}) 静态图"),
    ("df/dx({}) dynamic", "df/dx({}) 动态图"),
    ("var random small", "var 小随机数"),
    (
        "Steps the example does not name are rounded too and feed the rows above; only the quantities the example names are listed.",
        "例题没有命名的中间步骤同样逐步舍入，并代入上表各行；表中只列出例题命名的量。",
    ),
    (
        "Every value of {} is an integer count ({}); rounding to any number of decimals changes nothing, so there is no drift to show.",
        "{} 的每个值都是整数计数 ({})；舍入到多少位小数都不改变它们，所以没有偏差可显示。",
    ),
    (
        "weights n_in·n_out and biases n_out per layer",
        "每层 n_in·n_out 个权重和 n_out 个偏置",
    ),
    ("the shapes of W and b", "W 和 b 的形状"),
    (
        "samples, batches and iterations ⌈N/B⌉",
        "样本数、批次数和迭代次数 ⌈N/B⌉",
    ),
    (
        "the mistakes of a perceptron and the points a line gets right",
        "感知器的错误数和一条直线分对的点数",
    ),
    (
        "No final answer of {} drifts: at {} decimals every rounded step gives the exact answer.",
        "{} 的最终答案都没有偏差: 每一步都舍入到 {} 位小数，仍得到精确答案。",
    ),
    (
        "The spread of activations through the stack is a seeded simulation in f64 and is not replayed.",
        "激活值在多层中的分散程度是以 f64 计算的带种子模拟，不做舍入重放。",
    ),
    (
        "The step counts come from a loop run in f64 and are not replayed.",
        "步数来自以 f64 运行的循环，不做舍入重放。",
    ),
    (
        "The subtract-the-max form (a_k - max a) gives the same y_k; the audit replays the plain form, as a student computes it by hand.",
        "减去最大值的形式 (a_k - max a) 给出同样的 y_k；舍入审计按学生手算的方式重放原始形式。",
    ),
    (
        "Kink: the two pieces tie, where maxout's derivative jumps; the gradient goes to the first piece by convention.",
        "不可导点: 两段取值相等，maxout 的导数在此跳变；按惯例梯度传给第一段。",
    ),
];
