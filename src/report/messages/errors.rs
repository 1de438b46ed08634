//! The details inside error messages, in Chinese: what the expression
//! language, numbers, TOML and JSON files, answers files and grading
//! policies, net specs, rosters and class folders, exercises, training and
//! the book say went wrong. The templates of the error variants themselves
//! are in [`super::cli::ERRORS`]; both are looked up together
//! ([`super::ERROR_TABLES`]), and a part of a message is looked up on its
//! own, so `cannot read `{}` as a number: {}` finds its reason here.
//!
//! The `toml` crate's own messages (`key with no value, expected `=``) are
//! here too, by their kind and by what the parser expected; a message the
//! table lacks is quoted as the crate wrote it
//! ([`crate::report::i18n::toml_error_zh`]).

pub const DETAILS: &[(&str, &str)] = &[
    // The expression language (src/expr.rs) and its parser's hints.
    (
        "expected a number, a name or `(`, found {}",
        "应为数、名称或 `(`，却遇到 {}",
    ),
    (
        "expected a number, a name or `(`, found {}; for a power write `^`, e.g. `x^2` (`**` is not an operator here)",
        "应为数、名称或 `(`，却遇到 {}；乘方请写 `^`，例如 `x^2` (这里 `**` 不是运算符)",
    ),
    ("expected `{}` {}, found {}", "应为 `{}` {}，却遇到 {}"),
    (
        "expected `{}` {}, found {}; for a product write {} (multiplication needs `*`)",
        "应为 `{}` {}，却遇到 {}；乘积请写成 {} (乘法需要 `*`)",
    ),
    ("to close the parenthesis", "以闭合括号"),
    ("to close the argument list", "以闭合参数列表"),
    ("the end", "结尾"),
    ("unexpected character `{}`", "意外的字符 `{}`"),
    ("unexpected character `{}`{}", "意外的字符 `{}`{}"),
    (
        " (a Unicode dash; type the ASCII minus `-`)",
        " (这是 Unicode 破折号；请输入 ASCII 减号 `-`)",
    ),
    (" (type `*` for multiplication)", " (乘法请输入 `*`)"),
    (" (type `/` for division)", " (除法请输入 `/`)"),
    (
        " (a full-width character; switch the keyboard to half-width)",
        " (这是全角字符；请把输入法切换到半角)",
    ),
    (
        "the expression is empty; write e.g. `(x + y) * z`",
        "表达式是空的；请写例如 `(x + y) * z`",
    ),
    (
        "`{}` is a function: write {}(…)",
        "`{}` 是函数: 请写成 {}(…)",
    ),
    (
        "`{}` is a function and cannot be a step name",
        "`{}` 是函数，不能用作步骤名",
    ),
    (
        "{} takes {} argument, got {}",
        "{} 需要 {} 个参数，实际给了 {} 个",
    ),
    (
        "{} takes {} arguments, got {}",
        "{} 需要 {} 个参数，实际给了 {} 个",
    ),
    ("cannot read `{}`: {}", "无法读取 `{}`: {}"),
    (
        "step `{}` is used as a variable before this step defines it",
        "步骤 `{}` 在定义它的这一步之前就被当作变量使用了",
    ),
    ("step `{}` is defined twice", "步骤 `{}` 定义了两次"),
    (
        "it has no variables (it is a constant); drop --at",
        "它没有变量 (它是常数)；请去掉 --at",
    ),
    // Limits (`Error::Limit`): what is too large, and the hint.
    ("the nesting depth of the expression", "表达式的嵌套深度"),
    (
        "name intermediate steps (`a = …; b = …`) instead of nesting",
        "请给中间步骤命名 (`a = …; b = …`)，不要层层嵌套",
    ),
    (
        "the number of operations in the expression",
        "表达式中的运算个数",
    ),
    ("an expression of {} bytes", "{} 字节的表达式"),
    ("{} bytes", "{} 字节"),
    ("{} ({} bytes)", "{} ({} 字节)"),
    ("the network's {} parameters", "网络的 {} 个参数"),
    ("{} for exact arithmetic", "精确计算时为 {}"),
    (
        "nn-tutor traces small networks by hand-sized steps",
        "nn-tutor 按手算的步骤追踪小网络",
    ),
    (
        "rerun with --float to compute in floating point",
        "请加 --float 用浮点数重新计算",
    ),
    (
        "{} epochs × {} samples × {} operations per sample ({} in all)",
        "{} 轮 × {} 个样本 × 每个样本 {} 次运算 (共 {})",
    ),
    ("{} operations", "{} 次运算"),
    (
        "that would take a long time: use fewer epochs or samples, or add --long to run it anyway",
        "这会运行很久: 请减少轮数或样本数，或加 --long 照样运行",
    ),
    // Numbers (src/scalar.rs).
    ("the denominator is 0", "分母是 0"),
    ("the denominator is not a number", "分母不是数"),
    ("the numerator is not a number", "分子不是数"),
    (
        "NaN and infinity are not numbers nn-tutor can compute with",
        "NaN 和无穷大不是 nn-tutor 能计算的数",
    ),
    (
        "the power of ten e{} is out of range: exponents from e-{} to e{} are read",
        "10 的幂 e{} 超出了范围: 只读取 e-{} 到 e{} 的指数",
    ),
    ("it is longer than {} characters", "它超过了 {} 个字符"),
    ("it is empty", "它是空的"),
    (
        "expected a number such as 3, 0.25 or \"1/4\"",
        "应为数，例如 3、0.25 或 \"1/4\"",
    ),
    ("{} (at {})", "{} (位置: {})"),
    // Net specs and the network (src/netspec.rs, src/network.rs).
    ("layer {}", "第 {} 层"),
    ("layer {}: {}", "第 {} 层: {}"),
    ("layer {} weights", "第 {} 层的权重"),
    ("layer {} activation", "第 {} 层的激活函数"),
    (
        "layer {} weights row {}, entry {}",
        "第 {} 层权重的第 {} 行第 {} 个元素",
    ),
    ("{} (out×in)", "{} (输出×输入)"),
    ("{} (in×out)", "{} (输入×输出)"),
    (
        "row {} has {} entries but row 1 has {}",
        "第 {} 行有 {} 个元素，而第 1 行有 {} 个",
    ),
    (
        "every row of W must have the same length",
        "W 的每一行必须一样长",
    ),
    ("the matrix is empty", "矩阵是空的"),
    (
        "write W as a list of rows, e.g. [[1, 2], [3, 4]]",
        "请把 W 写成行的列表，例如 [[1, 2], [3, 4]]",
    ),
    (
        "the network has no layers; add at least one [[layer]]",
        "网络没有层；请至少加一个 [[layer]]",
    ),
    (
        "expected {}, because layer {} has {} units, but got {}",
        "应为 {0}，因为第 {1} 层有 {2} 个单元，实际为 {3}",
    ),
    (
        "each weight matrix must fit the layer below",
        "每个权重矩阵必须与前一层相符",
    ),
    (
        "give both `target` and `loss` (or neither, for a forward pass only)",
        "请同时给出 `target` 和 `loss` (或都不给，只做前向传播)",
    ),
    (
        "softmax is layer {} of {}",
        "softmax 是 {1} 层中的第 {0} 层",
    ),
    (
        "softmax normalises the output into probabilities, so it may only be the activation of the last layer",
        "softmax 把输出归一化为概率，所以只能作为最后一层的激活函数",
    ),
    ("`{}` takes no parameter", "`{}` 不带参数"),
    (
        "`{}` needs a parameter, e.g. {}",
        "`{}` 需要一个参数，例如 {}",
    ),
    (
        "`{}` takes one number, got `{}`",
        "`{}` 只接受一个数，实际为 `{}`",
    ),
    (
        "`prelu` needs one γ per unit, e.g. prelu(0.1, 0.2)",
        "`prelu` 的每个单元需要一个 γ，例如 prelu(0.1, 0.2)",
    ),
    ("prelu has {} slopes for {}", "prelu 有 {} 个斜率，却有 {}"),
    ("PReLU needs one γ per unit", "PReLU 的每个单元需要一个 γ"),
    (
        "maxout(k) needs a whole number of pieces k from 1 to 16, got {}",
        "maxout(k) 的片数 k 必须是 1 到 16 的整数，实际为 {}",
    ),
    (
        "{} has {} outputs, not a multiple of k = {}",
        "{} 有 {} 个输出，不是 k = {} 的倍数",
    ),
    (
        "maxout(k) needs k linear pieces per unit, so k × units outputs",
        "maxout(k) 的每个单元需要 k 个线性片，所以输出数是 k × 单元数",
    ),
    // Losses and their targets (src/loss.rs).
    ("binary cross-entropy", "二元交叉熵"),
    ("cross-entropy ln y", "交叉熵中的 ln y"),
    ("output {}", "输出 {}"),
    (
        "BCE needs every output strictly between 0 and 1, since ln 0 is undefined (a sigmoid output rounds to exactly 1 in f64 once z > 36.7, and an identity or ReLU output can be anything); use smaller weights, a sigmoid output, or mse/half_sse",
        "BCE 要求每个输出都严格介于 0 和 1 之间，因为 ln 0 没有定义 (z > 36.7 时 sigmoid 输出在 f64 中舍入为 1，恒等或 ReLU 输出可以是任何值)；请用更小的权重、sigmoid 输出，或改用 mse/half_sse",
    ),
    ("target for {}", "{} 的目标值"),
    ("{} is outside [0, 1]", "{} 不在 [0, 1] 内"),
    (
        "each target must be a probability from 0 to 1",
        "每个目标值必须是 0 到 1 之间的概率",
    ),
    ("they sum to {}, not 1", "它们的和是 {}，不是 1"),
    (
        "targets must be a distribution: non-negative, summing to 1 (e.g. one-hot [0, 1, 0])",
        "目标值必须是一个分布: 非负且和为 1 (例如独热向量 [0, 1, 0])",
    ),
    (
        "a class with target > 0 needs a predicted probability > 0",
        "目标值 > 0 的类别需要预测概率 > 0",
    ),
    // Files (src/files.rs).
    (
        "is not UTF-8 text (invalid byte at offset {})",
        "不是 UTF-8 文本 (偏移 {} 处的字节无效)",
    ),
    ("give a UTF-8 text file", "请给出 UTF-8 文本文件"),
    // --round-each (src/rounding/).
    ("--round-each {} on {}", "{1} 的 --round-each {0}"),
    (
        "the replay rounded to {} decimals fails: {}",
        "每步舍入到 {} 位小数的重算失败: {}",
    ),
    (
        "more decimals (a larger D): the exact computation succeeds",
        "更多的小数位 (更大的 D)；精确计算是成功的",
    ),
    (
        "{} has no plot; examples with a plot: {}",
        "{} 没有图；有图的例题: {}",
    ),
    // Answers files (src/check/answers.rs) and check's command line.
    ("{}: answer `{}`", "{}: 答案 `{}`"),
    (
        "cannot read `{}` as a number ({})",
        "无法把 `{}` 读成数 ({})",
    ),
    ("`{}` is not a number", "`{}` 不是数"),
    (
        "write a fraction such as \"-1/4\" or a decimal such as -0.25",
        "请写分数 (例如 \"-1/4\") 或小数 (例如 -0.25)",
    ),
    ("`{}` is not a problem number", "`{}` 不是题号"),
    ("`{}` is not a string", "`{}` 不是字符串"),
    (
        "is not a key of a problem (number, example, set, answers)",
        "不是题目中的键 (可用 number、example、set、answers)",
    ),
    ("is not a table", "不是表"),
    (
        "names no example; add example = \"topic/N\"",
        "没有给出例题；请加上 example = \"topic/N\"",
    ),
    (
        "write each problem as [[problem]]",
        "请把每道题写成 [[problem]]",
    ),
    (
        "see `nn-tutor check --help` for the answers file",
        "答案文件的写法见 `nn-tutor check --help`",
    ),
    (
        "{} names its problems ([[problem]] tables): check it with nn-tutor check {}",
        "{} 自己列出了题目 ([[problem]] 表): 请用 `nn-tutor check {}` 检查它",
    ),
    (
        "{} names its problems and their inputs; drop --set and --example",
        "{} 自己列出了题目和它们的输入；请去掉 --set 和 --example",
    ),
    (
        "{} names no sheet (no [[problem]] tables): give the topic and example it answers, e.g. nn-tutor check backprop --example 1 --set … {}",
        "{} 没有指明习题 (没有 [[problem]] 表): 请给出它回答的主题和例题，例如 `nn-tutor check backprop --example 1 --set … {}`",
    ),
    (
        "`{}` is a topic: give the answers file after it, e.g. nn-tutor check {} --example 1 answers.toml",
        "`{}` 是一个主题: 请在它后面给出答案文件，例如 `nn-tutor check {} --example 1 answers.toml`",
    ),
    (
        "give the answers file alone with --expr or --net (not `{}` before it)",
        "用 --expr 或 --net 时只给答案文件 (前面不要有 `{}`)",
    ),
    (
        "give the example: nn-tutor check {} --example N {}",
        "请给出例题: `nn-tutor check {} --example N {}`",
    ),
    ("example `{}`", "例题 `{}`"),
    ("it is not of the form topic/N", "它不是 主题/N 的形式"),
    (
        "an id `nn-tutor list` prints, such as backprop/2",
        "应为 `nn-tutor list` 列出的编号，例如 backprop/2",
    ),
    ("problem {} ({})", "第 {} 题 ({})"),
    (
        "an example id and inputs as `nn-tutor list` shows them",
        "应为 `nn-tutor list` 所列的例题编号和输入",
    ),
    // Grading policies (src/check/policy.rs).
    ("policy", "评分规则"),
    ("policy `{}`", "评分规则 `{}`"),
    (
        "a number such as 0.01 or \"1/2\"",
        "应为数，例如 0.01 或 \"1/2\"",
    ),
    ("a number ≥ 0", "应为 ≥ 0 的数"),
    ("{} is out of range", "{} 超出了范围"),
    ("a whole number from {} to {}", "应为 {} 到 {} 之间的整数"),
    (
        "it gives both `decimals` and `significant`",
        "它同时给出了 `decimals` 和 `significant`",
    ),
    ("give one of them", "只给其中一个"),
    ("keys {}", "可用的键: {}"),
    // serde's words for a TOML or JSON file of the wrong shape.
    (
        "unknown field `{}`, expected one of {}",
        "未知的键 `{}`，可用的键有: {}",
    ),
    (
        "unknown field `{}`, expected `{}`",
        "未知的键 `{}`，应为 `{}`",
    ),
    (
        "unknown field `{}`, there are no fields",
        "未知的键 `{}`，这里不能有键",
    ),
    ("missing field `{}`", "缺少键 `{}`"),
    ("duplicate field `{}`", "重复的键 `{}`"),
    (
        "invalid type: {}, expected {}",
        "类型不对: 这里是{}，应为{}",
    ),
    ("invalid value: {}, expected {}", "值不对: 这里是{}，应为{}"),
    ("invalid length {}, expected {}", "长度不对: {}，应为{}"),
    (
        "unknown variant `{}`, expected one of {}",
        "未知的取值 `{}`，可选: {}",
    ),
    (
        "unknown variant `{}`, expected `{}`",
        "未知的取值 `{}`，应为 `{}`",
    ),
    ("string {}", "字符串 {}"),
    ("integer `{}`", "整数 `{}`"),
    ("floating point `{}`", "浮点数 `{}`"),
    ("boolean `{}`", "布尔值 `{}`"),
    ("map", "表"),
    ("sequence", "数组"),
    ("a sequence", "数组"),
    ("a string", "字符串"),
    ("a map", "表"),
    ("a boolean", "布尔值"),
    ("u32", "非负整数"),
    ("u64", "非负整数"),
    ("usize", "非负整数"),
    ("f64", "数"),
    ("struct PolicySpec", "表 (评分规则)"),
    ("{}\nin `{}`", "{}\n(在 `{}` 中)"),
    // The `toml` parser's messages: `DESCRIPTION, expected A, B`, each
    // piece looked up (see `toml_error_zh`).
    ("unclosed array", "数组没有闭合"),
    ("unclosed array table", "表数组的表头没有闭合"),
    ("unclosed table", "表头没有闭合"),
    ("unclosed inline table", "内联表没有闭合"),
    ("key with no value", "键没有值"),
    (
        "invalid basic string",
        "无效的基本字符串 (缺少结尾的引号？)",
    ),
    (
        "invalid literal string",
        "无效的字面量字符串 (缺少结尾的引号？)",
    ),
    ("duplicate key", "重复的键"),
    ("invalid float", "无效的浮点数"),
    ("invalid integer", "无效的整数"),
    ("invalid date", "无效的日期"),
    ("invalid time", "无效的时间"),
    ("invalid key", "无效的键"),
    ("invalid unquoted key", "无效的不加引号的键"),
    ("unquoted keys cannot be empty", "不加引号的键不能为空"),
    ("string values must be quoted", "字符串值必须加引号"),
    ("missing escaped value", "缺少转义字符"),
    ("invalid escape value", "无效的转义字符"),
    ("unexpected content", "意外的内容"),
    ("literal string", "字面量字符串"),
    ("basic string", "基本字符串"),
    ("letters", "字母"),
    ("numbers", "数字"),
    ("key", "键"),
    ("value", "值"),
    ("month between 01 and 12", "01 到 12 之间的月份"),
    ("day between 01 and 31", "01 到 31 之间的日"),
    // serde_json's messages (the class manifest).
    (
        "cannot read it (line {}, column {}): {}",
        "无法读取 (第 {} 行第 {} 列): {}",
    ),
    ("{} at line {} column {}", "{} (第 {} 行第 {} 列)"),
    ("key must be a string", "键必须是字符串"),
    ("expected value", "这里应有一个值"),
    ("trailing comma", "多余的逗号"),
    ("trailing characters", "多余的字符"),
    ("invalid number", "无效的数"),
    ("EOF while parsing a value", "值还没有结束，文件就结束了"),
    (
        "EOF while parsing an object",
        "对象还没有结束，文件就结束了",
    ),
    ("EOF while parsing a list", "列表还没有结束，文件就结束了"),
    (
        "EOF while parsing a string",
        "字符串还没有结束，文件就结束了",
    ),
    ("expected `:`", "应为 `:`"),
    ("expected `,` or `}`", "应为 `,` 或 `}`"),
    ("expected `,` or `]`", "应为 `,` 或 `]`"),
    // The class manifest, rosters and class folders (src/class/).
    (
        "the manifest.json that `exercise --roster` writes",
        "应为 `exercise --roster` 写出的 manifest.json",
    ),
    (
        "it is version {} of the manifest",
        "它是第 {} 版的 manifest",
    ),
    (
        "version {}; regenerate the folder with this nn-tutor",
        "应为第 {} 版；请用这个 nn-tutor 重新生成这个文件夹",
    ),
    ("student `{}`: dir: {}", "学生 `{}` 的 dir: {}"),
    ("the id `{}` holds `..`", "编号 `{}` 含有 `..`"),
    ("the id `{}` holds `{}`", "编号 `{}` 含有 `{}`"),
    (
        "the id `{}` holds `{}`, a path separator",
        "编号 `{}` 含有路径分隔符 `{}`",
    ),
    ("the id `{}` starts with a dot", "编号 `{}` 以点开头"),
    ("the id is empty", "编号是空的"),
    (
        "the id holds a control character (U+{})",
        "编号含有控制字符 (U+{})",
    ),
    ("the id is longer than {} bytes", "编号超过了 {} 字节"),
    (
        "`{}` is the name of a file grade writes",
        "`{}` 是 grade 要写的文件名",
    ),
    ("it is not UTF-8 text", "它不是 UTF-8 文本"),
    (
        "a folder name inside the class folder",
        "应为班级文件夹中的一个文件夹名",
    ),
    (
        "does not exist; is this the folder `exercise --roster … --out DIR` wrote?",
        "不存在；这是 `exercise --roster … --out DIR` 写出的文件夹吗？",
    ),
    (
        "is not a folder; give the folder `exercise --roster … --out DIR` wrote",
        "不是文件夹；请给出 `exercise --roster … --out DIR` 写出的文件夹",
    ),
    ("{}, row {}", "{}，第 {} 行"),
    (
        "the header has no `id` column (it has: {})",
        "表头没有 `id` 列 (它有: {})",
    ),
    (
        "the header has no `id` column (it has: )",
        "表头没有 `id` 列 (它是空的)",
    ),
    (
        "a first line such as `id,name`, then one student per line",
        "第一行应如 `id,name`，然后每行一个学生",
    ),
    (
        "the id `{}` equals `{}` of row {} ignoring case (one folder on many disks)",
        "编号 `{0}` 与第 {2} 行的 `{1}` 只差大小写 (在许多磁盘上是同一个文件夹)",
    ),
    (
        "an id is letters (Chinese too), digits, `.`, `-` and `_`, not starting with a dot, unique even ignoring case",
        "编号由字母 (汉字也可以)、数字、`.`、`-` 和 `_` 组成，不以点开头，不区分大小写也不能重复",
    ),
    (
        "the id `{}` is already on row {}",
        "编号 `{}` 已经在第 {} 行出现过",
    ),
    ("it lists no students", "里面没有学生"),
    (
        "a header with an `id` column, then one student per line",
        "应为含 `id` 列的表头，然后每行一个学生",
    ),
    (
        "it has {} fields where the header has {}",
        "这一行有 {} 个字段，而表头有 {} 个",
    ),
    (
        "CSV with one header line and the same number of fields on every line",
        "应为一行表头、每行字段数都相同的 CSV",
    ),
    (
        "already exists; add --force to replace it",
        "已经存在；加 --force 替换它",
    ),
    (
        "exists and is not a folder; give a new folder name",
        "已存在且不是文件夹；请给出新的文件夹名",
    ),
    (
        "is not a class folder (no manifest.json) and not empty; --force replaces only a class folder",
        "不是班级文件夹 (没有 manifest.json) 且不是空的；--force 只替换班级文件夹",
    ),
    // Exercises and their exports (src/exercise/, src/class/export.rs).
    (
        "--exam writes a LaTeX exam (exam.cls); leave out --format gift/qti",
        "--exam 写出 LaTeX 试卷 (exam.cls)；请去掉 --format gift/qti",
    ),
    (
        "--exam writes a LaTeX exam (exam.cls); leave out --format json",
        "--exam 写出 LaTeX 试卷 (exam.cls)；请去掉 --format json",
    ),
    (
        "--roster writes every format itself (sheet.md, sheet.tex, key.md, key.tex, key.json, answers.toml); drop --format",
        "--roster 自己写出所有格式 (sheet.md、sheet.tex、key.md、key.tex、key.json、answers.toml)；请去掉 --format",
    ),
    (
        "--format qti writes a zip: give the file with --out, e.g. --out quiz.zip",
        "--format qti 写出 zip 文件: 请用 --out 给出文件名，例如 --out quiz.zip",
    ),
    ("exercise {}", "习题 {}"),
    ("{} has no exercise: {}", "{} 没有习题: {}"),
    (
        "none of its examples has exercise ranges ({})",
        "它的例题都没有出题范围 ({})",
    ),
    ("examples with exercises: {}", "有习题的例题: {}"),
    (
        "this example has no exercise ranges",
        "这个例题没有出题范围",
    ),
    (
        "none of the examples asked for has exercise ranges; examples with exercises: {}",
        "所要的例题都没有出题范围；有习题的例题: {}",
    ),
    ("a quantity of {}", "例题 {} 的量"),
    ("its quantities are: {}", "它的量有: {}"),
    (
        "ask for fewer problems (it has {} distinct ones; `nn-tutor exercise --variants`)",
        "请少要几道题 (它只有 {} 道不同的题；见 `nn-tutor exercise --variants`)",
    ),
    (
        "no usable draw in {} attempts (last: {})",
        "{} 次抽取都不可用 (最后一次: {})",
    ),
    ("an input sits on a kink", "有输入落在折点上"),
    ("every gradient is zero", "所有梯度都是零"),
    (
        "every draw tried was already on the sheet",
        "试过的每次抽取都已经在习题里了",
    ),
    // Why an example has no exercise (the catalog's `Exercise::None`).
    (
        "it is a training run in f64 (an outlier update, then epochs of SGD), not a hand computation",
        "它是以 f64 计算的训练过程 (一次离群点更新，然后若干轮 SGD)，不是手算",
    ),
    (
        "its spread table is a seeded f64 simulation through a deep stack; the bounds alone are init/1's exercise",
        "它的方差表是以 f64 计算、带种子的深层网络模拟；只有界限本身是 init/1 的习题",
    ),
    (
        "a perceptron on the four fixed XOR points: the answer (no line gets more than 3 of 4 right) does not depend on any drawn number",
        "固定的四个 XOR 点上的感知器: 答案 (任何直线最多分对 4 个中的 3 个) 不取决于任何抽取的数",
    ),
    (
        "it trains a network on XOR by gradient descent from a seed, thousands of f64 steps, not a hand computation",
        "它从一个种子出发用梯度下降在 XOR 上训练网络，要走几千步 f64 计算，不是手算",
    ),
    (
        "it fits ReLU knots to a function and measures the error in f64; there is nothing to draw that a student computes by hand",
        "它用 ReLU 折点拟合一个函数并以 f64 计算误差；没有可以抽取、让学生手算的数",
    ),
    (
        "it fits ReLU knots to a function and measures the error on 1,001 points in f64; there is nothing to draw that a student computes by hand",
        "它用 ReLU 折点拟合一个函数并在 1,001 个点上以 f64 计算误差；没有可以抽取、让学生手算的数",
    ),
    (
        "its gradient norms come from a seeded random deep network in f64, not a hand computation",
        "它的梯度范数来自一个以 f64 计算、带种子的随机深层网络，不是手算",
    ),
    (
        "it compares learning rates over many f64 steps; its point is the shape of the loss curves, not numbers to work out by hand",
        "它在许多步 f64 计算中比较学习率；要看的是损失曲线的形状，不是手算的数",
    ),
    (
        "it trains with shuffled mini-batches from a seed; its loss curves are f64 runs, not a hand computation",
        "它从一个种子出发用打乱的小批量训练；损失曲线是 f64 的运行结果，不是手算",
    ),
    (
        "it is a whole training run (shuffled SGD, L2, early stopping) in f64 from a seed, not a hand computation",
        "它是从一个种子出发、以 f64 计算的完整训练过程 (打乱的 SGD、L2、早停)，不是手算",
    ),
    (
        "it evaluates a loss surface on a grid of thousands of points in f64, for a plot, not a hand computation",
        "它为画图在几千个网格点上以 f64 计算损失曲面，不是手算",
    ),
    (
        "it trains on the handwritten digits for seconds; the numbers come from the data set and a seed, not a hand computation",
        "它在手写数字上训练几秒；数值来自数据集和种子，不是手算",
    ),
    // training/3's reason, when a list of reasons is split at its `; `.
    (
        "it trains on the handwritten digits for seconds",
        "它在手写数字上训练几秒",
    ),
    (
        "the numbers come from the data set and a seed, not a hand computation",
        "数值来自数据集和种子，不是手算",
    ),
    // train's flags and data (src/train/).
    (
        "give at least an input and an output size, none of them 0, e.g. 64,32,10",
        "请至少给出输入和输出的大小，都不能为 0，例如 64,32,10",
    ),
    (
        "the first size must be the number of inputs of {}: {} (e.g. {},…)",
        "第一个大小必须是 {} 的输入个数: {} (例如 {},…)",
    ),
    (
        "the last size must be the number of classes of {}: {}",
        "最后一个大小必须是 {} 的类别数: {}",
    ),
    (
        "the last size must be the number of classes of {}: {} (or 1 with --loss bce or mse)",
        "最后一个大小必须是 {} 的类别数: {} (用 --loss bce 或 mse 时也可以是 1)",
    ),
    (
        "the last size must be the number of targets of {}: {}",
        "最后一个大小必须是 {} 的目标个数: {}",
    ),
    (
        "the split leaves no training samples out of {}; hold out a smaller fraction or use more samples",
        "划分后 {} 个样本中没有留下训练样本；请留出更小的比例，或使用更多样本",
    ),
    (
        "the batch size must be from 1 to the number of training samples, {} (after the validation/test split)",
        "批大小必须在 1 到训练样本数 {} 之间 (划分出验证集和测试集之后)",
    ),
    (
        "a softmax output goes with --loss cross_entropy, not {}",
        "softmax 输出要配 --loss cross_entropy，而不是 {}",
    ),
    (
        "layer sizes {}: need at least an input and an output size, none of them 0",
        "层的大小 {}: 至少要有输入和输出的大小，都不能为 0",
    ),
    (
        "name the folder after the colon, e.g. --data mnist:./mnist (a folder holding {} and {})",
        "请在冒号后给出文件夹，例如 --data mnist:./mnist (含有 {} 和 {} 的文件夹)",
    ),
    ("no such folder", "没有这个文件夹"),
    ("a folder holding {} and {}", "含有 {} 和 {} 的文件夹"),
    ("the file does not exist", "文件不存在"),
    (
        "an IDX image file (magic 0x00000803: n, rows, columns, then n·rows·columns bytes)",
        "IDX 图像文件 (魔数 0x00000803: n、行数、列数，然后是 n·行数·列数 个字节)",
    ),
    (
        "an IDX label file (magic 0x00000801: n, then n bytes)",
        "IDX 标签文件 (魔数 0x00000801: n，然后是 n 个字节)",
    ),
    (
        "it is truncated: {} bytes, shorter than the {}-byte header",
        "文件被截断了: 只有 {} 个字节，比 {} 字节的文件头还短",
    ),
    ("its magic number is {}, not {}", "它的魔数是 {}，而不是 {}"),
    ("its sizes {} overflow", "它的尺寸 {} 溢出了"),
    (
        "it is truncated: the header announces {} = {} bytes of data, the file has {}",
        "文件被截断了: 文件头说有 {} = {} 个字节的数据，文件只有 {} 个",
    ),
    (
        "it is longer than announced: the header announces {} = {} bytes of data, the file has {}",
        "文件比声明的长: 文件头说有 {} = {} 个字节的数据，文件有 {} 个",
    ),
    ("its images have {} pixels", "它的图像有 {} 个像素"),
    (
        "{} pixels like the training images",
        "和训练图像一样的 {} 个像素",
    ),
    ("it has a label {}", "它有一个标签 {}"),
    ("labels 0-9", "0-9 的标签"),
    (
        "it has {} labels for {} images in {}",
        "它有 {} 个标签，而 {2} 中有 {1} 张图像",
    ),
    ("one label per image", "每张图像一个标签"),
    // The book (src/book/).
    (
        "--out {} would overwrite or sit inside the book's sources in {}; choose another directory",
        "--out {} 会覆盖 {} 中教材的源文件或位于其中；请另选一个目录",
    ),
    (
        "{} exists and is not a directory; choose another --out",
        "{} 已存在且不是目录；请另选 --out",
    ),
    (
        "the Chinese edition has no {}/SUMMARY.md in {}",
        "{1} 中没有中文版的 {0}/SUMMARY.md",
    ),
    ("cannot read {}: {}", "无法读取 {}: {}"),
    ("the book did not build: {}", "没有构建成功: {}"),
    ("chapter `{}`{}: {}", "章节 `{}`{}: {}"),
    ("directive `{}` failed: {}", "指令 `{}` 失败: {}"),
    (
        "line {}: `{}` has no closing `}}`",
        "第 {} 行: `{}` 没有闭合的 `}}`",
    ),
    (
        "only commands that print a report can be embedded (explain, graph, list, net, exercise)",
        "只能嵌入输出报告的命令 (explain、graph、list、net、exercise)",
    ),
    (
        "`{}` writes a file; in the book, figures are inlined without it",
        "`{}` 会写文件；教材中的图直接嵌入页面，不需要它",
    ),
    (
        "`{}` has no place in the book: an exercise directive shows one topic's sheet in Markdown with its answer key folded away",
        "`{}` 不能用在教材中: exercise 指令以 Markdown 显示一个主题的习题，答案折叠起来",
    ),
    (
        "name a topic, e.g. `exercise backprop --example 1`",
        "请给出一个主题，例如 `exercise backprop --example 1`",
    ),
    (
        "line {}: a `$` is left over in `{}` (an unbalanced formula? write \\$ for a dollar sign)",
        "第 {} 行: `{}` 中多出一个 `$` (公式没有配对？美元符号请写 \\$)",
    ),
    (
        "line {}: malformed formula `{}`: {}",
        "第 {} 行: 公式 `{}` 有错: {}",
    ),
    (
        "the formula contains an unknown command or a syntax error",
        "公式中有未知的命令或语法错误",
    ),
    (
        "{} exists and is not a book built by nn-tutor; choose another --out, or add --force to replace it",
        "{} 已存在，且不是 nn-tutor 构建的教材；请另选 --out，或加 --force 替换它",
    ),
    ("cannot load the book in {}: {}", "无法载入 {} 中的教材: {}"),
    ("cannot write the book: {}", "无法写出教材: {}"),
    (
        "cannot rebuild the search index: {}",
        "无法重建搜索索引: {}",
    ),
    (
        "{} is not a search index of mdBook 0.5",
        "{} 不是 mdBook 0.5 的搜索索引",
    ),
];

