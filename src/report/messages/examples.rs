//! Sentences of the worked examples (`src/catalog/`), in catalog order.

pub const EXAMPLES: &[(&str, &str)] = &[
    // neuron
    (
        "One neuron is a network with one layer of one unit: W(1) = [w], b(1) = [b]; z(1)_1 is the weighted sum (求和) and a(1)_1 the activation (激活).",
        "单个神经元就是只有一层、一层只有一个单元的网络: W(1) = [w], b(1) = [b]；z(1)_1 是加权求和，a(1)_1 是激活值。",
    ),
    ("Backpropagation of one neuron", "单神经元的反向传播"),
    ("单神经元的反向传播 (MS)", "单神经元的反向传播 (MS)"),
    (
        "Check: (-y/a + (1 - y)/(1 - a))·a(1 - a) = a - y ✓ (both give dz); dw and db ✓ agree with central differences of L.",
        "检验: (-y/a + (1 - y)/(1 - a))·a(1 - a) = a - y ✓ (两种算法得到同一个 dz)；dw 和 db 与 L 的中心差分 ✓ 一致。",
    ),
    ("dz (simplified)", "dz (化简后)"),
    (
        "Check: (-y/a + (1 - y)/(1 - a))·a(1 - a) = a - y {}; dw and db {} with central differences of L.",
        "检验: (-y/a + (1 - y)/(1 - a))·a(1 - a) = a - y {}；dw 和 db 与 L 的中心差分{}。",
    ),
    ("✓ (both give dz)", "✓ (两种算法得到同一个 dz)"),
    ("✗ DIFFERS", "✗ 不一致"),
    ("✓ agree", "✓ 一致"),
    ("✗ disagree", "✗ 不一致"),
    (
        "The loss does not fall from step to step: the learning rate may be too large; try --set lr=1/2.",
        "损失并非逐步下降: 学习率可能太大；试试 --set lr=1/2。",
    ),
    ("Gradient descent", "梯度下降"),
    (
        "梯度下降 (one row per iteration)",
        "梯度下降 (每次迭代一行)",
    ),
    ("The loss falls from step to step.", "损失逐步下降。"),
    (
        "The loss does not fall at every step.",
        "损失并非每一步都下降。",
    ),
    // activation
    (
        "kink: f' jumps here (convention)",
        "不可导点: f' 在此跳变 (按约定取值)",
    ),
    (
        "Kink convention: ReLU'(0) = 0 as in NNDL's I(z > 0); ELU'(0) = γ from the z ≤ 0 branch. At a kink the central difference averages the two one-sided slopes, so it cannot confirm the value.",
        "不可导点的约定: 按 NNDL 的 I(z > 0) 取 ReLU'(0) = 0；ELU'(0) = γ 取自 z ≤ 0 的分支。在不可导点，中心差分是两侧斜率的平均，无法验证这个值。",
    ),
    (
        "Activation functions and their derivatives",
        "激活函数及其导数",
    ),
    ("logistic σ: f and f'", "logistic σ: f 与 f'"),
    ("tanh: f and f'", "tanh: f 与 f'"),
    ("ReLU: f and f'", "ReLU: f 与 f'"),
    ("ELU: f and f'", "ELU: f 与 f'"),
    ("softplus: f and f'", "softplus: f 与 f'"),
    ("Leaky ReLU: f and f'", "Leaky ReLU: f 与 f'"),
    ("identity f' = {}", "恒等式 f' = {}"),
    ("The ReLU family at z", "z 处的 ReLU 函数族"),
    (
        "ReLU函数的改进 (f'(0) takes the z ≤ 0 branch)",
        "ReLU函数的改进 (f'(0) 取 z ≤ 0 的分支)",
    ),
    (
        "PKU writes Leaky ReLU as max(0.1x, x): the same function as NNDL's max(0, x) + γ min(0, x) for γ = 0.1 < 1. PReLU is Leaky ReLU with a learned γ_i for each unit i.",
        "PKU 把 Leaky ReLU 写成 max(0.1x, x): 当 γ = 0.1 < 1 时，它与 NNDL 的 max(0, x) + γ min(0, x) 是同一个函数。PReLU 就是每个单元 i 各自学习 γ_i 的 Leaky ReLU。",
    ),
    ("PReLU unit {}", "PReLU 单元 {}"),
    (
        "gradient routed to the winning piece",
        "梯度只传给取到最大值的那一段",
    ),
    (
        "Leaky ReLU and ELU with their derivatives",
        "Leaky ReLU 与 ELU 及其导数",
    ),
    (
        "Minimising L = f(x) by x ← x - η f'(x) from x = {} until x ≤ {} (step counts 1, 2, 4, 8, … shown)",
        "用 x ← x - η f'(x) 最小化 L = f(x)，从 x = {} 开始直到 x ≤ {} (列出第 1, 2, 4, 8, … 步)",
    ),
    ("f'(x) = step size / η", "f'(x) = 步长 / η"),
    (
        "Sigmoid needs {} steps, ReLU {} (its slope stays 1). Independent estimate for sigmoid: ∫ dx / (η σ'(x)) = (1/η)[e^x + 2x - e^(-x)] from {} to {} ≈ {} steps. The sigmoid's steps are tiny near x = {} because σ' ≈ e^(-x) there (梯度消失).",
        "Sigmoid 需要 {} 步，ReLU 只要 {} 步 (它的斜率始终为 1)。对 sigmoid 的独立估计: 从 {} 到 {} 积分 ∫ dx / (η σ'(x)) = (1/η)[e^x + 2x - e^(-x)] ≈ {} 步。在 x = {} 附近 sigmoid 每步都很小，因为那里 σ' ≈ e^(-x) (梯度消失)。",
    ),
    (
        "inputs as given (all > 0 for the deck's case) · {}",
        "原始输入 (课件中的情形，全部 > 0) · {}",
    ),
    (
        "zero-centred inputs x - mean(x), mean = {} · {}",
        "零中心化的输入 x - mean(x)，均值 = {} · {}",
    ),
    (
        "Some x_i ≤ 0 here, so the signs can differ; the deck's point needs every x_i > 0.",
        "这里有 x_i ≤ 0，所以符号可以不同；课件的结论要求每个 x_i > 0。",
    ),
    (
        "zero-centred inputs x - mean(x), mean = {}",
        "零中心化的输入 x - mean(x)，均值 = {}",
    ),
    (
        "With every x_i > 0, all components of ∂L/∂w share the sign of ∂L/∂σ, so one gradient step moves every weight in the same direction (a zig-zag path); zero-centred inputs give mixed signs.",
        "当每个 x_i > 0 时，∂L/∂w 的所有分量都与 ∂L/∂σ 同号，一次梯度更新会让所有权重朝同一方向移动 (走出之字形路线)；零中心化的输入则给出有正有负的符号。",
    ),
    // forward
    ("Shapes", "维度"),
    ("Update", "参数更新"),
    ("Loss", "损失函数"),
    (
        "Hidden layer f = ReLU, output g = identity (CAL leaves f and g open; these keep every number exact). CAL's 0-based w^1_(i,j), input i → hidden j, is W(1)_(j+1, i+1) here.",
        "隐藏层 f = ReLU，输出层 g = 恒等函数 (CAL 没有指定 f 和 g；这样选可以让每个数都保持精确)。CAL 从 0 开始编号的 w^1_(i,j) (输入 i → 隐藏单元 j) 就是这里的 W(1)_(j+1, i+1)。",
    ),
    (
        "Note: CAL's output sum runs j = 0..2, but the network has two hidden units, j = 0..1 (see the errata page).",
        "注意: CAL 的输出求和写成 j = 0..2，但网络只有两个隐藏单元，应为 j = 0..1 (见勘误页)。",
    ),
    (
        "Computed in the column notation of forward/1 (z = W a + b with each W(l) transposed), the network gives {}: the two notations differ only in how W is written. JQ calls the outputs h(l); they are the a(l) of the tables.",
        "改用 forward/1 的列向量记号 (z = W a + b，每个 W(l) 取转置) 计算，得到{}: 两种记号只是 W 的写法不同。JQ 把各层输出记作 h(l)，即表中的 a(l)。",
    ),
    ("exactly the same z and a ✓", "完全相同的 z 和 a ✓"),
    ("different numbers ✗", "不同的数 ✗"),
    (
        "The K probabilities sum to {} (softmax normalises).",
        "K 个概率之和为 {} (softmax 做了归一化)。",
    ),
    (
        "PKU writes the output layer with w_jk^(3): input j, output k, i.e. the row notation z_k = Σ_j a_j w_jk + b_k.",
        "PKU 用 w_jk^(3) 表示输出层 (输入 j，输出 k)，也就是行向量记号 z_k = Σ_j a_j w_jk + b_k。",
    ),
    ("Binary classification · 二分类: {}", "二分类: {}"),
    ("Regression · 回归: {}", "回归: {}"),
    ("K classes · K 分类: {}", "K 分类: {}"),
    (
        "The K probabilities sum to 1 (softmax normalises).",
        "K 个概率之和为 1 (softmax 做了归一化)。",
    ),
    ("Softmax output p(y = k | x)", "Softmax 输出 p(y = k | x)"),
    // softmax
    (
        "the two forms agree (m = max a = {})",
        "两种写法结果一致 (m = max a = {})",
    ),
    (
        "Every a_k + {}: exp(a_k) underflows to 0 in f64 below about -745, the subtract-the-max form does not (m = max a = {})",
        "每个 a_k 加 {}: exp(a_k) 低于约 -745 就会在 f64 中下溢为 0，先减最大值的写法不会 (m = max a = {})",
    ),
    (
        "Every a_k + {}: exp(a_k) overflows f64 past about 709.78, the subtract-the-max form does not (m = max a = {})",
        "每个 a_k 加 {}: exp(a_k) 超过约 709.78 就会使 f64 溢出，先减最大值的写法不会 (m = max a = {})",
    ),
    (
        "Adding a constant to every a_k leaves softmax unchanged ✓: exp(a_k + c) = e^c exp(a_k), and e^c cancels.",
        "每个 a_k 加上同一个常数，softmax 不变 ✓: exp(a_k + c) = e^c exp(a_k)，e^c 在分子分母中约去。",
    ),
    ("Softmax probabilities y_k", "分类概率 y_k"),
    (
        "Softmax + cross-entropy, true class {}",
        "Softmax + 交叉熵，真实类别 {}",
    ),
    ("Jacobian route", "经雅可比矩阵"),
    (
        "ŷ - y (softmax with cross-entropy)",
        "ŷ - y (softmax 与交叉熵)",
    ),
    (
        "The three gradient columns agree: the Jacobian of softmax times -y/ŷ collapses to ŷ - y, which is why the output layer's δ is simply prediction minus label.",
        "三列梯度一致: softmax 的雅可比矩阵乘以 -y/ŷ 化简为 ŷ - y，所以输出层的 δ 就是预测值减标签。",
    ),
    // loss
    (
        "y'_k is the prediction, t_k the target. CAL's n counts samples; here the sum runs over the {} outputs of one sample, which is the same arithmetic.",
        "y'_k 是预测值，t_k 是目标值。CAL 的 n 是样本数；这里对一个样本的 {} 个输出求和，算法相同。",
    ),
    ("Per output · 逐项", "逐项"),
    (
        "Cross-entropy is left out: it needs targets that form a distribution (non-negative, summing to 1) and predictions above 0.",
        "这里略去交叉熵: 它要求目标值构成一个分布 (非负且和为 1)，并且预测值都大于 0。",
    ),
    ("Totals · 损失", "损失"),
    (
        "MSE and ½SSE differ only by the constant factor 2/n, so they have the same minimum; the ½ makes the gradient exactly y' - t.",
        "MSE 与 ½SSE 只差一个常数因子 2/n，所以最小值点相同；½ 让梯度恰好是 y' - t。",
    ),
    ("MSE 均方误差", "均方误差 MSE"),
    ("CEE 交叉熵误差", "交叉熵误差 CEE"),
    ("½ SSE", "½ SSE (半平方和)"),
    (
        "Structured risk · 结构化风险 (N = {} samples)",
        "结构化风险 (N = {} 个样本)",
    ),
    (
        "One step of algorithm 4.1 on sample {} · 随机梯度下降的一步",
        "在样本 {} 上执行算法 4.1 的一步 (随机梯度下降)",
    ),
    (
        "∂/∂W of L + λ/2‖W‖² = δ aᵀ + λW (the bias gets no λ term)",
        "L + λ/2‖W‖² 对 W 的偏导 = δ aᵀ + λW (偏置没有 λ 项)",
    ),
    // backprop
    (
        "Pattern: the add gate hands its upstream gradient to both inputs unchanged; the multiply gate gives each input the upstream gradient times the other input.",
        "规律: 加法门把上游梯度原样交给两个输入；乘法门给每个输入的是上游梯度乘以另一个输入。",
    ),
    ("Staged with primitive gates: {}.", "拆成基本门: {}。"),
    (
        "The same neuron with one sigmoid gate",
        "同一个神经元，用一个 sigmoid 门",
    ),
    (
        "Both graphs give the same gradients (largest difference {}): the sigmoid gate's local gradient σ(z)(1 - σ(z)) replaces the four gates -1×, exp, +1 and 1/x.",
        "两个计算图给出相同的梯度 (最大差 {}): sigmoid 门的局部梯度 σ(z)(1 - σ(z)) 取代了 -1×、exp、+1 和 1/x 四个门。",
    ),
    (
        "A variable used in several places (a copy gate) receives the sum of the gradients of its uses; see `nn-tutor explain autodiff --example 2`.",
        "在多处使用的变量 (复制门) 得到各处梯度之和；见 `nn-tutor explain autodiff --example 2`。",
    ),
    (
        "CAL's network with f = ReLU (hidden) and g = identity (output), Loss = MSE with n = 1: (y_0 - y)². CAL indexes from 0: u_0, u_1 are the hidden net inputs z(1), u_2 the output's z(2), x^2_j = f(u_j) the hidden outputs a(1), and w^2_(0,0) = W(2)_11, w^1_(0,0) = W(1)_11.",
        "CAL 的网络，取 f = ReLU (隐藏层)、g = 恒等函数 (输出层)，损失取 MSE (n = 1): (y_0 - y)²。CAL 从 0 开始编号: u_0、u_1 是隐藏层的净输入 z(1)，u_2 是输出层的 z(2)，x^2_j = f(u_j) 是隐藏层输出 a(1)，w^2_(0,0) = W(2)_11，w^1_(0,0) = W(1)_11。",
    ),
    ("δ-rule engine", "δ 法则 (网络引擎)"),
    ("central difference {}", "中心差分 {}"),
    ("g'(u2) = 1 (identity)", "g'(u2) = 1 (恒等函数)"),
    (
        "The product {} the δ-rule gradient and the central difference.",
        "乘积与 δ 法则算出的梯度和中心差分: {}。",
    ),
    ("matches ✓", "✓ 一致"),
    ("does NOT match ✗", "✗ 不一致"),
    (
        "A {} network: ReLU hidden layer, softmax output, cross-entropy against the one-hot class {}. {}. At the output δ(2) = ŷ - y (NNDL); below it δ(1) = ReLU'(z(1)) ⊙ W(2)ᵀ δ(2).",
        "一个 {} 网络: 隐藏层用 ReLU，输出层用 softmax，损失是对独热类别 {} 的交叉熵。{}。输出层 δ(2) = ŷ - y (NNDL)；下一层 δ(1) = ReLU'(z(1)) ⊙ W(2)ᵀ δ(2)。",
    ),
    // autodiff, chain rule
    (
        "Closed form: f = σ(wx + b), so ∂f/∂w = σ(z)(1 - σ(z))·x at z = {} gives {} — the same as the chain.",
        "闭式解: f = σ(wx + b)，所以在 z = {} 处 ∂f/∂w = σ(z)(1 - σ(z))·x = {}，与链式乘积相同。",
    ),
    (
        "Closed form: f = σ(wx + b), so ∂f/∂w = σ(z)(1 - σ(z))·x at z = {} gives {} — DIFFERENT from the chain.",
        "闭式解: f = σ(wx + b)，所以在 z = {} 处 ∂f/∂w = σ(z)(1 - σ(z))·x = {}，与链式乘积不同。",
    ),
    (
        "Slide erratum: the deck's table labels the derivative of h5 = h4 + 1 as ∂h5/∂h, and that of h6 = 1/h5 as ∂h4/∂h5; recomputed, they are ∂h5/∂h4 = 1 and ∂h6/∂h5 = -1/h5² (the chain on the same slide uses the right names).",
        "课件勘误: 课件表格把 h5 = h4 + 1 的导数标成 ∂h5/∂h，把 h6 = 1/h5 的导数标成 ∂h4/∂h5；重新计算可知应为 ∂h5/∂h4 = 1 和 ∂h6/∂h5 = -1/h5² (同一页上的链式乘积用的是正确的记号)。",
    ),
    ("Check against the hand-derived formula", "与手推公式对照"),
    (
        "Each factor against the bound σ' ≤ 1/4",
        "每个因子与上界 σ' ≤ 1/4 的比较",
    ),
    (
        "{}: every sigmoid layer multiplies the gradient by at most 1/4, so it shrinks geometrically with depth (the vanishing gradient).",
        "{}: 每经过一层 sigmoid，梯度至多乘以 1/4，因此随深度按几何级数缩小 (梯度消失)。",
    ),
    (
        "The program: f(x) = x·x if x > 0, otherwise -x. A static graph is built once, before any data, so it must hold both branches; here the branch is a select written with relu: f = relu(x)^2 + relu(-x). A dynamic graph is built while the program runs, once for every input, and holds only the branch that input takes.",
        "程序: x > 0 时 f(x) = x·x，否则 f(x) = -x。静态计算图在任何数据到来之前只构建一次，所以必须同时包含两个分支；这里用 relu 写出分支的选择: f = relu(x)^2 + relu(-x)。动态计算图在程序运行时为每个输入各构建一次，只包含该输入所走的分支。",
    ),
    (
        "One graph built once, or one per input · 静态计算图与动态计算图",
        "静态计算图与动态计算图: 只构建一次，还是每个输入构建一次",
    ),
    ("graph", "计算图"),
    ("input", "输入"),
    ("nodes", "节点"),
    ("static, built once: {}", "静态图，只构建一次: {}"),
    ("dynamic, built for {}: {}", "动态图，为 {} 构建: {}"),
    (
        "Both kinds give the same derivative · 梯度",
        "两种计算图给出相同的导数",
    ),
    ("static", "静态图"),
    ("dynamic", "动态图"),
    ("✗ (kink)", "✗ (不可导点)"),
    (
        "The static graph has the same nodes for every input and evaluates both branches each time (relu zeroes the one not taken); each dynamic graph is smaller but has to be built again for every input, and inputs that take different branches get graphs of different shapes, which are harder to batch and optimise.",
        "静态图对每个输入都有同样的节点，每次都计算两个分支 (relu 把没走的分支置零)；每个动态图更小，但每个输入都要重新构建，走不同分支的输入得到形状不同的图，更难成批计算和优化。",
    ),
    (
        "At x = 0 the function has a kink (slope -1 on the left, 0 on the right): the static graph's relu takes relu'(0) = 0 and the dynamic graph's -x branch gives -1; both are one-sided derivatives, and the central difference sits between them.",
        "函数在 x = 0 处有一个不可导点 (左侧斜率 -1，右侧斜率 0): 静态图的 relu 取 relu'(0) = 0，动态图的 -x 分支给出 -1；两者都是单侧导数，中心差分落在两者之间。",
    ),
    (
        "Iterations per epoch against the batch size, N = {}",
        "每轮迭代次数与批大小的关系，N = {}",
    ),
    ("iterations per epoch ⌈N/B⌉", "每轮迭代次数 ⌈N/B⌉"),
    ("B = {}: {} iterations", "B = {}: {} 次迭代"),
    ("B = {}: {} iteration", "B = {}: {} 次迭代"),
    (
        "The gradient-descent loop, step by step",
        "梯度下降循环，逐步进行",
    ),
    ("loss L at each step", "每一步的损失 L"),
    (
        "w and b before each step (the last point: after the last step)",
        "每一步之前的 w 和 b (最后一个点: 最后一步之后)",
    ),
];
