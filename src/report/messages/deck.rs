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
    // forward/4: PKU's four layers
    (
        "PKU's four-layer network, Layer 1 to Layer 4",
        "PKU 的四层网络: 从第 1 层到第 4 层",
    ),
    (
        "PKU deck, 正向传播: 单独看第二层 (第一隐层)、第三层 (第二隐层) 和输出层的一个神经元; Layer 1-4",
        "PKU 课件，正向传播: 单独看第二层 (第一隐层)、第三层 (第二隐层) 和输出层的一个神经元；图中的第 1-4 层",
    ),
    (
        "PKU deck, 神经网络的反向传播 通用标量形式 z_i^(L+1) = Σ_j w_ji^(L) a_j^(L) + b_i^(L) and 通用矩阵形式 z^(L+1) = W^(L) a^(L) + b^(L), W^(L)_ij = w_ji^(L)",
        "PKU 课件，神经网络的反向传播 通用标量形式 z_i^(L+1) = Σ_j w_ji^(L) a_j^(L) + b_i^(L) 与通用矩阵形式 z^(L+1) = W^(L) a^(L) + b^(L)，W^(L)_ij = w_ji^(L)",
    ),
    (
        "PKU deck, 输出层: p(y = 1 | x) = σ(w_11^(3) a_1^(3) + w_21^(3) a_2^(3) + b_1^(3))",
        "PKU 课件，输出层: p(y = 1 | x) = σ(w_11^(3) a_1^(3) + w_21^(3) a_2^(3) + b_1^(3))",
    ),
    (
        "PKU counts the input as Layer 1, so the first hidden layer is Layer 2 and its activations are a^(2); W^(L) and b^(L) lead from Layer L to Layer L+1. The deck's figure is missing from the text; this network has 2 inputs, 3 and 2 hidden ReLU units, and one sigmoid output, whose last step is the deck's p(y = 1 | x) = σ(w_11^(3) a_1^(3) + w_21^(3) a_2^(3) + b_1^(3)).",
        "PKU 把输入层记为第 1 层，因此第一隐层是第 2 层，其激活值是 a^(2)；W^(L) 和 b^(L) 连接第 L 层与第 L+1 层。课件的图在文字版中缺失；这里的网络有 2 个输入、分别含 3 个和 2 个 ReLU 单元的两个隐层，以及一个 sigmoid 输出，最后一步就是课件中的 p(y = 1 | x) = σ(w_11^(3) a_1^(3) + w_21^(3) a_2^(3) + b_1^(3))。",
    ),
    (
        "Shapes · 维度: W^(L) ∈ R^(d_(L+1) × d_L)",
        "维度: W^(L) ∈ R^(d_(L+1) × d_L)",
    ),
    ("from → to", "从 → 到"),
    ("Layer {} → Layer {}", "第 {} 层 → 第 {} 层"),
    (
        "Layer 2 (hidden layer 1, g = ReLU) · 第二层 (第一隐层)",
        "第二层 (第一隐层，g = ReLU)",
    ),
    (
        "Layer 3 (hidden layer 2, g = ReLU) · 第三层 (第二隐层)",
        "第三层 (第二隐层，g = ReLU)",
    ),
    (
        "Layer 4 (output layer, σ: p(y = 1 | x)) · 输出层",
        "第四层 (输出层，σ: p(y = 1 | x))",
    ),
    (
        "The matrix form z^(L+1) = W^(L) a^(L) + b^(L), computed layer by layer by the network engine, gives exactly these z ✓.",
        "用矩阵形式 z^(L+1) = W^(L) a^(L) + b^(L) 由网络引擎逐层计算，得到的 z 与上面完全相同 ✓。",
    ),
    (
        "The matrix form z^(L+1) = W^(L) a^(L) + b^(L) gives different z ✗.",
        "矩阵形式 z^(L+1) = W^(L) a^(L) + b^(L) 得到的 z 不同 ✗。",
    ),
    // backprop/6: NNDL's I_i(a_j)
    (
        "One weight moves one z: ∂z/∂w_ij = I_i(a_j)",
        "一个权重只影响一个 z: ∂z/∂w_ij = I_i(a_j)",
    ),
    (
        "NNDL, 反向传播算法: ∂z(l)/∂w_ij(l) = [0, …, a_j(l-1), …, 0] ≜ 𝕀_i(a_j(l-1)), and ∂L/∂w_ij(l) = 𝕀_i(a_j(l-1)) δ(l) = δ_i(l) a_j(l-1)",
        "NNDL, 反向传播算法: ∂z(l)/∂w_ij(l) = [0, …, a_j(l-1), …, 0] ≜ 𝕀_i(a_j(l-1))，以及 ∂L/∂w_ij(l) = 𝕀_i(a_j(l-1)) δ(l) = δ_i(l) a_j(l-1)",
    ),
    (
        "One layer z(l) = W(l) a(l-1) + b(l) with 3 units and 2 inputs (NNDL's column form, W(l) is 3×2). The weight w_{} joins input {} to unit {}: it appears in z_{} only, multiplied by a_{}.",
        "一层 z(l) = W(l) a(l-1) + b(l)，3 个单元、2 个输入 (NNDL 的列向量形式，W(l) 为 3×2)。权重 w_{} 连接输入 {} 与单元 {}: 它只出现在 z_{} 中，乘以 a_{}。",
    ),
    (
        "∂z(l)/∂w_{} = I_{}(a_{}) · 只有第 {} 个分量不为 0",
        "∂z(l)/∂w_{} = I_{}(a_{})，只有第 {} 个分量不为 0",
    ),
    ("z_k at w_{} + 1, minus z_k", "w_{} 加 1 后的 z_k 减去 z_k"),
    (
        "Raising the weight by 1 changes z by exactly this vector ✓: z is linear in each weight, so this difference, like a central difference, is exact.",
        "把这个权重加 1，z 的变化恰好就是这个向量 ✓: z 对每个权重都是线性的，所以这个差分和中心差分一样是精确的。",
    ),
    (
        "Raising the weight by 1 does NOT change z by this vector ✗.",
        "把这个权重加 1，z 的变化与这个向量不同 ✗。",
    ),
    (
        "∂L/∂W(l) = δ(l) a(l-1)ᵀ · 3×2, the shape of W(l)",
        "∂L/∂W(l) = δ(l) a(l-1)ᵀ，3×2，与 W(l) 同形",
    ),
    (
        "Entry ({}, {}) of δ(l) a(l-1)ᵀ is {}, the same as I_{}(a_{})ᵀ δ(l) {}. Likewise ∂z(l)/∂b(l) is the 3×3 identity: b_k appears only in z_k, with coefficient 1, so ∂L/∂b(l) = δ(l).",
        "δ(l) a(l-1)ᵀ 的第 ({}, {}) 个元素是 {}，与 I_{}(a_{})ᵀ δ(l) 相同 {}。同理 ∂z(l)/∂b(l) 是 3×3 单位矩阵: b_k 只出现在 z_k 中且系数为 1，所以 ∂L/∂b(l) = δ(l)。",
    ),
    // matrix-calculus/1: layouts
    (
        "Numerator and denominator layout, with numbers",
        "分子布局与分母布局 (带数值)",
    ),
    (
        "CAL deck, 矩阵微积分: ∂y/∂x = [∂y/∂x_1, …, ∂y/∂x_p]ᵀ and ∂f(x)/∂x ∈ R^(p×q), row j = x_j",
        "CAL 课件，矩阵微积分: ∂y/∂x = [∂y/∂x_1, …, ∂y/∂x_p]ᵀ 与 ∂f(x)/∂x ∈ R^(p×q)，第 j 行对应 x_j",
    ),
    (
        "PKU deck, 向量对标量求导, 标量对向量求导 (a column, the gradient), 标量对矩阵求导 (the shape of X), and ∂J/∂W(L) = ∂J/∂z(L+1) a(L)ᵀ ∈ R^(d_(L+1) × d_L)",
        "PKU 课件，向量对标量求导、标量对向量求导 (列向量，即梯度)、标量对矩阵求导 (与 X 同形)，以及 ∂J/∂W(L) = ∂J/∂z(L+1) a(L)ᵀ ∈ R^(d_(L+1) × d_L)",
    ),
    (
        "The same partial derivatives ∂y_i/∂x_j can be arranged two ways. Numerator layout (the Jacobian) gives y's index the rows: for y ∈ R^q and x ∈ R^p it is q×p. Denominator layout gives x's index the rows: p×q, CAL's ∂f(x)/∂x ∈ R^(p×q); the gradient of a scalar is then a column like x, as CAL and PKU write it. One layout is the transpose of the other.",
        "同样的偏导数 ∂y_i/∂x_j 有两种排法。分子布局 (雅可比矩阵) 让 y 的下标做行: 对 y ∈ R^q、x ∈ R^p 它是 q×p。分母布局让 x 的下标做行: p×q，即 CAL 的 ∂f(x)/∂x ∈ R^(p×q)；这时标量的梯度和 x 一样是列向量，CAL 和 PKU 都这样写。两种布局互为转置。",
    ),
    (
        "∂y/∂x for y = (x1·x2, x1², x2²), numerator layout (3×2): row i is y_i · 分子布局",
        "y = (x1·x2, x1², x2²) 的 ∂y/∂x，分子布局 (3×2): 第 i 行对应 y_i",
    ),
    (
        "∂y/∂x, denominator layout (2×3, CAL's R^(p×q)): row j is x_j · 分母布局",
        "∂y/∂x，分母布局 (2×3，CAL 的 R^(p×q)): 第 j 行对应 x_j",
    ),
    (
        "Both layouts of each derivative · 两种布局",
        "每个导数的两种布局",
    ),
    ("derivative", "导数"),
    ("numerator layout", "分子布局"),
    ("denominator layout", "分母布局"),
    ("shape", "形状"),
    ("∂(Wx)/∂x: W or Wᵀ", "∂(Wx)/∂x: W 或 Wᵀ"),
    ("∂(aᵀx)/∂x: aᵀ or a", "∂(aᵀx)/∂x: aᵀ 或 a"),
    (
        "∂L/∂x for z = Wx: δᵀW or Wᵀδ",
        "z = Wx 时的 ∂L/∂x: δᵀW 或 Wᵀδ",
    ),
    ("∂L/∂W: xδᵀ or δxᵀ", "∂L/∂W: xδᵀ 或 δxᵀ"),
    (
        "The chain rule keeps its order only within one layout: numerator layout multiplies left to right, ∂L/∂x = ∂L/∂z · ∂z/∂x = δᵀW (a row); denominator layout multiplies right to left, ∂L/∂x = ∂z/∂x · ∂L/∂z = Wᵀδ (a column), PKU's ∂J/∂a(L) = W(L)ᵀ ∂J/∂z(L+1).",
        "链式法则的乘法顺序只在同一种布局内成立: 分子布局从左往右乘，∂L/∂x = ∂L/∂z · ∂z/∂x = δᵀW (行向量)；分母布局从右往左乘，∂L/∂x = ∂z/∂x · ∂L/∂z = Wᵀδ (列向量)，即 PKU 的 ∂J/∂a(L) = W(L)ᵀ ∂J/∂z(L+1)。",
    ),
    (
        "∂L/∂W follows the same rule. In denominator layout it is δxᵀ, 3×2: the shape of W, entry (i, j) = ∂L/∂W_ij = δ_i x_j. This is PKU's ∂J/∂W(L) = ∂J/∂z(L+1) a(L)ᵀ ∈ R^(d_(L+1) × d_L) and NNDL's δ(l) a(l-1)ᵀ, and it is why the update W ← W - η ∂L/∂W needs no transpose. Numerator layout gives the 2×3 transpose, xδᵀ.",
        "∂L/∂W 也遵循同样的规则。分母布局下它是 δxᵀ，3×2: 与 W 同形，第 (i, j) 个元素 = ∂L/∂W_ij = δ_i x_j。这就是 PKU 的 ∂J/∂W(L) = ∂J/∂z(L+1) a(L)ᵀ ∈ R^(d_(L+1) × d_L) 和 NNDL 的 δ(l) a(l-1)ᵀ，也是更新 W ← W - η ∂L/∂W 无需转置的原因。分子布局得到它的 2×3 转置 xδᵀ。",
    ),
    (
        "Check: every entry equals the central difference (f(x + e_j) - f(x - e_j))/2 of its function, with L = δᵀ(Wx) so that ∂L/∂z = δ; for these polynomials of degree ≤ 2 that difference is exact ✓.",
        "检验: 每个元素都等于其函数的中心差分 (f(x + e_j) - f(x - e_j))/2，其中取 L = δᵀ(Wx) 使 ∂L/∂z = δ；对这些次数不超过 2 的多项式，该差分是精确的 ✓。",
    ),
    (
        "Check: some entries differ from the central differences of their functions ✗.",
        "检验: 有些元素与其函数的中心差分不一致 ✗。",
    ),
    // autodiff/4: forward mode beside reverse mode
    (
        "Forward mode beside reverse mode: one pass per input or one per output",
        "前向模式与反向模式: 每个输入一遍，或每个输出一遍",
    ),
    (
        "NNDL, 计算图 table: f(x; w, b) = 1/(exp(-(wx + b)) + 1) staged as h1 … h6 (the graph of autodiff/1)",
        "NNDL, 计算图中的表格: f(x; w, b) = 1/(exp(-(wx + b)) + 1) 拆成 h1 … h6 (即 autodiff/1 的计算图)",
    ),
    (
        "NNDL, 反向传播算法 (自动微分的反向模式)",
        "NNDL, 反向传播算法 (自动微分的反向模式)",
    ),
    (
        "The graph of autodiff/1, differentiated both ways. Forward mode seeds one input with tangent 1 (the others 0) and carries t(n) = Σ_u ∂n/∂u · t(u) forward in the order the nodes are computed; each pass gives the derivative of every node with respect to that one input. Reverse mode seeds the output with 1 and carries ∂f/∂u backward; one pass gives ∂f with respect to every node.",
        "对 autodiff/1 的计算图用两种方式求导。前向模式给一个输入的切向量赋 1 (其余输入赋 0)，按节点的计算顺序向前传递 t(n) = Σ_u ∂n/∂u · t(u)；每一遍得到每个节点对这一个输入的导数。反向模式给输出赋 1，向后传递 ∂f/∂u；一遍就得到 ∂f 对每个节点的导数。",
    ),
    ("∂·/∂{} (forward pass {})", "∂·/∂{} (前向第 {} 遍)"),
    ("∂f/∂· (reverse)", "∂f/∂· (反向)"),
    (
        "Tangents per input · 前向模式: 每个输入一遍",
        "前向模式: 每个输入一遍",
    ),
    (
        "The last row of each forward pass equals the reverse-mode gradient of its input exactly ✓, and both agree with central differences of f ✓.",
        "每一遍前向传递的最后一行都与反向模式中对应输入的梯度完全相等 ✓，两者也都与 f 的中心差分一致 ✓。",
    ),
    (
        "The last row of each forward pass equals the reverse-mode gradient of its input exactly ✓; a central difference of f disagrees ✗.",
        "每一遍前向传递的最后一行都与反向模式中对应输入的梯度完全相等 ✓；但有一个 f 的中心差分不一致 ✗。",
    ),
    (
        "A forward pass does NOT end at the reverse-mode gradient ✗.",
        "有一遍前向传递的结果与反向模式的梯度不一致 ✗。",
    ),
    (
        "Cost · 计算量: one pass per input against one backward pass per output",
        "计算量: 每个输入一遍前向，对比每个输出一遍反向",
    ),
    ("mode", "模式"),
    ("passes for this graph", "本图所需遍数"),
    ("each pass gives", "每一遍得到"),
    ("local products", "局部导数乘法次数"),
    ("forward (tangents)", "前向模式 (切向量)"),
    ("reverse (backpropagation)", "反向模式 (反向传播)"),
    ("{} (one per input)", "{} (每个输入一遍)"),
    ("1 (one per output)", "1 (每个输出一遍)"),
    ("∂(every node)/∂(one input)", "∂(每个节点)/∂(一个输入)"),
    ("∂(one output)/∂(every node)", "∂(一个输出)/∂(每个节点)"),
    (
        "A network has one loss and many parameters. The 784-512-512-10 model of network/2 has {} parameters: forward mode would need {} tangent passes for its gradient, reverse mode one backward pass. Forward mode pays off only when a function has fewer inputs than outputs.",
        "神经网络只有一个损失，却有很多参数。network/2 中的 784-512-512-10 模型有 {} 个参数: 用前向模式求梯度需要 {} 遍切向量传递，反向模式只需一遍反向传播。只有当函数的输入比输出少时，前向模式才划算。",
    ),
    // approximation/2: PKU's outer φ
    (
        "Universal approximation with PKU's outer φ",
        "万能逼近定理: PKU 公式中外层的 φ",
    ),
    (
        "PKU deck, 万能逼近定理: f_θ(x) = φ(Σ_i c_i φ(w_iᵀx + b_i) + c_0), φ 为激活函数; 单隐藏层 ReLU 网络描述连续折线 φ(c φ(x) + …)",
        "PKU 课件，万能逼近定理: f_θ(x) = φ(Σ_i c_i φ(w_iᵀx + b_i) + c_0)，φ 为激活函数；单隐藏层 ReLU 网络描述连续折线 φ(c φ(x) + …)",
    ),
    (
        "PKU writes the network with an activation φ outside as well: f_θ(x) = φ(Σ_i c_i φ(w_i x + b_i) + c_0). Inside, n hidden ReLUs with knots k_i = i/n build a broken line g(x) (as in approximation/1, whose output is the identity); outside, φ is applied to g, so the network can only output values in φ's range. Errors are measured on 1,001 points of [0, 1].",
        "PKU 在网络的最外层也加了激活函数 φ: f_θ(x) = φ(Σ_i c_i φ(w_i x + b_i) + c_0)。内层 n 个隐藏 ReLU 单元以 k_i = i/n 为节点构成折线 g(x) (与 approximation/1 相同，那里的输出层是恒等函数)；外层再对 g 施加 φ，因此网络只能输出 φ 值域内的值。误差在 [0, 1] 上的 1,001 个点上测量。",
    ),
    (
        "Outer φ = ReLU, target f(x) = sin(2πx) · 外层 ReLU",
        "外层 φ = ReLU，目标函数 f(x) = sin(2πx)",
    ),
    (
        "max |f − g| (identity outside)",
        "max |f − g| (外层为恒等函数)",
    ),
    ("max |f − ReLU(g)|", "max |f − ReLU(g)|"),
    (
        "With ReLU outside, the network never goes below 0, so on (1/2, 1), where sin(2πx) is negative, the error stays at max |f| = 1 however many hidden units there are. For a target that is never negative (sin(πx) of approximation/1) the broken line through its knots is never negative either, and ReLU(g) = g.",
        "外层为 ReLU 时网络的输出永远不小于 0，所以在 sin(2πx) 为负的 (1/2, 1) 上，无论隐藏单元有多少，误差都停在 max |f| = 1。对于从不为负的目标函数 (approximation/1 中的 sin(πx))，过其节点的折线也从不为负，此时 ReLU(g) = g。",
    ),
    (
        "Outer φ = σ, target f(x) = 0.5 + 0.4 sin(2πx) in (0, 1) · 外层 sigmoid",
        "外层 φ = σ，目标函数 f(x) = 0.5 + 0.4 sin(2πx)，取值在 (0, 1) 内",
    ),
    (
        "max |f − σ(g)|, knots on logit f",
        "max |f − σ(g)|，节点取在 f 的对数几率上",
    ),
    (
        "With σ outside, put the knots of the broken line on logit f = ln(f/(1 − f)), the inverse of σ: then σ(g) equals f at every knot, and from n = 16 on doubling the hidden units divides the error by close to 4 (error × n² levels off near 2), as with an identity output. The outer φ changes which values can be reached, not whether enough hidden units get close.",
        "外层为 σ 时，把折线的节点取在 σ 的反函数、即对数几率 ln(f/(1 − f)) 上: 这样 σ(g) 在每个节点处都等于 f；从 n = 16 起，隐藏单元数加倍时误差缩小到接近 1/4 (误差 × n² 趋于 2 左右)，与恒等输出时一样。外层的 φ 改变的是能取到哪些值，而不是足够多的隐藏单元能否逼近。",
    ),
    (
        "Universal approximation with an outer σ",
        "外层为 σ 的万能逼近",
    ),
    (
        "f(x) = 0.5 + 0.4 sin(2πx) and σ(g) with {} hidden ReLUs",
        "f(x) = 0.5 + 0.4 sin(2πx) 与含 {} 个隐藏 ReLU 的 σ(g)",
    ),
    ("σ(g), n = {}", "σ(g)，n = {}"),
];