#[cfg(test)]
mod tests {
    use crate::report::i18n::{english_phrase, toml_error_zh, translate_error};

    /// Each example without an exercise says why in Chinese too (a new
    /// `Exercise::None` reason needs its entry above).
    #[test]
    fn every_reason_for_no_exercise_reads_in_chinese() {
        for ex in crate::catalog::all() {
            if let crate::catalog::Exercise::None(why) = ex.exercise {
                let zh = translate_error(why);
                assert!(
                    zh.as_deref().is_some_and(|z| !z.is_ascii()),
                    "{}: no Chinese for {why:?}",
                    ex.id()
                );
            }
        }
    }

    /// A TOML error in Chinese: where (line, column, the line with a caret),
    /// which kind (syntax or shape), the toml crate's detail translated, a
    /// detail the table lacks quoted as written, and the hint to quote a
    /// quantity's name.
    #[test]
    fn a_toml_error_has_a_chinese_frame() {
        let excerpt = "  input [1, 2]\n        ^";
        let zh = toml_error_zh("a.toml", 1, 7, "key with no value, expected `=`", excerpt);
        assert_eq!(
            zh,
            "a.toml: TOML 语法错误 (第 1 行第 7 列): 键没有值，应为 `=`\n  input [1, 2]\n        ^"
        );
        let zh = toml_error_zh("a.toml", 2, 1, "missing field `layer`", "");
        assert_eq!(zh, "a.toml: TOML 内容错误 (第 2 行第 1 列): 缺少键 `layer`");
        // A message the table lacks: quoted, never bare English.
        let zh = toml_error_zh("a.toml", 0, 0, "some new complaint, expected `x`", "");
        assert_eq!(
            zh,
            "a.toml: TOML 语法错误: (toml 的原文: “some new complaint, expected `x`”)"
        );
        let zh = toml_error_zh(
            "a.toml",
            1,
            3,
            "invalid unquoted key, expected letters, numbers, `-`, `_`; put the name in quotes: \"df/dx\" = 3",
            "",
        );
        assert_eq!(
            zh,
            "a.toml: TOML 语法错误 (第 1 行第 3 列): 无效的不加引号的键，应为 字母、数字、`-`、`_`；\
             请给名称加上引号: \"df/dx\" = 3"
        );
    }

