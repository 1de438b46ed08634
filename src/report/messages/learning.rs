//! Sentences of the learning examples (gradient descent, parameter counts,
//! initialisation, vanishing gradients, XOR, training); the training report
//! they share with `nn-tutor train` is in `train.rs`.

pub const LEARNING: &[(&str, &str)] = &[
    // gradient-descent
    (
        "Data: y = 2x + 1 at x = 1, 2, 3, i.e. (1, 3), (2, 5), (3, 7); n = 3.",
        "数据: 在 x = 1, 2, 3 处 y = 2x + 1，即 (1, 3), (2, 5), (3, 7)；n = 3。",
    ),
    ("Iterations · 迭代 (exact)", "迭代 (精确值)"),
    (
        "After {} steps J = {}; the minimum is J = 0 at w = 2, b = 1. Every number above is an exact fraction: decimal inputs such as 0.1 are read as 1/10.",
        "{} 步之后 J = {}；最小值 J = 0 在 w = 2, b = 1 处取得。上面每个数都是精确分数: 0.1 这样的小数输入按 1/10 读入。",
    ),
    ("Iterations · 迭代 (f64)", "迭代 (f64 浮点数)"),
    (
        "After {} steps J = {}; the minimum is J = 0 at w = 2, b = 1. Every number above is an f64 rounded for display; without --float the same steps are exact fractions.",
        "{} 步之后 J = {}；最小值 J = 0 在 w = 2, b = 1 处取得。上面每个数都是 f64 浮点数，显示时经过舍入；不加 --float 时同样的步骤得到精确分数。",
    ),
    ("J before each step", "每步之前的 J"),
    ("log10 of the norm", "范数的 log10"),
    ("log10 max error", "最大误差的 log10"),
    ("J(w, b) before step k", "第 k 步之前的 J(w, b)"),
    ("J(w, b) after k steps", "k 步之后的 J(w, b)"),
    ("J at α = {}", "α = {} 时的 J"),
    (
        "The data and loss of gradient-descent/1 (y = 2x + 1 at x = 1, 2, 3), from w = b = 0. J is a quadratic in (w, b) with Hessian H = 2/n Σ [x², x; x, 1] = 2/3 [14, 6; 6, 3]; gradient descent on a quadratic converges exactly when α < 2/λ_max(H).",
        "数据和损失与 gradient-descent/1 相同 (在 x = 1, 2, 3 处 y = 2x + 1)，从 w = b = 0 出发。J 是 (w, b) 的二次函数，Hessian 矩阵 H = 2/n Σ [x², x; x, 1] = 2/3 [14, 6; 6, 3]；对二次函数做梯度下降，当且仅当 α < 2/λ_max(H) 时收敛。",
    ),
    ("Loss per step · 每步的损失", "每步的损失"),
    (
        "Here the large rate α = {} is below 2/λ_max ≈ {}, so it still converges; set it above {} to see J grow.",
        "这里较大的学习率 α = {} 小于 2/λ_max ≈ {}，所以仍然收敛；把它设为大于 {} 才能看到 J 增大。",
    ),
    (
        "Too small: J falls, but slowly. Suitable: J falls fast. Too large (α above 2/λ_max): each step overshoots the minimum along the steep direction, w swings from one side to the other and J grows without bound.",
        "太小: J 在下降，但很慢。合适: J 下降得快。太大 (α 超过 2/λ_max): 每一步都沿陡峭方向越过最小值，w 在两侧来回摆动，J 无限增大。",
    ),
    (
        "J against the step for three learning rates",
        "三种学习率下 J 随步数的变化",
    ),
    (
        "Two moons, 200 points (160 for training, 40 for validation), a 2-8-2 ReLU network with softmax cross-entropy, the same initial weights, α = {}, {} epochs. Only the batch size differs.",
        "两个半月形数据，共 200 个点 (160 个训练，40 个验证)，2-8-2 的 ReLU 网络，softmax 交叉熵损失，相同的初始权重，α = {}，{} 个轮次。只有批大小不同。",
    ),
    (
        "One data set, three batch sizes",
        "同一个数据集，三种批大小",
    ),
    ("updates per epoch ⌈N/B⌉", "每轮的更新次数 ⌈N/B⌉"),
    ("updates in all", "更新总次数"),
    ("train loss, epoch {}", "训练损失，第 {} 轮"),
    ("val loss, epoch {}", "验证损失，第 {} 轮"),
    (
        "spread of the batch losses in epoch {} (std)",
        "第 {} 轮各批损失的离散程度 (标准差)",
    ),
    ("full-batch GD", "全量梯度下降"),
    ("mini-batch", "小批量"),
    ("SGD", "随机梯度下降 SGD"),
    ("full-batch GD (B = {})", "全量梯度下降 (B = {})"),
    ("mini-batch (B = {})", "小批量 (B = {})"),
    ("SGD (B = {})", "SGD (B = {})"),
    (
        "Full-batch GD makes one careful update per epoch, so after {} epochs it has barely moved; SGD makes {} cheap, noisy updates per epoch (one sample each: the batch losses scatter widely); mini-batch sits between, which is why it is the usual choice (PKU: SGD is mini-batch with B = 1, full GD is B = N).",
        "全量梯度下降每轮只做一次稳妥的更新，{} 轮之后几乎没动；SGD 每轮做 {} 次代价小但有噪声的更新 (每次一个样本，各批损失分散很大)；小批量介于两者之间，所以是最常用的选择 (PKU: SGD 是 B = 1 的小批量，全量梯度下降是 B = N)。",
    ),
    (
        "Loss of every batch, against epochs",
        "每一批的损失随轮次的变化",
    ),
    ("batch loss", "批损失"),
    (
        "N = {} training samples (JQ's example is MNIST's 55,000 training images, with 5,000 for validation and 10,000 for testing). An iteration (a step) processes one batch and updates the parameters once; an epoch is one pass over the training set.",
        "N = {} 个训练样本 (JQ 课件的例子是 MNIST 的 55,000 张训练图像，另有 5,000 张验证，10,000 张测试)。一次迭代 (一步) 处理一个批次并更新一次参数；一个轮次是把训练集完整过一遍。",
    ),
    (
        "Batches, epochs, iterations · 批次、轮次、迭代",
        "批次、轮次、迭代",
    ),
    // network (parameter counts and shapes)
    ("Layer by layer · 逐层 ({})", "逐层 ({})"),
    ("parameters = {}", "参数个数 = {}"),
    ("weights n_in·n_out", "权重数 n_in·n_out"),
    ("biases n_out", "偏置数 n_out"),
    (
        "Weights {}, biases {}, total {}. The input layer (layer 0) has no parameters.",
        "权重 {} 个，偏置 {} 个，共 {} 个参数。输入层 (第 0 层) 没有参数。",
    ),
    (
        "W(l) in the two notations · 列向量 vs 行向量",
        "两种记号下的 W(l): 列向量 vs 行向量",
    ),
    (
        "column: W(l) out×in, z = W a + b",
        "列向量记号: W(l) 为 输出×输入，z = W a + b",
    ),
    (
        "row: W(l) in×out, z = a W + b",
        "行向量记号: W(l) 为 输入×输出，z = a W + b",
    ),
    ("entry W_ij joins", "元素 W_ij 连接"),
    ("{} values", "{} 个值"),
    (
        "column: unit i ← input j; row: input i → unit j",
        "列向量记号: 单元 i ← 输入 j；行向量记号: 输入 i → 单元 j",
    ),
    (
        "One notation's W is the other's transpose, W_row = W_colᵀ; both hold n_in·n_out numbers, and PKU writes the link as W_ij = w_ji. nn-tutor net accepts either with convention = \"column\" or \"row\".",
        "一种记号的 W 是另一种的转置，W_row = W_colᵀ；两者都有 n_in·n_out 个数，PKU 把这条连接写作 W_ij = w_ji。`nn-tutor net` 两种都接受: `convention = \"column\"` 或 `\"row\"`。",
    ),
    // init
    (
        "Every initial weight of a layer with m = {} inputs is drawn from [{}, {}]. The bound is exact only when m is a perfect square (m = 4 gives 1/2).",
        "输入数为 m = {} 的层，每个初始权重都从 [{}, {}] 中均匀抽取。只有 m 是完全平方数时这个界才是精确值 (m = 4 时为 1/2)。",
    ),
    (
        "Every initial weight of a layer with m = {} inputs is drawn from [{}, {}].",
        "输入数为 m = {} 的层，每个初始权重都从 [{}, {}] 中均匀抽取。",
    ),
    ("bound 1/√m", "界 1/√m"),
    ("variance a²/3 = 1/(3m)", "方差 a²/3 = 1/(3m)"),
    (
        "Uniform U(-a, a) versions, n_in = {}, n_out = {} (Var = a²/3)",
        "均匀分布 U(-a, a) 的形式，n_in = {}，n_out = {} (Var = a²/3)",
    ),
    ("random small", "小随机数"),
    (
        "Xavier keeps Var(z) ≈ Var(a) for tanh-like units (Var W = 2/(n_in + n_out)); He doubles it for ReLU, which zeroes half its inputs (Var W = 2/n_in).",
        "Xavier 让 tanh 一类的单元保持 Var(z) ≈ Var(a) (Var W = 2/(n_in + n_out))；ReLU 会把一半输入变成 0，He 初始化把方差加倍 (Var W = 2/n_in)。",
    ),
    (
        "Standard deviation of the activations through {} square layers of width {}, {} random inputs with unit variance, seed {}",
        "激活值经过 {} 个宽度为 {} 的方阵层后的标准差，{} 个方差为 1 的随机输入，随机种子 {}",
    ),
    (
        "Read down the last column: tiny weights make the signal vanish layer after layer; Xavier keeps tanh alive; He keeps ReLU's spread steady.",
        "看最后一列: 权重太小时信号逐层消失；Xavier 让 tanh 网络保持活跃；He 让 ReLU 网络的分布宽度保持稳定。",
    ),
    // vanishing
    (
        "A stack of {} hidden layers of width {} and a softmax output over {} classes, {} random inputs, one backward pass. δ(l) = f'(z(l)) ⊙ (W(l+1))ᵀ δ(l+1): every layer multiplies the gradient by f'(z) once more, and σ'(z) = σ(z)(1 − σ(z)) ≤ 1/4.",
        "{} 个宽度为 {} 的隐藏层，softmax 输出 {} 个类别，{} 个随机输入，做一次反向传播。δ(l) = f'(z(l)) ⊙ (W(l+1))ᵀ δ(l+1): 每经过一层，梯度就多乘一次 f'(z)，而 σ'(z) = σ(z)(1 − σ(z)) ≤ 1/4。",
    ),
    ("Gradient norm per layer · 每层的梯度范数", "每层的梯度范数"),
    (
        "From the last layer down to layer 1 the sigmoid network's gradient shrinks by a factor {}; the bound (1/4)^{} = {} for {} sigmoid derivatives shows why. With ReLU (f' = 1 where the unit fires) and He initialisation the factor is {}: layer 1 learns about as fast as layer L.",
        "从最后一层到第 1 层，sigmoid 网络的梯度缩小为原来的 {} 倍；{3} 个 sigmoid 导数的上界 (1/4)^{1} = {2} 说明了原因。用 ReLU (单元激活时 f' = 1) 和 He 初始化，这个倍数是 {4}: 第 1 层和第 L 层学得差不多快。",
    ),
    ("Vanishing gradients", "梯度消失"),
    ("÷ layer L, {}", "÷ 第 L 层, {}"),
    (
        "log10 of the norm against layer l",
        "范数的 log10 随层 l 的变化",
    ),
    (
        "The ReLU stack of vanishing/1 with He-normal weights multiplied by {}: each layer now multiplies the signal, and on the way back the gradient, by about {} instead of 1.",
        "vanishing/1 的 ReLU 网络，把 He 正态初始化的权重乘以 {}: 现在每一层把信号 (反向时把梯度) 放大约 {} 倍，而不是 1 倍。",
    ),
    (
        "Backpropagated error per layer · 每层的误差 δ(l) = ∂L/∂z(l)",
        "每层反向传播的误差 δ(l) = ∂L/∂z(l)",
    ),
    (
        "On the way down, δ(l) = f'(z(l)) ⊙ (W(l+1))ᵀ δ(l+1) grows by about the gain per layer: ‖δ(1)‖ is {} times ‖δ(L)‖ (gain^{} = {}). The weight gradients ∂L/∂W(l) = δ(l) a(l−1)ᵀ are all huge: ‖∂L/∂W(1)‖ = {} against {} with plain He weights, so a learning rate that suits He weights throws these weights far away and training blows up.",
        "反向逐层传递时，δ(l) = f'(z(l)) ⊙ (W(l+1))ᵀ δ(l+1) 每层大约放大 gain 倍: ‖δ(1)‖ 是 ‖δ(L)‖ 的 {} 倍 (gain^{} = {})。权重梯度 ∂L/∂W(l) = δ(l) a(l−1)ᵀ 都非常大: ‖∂L/∂W(1)‖ = {}，而普通 He 权重下只有 {}；适合 He 权重的学习率会把这些权重推得很远，训练随之发散。",
    ),
    (
        "On the way down, δ(l) = f'(z(l)) ⊙ (W(l+1))ᵀ δ(l+1) is multiplied by about the gain per layer: ‖δ(1)‖ is {} times ‖δ(L)‖ (gain^{} = {}). With |gain| ≤ 1 nothing explodes: ‖∂L/∂W(1)‖ = {} against {} with plain He weights, and a gain below 1 makes the gradient vanish instead.",
        "反向逐层传递时，δ(l) = f'(z(l)) ⊙ (W(l+1))ᵀ δ(l+1) 每层大约乘以 gain: ‖δ(1)‖ 是 ‖δ(L)‖ 的 {} 倍 (gain^{} = {})。|gain| ≤ 1 时不会爆炸: ‖∂L/∂W(1)‖ = {}，而普通 He 权重下是 {}；gain 小于 1 时梯度反而会消失。",
    ),
    ("Exploding gradients", "梯度爆炸"),
    // dying-relu
    (
        "A 1-1-1 network a = f(w1·x + b1), ŷ = w2·a + b2 with w1 = w2 = 1, b1 = b2 = 0 fits the training set x = 0.5, 1, 1.5, 2 (y = x) exactly. One SGD step on an outlier x = {} with target 0 (error ŷ − y = {}) changes w1 by {} and b1 by {}. Then full-batch gradient descent on the four training samples, α = {}.",
        "1-1-1 网络 a = f(w1·x + b1)，ŷ = w2·a + b2，取 w1 = w2 = 1，b1 = b2 = 0，恰好拟合训练集 x = 0.5, 1, 1.5, 2 (y = x)。在离群点 x = {} (目标 0，误差 ŷ − y = {}) 上做一步 SGD，w1 改变 {}，b1 改变 {}。之后在四个训练样本上做批量梯度下降，α = {}。",
    ),
    (
        "After the outlier step: w1 = {}, b1 = {}, so z = w1·x + b1 < 0 on every training sample.",
        "离群点那一步之后: w1 = {}，b1 = {}，所以在每个训练样本上 z = w1·x + b1 < 0。",
    ),
    ("Epoch by epoch · 逐轮", "逐轮"),
    ("ReLU: max z over the samples", "ReLU: 各样本上 z 的最大值"),
    (
        "Leaky ReLU (γ = {}): max z",
        "Leaky ReLU (γ = {}): z 的最大值",
    ),
    ("ReLU: loss", "ReLU: 损失"),
    ("Leaky: loss", "Leaky: 损失"),
    (
        "After the outlier step: w1 = {}, b1 = {}, so z = w1·x + b1 is still > 0 on some training sample (max z = {}): this outlier is too small to kill the unit.",
        "离群点那一步之后: w1 = {}，b1 = {}，所以在某些训练样本上 z = w1·x + b1 仍然 > 0 (max z = {}): 这个离群点太小，杀不死这个单元。",
    ),
    (
        "ReLU: the unit's gradient is exactly 0 in all {} epochs, because f'(z) = 0 for z < 0 on every sample: nothing can move w1 or b1 again. The unit outputs 0, so ŷ = b2 for every x and only b2 learns; the best it can do is predict the mean of y, a loss of 0.15625. In epoch {} the loss is {}.",
        "ReLU: 这个单元的梯度在全部 {} 轮中都恰好为 0，因为每个样本上 z < 0，f'(z) = 0: w1 和 b1 再也无法改变。这个单元输出 0，所以对每个 x 都有 ŷ = b2，只有 b2 还在学习；它最多只能预测 y 的均值，损失为 0.15625。第 {} 轮的损失是 {}。",
    ),
    (
        "ReLU: the unit is not dead: z > 0 on some sample in some epoch, so its gradient is not always 0 (a larger outlier or learning rate, such as the defaults 5 and 0.15, kills it).",
        "ReLU: 这个单元没有死亡: 某一轮中某个样本上 z > 0，所以它的梯度并不总是 0 (更大的离群点或学习率，例如默认的 5 和 0.15，会让它死亡)。",
    ),
    (
        "Leaky ReLU: f'(z) = 0.1 for z < 0 keeps a gradient, but at α = {} the steps after this outlier are too large: the loss overflows in epoch {}. Try a smaller learning rate.",
        "Leaky ReLU: z < 0 时 f'(z) = 0.1，梯度仍然存在；但 α = {} 时，这个离群点之后的步长太大: 损失在第 {} 轮溢出。请试试更小的学习率。",
    ),
    (
        "Leaky ReLU: loss {} in epoch {}, against ReLU's {}.",
        "Leaky ReLU: 第 {1} 轮的损失是 {0}，ReLU 的是 {2}。",
    ),
    (
        "Leaky ReLU: f'(z) = 0.1 for z < 0 keeps a gradient (‖∂R/∂(w1, b1)‖ = {} in epoch 1), so w1 and b1 go on learning: in epoch {} its loss is {}, below the ReLU network's {}.",
        "Leaky ReLU: z < 0 时 f'(z) = 0.1，梯度仍然存在 (第 1 轮 ‖∂R/∂(w1, b1)‖ = {})，所以 w1 和 b1 继续学习: 第 {} 轮它的损失是 {}，低于 ReLU 网络的 {}。",
    ),
    (
        "Leaky ReLU: f'(z) = 0.1 for z < 0 keeps a gradient (‖∂R/∂(w1, b1)‖ = {} in epoch 1), yet in epoch {} its loss {} is still above the ReLU network's {}: a gradient that does not vanish does not promise a quick recovery from an update this large.",
        "Leaky ReLU: z < 0 时 f'(z) = 0.1，梯度仍然存在 (第 1 轮 ‖∂R/∂(w1, b1)‖ = {})，但第 {} 轮它的损失 {} 仍高于 ReLU 网络的 {}: 梯度不消失，并不保证能从这么大的一次更新中很快恢复。",
    ),
    (
        "The Leaky unit never fires again (max z < 0 in every epoch), and it need not: for z < 0 it passes 0.1·z on, so ŷ = 0.1·w2·(w1·x + b1) + b2 is still a straight line in x that can fit y = x.",
        "Leaky 单元再也没有激活 (每一轮 max z < 0)，而它也不必激活: z < 0 时它输出 0.1·z，所以 ŷ = 0.1·w2·(w1·x + b1) + b2 仍是 x 的一条直线，可以拟合 y = x。",
    ),
    (
        "The Leaky unit fires (max z > 0) in every epoch.",
        "Leaky 单元在每一轮都处于激活状态 (max z > 0)。",
    ),
    (
        "The Leaky unit fires again (max z > 0) in epoch {} and stays active through epoch {}.",
        "Leaky 单元在第 {} 轮重新激活 (max z > 0)，并一直保持激活到第 {} 轮。",
    ),
    (
        "The Leaky unit's max z first crosses 0 in epoch {} but is back below 0 by epoch {} (max z = {}).",
        "Leaky 单元的 max z 在第 {} 轮首次越过 0，但到第 {} 轮又回到 0 以下 (max z = {})。",
    ),
    (
        "With these weights the network does not compute XOR on every input (✗ rows).",
        "用这组权重，网络并不能在每个输入上算出异或 (见 ✗ 行)。",
    ),
    (
        "Largest pre-activation of the hidden unit",
        "隐藏单元的最大净输入",
    ),
    (
        "max z over the training samples, per epoch",
        "每轮训练样本上 z 的最大值",
    ),
    // xor
    (
        "The perceptron on XOR, from w = (0, 0), b = 0",
        "感知器学习异或，从 w = (0, 0)，b = 0 开始",
    ),
    ("XOR", "异或"),
    (
        "The perceptron still makes {} mistake(s) in its last epoch: it never converges on XOR. Trying every line w1 x1 + w2 x2 + b = 0 with w1, w2, b in {} ({} lines), the best classifies {} of 4 points, e.g. {}.",
        "感知器在最后一轮仍有 {} 个错误: 它在异或上永远不会收敛。尝试所有直线 w1 x1 + w2 x2 + b = 0 (w1, w2, b 取自 {}，共 {} 条)，最好的也只能分对 4 个点中的 {} 个，例如 {}。",
    ),
    (
        "Why no line works: (0,1) and (1,0) need w2 + b > 0 and w1 + b > 0, (0,0) needs b ≤ 0, so w1 + w2 + b > -b ≥ 0 puts (1,1) on the positive side too.",
        "为什么没有直线能做到: (0,1) 和 (1,0) 要求 w2 + b > 0 且 w1 + b > 0，(0,0) 要求 b ≤ 0，于是 w1 + w2 + b > -b ≥ 0，(1,1) 也落在正的一侧。",
    ),
    ("All four inputs · 四个输入", "四个输入"),
    (
        "Every output equals x1 XOR x2 exactly. Hidden unit 1 counts the ones (x1 + x2), unit 2 fires only for (1, 1); subtracting twice unit 2 folds the line back down.",
        "每个输出都恰好等于 x1 XOR x2。隐藏单元 1 数出 1 的个数 (x1 + x2)，单元 2 只在 (1, 1) 时激活；减去两倍的单元 2，把折线折回下方。",
    ),
    (
        "Every output equals x1 XOR x2 exactly. No line separates XOR in the input plane (xor/1), but the hidden layer moves the four inputs to the points h above, and there the output wᵀh + b, a linear function of h, is 0, 1, 1, 0.",
        "每个输出都恰好等于 x1 XOR x2。在输入平面上没有直线能分开异或 (xor/1)，但隐藏层把四个输入移到上表中的点 h，在那里输出 wᵀh + b 作为 h 的线性函数依次取 0, 1, 1, 0。",
    ),
    (
        "At the input asked about, x = {}: z = W x + c = {}, h = ReLU(z) = {}, y = wᵀh + b = {}.",
        "在所问的输入 x = {} 处: z = W x + c = {}，h = ReLU(z) = {}，y = wᵀh + b = {}。",
    ),
    (
        "The four points after training · 训练后的预测",
        "训练后的预测",
    ),
    ("network output ŷ", "网络输出 ŷ"),
    ("initial W(l)", "初始 W(l)"),
    (
        "This run did not solve XOR: {} of the 4 points are on the wrong side of 1/2 after 300 epochs. Such weights exist (xor/2), but gradient descent from this start got stuck; another --set seed=…, more hidden units or a larger lr usually finds them.",
        "这次训练没有解决异或: 300 轮之后 4 个点中有 {} 个落在 1/2 的错误一侧。这样的权重是存在的 (xor/2)，但从这个初始值出发的梯度下降卡住了；换一个 --set seed=…、增加隐藏单元或加大 lr 通常就能找到。",
    ),
    (
        "A hidden layer bends the input space so that a line separates the classes: no linear classifier can (xor/1), a hand-set network can (xor/2), and gradient descent finds such weights by itself.",
        "隐藏层把输入空间弯折，使一条直线就能分开两类: 线性分类器做不到 (xor/1)，手工设定的网络可以 (xor/2)，梯度下降也能自己找到这样的权重。",
    ),
    // approximation
    (
        "Target f(x) = sin(πx) on [0, 1]. A 1-n-1 network with hidden ReLUs a_i = relu(x − k_i) (W(1) = 1, b(1)_i = −k_i) and an identity output ŷ = Σ c_i a_i + f(0) is a broken line whose slope changes by c_i at knot k_i = i/n: put the knots on f and it interpolates f. Error measured on {} points.",
        "目标函数 f(x) = sin(πx)，x ∈ [0, 1]。1-n-1 网络，隐藏单元 a_i = relu(x − k_i) (W(1) = 1, b(1)_i = −k_i)，输出层为恒等函数 ŷ = Σ c_i a_i + f(0)，它是一条折线，在结点 k_i = i/n 处斜率改变 c_i: 把结点放在 f 上，折线就对 f 插值。误差在 {} 个点上测量。",
    ),
    (
        "Error against the number of hidden units · 误差与隐藏单元数",
        "误差与隐藏单元数",
    ),
    ("hidden units n", "隐藏单元数 n"),
    ("error × n²", "误差 × n²"),
    ("bound {}", "上界 {}"),
    (
        "Doubling the hidden units divides the error by about 4: enough hidden units make the error as small as we like — the universal approximation theorem, seen on one function.",
        "隐藏单元数加倍，误差大约变为四分之一: 只要隐藏单元足够多，误差就可以任意小——这就是万能逼近定理在一个函数上的体现。",
    ),
    ("Universal approximation", "通用近似"),
    (
        "sin(πx) and the network with {} hidden ReLUs",
        "sin(πx) 与有 {} 个 ReLU 隐藏单元的网络",
    ),
    (
        "log10 max error against log2 n",
        "log10 最大误差随 log2 n 的变化",
    ),
    // training
    (
        "The network table below stores W(l) in JQ's row form (in × out, h(l) = f(h(l−1) W(l) + b(l))); there the same gradient δ(l) a(l−1)ᵀ is written a(l−1)ᵀ δ(l), its transpose.",
        "下面的网络结构表按 JQ 的行向量记号存放 W(l) (输入 × 输出，h(l) = f(h(l−1) W(l) + b(l)))；在那里同一个梯度 δ(l) a(l−1)ᵀ 写作它的转置 a(l−1)ᵀ δ(l)。",
    ),
    (
        "NNDL algorithm 4.1: initialise W, b at random; repeat: reshuffle the training set; for each sample: forward pass, δ(l) by backpropagation, W(l) ← W(l) − α(δ(l) a(l−1)ᵀ + λW(l)), b(l) ← b(l) − αδ(l); until the error on the validation set stops falling. Here: two moons, batch {} (SGD), α = {}.",
        "NNDL 算法 4.1: 随机初始化 W, b；重复: 打乱训练集；对每个样本: 前向传播，用反向传播算 δ(l)，W(l) ← W(l) − α(δ(l) a(l−1)ᵀ + λW(l))，b(l) ← b(l) − αδ(l)；直到验证集上的错误率不再下降。这里: 两个半月形数据，批大小 {} (SGD)，α = {}。",
    ),
    (
        "One sample (x, y) = ({}, {}), the network y = σ(w2 σ(w1 x)) and the squared error L(w1, w2) = (σ(w2 σ(w1 x)) − y)² on the grid w1, w2 ∈ {}.",
        "一个样本 (x, y) = ({}, {})，网络 y = σ(w2 σ(w1 x))，平方误差 L(w1, w2) = (σ(w2 σ(w1 x)) − y)²，在网格 w1, w2 ∈ {} 上计算。",
    ),
    (
        "L(w1, w2) on the grid · 损失曲面",
        "网格上的 L(w1, w2): 损失曲面",
    ),
    ("Non-convexity witness · 非凸的证据", "非凸的证据"),
    ("midpoint M = (P + Q)/2", "中点 M = (P + Q)/2"),
    ("chord (L(P) + L(Q))/2", "弦 (L(P) + L(Q))/2"),
    (
        "A convex function satisfies L((P + Q)/2) ≤ (L(P) + L(Q))/2 for every pair; here the midpoint lies {} above the chord, so L is not convex: gradient descent can stall on plateaus or in local minima (NNDL 非凸优化问题).",
        "凸函数对任意两点都满足 L((P + Q)/2) ≤ (L(P) + L(Q))/2；这里中点比弦高出 {}，所以 L 不是凸函数: 梯度下降可能停在平台区或局部最小值 (NNDL 非凸优化问题)。",
    ),
    (
        "Loss surface L(w1, w2) · 损失曲面 (NNDL 图 4.9)",
        "损失曲面 L(w1, w2) (NNDL 图 4.9)",
    ),
    ("L along the segment from P to Q", "从 P 到 Q 的线段上的 L"),
    ("L(P + t(Q − P)) and the chord", "L(P + t(Q − P)) 与弦"),
    ("L on the segment", "线段上的 L"),
];
