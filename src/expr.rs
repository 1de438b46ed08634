//! The students' expression language: tokens and a recursive-descent parser.
//!
//! ```text
//! program  := stmt ((';' | newline) stmt)*        the last stmt is the output
//! stmt     := NAME '=' expr | expr
//! expr     := term (('+' | '-') term)*
//! term     := unary (('*' | '/') unary)*
//! unary    := ('-' | '+') unary | power            so -x^2 is -(x^2)
//! power    := primary ('^' unary)?                 right-associative: 2^3^2 = 2^9
//! primary  := NUMBER | NAME | NAME '(' expr (',' expr)* ')' | '(' expr ')'
//! ```
//!
//! Nesting is depth-checked (no stack overflow at any depth) and the number
//! of operations is capped; both limits are errors that name the limit.

use crate::error::{Error, Result};
use crate::scalar::Scalar;

/// Deepest nesting of parentheses, calls and unary operators accepted.
pub const MAX_DEPTH: usize = 200;
/// Most operations (nodes) one expression may have.
pub const MAX_NODES: usize = 1_000;
/// Longest expression text accepted, in bytes.
pub const MAX_LEN: usize = 100_000;

/// Binary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Pow,
}

/// A parsed expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A literal, exact (`0.15` is `3/20`); `text` is how it was written.
    Num { value: Scalar, text: String },
    /// A variable or a named step.
    Var { name: String, pos: usize },
    /// Unary minus.
    Neg(Box<Expr>),
    /// `a op b`.
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `name(args…)`, by the function's name in [`crate::op`]; `log` is
    /// stored as `ln`.
    Call { func: String, args: Vec<Expr> },
}

/// One statement: `name = expr`, or a bare expression (the output).
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    pub name: Option<String>,
    pub expr: Expr,
    /// Byte offset of the statement's name, for error messages.
    pub pos: usize,
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Num(String),
    Name(String),
    Sym(char),
    End, // ';' or newline
}

/// Stack for parsing and building graphs: the depth limits bound the
/// recursion, and this bounds its memory even in an unoptimised build (whose
/// frames are several kilobytes each), whatever thread the caller is on.
const STACK_BYTES: usize = 64 << 20;

/// Run `f` on a thread with a `STACK_BYTES` stack (or here, if no thread
/// can be started). A panic in `f` is passed on unchanged.
pub fn with_big_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    with_stack_for("", f)
}

/// Like [`with_big_stack`], but stays on the current thread when `src` is
/// too small to recurse deeply: every level of nesting (and every link of a
/// chain the graph builder walks) needs an operator or a parenthesis, so 64
/// of them bound the depth at 64. Starting a thread costs far more than
/// parsing a small expression.
pub fn with_stack_for<T: Send>(src: &str, f: impl FnOnce() -> T + Send) -> T {
    let levels = src.bytes().filter(|b| b"()+-*/^,".contains(b)).count();
    if !src.is_empty() && levels <= 64 {
        return f();
    }
    let slot = std::sync::Mutex::new(Some(f));
    let take = || {
        slot.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
    };
    let joined = std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(STACK_BYTES)
            .spawn_scoped(scope, || take().map(|f| f()))
            .map(|handle| handle.join())
    });
    match joined {
        Ok(Ok(Some(v))) => v,
        Ok(Ok(None)) => unreachable!("the closure runs exactly once"),
        Ok(Err(panic)) => std::panic::resume_unwind(panic),
        Err(_) => (take().expect("a failed spawn leaves the closure in place"))(),
    }
}

/// Parse a whole program into statements (at least one).
pub fn parse_program(src: &str) -> Result<Vec<Statement>> {
    with_stack_for(src, || parse_here(src))
}

/// [`parse_program`] on the current thread's stack.
pub(crate) fn parse_here(src: &str) -> Result<Vec<Statement>> {
    if src.len() > MAX_LEN {
        return Err(Error::Limit {
            what: format!("an expression of {} bytes", src.len()),
            limit: format!("{MAX_LEN} bytes"),
            hint: String::new(),
        });
    }
    let toks = tokenize(src)?;
    let mut p = Parser {
        src,
        toks,
        i: 0,
        depth: 0,
        ops: 0,
    };
    let mut stmts = Vec::new();
    loop {
        while p.peek() == Some(&Tok::End) {
            p.i += 1;
        }
        if p.peek().is_none() {
            break;
        }
        stmts.push(p.statement()?);
        match p.peek() {
            None | Some(Tok::End) => {}
            Some(t) => {
                let t = describe(t);
                let hint = p.product_hint();
                return Err(p.error(&format!(
                    "unexpected {t}; expected an operator or ';'{hint}"
                )));
            }
        }
    }
    if stmts.is_empty() {
        return Err(Error::Syntax {
            message: "the expression is empty; write e.g. `(x + y) * z`".to_string(),
            caret: format!("  {src}\n  ^"),
        });
    }
    Ok(stmts)
}