    /// The excerpt under a TOML error: the offending line and a caret under
    /// its column, counted in characters; a very long line is cut around it.
    #[test]
    fn a_toml_error_shows_its_line() {
        let text = "a = 1\nλ = [1, 2\n";
        let at = text.find('[').unwrap();
        let crate::Error::Toml {
            line,
            column,
            excerpt,
            ..
        } = crate::Error::toml("a.toml", text, Some(at), String::new())
        else {
            unreachable!("Error::toml builds Error::Toml")
        };
        assert_eq!((line, column), (2, 5));
        assert_eq!(excerpt, "  λ = [1, 2\n      ^");
        let long = format!("x = [{}", "1, ".repeat(100));
        let crate::Error::Toml { excerpt, .. } =
            crate::Error::toml("a.toml", &long, Some(long.len()), String::new())
        else {
            unreachable!("Error::toml builds Error::Toml")
        };
        let (shown, caret) = excerpt.split_once('\n').unwrap();
        assert!(
            shown.starts_with("  …") && shown.chars().count() <= 2 + 122,
            "{shown}"
        );
        // The error is at the end of the line: the caret sits under the
        // excerpt's last column.
        assert_eq!(caret.chars().count(), shown.chars().count());
        assert!(caret.ends_with('^'));
    }

    #[test]
    fn an_english_phrase_is_found_and_names_are_not() {
        assert_eq!(
            english_phrase("错误: 无法读取 TOML: unclosed array table").as_deref(),
            Some("unclosed array table")
        );
        assert_eq!(
            english_phrase("错误: 语法错误: expected a number, found x").as_deref(),
            Some("expected a number")
        );
        assert_eq!(
            english_phrase("`q` 不是an input of backprop/1").as_deref(),
            Some("an input of")
        );
        assert_eq!(
            english_phrase("无法读取: No such file").as_deref(),
            Some("No such file")
        );
        for zh in [
            "`hinge loss` 不是",
            "(z = W a + b)",
            "1×1 (out×in)",
            "(可用 number、example、set、answers)",
            "错误: `hinge loss is bad` 不是已知的损失函数",
            "错误: (toml 的原文: “unclosed array, expected `]`”)",
            "错误: 语法错误: 意外的名称 `y`\n  x y z w\n    ^",
            "请用 \"column\" (z = W a + b，W 为 输出×输入)",
            "已知的数据集有: xor, circles, moons",
            "含四个 MNIST IDX 文件",
            "请给出例如 --set steps=1",
        ] {
            assert_eq!(english_phrase(zh), None, "{zh}");
        }
    }
}
