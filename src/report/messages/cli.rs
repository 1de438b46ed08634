//! The command line's own words in Chinese: its help (`HELP`, whole texts
//! and paragraphs, looked up literally) and its error messages (`ERRORS`,
//! templates as in the report tables: one per error variant, and the
//! messages the commands build; the details inside them are in
//! `errors::DETAILS`). Kept apart from [`super::MESSAGES`], so
//! that a general error template such as `{}: {}` never touches a report.
//! `nn-tutor --lang zh` and `NN_TUTOR_LANG=zh` use them.

/// `--help`: every about, argument help and paragraph of the text after
/// the options (a paragraph is looked up with its lines joined by spaces;
/// indented lines, the example commands and TOML, stay as written). A `{}`
/// stands for a list the help reads from a table (activations, losses, the
/// op table's functions); the Chinese gets the same list, `、` between items.
pub const HELP: &[(&str, &str)] = &[
    (
        "Recompute the worked examples of an introductory neural-network course step by step: every intermediate value, local and upstream gradient, exactly where the math allows.",
        "逐步重算神经网络入门课程的例题: 每个中间值、局部梯度和上游梯度，数学允许时给出精确值。",
    ),
    ("Examples:", "示例:"),
    ("Example:", "示例:"),
    (
        "List the worked examples (all, or one topic's)",
        "列出例题 (全部，或一个主题的)",
    ),
    ("Only this topic", "只列这个主题"),
    ("Output format", "输出格式"),
    ("Tables for a terminal (the default)", "终端表格 (默认)"),
    (
        "GitHub-flavoured Markdown with LaTeX formulas in `$…$`",
        "GitHub 风格的 Markdown，公式用 LaTeX 写在 `$…$` 中",
    ),
    (
        "A LaTeX fragment (tabular environments and display math)",
        "LaTeX 片段 (tabular 环境和行间公式)",
    ),
    (
        "One JSON object: id, title, sources, inputs, results, blocks",
        "一个 JSON 对象: id、title、sources、inputs、results、blocks",
    ),
    (
        "Language of the report's words: en, or zh (Chinese, with the decks' terms)",
        "报告的语言: en，或 zh (中文，用课件的术语)；默认取环境变量 NN_TUTOR_LANG",
    ),
    ("English (the default)", "英文 (默认)"),
    ("Chinese, with the decks' terms", "中文，用课件的术语"),
    (
        "Recompute one worked example step by step",
        "逐步重算一道例题",
    ),
    (
        "The topic (see `nn-tutor list`)",
        "主题 (见 `nn-tutor list`)",
    ),
    (
        "Which example of the topic; without it, the topic's examples are listed",
        "主题中的第几个例题；不给出时列出该主题的例题",
    ),
    (
        "Change an input: NAME=VALUE, e.g. x=3, w=1/2 or b=0.15 (exact). Repeat the flag or separate with commas",
        "修改输入: 名称=值，例如 x=3、w=1/2 或 b=0.15 (精确值)。可重复这个选项，或用逗号分隔",
    ),
    (
        "Also write the example's plot (activation curves, softmax bars) as SVG",
        "同时把例题的图 (激活函数曲线、softmax 柱状图) 写成 SVG",
    ),
    (
        "Overwrite the --plot file if it exists",
        "--plot 的文件已存在时覆盖它",
    ),
    (
        "Replay the example rounding every intermediate to D decimals, as by hand, and show each exact value beside the replay and the drift (every example computed by hand; integer counts say rounding changes nothing; training runs have no hand computation to replay)",
        "像手算一样把每个中间值舍入到 D 位小数重算例题，并把精确值、重算值和偏差并列 (适用于所有手算例题；整数计数的例题会说明舍入不改变结果；训练过程没有可重演的手算)",
    ),
    (
        "Compute in floating point (f64) instead of exact rationals",
        "用浮点数 (f64) 计算，而不是精确有理数",
    ),
    (
        "Significant digits of rounded values (1-17)",
        "舍入值的有效数字位数 (1-17)",
    ),
    (
        "Differentiate your own expression by reverse-mode autodiff",
        "用反向模式自动微分求你自己写的表达式的导数",
    ),
    (
        "The language: + - * / ^, unary minus, parentheses, numbers (3, 0.15, 1/4), names, and the functions {} (log is the natural log). Name steps with `;` or newlines: `q = x + y; f = q * z`. The last step is the output (named f if unnamed). -x^2 means -(x^2); 2^3^2 means 2^(3^2).",
        "表达式语言: + - * / ^、一元负号、括号、数 (3、0.15、1/4)、变量名，以及函数 {} (log 是自然对数)。用 `;` 或换行给中间步骤命名: `q = x + y; f = q * z`。最后一步是输出 (没有名字时叫 f)。-x^2 表示 -(x^2)；2^3^2 表示 2^(3^2)。",
    ),
    (
        "The expression or program, e.g. \"q = x + y; f = q * z\"; `-` reads it from stdin. It may begin with a minus: \"-x^2\"",
        "表达式或程序，例如 \"q = x + y; f = q * z\"；`-` 表示从标准输入读取。可以以负号开头: \"-x^2\"",
    ),
    (
        "Values of the variables: NAME=VALUE, comma-separated or repeated",
        "变量的值: 名称=值，用逗号分隔或重复给出",
    ),
    (
        "Also show, for every variable, the chain of local gradients along each path",
        "同时给出每个变量沿每条路径的局部梯度链",
    ),
    (
        "Print only the diagram of the graph: text, dot (Graphviz) or svg",
        "只输出计算图: text、dot (Graphviz) 或 svg",
    ),
    (
        "Trace a network you write in a TOML file: z, a, δ and every gradient, layer by layer",
        "逐层追踪你在 TOML 文件中写的网络: z、a、δ 和每个梯度",
    ),
    (
        "Every layer is printed as the slides derive it: z(l) = W(l) a(l-1) + b(l), a(l) = f(z(l)), then δ(l) = ∂L/∂z(l) from the output down, ∂L/∂W(l) = δ(l) a(l-1)ᵀ, ∂L/∂b(l) = δ(l), each gradient beside a finite-difference check, and, with a learning rate, the updated W and b. Numbers are exact (0.25 is 1/4) until a sigmoid, tanh, softmax or ln makes them rounded.",
        "每一层都按课件的推导输出: z(l) = W(l) a(l-1) + b(l)，a(l) = f(z(l))，再从输出层往下求 δ(l) = ∂L/∂z(l)、∂L/∂W(l) = δ(l) a(l-1)ᵀ、∂L/∂b(l) = δ(l)，每个梯度旁边附有限差分检验；给出学习率时还有更新后的 W 和 b。数值是精确的 (0.25 即 1/4)，直到 sigmoid、tanh、softmax 或 ln 使它们成为近似值。",
    ),
    (
        "Show the forward pass only (z and a, layer by layer), even when the spec has a target and a loss",
        "只给出前向传播 (逐层的 z 和 a)，即使网络描述中有 target 和 loss",
    ),
    ("A spec (TOML):", "网络描述 (TOML):"),
    (
        "The spec file (TOML), e.g. spec.toml; see the example below",
        "网络描述文件 (TOML)，例如 spec.toml；见下面的示例",
    ),
    (
        "Exercise sheets (习题) with answer keys: an example's inputs drawn from its ranges",
        "习题和参考答案: 从例题的取值范围中抽取输入",
    ),
    (
        "Each problem is a worked example with inputs drawn from its ranges (small integers and simple fractions, so the arithmetic can be done by hand); draws on a kink or with every gradient zero are redrawn. The key is the example's own report: the same as `nn-tutor explain … --set` with the problem's inputs. The sheet prints its seed and the command that regenerates it.",
        "每道题是一道例题，输入从它的取值范围中抽取 (小整数和简单分数，便于手算)；落在不可导点上或所有梯度为零的抽取会重抽。参考答案就是例题自己的报告: 与用这道题的输入运行 `nn-tutor explain … --set` 相同。习题上印有随机种子和重新生成它的命令。",
    ),
    (
        "The topic (see `nn-tutor list`); without --example, every example of the topic that has exercise ranges",
        "主题 (见 `nn-tutor list`)；不给 --example 时，取该主题中所有有习题取值范围的例题",
    ),
    ("Which example of the topic", "主题中的第几个例题"),
    (
        "Ask for these quantities instead of the example's choice (names as in the key, comma-separated; one example only), e.g. --find f,df/dx",
        "改为求这些量, 而不是例题默认的那些 (名称与答案中一致, 逗号分隔; 仅限单个例题), 例如 --find f,df/dx",
    ),
    (
        "Print how many distinct problems each example's ranges give, and stop",
        "列出每个例题的取值范围能给出多少道不同的题, 然后结束",
    ),
    (
        "One sheet across every example that has exercise ranges",
        "一份习题，覆盖所有有习题取值范围的例题",
    ),
    (
        "Seed of the draw: the same seed gives the same sheet on every machine",
        "抽取的随机种子: 同一个种子在任何机器上给出同一份习题",
    ),
    (
        "Problems per example (at most 50; more are capped with a note)",
        "每个例题的题数 (最多 50；更多时截为 50 并给出提示)",
    ),
    (
        "The key lists each asked quantity and its value, without the worked steps",
        "参考答案只列出所求各量及其值, 不含完整步骤",
    ),
    (
        "A printable exam in LaTeX (exam.cls): name and ID line, a point per asked quantity, answer lines; with --key or --key-out the key fills them in and adds the worked steps as solutions",
        "可打印的 LaTeX 试卷 (exam.cls): 姓名和学号栏, 每个所求量 1 分, 答题线; 加 --key 或 --key-out 时参考答案填入答题线, 并附完整步骤作为解答",
    ),
    (
        "Append the answer key (every result and the full step tables)",
        "附上参考答案 (每个结果和完整的步骤表)",
    ),
    (
        "Write the answer key to this file instead (the sheet goes to stdout or --out)",
        "把参考答案写到这个文件 (习题写到标准输出或 --out)",
    ),
    (
        "Write the sheet to this file instead of standard output",
        "把习题写到这个文件，而不是标准输出",
    ),
    (
        "Write the sheet to this file instead of standard output (with --roster, the class folder; with --format qti, the zip)",
        "把习题写到这个文件，而不是标准输出 (用 --roster 时是全班的文件夹；用 --format qti 时是 zip 文件)",
    ),
    (
        "Grade a class folder made by `exercise --roster`: every student's answers.toml against the manifest's problems, into a gradebook and a class report",
        "批改 `exercise --roster` 生成的全班文件夹: 按 manifest 中的题目批改每个学生的 answers.toml，生成成绩册和全班报告",
    ),
    (
        "The class folder (with manifest.json), as `exercise --roster … --out DIR` wrote it",
        "全班文件夹 (含 manifest.json)，即 `exercise --roster … --out DIR` 写出的文件夹",
    ),
    (
        "Writes DIR/gradebook.csv (id, total, max, one score per problem, status), DIR/gradebook.json (per quantity: verdict code, slip code, the student's value, the expected value, points), DIR/report.md (the class report also printed here: per quantity the share right and the most frequent slips) and, in each student's folder, Gradescope's results.json. Nothing else is written. The policy is the manifest's \"policy\", then --policy FILE, then the flags; a student's own [policy] or tolerance is ignored. An answers file that is missing, not a file, over 1 MiB, not UTF-8, not TOML or a link out of DIR is listed, scores 0, and the others are graded.",
        "写出 DIR/gradebook.csv (id、总分、满分、每题得分、状态)、DIR/gradebook.json (每个量: 判定代码、错误代码、学生的值、正确值、得分)、DIR/report.md (也在这里打印的全班报告: 每个量答对的比例和最常见的错误)，并在每个学生的文件夹中写出 Gradescope 的 results.json。不写其他任何文件。评分规则依次取 manifest 的 \"policy\"、--policy FILE、命令行选项；学生自己写的 [policy] 或 tolerance 一律忽略。缺失、不是文件、超过 1 MiB、不是 UTF-8、不是 TOML 或链接到 DIR 之外的答案文件会被列出并记 0 分，其他学生照常批改。",
    ),
    (
        "Exit status: 0 when the class was graded (whatever the scores), 2 when DIR or its manifest cannot be used or a flag is wrong, 1 when an output cannot be written.",
        "退出状态: 全班批改完成时为 0 (无论得分如何)；DIR 或其 manifest 无法使用或选项有误时为 2；输出文件无法写入时为 1。",
    ),
    (
        "Moodle GIFT: one numerical question per asked quantity",
        "Moodle GIFT: 每个要求的量一道数值题",
    ),
    (
        "Canvas QTI 1.2 quiz package (a zip; needs --out)",
        "Canvas QTI 1.2 测验包 (zip 文件；需要 --out)",
    ),
    (
        "A class roster (CSV with an `id` column): with --out DIR, write a sheet, key and answers template for every student into `DIR/<id>/` and DIR/manifest.json. A student's seed is the 64-bit FNV-1a hash of \"S:id\" (S the --seed) shifted right by 11 bits, so `exercise … --seed N` reprints a student's sheet",
        "全班名单 (带 `id` 列的 CSV): 配合 --out DIR，为每个学生在 DIR/<id>/ 中写出习题、答案和答题模板，并写出 DIR/manifest.json。学生的种子是 \"S:id\" (S 为 --seed) 的 64 位 FNV-1a 哈希右移 11 位，所以 `exercise … --seed N` 能重新生成该学生的习题",
    ),
    (
        "Overwrite --out and --key-out files that exist",
        "覆盖已存在的 --out 和 --key-out 文件",
    ),
    (
        "Markdown with LaTeX formulas in `$…$` (the default)",
        "Markdown，公式用 LaTeX 写在 `$…$` 中 (默认)",
    ),
    (
        "A complete LaTeX document for pdflatex (with --lang zh, also CJKutf8)",
        "完整的 LaTeX 文档，用 pdflatex 编译 (--lang zh 时还用 CJKutf8)",
    ),
    (
        "One JSON object for autograders: seed, problems, inputs, results",
        "供自动评分用的一个 JSON 对象: seed、problems、inputs、results",
    ),
    (
        "Language of the sheet and its key: en, or zh (Chinese, with the decks' terms)",
        "习题和答案的语言: en，或 zh (中文，用课件的术语)；默认取环境变量 NN_TUTOR_LANG",
    ),
    (
        "Check your answers (to an example, a sheet, a graph or a net): each right, wrong or unanswered, the first wrong step, the likely slip, a score",
        "核对你的答案 (例题、整张习题、计算图或网络): 每个量对、错或未作答，第一个出错的步骤，可能的错误，以及得分",
    ),
    (
        "Grades every quantity the problem asks: right, wrong (with the likely slip), unanswered or unknown, with points and a score. By default a value is right as the sheet asks: the exact value, or the value rounded to 4 or more decimals, also when every step was rounded to 4 places; the policy flags (or a [policy] table) change that.",
        "逐个评判题目要求的每个量: 对、错 (并指出可能的错误)、未作答或未知，并给出得分和总分。默认按习题的要求判对: 精确值，或四舍五入到至少 4 位小数的值 (每一步都舍入到 4 位小数得到的值也算对)；评分策略选项 (或 [policy] 表) 可以改变这一规则。",
    ),
    (
        "An answers file that names its sheet (`exercise --roster` writes one per student) is checked alone: `nn-tutor check answers.toml` grades each [[problem]] with its own inputs. Otherwise give the topic, --example and the --set of your sheet, and write one line per quantity:",
        "注明了所属习题的答案文件 (`exercise --roster` 为每个学生写一份) 可以单独核对: `nn-tutor check answers.toml` 用每个 [[problem]] 自己的输入逐题评分。否则请给出主题、--example 和习题上的 --set，并每个量写一行:",
    ),
    (
        "Exit status: 0 when every asked quantity is answered and right, 1 when one is wrong, unanswered or unknown, 2 for an unusable file or flag.",
        "退出状态: 要求的每个量都已作答且正确为 0，有答错、未作答或未知的量为 1，文件或选项无法使用为 2。",
    ),
    (
        "The answers file; or the topic (see `nn-tutor list`, `backprop/1` names an example too) and then the answers file",
        "答案文件；或者先写主题 (见 `nn-tutor list`，`backprop/1` 也可指定例题)，再写答案文件",
    ),
    ("The answers file, after a topic", "答案文件，写在主题之后"),
    (
        "Check against this program of the expression language (as `nn-tutor graph`)",
        "按这个表达式语言程序核对 (与 `nn-tutor graph` 相同)",
    ),
    (
        "The values of the program's variables (with --expr): NAME=VALUE, comma-separated",
        "程序中变量的值 (与 --expr 一起用): 名称=值，用逗号分隔",
    ),
    (
        "Check against the network of this spec file (as `nn-tutor net`)",
        "按这个网络描述文件中的网络核对 (与 `nn-tutor net` 相同)",
    ),
    (
        "Right: the exact value or the value rounded to at least D decimals (default 4, as the sheet says)",
        "判对: 精确值，或四舍五入到至少 D 位小数的值 (默认 4，与习题的要求相同)",
    ),
    (
        "Right: the exact value or the value rounded to at least S significant figures",
        "判对: 精确值，或四舍五入到至少 S 位有效数字的值",
    ),
    (
        "Also right within ± T, e.g. 0.01",
        "在 ± T 之内也算对，例如 0.01",
    ),
    (
        "Also right within this fraction of the value, e.g. 0.01 for 1 %",
        "与正确值相差不超过它的这个比例也算对，例如 0.01 表示 1 %",
    ),
    (
        "Also right: the value with every step rounded to D decimals (as `explain --round-each D`)",
        "也算对: 每一步都四舍五入到 D 位小数得到的值 (与 `explain --round-each D` 相同)",
    ),
    (
        "Also right: a value computed correctly from your own earlier (wrong) values",
        "也算对: 由你自己前面 (算错) 的值正确算出的值",
    ),
    ("Points per quantity (default 1)", "每个量的分值 (默认 1)"),
    (
        "Points of particular quantities: NAME=P, comma-separated",
        "指定某些量的分值: 名称=分值，用逗号分隔",
    ),
    (
        "A TOML file with a `[policy]` table (the flags override its keys)",
        "含 [policy] 表的 TOML 文件 (命令行选项覆盖其中的同名键)",
    ),
    (
        "The inputs of your problem, as on the sheet: NAME=VALUE, comma-separated",
        "你那道题的输入，与习题上相同: 名称=值，用逗号分隔",
    ),
    (
        "Build the companion book (HTML, offline) from `book/`",
        "从 `book/` 生成配套教材 (HTML，可离线阅读)",
    ),
    (
        "Build the HTML book: every worked example, figure and formula is generated now. The output replaces DIR only if the build succeeds",
        "生成 HTML 教材: 每道例题、每幅图和每个公式都在此时生成。只有生成成功时输出才会替换 DIR",
    ),
    (
        "The book's sources (the directory with book.toml)",
        "教材的源文件 (含 book.toml 的目录)",
    ),
    (
        "Where to write the HTML (default: BOOK/build)",
        "HTML 的输出位置 (默认: BOOK/build)",
    ),
    (
        "Print exact fractions whole even past 12 digits (by default a longer one is shown as its decimal; JSON always has it whole)",
        "精确分数超过 12 位时也完整输出 (默认时更长的分数显示为它的小数；JSON 总是给出完整的分数)",
    ),
    (
        "Fit tables and text to N columns (default: the terminal's width, else $COLUMNS; with neither, as in a pipe, lines are left whole)",
        "把表格和文字排进 N 列（默认：终端的宽度，其次 $COLUMNS；两者都没有时，例如管道输出，行保持完整）",
    ),
    (
        "Every column (inputs, sources) however wide the terminal",
        "显示所有列（输入、出处），不管终端多宽",
    ),
    (
        "Replace --out even if it is not a previous build of the book",
        "即使 --out 不是之前生成的教材也替换它",
    ),
    (
        "The edition: en, or zh (Chinese, from BOOK/src-zh; by default written into the English one's zh/ folder, where the two link to each other)",
        "版本：en，或 zh（中文版，源文件在 BOOK/src-zh；默认写入英文版的 zh/ 目录，两版互相链接）",
    ),
    (
        "mdBook's preprocessor protocol, for a plain `mdbook build`/`serve`",
        "mdBook 的预处理器协议，供直接运行 `mdbook build`/`serve` 时使用",
    ),
    (
        "`supports RENDERER`, or nothing (book as JSON on stdin)",
        "`supports RENDERER`，或不给 (从标准输入读取 JSON 格式的书)",
    ),
    (
        "Train a network on a data set and watch the loss, epoch by epoch",
        "在数据集上训练网络，逐轮观察损失",
    ),
    (
        "Trains a dense network with mini-batch SGD (JQ: batch, epoch, iteration; NNDL algorithm 4.1; CAL training flow) and prints what happened: the network, the iteration arithmetic (⌈N/B⌉ iterations per epoch and the size of the last, partial batch), one row per epoch (loss, accuracy, validation loss, gradient norm of every layer) and a confusion matrix. The same --seed gives the same numbers. Nothing is downloaded: digits and iris are bundled, MNIST is read from IDX files you already have.",
        "用小批量随机梯度下降训练全连接网络 (JQ: 批、轮次、迭代；NNDL 算法 4.1；CAL 训练流程)，并输出训练过程: 网络结构、迭代次数的算法 (每轮 ⌈N/B⌉ 次迭代，以及最后一个不满的批的大小)、每轮一行 (损失、准确率、验证集损失、每层的梯度范数) 和混淆矩阵。同一个 --seed 给出同样的数。不下载任何东西: digits 和 iris 已内置，MNIST 从你已有的 IDX 文件读取。",
    ),
    (
        "Data (--data): xor, circles, moons, spirals, blobs (seeded; --samples N), digits (UCI 8×8 handwritten digits, 1,797 images), iris, synthetic-mnist (784 random pixels, random labels: for timing), mnist:DIR (a folder with train-images-idx3-ubyte, train-labels-idx1-ubyte and optionally the t10k pair).",
        "数据 (--data): xor、circles、moons、spirals、blobs (由种子生成；--samples N)、digits (UCI 8×8 手写数字，1,797 张图)、iris、synthetic-mnist (784 个随机像素、随机标签: 用于计时)、mnist:DIR (一个文件夹，含 train-images-idx3-ubyte、train-labels-idx1-ubyte，以及可选的 t10k 两个文件)。",
    ),
    ("The data set: {}, or mnist:DIR", "数据集: {} 或 mnist:DIR"),
    (
        "Samples to generate (circles, moons, spirals, blobs, synthetic-mnist). At least 1; without it each generator has its own default",
        "要生成的样本数 (circles、moons、spirals、blobs、synthetic-mnist)。至少为 1；不给出时各生成器用自己的默认值",
    ),
    (
        "Layer sizes n0,n1,…,nL: inputs, hidden layers, outputs (default: inputs,32,classes)",
        "各层大小 n0,n1,…,nL: 输入、隐藏层、输出 (默认: 输入数,32,类别数)",
    ),
    (
        "Activation of the hidden layers: {}",
        "隐藏层的激活函数: {}",
    ),
    (
        "Activation of the output layer (default: softmax for cross_entropy, sigmoid for bce, identity for mse and half_sse)",
        "输出层的激活函数 (默认: cross_entropy 用 softmax，bce 用 sigmoid，mse 和 half_sse 用 identity)",
    ),
    ("Loss: {}", "损失函数: {}"),
    (
        "Initial weights: {} (default: he_uniform for the ReLU family, xavier_uniform for sigmoid/tanh/softplus)",
        "权重初始化: {} (默认: ReLU 类用 he_uniform，sigmoid/tanh/softplus 用 xavier_uniform)",
    ),
    (
        "gd (full batch), sgd (one sample per update) or minibatch (--batch samples)",
        "gd (全批量)、sgd (每次更新一个样本) 或 minibatch (每批 --batch 个样本)",
    ),
    (
        "Full-batch gradient descent: one update per epoch from all N samples",
        "全批量梯度下降: 每轮用全部 N 个样本更新一次",
    ),
    (
        "Stochastic gradient descent: one sample per update (batch 1)",
        "随机梯度下降: 每次更新用一个样本 (批大小为 1)",
    ),
    (
        "Mini-batch SGD: --batch samples per update",
        "小批量随机梯度下降: 每次更新用 --batch 个样本",
    ),
    (
        "Samples per update with --optimizer minibatch [default: 32, or all the training samples when there are fewer]",
        "--optimizer minibatch 时每次更新的样本数 [默认: 32；训练样本更少时为全部训练样本]",
    ),
    (
        "Learning rate η (学习率), a positive number",
        "学习率 η，一个正数",
    ),
    ("Passes over the training data (轮次)", "遍历训练数据的轮次"),
    (
        "λ of the L2 penalty λ/2 Σ‖W(l)‖² (weights only)",
        "L2 正则项 λ/2 Σ‖W(l)‖² 的 λ (只作用于权重)",
    ),
    (
        "Fraction of the data held out for validation (验证集), e.g. 0.1",
        "留作验证集的数据比例，例如 0.1",
    ),
    (
        "Fraction held out as a test set (MNIST uses its t10k files instead)",
        "留作测试集的数据比例 (MNIST 改用它的 t10k 文件)",
    ),
    (
        "Stop after PATIENCE epochs without a lower validation loss and keep the best epoch's parameters (needs --val)",
        "验证集损失连续 PATIENCE 轮没有下降时停止，并保留最好一轮的参数 (需要 --val)",
    ),
    (
        "Seed of the initial weights, the split, the shuffles and generated data",
        "初始权重、数据划分、打乱顺序和生成数据所用的随机种子",
    ),
    (
        "Keep the samples in their stored order instead of reshuffling every epoch",
        "保持样本的存储顺序，不在每轮重新打乱",
    ),
    ("Number type of the engine", "计算所用的数值类型"),
    ("Write the loss curves as SVG", "把损失曲线写成 SVG"),
    (
        "Print the training time and GFLOP/s on stderr",
        "在标准错误输出训练时间和 GFLOP/s",
    ),
    (
        "Allow a run past 5·10¹² operations (epochs × samples × 6·Σ n_in·n_out)",
        "允许超过 5·10¹² 次运算的训练 (轮次 × 样本数 × 6·Σ n_in·n_out)",
    ),
    (
        "Print a shell completion script (bash, zsh, fish, powershell, elvish)",
        "输出 shell 补全脚本 (bash、zsh、fish、powershell、elvish)",
    ),
    ("The shell", "shell 的种类"),
    // clap's own words around them.
    ("Print help", "显示帮助"),
    (
        "Print help (see more with '--help')",
        "显示帮助 (用 '--help' 看完整说明)",
    ),
    (
        "Print help (see a summary with '-h')",
        "显示帮助 (用 '-h' 看摘要)",
    ),
    ("Print version", "显示版本"),
    (
        "Print this message or the help of the given subcommand(s)",
        "显示本帮助或指定子命令的帮助",
    ),
    ("Usage:", "用法:"),
    ("Options", "选项"),
    ("Arguments", "参数"),
    ("Commands", "命令"),
    ("Possible values:", "可选值:"),
    ("error", "错误"),
];

