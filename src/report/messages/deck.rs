//! Sentences of the examples that reproduce the last deck items of issue 16
//! (backprop/4's nine chains, and the examples added with them), in catalog
//! order.

pub const DECK: &[(&str, &str)] = &[
    // backprop/4: all nine chains
    ("factors", "各因子"),
    (
        "CAL deck, 反向传播算法: the gradients it asks for, output layer w^2_(0,0), w^2_(1,0), b^2_0 and hidden layer w^1_(0,0), w^1_(0,1), w^1_(1,0), w^1_(1,1), b^1_0, b^1_1",
        "CAL 课件，反向传播算法: 要求的全部梯度，输出层 w^2_(0,0)、w^2_(1,0)、b^2_0，隐藏层 w^1_(0,0)、w^1_(0,1)、w^1_(1,0)、w^1_(1,1)、b^1_0、b^1_1",
    ),
    (
        "All nine gradients as chains · 全部九个梯度的链式求导",
        "全部九个梯度的链式求导",
    ),
    (
        "Every chain starts with ∂Loss/∂g(u2) · ∂g(u2)/∂u2. An output-layer chain then takes what multiplies the parameter in u2 (x^2_j, or 1 for the bias); a hidden-layer chain goes on through u2 → f(u_j) → u_j: the weight w^2_(j,0), the slope f'(u_j), and what multiplies the parameter in u_j (x^1_i, or 1 for the bias).",
        "每条链都以 ∂Loss/∂g(u2) · ∂g(u2)/∂u2 开头。输出层的链接着乘上 u2 中与该参数相乘的量 (x^2_j，偏置则为 1)；隐藏层的链沿 u2 → f(u_j) → u_j 继续: 乘上权重 w^2_(j,0)、斜率 f'(u_j)，以及 u_j 中与该参数相乘的量 (x^1_i，偏置则为 1)。",
    ),
    (
        "Output layer · 输出层: each gradient is ∂Loss/∂g(u2) · ∂g(u2)/∂u2 · ∂u2/∂θ",
        "输出层: 每个梯度都是 ∂Loss/∂g(u2) · ∂g(u2)/∂u2 · ∂u2/∂θ",
    ),
    (
        "Hidden layer · 隐藏层: each gradient is ∂Loss/∂g(u2) · ∂g(u2)/∂u2 · ∂u2/∂f(u_j) · ∂f(u_j)/∂u_j · ∂u_j/∂θ",
        "隐藏层: 每个梯度都是 ∂Loss/∂g(u2) · ∂g(u2)/∂u2 · ∂u2/∂f(u_j) · ∂f(u_j)/∂u_j · ∂u_j/∂θ",
    ),
    (
        "All nine products equal the δ-rule engine's gradients and their central differences ✓.",
        "九个乘积都与 δ 规则算出的梯度及其中心差分一致 ✓。",
    ),
    (
        "All nine products equal the δ-rule engine's gradients ✓. A hidden net input sits on ReLU's kink (u_j = 0, where f'(u_j) = 0 by convention): there the central difference averages the two one-sided slopes and cannot confirm the chains through that unit.",
        "九个乘积都与 δ 规则算出的梯度一致 ✓。有一个隐藏层净输入恰好落在 ReLU 的不可导点 (u_j = 0，按约定 f'(u_j) = 0): 在那里中心差分是两侧斜率的平均，无法验证经过该单元的链。",
    ),
    (
        "These products do NOT match the δ-rule engine or the central difference ✗: {}.",
        "以下乘积与 δ 规则或中心差分不一致 ✗: {}。",
    ),
];
