//! The training report (`src/report/train.rs`, `src/train/`): what
//! `nn-tutor train` and the training examples print.

pub const TRAIN: &[(&str, &str)] = &[
    ("training samples N", "训练样本数 N"),
    ("batch size B", "批大小 B"),
    ("iterations per epoch", "每轮迭代次数"),
    ("size of the last batch", "最后一批的大小"),
    ("iterations indexed", "迭代编号"),
    ("{} in every epoch", "每轮都是 {}"),
    ("parameters kept (epoch {})", "保留的参数（第 {} 轮）"),
    ("iterations", "迭代次数"),
    ("epochs asked", "要求的轮次"),
    ("iterations in all", "迭代总次数"),
    (
        "epochs run × iterations per epoch",
        "实际运行的轮次 × 每轮迭代次数",
    ),
    (
        "B divides N, so every iteration sees exactly {} sample.",
        "B 整除 N，所以每次迭代恰好用 {} 个样本。",
    ),
    (
        "B divides N, so every iteration sees exactly {} samples.",
        "B 整除 N，所以每次迭代恰好用 {} 个样本。",
    ),
    (
        "B does not divide N: the last iteration of each epoch uses the {} samples that are left, and its gradient is their mean (divided by {}, not {}), so every sample is seen once per epoch. The samples left over change from epoch to epoch because the order is reshuffled.",
        "B 不整除 N: 每轮最后一次迭代用剩下的 {} 个样本，梯度取它们的平均 (除以 {} 而不是 {})，所以每个样本每轮恰好用到一次。由于每轮都重新打乱顺序，剩下的是哪些样本每轮都不同。",
    ),
    ("Training on {}", "在 {} 上训练"),
    (
        "MNIST IDX files in {} ({} images of {}×{} pixels; pixels divided by 255)",
        "{} 中的 MNIST IDX 文件 ({} 张 {}×{} 像素的图像；像素值除以 255)",
    ),
    (
        "the same command with --plot loss.svg to draw the loss curves",
        "同一条命令加上 --plot loss.svg，画出损失曲线",
    ),
    (
        "--val 0.2 --early-stopping 5 to hold out data and stop in time",
        "--val 0.2 --early-stopping 5: 留出验证数据并及时停止",
    ),
    (
        "synthetic MNIST-shaped data: {} samples of 784 uniform pixels, random labels 0-9 (nothing to learn: it measures speed)",
        "合成的 MNIST 形状数据: {} 个样本，每个 784 个均匀分布的像素，随机标签 0-9 (没有可学的规律: 只用来测速度)",
    ),
    (
        "Data · 数据: {}. {} training samples (训练集), {} validation (验证集), {} test (测试集); {} inputs, {} classes. Seed {}; {} numbers.",
        "数据: {}。训练集 {} 个样本，验证集 {} 个，测试集 {} 个；{} 个输入，{} 个类别。随机种子 {}；数值类型 {}。",
    ),
    (
        "Data · 数据: {}. {} training samples (训练集), {} validation (验证集), {} test (测试集); {} inputs. Seed {}; {} numbers.",
        "数据: {}。训练集 {} 个样本，验证集 {} 个，测试集 {} 个；{} 个输入。随机种子 {}；数值类型 {}。",
    ),
    (
        "the four XOR points (NNDL, PKU)",
        "异或的四个点 (NNDL, PKU)",
    ),
    (
        "{}, {} points, generated from the seed",
        "{}，共 {} 个点，由随机种子生成",
    ),
    ("two noisy concentric circles", "两个带噪声的同心圆"),
    ("two interleaving half moons", "两个交错的半月形"),
    ("three interleaved spirals", "三条交错的螺旋线"),
    ("three Gaussian blobs", "三团高斯分布的点"),
    (
        "UCI Optical Recognition of Handwritten Digits (Alpaydin & Kaynak, 1998; 1,797 images of 8×8 pixels, values 0-16), shipped in data/digits.csv from scikit-learn's copy; pixels divided by 16",
        "UCI 手写数字光学识别数据集 (Alpaydin & Kaynak, 1998；1,797 张 8×8 像素的图像，取值 0-16)，随项目附于 data/digits.csv，取自 scikit-learn 的副本；像素值除以 16",
    ),
    (
        "Fisher's iris (1936; 150 flowers, 4 measurements in cm, 3 species), scikit-learn's copy, shipped in data/iris.csv",
        "Fisher 鸢尾花数据集 (1936；150 朵花，4 项以厘米计的测量，3 个品种)，scikit-learn 的副本，随项目附于 data/iris.csv",
    ),
    (
        "Network · 网络结构 (row convention: h(l) = f(h(l−1) W(l) + b(l)))",
        "网络结构 (行向量记号: h(l) = f(h(l−1) W(l) + b(l)))",
    ),
    ("full-batch gradient descent · 批量梯度下降", "批量梯度下降"),
    (
        "stochastic gradient descent (SGD) · 随机梯度下降",
        "随机梯度下降 (SGD)",
    ),
    ("mini-batch SGD · 小批量梯度下降", "小批量梯度下降"),
    (
        "Loss · 损失函数: {}; learning rate · 学习率 {}; samples reshuffled every epoch.",
        "损失函数: {}；学习率 {}；每轮重新打乱样本顺序。",
    ),
    (
        "Loss · 损失函数: {}; learning rate · 学习率 {}; samples in their stored order.",
        "损失函数: {}；学习率 {}；样本按存储顺序使用。",
    ),
    (
        "Per epoch · 每轮 (training loss: mean over the epoch's batches; gradient norms: the epoch's last iteration)",
        "每轮 (训练损失: 该轮各批损失的平均；梯度范数: 该轮最后一次迭代)",
    ),
    (
        "Per epoch · 每轮 (training loss: mean over the epoch's batches; gradient norms: the epoch's last iteration; one row every {} epochs, with the first, the kept and the last)",
        "每轮 (训练损失: 该轮各批损失的平均；梯度范数: 该轮最后一次迭代；每 {} 轮列一行，另加第一轮、保留的一轮和最后一轮)",
    ),
    ("loss (train)", "损失 (训练)"),
    ("accuracy (train)", "准确率 (训练)"),
    ("loss (val)", "损失 (验证)"),
    ("accuracy (val)", "准确率 (验证)"),
    ("true \\ predicted", "真实 \\ 预测"),
    (
        "Early stopping · 提前停止: the validation loss did not improve for {} epochs after epoch {}, so training stopped after epoch {} and the parameters of epoch {} were kept.",
        "提前停止: 第 {1} 轮之后验证损失连续 {0} 轮没有下降，所以训练在第 {2} 轮后停止，保留第 {3} 轮的参数。",
    ),
    (
        "Early stopping · 提前停止 (patience {}) never triggered; the parameters of epoch {}, the lowest validation loss, were kept.",
        "提前停止 (耐心值 {}) 没有触发；保留验证损失最低的第 {} 轮的参数。",
    ),
    (
        "On the test set: loss {}, accuracy {}.",
        "测试集上: 损失 {}，准确率 {}。",
    ),
    (
        "On the validation set: loss {}, accuracy {}.",
        "验证集上: 损失 {}，准确率 {}。",
    ),
    (
        "On the training set: loss {}, accuracy {}.",
        "训练集上: 损失 {}，准确率 {}。",
    ),
    ("On the test set: loss {}.", "测试集上: 损失 {}。"),
    ("On the validation set: loss {}.", "验证集上: 损失 {}。"),
    ("On the training set: loss {}.", "训练集上: 损失 {}。"),
    (
        "Confusion matrix · 混淆矩阵 (test set)",
        "混淆矩阵 (测试集)",
    ),
    (
        "Confusion matrix · 混淆矩阵 (validation set)",
        "混淆矩阵 (验证集)",
    ),
    (
        "Confusion matrix · 混淆矩阵 (training set)",
        "混淆矩阵 (训练集)",
    ),
    ("Loss per epoch · 损失曲线", "损失曲线"),
    ("loss against epoch", "损失随轮次的变化"),
    ("training loss (mean over the epoch)", "训练损失 (该轮平均)"),
    ("validation loss", "验证损失"),
];