/// Error messages: first one template per variant of [`crate::Error`] (its
/// `#[error]` text with `{}` for each field), then the messages that fill
/// them, so that the parts come out in Chinese too. A part with no entry
/// stays as written (a path, a name, a number, an operating-system error).
pub const ERRORS: &[(&str, &str)] = &[
    // One per variant, in the order of `Error`.
    ("syntax error: {}\n{}", "语法错误: {}\n{}"),
    (
        "unknown function `{}`{}; known functions: {}",
        "未知函数 `{}`{}；已知的函数: {}",
    ),
    ("cannot read `{}` as a number: {}", "无法把 `{}` 读成数: {}"),
    (
        "variable `{}` has no value; give it one with --at {}=…",
        "变量 `{}` 没有值；请用 --at {}=… 给出它的值",
    ),
    ("`{}` is not {}; {}", "`{}` 不是{}；{}"),
    (
        "cannot read `{}`: expected NAME=VALUE, e.g. x=3 or w=1/2",
        "无法读取 `{}`: 应为 名称=值，例如 x=3 或 w=1/2",
    ),
    ("division by zero at node `{}`", "在节点 `{}` 处除以零"),
    (
        "{} is undefined at {} (node `{}`): {}",
        "{} 在 {} 处没有定义 (节点 `{}`): {}",
    ),
    (
        "the value of node `{}` is not a finite number ({}); try smaller inputs",
        "节点 `{}` 的值不是有限数 ({})；请换用更小的输入",
    ),
    (
        "exact value at node `{}` needs more than {} bits; rerun with --float to compute in floating point",
        "节点 `{}` 的精确值需要超过 {} 位；请加 --float 用浮点数重新计算",
    ),
    ("{} exceeds the limit of {}", "{} 超过了上限 {}"),
    ("{} exceeds the limit of {}; {}", "{} 超过了上限 {}；{}"),
    // UnknownExample and Usage carry a whole message: its entry is below.
    ("{}: {}; {}", "{}: {}；{}"),
    (
        "{}:{}:{}: cannot read the TOML: {}",
        "{}:{}:{}: 无法读取 TOML: {}",
    ),
    ("{}: {}", "{}: {}"),
    ("book: {}", "教材: {}"),
    ("{} {}: {}", "{} {}: {}"),
    ("{}: {}; expected {}", "{}: {}；应为 {}"),
    (
        "training diverged in epoch {} (iteration {}): the loss became {} with learning rate {}; try a smaller learning rate, e.g. --lr {}",
        "训练在第 {0} 轮 (第 {1} 次迭代) 发散: 学习率为 {3} 时损失变成了 {2}；请试更小的学习率，例如 --lr {4}",
    ),
    // The messages inside them.
    ("cannot read it: {}", "无法读取: {}"),
    (
        "already exists; add --force to overwrite it",
        "已经存在；加 --force 覆盖它",
    ),
    (
        "is a folder; give a file name, e.g. loss.svg",
        "是一个文件夹；请给出文件名，例如 loss.svg",
    ),
    ("is a folder; give a file", "是一个文件夹；请给出文件"),
    (
        "the folder {} does not exist; create it first",
        "文件夹 {} 不存在；请先创建它",
    ),
    (
        "has no book.toml; run from the repository root or pass --book DIR",
        "中没有 book.toml；请在仓库根目录运行，或用 --book DIR 指定",
    ),
    (
        "unknown topic `{}`; topics: {}",
        "未知的主题 `{}`；主题有: {}",
    ),
    (
        "{} has no example {}; its examples: {}",
        "{} 没有第 {} 个例题；它的例题有: {}",
    ),
    ("--set needs --example N", "--set 需要和 --example N 一起用"),
    (
        "`{}` is given twice ({}={} and {}={}); give each name once",
        "`{}` 给了两次 ({}={} 和 {}={})；每个名称只给一次",
    ),
    (
        "cannot read `{}`: expected TOPIC or TOPIC/N, e.g. {}/1",
        "无法读取 `{}`: 应为 主题 或 主题/N，例如 {}/1",
    ),
    (
        "`{}` names example {} but --example says {}; give one of them",
        "`{}` 指的是第 {} 个例题，而 --example 给的是 {}；只给其中一个",
    ),
    (
        "--float does nothing here: training always computes in floating point; --dtype f32|f64 chooses the precision",
        "--float 在这里不起作用: 训练总是用浮点数计算；精度由 --dtype f32|f64 选择",
    ),
    (
        "--out and --key-out both name {}; give the sheet and the key different files",
        "--out 和 --key-out 指向同一个文件 {}；请给习题和答案不同的文件",
    ),
    (
        "name a topic (e.g. `nn-tutor exercise backprop --example 1`) or use --all",
        "请给出一个主题 (例如 `nn-tutor exercise backprop --example 1`)，或用 --all",
    ),
    ("input", "输入"),
    ("layer {} bias", "第 {} 层的偏置"),
    (
        "expected {} (one per output of W), got {}",
        "应为 {} (W 的每个输出一个)，实际为 {}",
    ),
    (
        "the bias has one entry per row of z",
        "偏置的元素个数与 z 的行数相同",
    ),
    ("target", "目标值"),
    (
        "it has {} but layer 1's weight matrix W(1) is {}, which takes {}",
        "它有 {}，但第 1 层的权重矩阵 W(1) 是 {}，需要 {}",
    ),
    (
        "it has {} but the output layer has {}",
        "它有 {}，但输出层有 {}",
    ),
    (
        "give {}, or a W(1) with {} ({})",
        "请给出 {}，或让 W(1) 有 {} ({})",
    ),
    ("give {}", "请给出 {}"),
    ("1 value", "1 个值"),
    ("{} values", "{} 个值"),
    ("1 input", "1 个输入"),
    ("{} inputs", "{} 个输入"),
    ("1 input value", "1 个输入值"),
    ("{} input values", "{} 个输入值"),
    ("1 target value", "1 个目标值"),
    ("{} target values", "{} 个目标值"),
    ("1 unit", "1 个单元"),
    ("{} units", "{} 个单元"),
    ("1 column", "1 列"),
    ("{} columns", "{} 列"),
    ("1 row", "1 行"),
    ("{} rows", "{} 行"),
    ("out×in", "输出×输入"),
    ("in×out", "输入×输出"),
    ("it has no answers", "里面没有答案"),
    (
        "write one `\"name\" = value` line per quantity, e.g. \"df/dx\" = -4",
        "请每个量写一行 `\"名称\" = 值`，例如 \"df/dx\" = -4",
    ),
    ("the expression on standard input", "标准输入中的表达式"),
    // The details inside the errors: the catalog's `--set` and names.
    ("an input of {}", "例题 {} 的输入"),
    ("its inputs are: {}", "它的输入有: {}"),
    (
        "expected an integer, a decimal such as 0.15, or a fraction such as 1/4",
        "应为整数、小数 (例如 0.15) 或分数 (例如 1/4)",
    ),
    (
        "{} is not a whole number from {} to {}",
        "{} 不是 {} 到 {} 之间的整数",
    ),
    ("give e.g. --set {}", "请给出例如 --set {}"),
    ("{} is negative", "{} 是负数"),
    (
        "give λ = 0 or a positive number, e.g. --set lambda=0.001",
        "请给出 λ = 0 或正数，例如 --set lambda=0.001",
    ),
    ("--round-each on {}", "{} 的 --round-each"),
    (
        "it is a training run or a seeded simulation in f64, not a computation a student does by hand, so there is no hand rounding to replay",
        "它是训练过程或以 f64 计算的带种子模拟，不是学生手算的计算，所以没有手算舍入可以重放",
    ),
    (
        "its record says to replay its engine, but it has none",
        "它的记录要求重放它的计算引擎，但它没有计算引擎",
    ),
    ("use it on {}", "可用于: {}"),
    // The expression language and its functions.
    ("a variable of this expression", "这个表达式的变量"),
    ("its variables are: {}", "它的变量有: {}"),
    (
        "the logarithm needs a positive number",
        "对数的自变量必须是正数",
    ),
    (
        "the square root needs a number ≥ 0",
        "平方根的自变量必须 ≥ 0",
    ),
    (
        "a negative base needs an integer exponent",
        "底数为负时指数必须是整数",
    ),
    (
        "the expression ends too early; expected a number, a name or `(`",
        "表达式提前结束；应为数、名称或 `(`",
    ),
    (
        "unexpected {}; expected an operator or ';'",
        "意外的{}；应为运算符或 ';'",
    ),
    (
        "unexpected {}; expected an operator or ';'; for a product write {} (multiplication needs `*`)",
        "意外的{}；应为运算符或 ';'；乘积请写成 {} (乘法需要 `*`)",
    ),
    ("name {}", "名称 {}"),
    ("number {}", "数 {}"),
    ("end of statement", "语句结尾"),
    // Net spec files.
    ("a known loss", "已知的损失函数"),
    ("known losses: {}", "已知的损失函数有: {}"),
    ("a known activation", "已知的激活函数"),
    ("a known activation (layer {})", "已知的激活函数 (第 {} 层)"),
    ("known activations: {}", "已知的激活函数有: {}"),
    ("a convention", "一种记号约定"),
    (
        "use \"column\" (z = W a + b, W out×in) or \"row\" (h = f(h W + b), W in×out)",
        "请用 \"column\" (z = W a + b，W 为 输出×输入) 或 \"row\" (h = f(h W + b)，W 为 输入×输出)",
    ),
    // The operating system's words for a file it cannot open.
    (
        "No such file or directory (os error {})",
        "没有这个文件或文件夹 (操作系统错误 {})",
    ),
    (
        "Permission denied (os error {})",
        "没有权限 (操作系统错误 {})",
    ),
    (
        "Is a directory (os error {})",
        "是一个文件夹 (操作系统错误 {})",
    ),
    // train's flags and data.
    (
        "the learning rate must be a positive number, e.g. {}",
        "学习率必须是正数，例如 {}",
    ),
    (
        "λ must be 0 or a positive number, e.g. {}",
        "λ 必须是 0 或正数，例如 {}",
    ),
    (
        "a fraction of the data from 0 up to (not including) 1, e.g. {}",
        "数据中的比例，从 0 到 1 (不含 1)，例如 {}",
    ),
    (
        "the validation and test fractions together must be below 1, so that some data is left for training, e.g. --val 0.1 --test 0.2",
        "验证集和测试集的比例之和必须小于 1，才能留下训练数据，例如 --val 0.1 --test 0.2",
    ),
    (
        "--early-stopping watches the validation loss: add --val FRACTION, e.g. --val 0.1",
        "--early-stopping 依据验证集损失: 请加 --val 比例，例如 --val 0.1",
    ),
    (
        "the batch size must be from 1 to the number of training samples, {}",
        "批大小必须在 1 到训练样本数 {} 之间",
    ),
    ("train for at least 1 epoch", "至少训练 1 轮"),
    ("a known data set", "已知的数据集"),
    (
        "known data sets: {}, mnist:DIR (a folder with the four MNIST IDX files)",
        "已知的数据集有: {}, mnist:DIR (含四个 MNIST IDX 文件的文件夹)",
    ),
    ("a known initialiser", "已知的初始化方法"),
    ("known initialisers: {}", "已知的初始化方法有: {}"),
    // clap's own parse errors (`cli::clap_error_zh`), in clap's wording.
    ("unexpected argument '{}' found", "意外的参数 '{}'"),
    ("unrecognized subcommand '{}'", "无法识别的子命令 '{}'"),
    (
        "a value is required for '{}' but none was supplied",
        "'{}' 需要一个值，但没有给出",
    ),
    ("invalid value '{}' for '{}'", "'{1}' 的值 '{0}' 无效"),
    ("\n  [possible values: {}]", "\n  [可选值: {}]"),
    (
        "the following required arguments were not provided:",
        "缺少下列必需的参数:",
    ),
    (
        "'{}' requires a subcommand but one was not provided",
        "'{}' 需要一个子命令，但没有给出",
    ),
    ("\n  [subcommands: {}]", "\n  [子命令: {}]"),
    (
        "the argument '{}' cannot be used with {}",
        "参数 '{}' 不能与 {} 一起使用",
    ),
    (
        "the argument '{}' cannot be used multiple times",
        "参数 '{}' 不能重复使用",
    ),
    (
        "equal sign is needed when assigning values to '{}'",
        "给 '{}' 赋值时需要等号",
    ),
    (
        "unexpected value '{}' for '{}' found; no more were expected",
        "'{1}' 多出了值 '{0}'；不需要更多的值",
    ),
    (
        "{} values required by '{}'; only {} provided",
        "'{1}' 需要 {0} 个值；只给出了 {2} 个",
    ),
    (
        "{} values required for '{}' but {} provided",
        "'{1}' 需要 {0} 个值，但给出了 {2} 个",
    ),
    (
        "invalid UTF-8 was detected in one or more arguments",
        "参数中有无效的 UTF-8",
    ),
    ("a similar subcommand exists: {}", "有相似的子命令: {}"),
    ("a similar argument exists: {}", "有相似的参数: {}"),
    ("a similar value exists: {}", "有相似的值: {}"),
    (
        "to pass '{}' as a value, use '{}'",
        "要把 '{}' 作为值传入，请用 '{}'",
    ),
    ("'{}' exists", "有 '{}'"),
    (
        "subcommand '{}' exists; to use it, remove the '--' before it",
        "有子命令 '{}'；要使用它，请去掉它前面的 '--'",
    ),
    ("tip", "提示"),
    (
        "\n\nFor more information, try '{}'.",
        "\n\n更多信息请运行 '{}'。",
    ),
    // The standard library's messages for a number that does not parse
    // (`--example x`, `--round-each 40`).
    ("invalid digit found in string", "字符串中有无效的数字"),
    (
        "cannot parse integer from empty string",
        "不能从空字符串读出整数",
    ),
    (
        "number too large to fit in target type",
        "数太大，超出了类型的范围",
    ),
    (
        "number too small to fit in target type",
        "数太小，超出了类型的范围",
    ),
    ("invalid float literal", "无效的浮点数"),
    (
        "unknown topic `{}`; did you mean `{}`? topics: {}",
        "未知的主题 `{}`；是不是想写 `{}`？主题有: {}",
    ),
    (
        "give 1 to {} problems per example",
        "每个例题给出 1 到 {} 道题",
    ),
    (
        "{}; give 1 to {} problems per example",
        "{}；每个例题给出 1 到 {} 道题",
    ),
    // clap's range check of a number (`--round-each 40`).
    ("{} is not in {}", "{} 不在 {} 范围内"),
    (" (did you mean `{}`?)", "（是不是想写 `{}`？）"),
];