fn describe(t: &Tok) -> String {
    match t {
        Tok::Num(n) => format!("number `{n}`"),
        Tok::Name(n) => format!("name `{n}`"),
        Tok::Sym(c) => format!("`{c}`"),
        Tok::End => "end of statement".to_string(),
    }
}

/// Split into tokens with their byte offsets.
fn tokenize(src: &str) -> Result<Vec<(Tok, usize)>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = src.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (pos, c) = chars[k];
        if c == '\n' || c == ';' {
            out.push((Tok::End, pos));
            k += 1;
        } else if c.is_whitespace() {
            k += 1;
        } else if c.is_ascii_digit() || c == '.' {
            let start = k;
            while k < chars.len() && (chars[k].1.is_ascii_digit() || chars[k].1 == '.') {
                k += 1;
            }
            // An exponent: e or E, an optional sign, then digits.
            if k < chars.len() && matches!(chars[k].1, 'e' | 'E') {
                let mut j = k + 1;
                if j < chars.len() && matches!(chars[j].1, '+' | '-') {
                    j += 1;
                }
                if j < chars.len() && chars[j].1.is_ascii_digit() {
                    k = j;
                    while k < chars.len() && chars[k].1.is_ascii_digit() {
                        k += 1;
                    }
                }
            }
            let end = chars.get(k).map_or(src.len(), |c| c.0);
            out.push((Tok::Num(src[pos..end].to_string()), chars[start].0));
        } else if c.is_ascii_alphabetic() || c == '_' {
            while k < chars.len() && (chars[k].1.is_ascii_alphanumeric() || chars[k].1 == '_') {
                k += 1;
            }
            let end = chars.get(k).map_or(src.len(), |c| c.0);
            out.push((Tok::Name(src[pos..end].to_string()), pos));
        } else if "+-*/^(),=".contains(c) {
            out.push((Tok::Sym(c), pos));
            k += 1;
        } else {
            let hint = match c {
                '−' | '–' | '—' => " (a Unicode dash; type the ASCII minus `-`)",
                '×' | '·' | '⋅' | '∗' => " (type `*` for multiplication)",
                '÷' | '∕' => " (type `/` for division)",
                '（' | '）' | '，' | '；' | '＝' => {
                    " (a full-width character; switch the keyboard to half-width)"
                }
                _ => "",
            };
            return Err(syntax(
                src,
                pos,
                &format!("unexpected character `{c}`{hint}"),
            ));
        }
    }
    Ok(out)
}

