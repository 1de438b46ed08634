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
];
