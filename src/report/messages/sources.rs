//! The "Source" lines: which deck and slide an example reproduces. Deck
//! names (PKU, CAL, JQ, MS, NNDL) and the slides' own titles stay as they
//! are; only the English around them is translated.

pub const SOURCES: &[(&str, &str)] = &[
    (
        "PKU deck, 全量梯度下降 (Full GD), 随机梯度下降 (SGD), 小批量梯度下降 (mini-batch GD)",
        "PKU 课件，全量梯度下降、随机梯度下降 (SGD)、小批量梯度下降",
    ),
    (
        "Saito, Deep Learning from Scratch, §3.5: the scores (0.3, 2.9, 4.0) and the subtract-the-max guard (neither is in the JQ text)",
        "斋藤康毅《深度学习入门》§3.5: 分数 (0.3, 2.9, 4.0) 和减去最大值的防溢出写法 (JQ 课件的文字中都没有)",
    ),
    (
        "CS231n (Stanford), notes 'Backpropagation, Intuitions': the sigmoid example w = (2, -3, -3), x = (-1, -2), whose numbers these are",
        "CS231n (斯坦福) 课程讲义中反向传播的直观讲解: sigmoid 例子 w = (2, -3, -3), x = (-1, -2)，这里的数值取自该例",
    ),
    (
        "JQ deck, Batch、epoch、迭代 (举例): MNIST with batch 100 and a validation split; here the same steps on the 8×8 digits with batch 32",
        "JQ 课件，Batch、epoch、迭代 (举例): MNIST，batch 为 100，另分出验证集；这里在 8×8 手写数字上按同样的步骤进行，batch 为 32",
    ),
    ("{} deck, {}", "{} 课件，{}"),
    ("{} deck: {}", "{} 课件: {}"),
    ("{} deck", "{} 课件"),
    ("MS deck §{}: {}", "MS 课件 §{}: {}"),
    (
        "PKU deck, 反向传播 例1: f(x, y, z) = (x + y)z at {}",
        "PKU 课件，反向传播 例1: f(x, y, z) = (x + y)z，取 {}",
    ),
    (
        "NNDL, 计算图 table: f(x; w, b) = 1/(exp(-(wx + b)) + 1) at {}",
        "NNDL, 计算图中的表格: f(x; w, b) = 1/(exp(-(wx + b)) + 1)，取 {}",
    ),
    (
        "PKU deck, 反向传播 figures (the staged sigmoid neuron they follow)",
        "PKU 课件，反向传播的示意图 (图中逐步拆开的 sigmoid 神经元)",
    ),
    (
        "PKU deck, 常见操作的反向传播: add gate, mul gate, copy gate, max gate",
        "PKU 课件，常见操作的反向传播: 加法门、乘法门、复制门、max 门",
    ),
    (
        "CAL deck, 反向传播算法: ∂Loss/∂w^2_(0,0) = ∂Loss/∂g(u2) · ∂g(u2)/∂u2 · ∂u2/∂w^2_(0,0), and the five-factor chain of ∂Loss/∂w^1_(0,0)",
        "CAL 课件，反向传播算法: ∂Loss/∂w^2_(0,0) = ∂Loss/∂g(u2) · ∂g(u2)/∂u2 · ∂u2/∂w^2_(0,0)，以及 ∂Loss/∂w^1_(0,0) 的五个因子的链",
    ),
    (
        "CAL deck, 梯度下降算法 – 学习率: too low converges slowly, too high oscillates past the minimum",
        "CAL 课件，梯度下降算法 – 学习率: 太小收敛慢，太大会在最小值两侧来回振荡",
    ),
    (
        "JQ deck, Batch、epoch、迭代: 55,000 training images, batch-size 100, 550 steps (indices 0-549) per epoch",
        "JQ 课件，Batch、epoch、迭代: 55,000 张训练图像，批大小 100，每轮 550 步 (编号 0-549)",
    ),
    (
        "JQ deck, 神经网络-权重weight: W 为 m×n (m 前一层, n 本层)",
        "JQ 课件，神经网络-权重: W 为 m×n (m 前一层, n 本层)",
    ),
    (
        "NNDL, 死亡ReLU问题: after one bad update a hidden ReLU is inactive on every training sample, its gradient stays 0; Leaky ReLU is the remedy",
        "NNDL, 死亡ReLU问题: 一次不好的更新之后，隐藏层的 ReLU 在所有训练样本上都不激活，梯度一直为 0；Leaky ReLU 可以解决",
    ),
    (
        "PKU deck, 万能逼近定理: one hidden layer with enough units approximates any continuous function",
        "PKU 课件，万能逼近定理: 只要单元足够多，一个隐藏层就能逼近任意连续函数",
    ),
    (
        "JQ deck, 验证集 and early stopping",
        "JQ 课件，验证集与提前停止",
    ),
    (
        "CAL deck, 训练流程 steps 1-6",
        "CAL 课件，训练流程 第 1-6 步",
    ),
    (
        "NNDL, 常见激活函数及其导数 (table: Logistic, Tanh, ReLU, ELU, SoftPlus)",
        "NNDL, 常见激活函数及其导数 (表: Logistic, Tanh, ReLU, ELU, SoftPlus)",
    ),
    (
        "NNDL, 常见激活函数(ReLU函数的改进): LeakyReLU, PReLU_i, ELU",
        "NNDL, 常见激活函数(ReLU函数的改进): Leaky ReLU, PReLU_i, ELU",
    ),
    (
        "NNDL, 前馈神经网络能否解决XOR问题? (a two-layer network)",
        "NNDL, 前馈神经网络能否解决XOR问题? (两层网络)",
    ),
    (
        "NNDL, 梯度消失问题: y = f5(f4(f3(f2(f1(x))))), each σ' ≤ 1/4",
        "NNDL, 梯度消失问题: y = f5(f4(f3(f2(f1(x))))), 每个 σ' ≤ 1/4",
    ),
    (
        "CAL deck, 前向传播算法: the 2-2-1 network (x_j^2 = f(Σ_i w_ij^1 x_i^1 + b_j^1))",
        "CAL 课件，前向传播算法: 2-2-1 网络 (x_j^2 = f(Σ_i w_ij^1 x_i^1 + b_j^1))",
    ),
    (
        "NNDL, 静态计算图和动态计算图 (Theano/TensorFlow against DyNet/Chainer/PyTorch)",
        "NNDL, 静态计算图和动态计算图 (Theano/TensorFlow 与 DyNet/Chainer/PyTorch)",
    ),
    (
        "UCI optical digits (8×8; Alpaydin & Kaynak), shipped in data/digits.csv from scikit-learn's copy",
        "UCI 手写数字 (8×8；Alpaydin & Kaynak)，随项目附于 data/digits.csv，取自 scikit-learn 的副本",
    ),
];