/// The candidate closest to a misspelt `word` (`sigmod` → `sigmoid`), if
/// one is within a third of the word's length in edits (at least one).
pub fn nearest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .iter()
        .map(|c| (edits(word, c), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Edit distance with transpositions (optimal string alignment): the
/// fewest insertions, deletions, substitutions and swaps of neighbours that
/// turn `a` into `b` (`tnah` → `tanh` is one swap).
fn edits(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// A syntax error with the source line and a caret under `pos`.
fn syntax(src: &str, pos: usize, message: &str) -> Error {
    let line_start = src[..pos].rfind('\n').map_or(0, |i| i + 1);
    let line_end = src[pos..].find('\n').map_or(src.len(), |i| pos + i);
    let line = &src[line_start..line_end];
    let col = src[line_start..pos].chars().count();
    // Keep the excerpt short for very long lines.
    let (shown, col) = if line.chars().count() > 120 {
        let from = col.saturating_sub(60);
        let s: String = line.chars().skip(from).take(120).collect();
        (format!("…{s}…"), col - from + 1)
    } else {
        (line.to_string(), col)
    };
    Error::Syntax {
        message: message.to_string(),
        caret: format!("  {shown}\n  {}^", " ".repeat(col)),
    }
}

struct Parser<'a> {
    src: &'a str,
    toks: Vec<(Tok, usize)>,
    i: usize,
    depth: usize,
    ops: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.i).map(|t| &t.0)
    }

    /// The token before the current one.
    fn before(&self) -> Option<&Tok> {
        self.i
            .checked_sub(1)
            .and_then(|k| self.toks.get(k))
            .map(|t| &t.0)
    }

    /// A hint when two operands meet with no operator between them, as in
    /// `2x` or `2(x + 1)`: multiplication is written with `*`.
    fn product_hint(&self) -> String {
        let text = |t: &Tok| match t {
            Tok::Num(n) | Tok::Name(n) => n.clone(),
            Tok::Sym(_) => "(…)".to_string(),
            Tok::End => String::new(),
        };
        match (self.before(), self.peek()) {
            (
                Some(a @ (Tok::Num(_) | Tok::Sym(')'))),
                Some(b @ (Tok::Name(_) | Tok::Num(_) | Tok::Sym('('))),
            ) => {
                format!(
                    "; for a product write `{}*{}` (multiplication needs `*`)",
                    text(a),
                    text(b)
                )
            }
            _ => String::new(),
        }
    }

    fn pos(&self) -> usize {
        self.toks.get(self.i).map_or(self.src.len(), |t| t.1)
    }

    fn error(&self, message: &str) -> Error {
        syntax(self.src, self.pos(), message)
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(&Tok::Sym(c)) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, c: char, what: &str) -> Result<()> {
        if self.eat(c) {
            Ok(())
        } else {
            let found = self.peek().map_or("the end".to_string(), describe);
            let hint = self.product_hint();
            Err(self.error(&format!("expected `{c}` {what}, found {found}{hint}")))
        }
    }

    fn count_op(&mut self) -> Result<()> {
        self.ops += 1;
        if self.ops > MAX_NODES {
            return Err(Error::Limit {
                what: "the number of operations in the expression".to_string(),
                limit: MAX_NODES.to_string(),
                hint: String::new(),
            });
        }
        Ok(())
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Error::Limit {
                what: "the nesting depth of the expression".to_string(),
                limit: MAX_DEPTH.to_string(),
                hint: "; name intermediate steps (`a = …; b = …`) instead of nesting".to_string(),
            });
        }
        Ok(())
    }

    fn statement(&mut self) -> Result<Statement> {
        let pos = self.pos();
        if let (Some((Tok::Name(n), _)), Some((Tok::Sym('='), _))) =
            (self.toks.get(self.i), self.toks.get(self.i + 1))
        {
            let name = n.clone();
            if crate::op::function(&name).is_some() {
                return Err(
                    self.error(&format!("`{name}` is a function and cannot be a step name"))
                );
            }
            self.i += 2;
            let expr = self.expr()?;
            return Ok(Statement {
                name: Some(name),
                expr,
                pos,
            });
        }
        Ok(Statement {
            name: None,
            expr: self.expr()?,
            pos,
        })
    }

    fn expr(&mut self) -> Result<Expr> {
        let mut left = self.term()?;
        loop {
            let op = if self.eat('+') {
                BinOp::Add
            } else if self.eat('-') {
                BinOp::Sub
            } else {
                return Ok(left);
            };
            self.count_op()?;
            let right = self.term()?;
            left = Expr::Binary(op, Box::new(left), Box::new(right));
        }
    }

    fn term(&mut self) -> Result<Expr> {
        let mut left = self.unary()?;
        loop {
            let op = if self.eat('*') {
                BinOp::Mul
            } else if self.eat('/') {
                BinOp::Div
            } else {
                return Ok(left);
            };
            self.count_op()?;
            let right = self.unary()?;
            // A literal fraction such as 1/4 stays one exact constant.
            left = match (left, right) {
                (Expr::Num { value: a, text: ta }, Expr::Num { value: b, text: tb })
                    if op == BinOp::Div && !b.is_zero() =>
                {
                    // 2/(1/2) is 4: the right operand keeps its parentheses
                    let tb = if tb.contains('/') {
                        format!("({tb})")
                    } else {
                        tb
                    };
                    Expr::Num {
                        value: a.div(&b)?,
                        text: format!("{ta}/{tb}"),
                    }
                }
                (l, r) => Expr::Binary(op, Box::new(l), Box::new(r)),
            };
        }
    }

    fn unary(&mut self) -> Result<Expr> {
        self.enter()?;
        let e = if self.eat('-') {
            self.count_op()?;
            Expr::Neg(Box::new(self.unary()?))
        } else if self.eat('+') {
            self.unary()?
        } else {
            self.power()?
        };
        self.depth -= 1;
        Ok(e)
    }

    fn power(&mut self) -> Result<Expr> {
        let base = self.primary()?;
        if self.eat('^') {
            self.count_op()?;
            let exponent = self.unary()?;
            return Ok(Expr::Binary(BinOp::Pow, Box::new(base), Box::new(exponent)));
        }
        Ok(base)
    }

    fn primary(&mut self) -> Result<Expr> {
        let pos = self.pos();
        match self.toks.get(self.i).map(|t| t.0.clone()) {
            Some(Tok::Num(text)) => {
                self.i += 1;
                let value = Scalar::parse(&text).map_err(|e| match e {
                    Error::BadNumber { reason, .. } => {
                        syntax(self.src, pos, &format!("cannot read `{text}`: {reason}"))
                    }
                    other => other,
                })?;
                Ok(Expr::Num { value, text })
            }
            Some(Tok::Name(name)) => {
                self.i += 1;
                if self.eat('(') {
                    self.call(name, pos)
                } else if crate::op::function(&name).is_some() {
                    Err(syntax(
                        self.src,
                        pos,
                        &format!("`{name}` is a function: write {name}(…)"),
                    ))
                } else {
                    Ok(Expr::Var { name, pos })
                }
            }
            Some(Tok::Sym('(')) => {
                // Depth is counted in `unary`, which every nested expression
                // passes through once per level.
                self.i += 1;
                let e = self.expr()?;
                self.expect(')', "to close the parenthesis")?;
                Ok(e)
            }
            Some(t) => {
                // `x ** 2`: the second `*` is where a number was expected
                let hint = if t == Tok::Sym('*') && self.before() == Some(&Tok::Sym('*')) {
                    "; for a power write `^`, e.g. `x^2` (`**` is not an operator here)"
                } else {
                    ""
                };
                Err(self.error(&format!(
                    "expected a number, a name or `(`, found {}{hint}",
                    describe(&t)
                )))
            }
            None => {
                Err(self.error("the expression ends too early; expected a number, a name or `(`"))
            }
        }
    }

    fn call(&mut self, name: String, pos: usize) -> Result<Expr> {
        let Some(row) = crate::op::function(&name) else {
            let names = crate::op::function_names();
            let hint =
                nearest(&name, &names).map_or(String::new(), |n| format!(" (did you mean `{n}`?)"));
            return Err(Error::UnknownFunction {
                name,
                known: names.join(", "),
                hint,
            });
        };
        let arity = row.arity;
        self.count_op()?;
        let mut args = vec![self.expr()?];
        while self.eat(',') {
            args.push(self.expr()?);
        }
        self.expect(')', "to close the argument list")?;
        if args.len() != arity {
            let plural = if arity == 1 { "" } else { "s" };
            return Err(syntax(
                self.src,
                pos,
                &format!("{name} takes {arity} argument{plural}, got {}", args.len()),
            ));
        }
        // `log` is stored as `ln`
        let func = row.name.to_string();
        Ok(Expr::Call { func, args })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(src: &str) -> Expr {
        parse_program(src).unwrap().pop().unwrap().expr
    }

    fn var(n: &str) -> Box<Expr> {
        Box::new(Expr::Var {
            name: n.to_string(),
            pos: 0,
        })
    }

    fn strip(e: Expr) -> Expr {
        // Positions differ between the parsed and the expected tree.
        match e {
            Expr::Var { name, .. } => Expr::Var { name, pos: 0 },
            Expr::Neg(a) => Expr::Neg(Box::new(strip(*a))),
            Expr::Binary(op, a, b) => Expr::Binary(op, Box::new(strip(*a)), Box::new(strip(*b))),
            Expr::Call { func, args } => Expr::Call {
                func,
                args: args.into_iter().map(strip).collect(),
            },
            n => n,
        }
    }

    #[test]
    fn power_binds_tighter_than_unary_minus() {
        // -x^2 = -(x^2)
        let two = Box::new(Expr::Num {
            value: Scalar::int(2),
            text: "2".into(),
        });
        assert_eq!(
            strip(one("-x^2")),
            Expr::Neg(Box::new(Expr::Binary(BinOp::Pow, var("x"), two)))
        );
    }

    #[test]
    fn power_is_right_associative() {
        // a^b^c = a^(b^c)
        assert_eq!(
            strip(one("a^b^c")),
            Expr::Binary(
                BinOp::Pow,
                var("a"),
                Box::new(Expr::Binary(BinOp::Pow, var("b"), var("c")))
            )
        );
    }

    #[test]
    fn statements_and_fractions() {
        let p = parse_program("q = x + y; f = q * z\n").unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].name.as_deref(), Some("q"));
        match one("1/4") {
            Expr::Num { value, text } => {
                assert_eq!(value, Scalar::ratio(1, 4));
                assert_eq!(text, "1/4");
            }
            e => panic!("expected a literal, got {e:?}"),
        }
        assert!(matches!(one("log(x)"), Expr::Call { ref func, .. } if func == "ln"));
        // 2/(1/2) = 4 and 1/2/4 = (1/2)/4 = 1/8: the text reads as the value
        match one("2/(1/2)") {
            Expr::Num { value, text } => {
                assert_eq!(value, Scalar::int(4));
                assert_eq!(text, "2/(1/2)");
            }
            e => panic!("expected a literal, got {e:?}"),
        }
        assert!(matches!(one("1/2/4"), Expr::Num { value, .. } if value == Scalar::ratio(1, 8)));
    }

    #[test]
    fn syntax_errors_point_at_the_column() {
        let Err(Error::Syntax { caret, .. }) = parse_program("(x + ) * z") else {
            panic!("expected a syntax error")
        };
        assert_eq!(caret, "  (x + ) * z\n       ^");
        assert!(matches!(
            parse_program("foo(x)"),
            Err(Error::UnknownFunction { .. })
        ));
        assert!(matches!(parse_program("x − y"), Err(Error::Syntax { .. })));
        assert!(matches!(parse_program(" ; \n"), Err(Error::Syntax { .. })));
        assert!(matches!(parse_program("max(x)"), Err(Error::Syntax { .. })));
    }

    #[test]
    fn common_slips_get_hints() {
        let message = |src: &str| parse_program(src).unwrap_err().to_string();
        let e = message("sigmod(x)");
        assert!(
            e.contains("unknown function `sigmod` (did you mean `sigmoid`?)"),
            "{e}"
        );
        assert!(message("tnah(x)").contains("did you mean `tanh`?"));
        assert!(message("lg(x)").contains("did you mean `ln`?"));
        // nothing near: no guess
        assert!(!message("swish(x)").contains("did you mean"));
        let e = message("2x + 1");
        assert!(e.contains("for a product write `2*x`"), "{e}");
        assert!(message("(2x)").contains("write `2*x`"));
        assert!(message("3(x + 1)").contains("write `3*(…)`"));
        assert!(message("(x + 1)(x - 1)").contains("write `(…)*(…)`"));
        let e = message("x ** 2");
        assert!(e.contains("for a power write `^`, e.g. `x^2`"), "{e}");
        // a plain syntax error gets neither hint
        let e = message("x + * 2");
        assert!(!e.contains("power") && !e.contains("product"), "{e}");
    }

    #[test]
    fn nearest_names() {
        let names = ["exp", "ln", "sqrt", "sigmoid", "tanh"];
        assert_eq!(nearest("sigmod", &names), Some("sigmoid"));
        assert_eq!(nearest("sqr", &names), Some("sqrt"));
        assert_eq!(nearest("xyz", &names), None);
        // sigmod → sigmoid is one insertion
        assert_eq!(edits("sigmod", "sigmoid"), 1);
        assert_eq!(edits("kitten", "sitting"), 3);
        assert_eq!(edits("tnah", "tanh"), 1);
    }

    #[test]
    fn deep_nesting_is_a_limit_not_a_crash() {
        let deep = format!("{}x{}", "(".repeat(100_000), ")".repeat(100_000));
        assert!(matches!(parse_program(&deep), Err(Error::Limit { .. })));
        let minus = format!("{}x", "-".repeat(100_000));
        assert!(matches!(parse_program(&minus), Err(Error::Limit { .. })));
        let fine = format!(
            "{}x{}",
            "(".repeat(MAX_DEPTH - 1),
            ")".repeat(MAX_DEPTH - 1)
        );
        assert!(parse_program(&fine).is_ok());
        let calls = format!("{}x{}", "exp(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
        assert!(matches!(parse_program(&calls), Err(Error::Limit { .. })));
    }
}
