//! `nn-tutor train`: flags ([`TrainFlags`]) → a [`Config`] → a run → a
//! [`Report`]. The engine (`crate::train`) knows nothing of reports; this
//! front end wires it to `crate::report::train`.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use super::{Outcome, write_plot};
use crate::activation::Activation;
use crate::args::{Dtype, Optimizer, TrainArgs, TrainFlags};
use crate::error::{Error, Result};
use crate::loss::Loss;
use crate::report::Report;
use crate::report::train::{DataInfo, loss_figure, report};
use crate::train::Real;
use crate::train::data::{self, Dataset};
use crate::train::init::Init;
use crate::train::run::{self, Config, Progress};

pub fn run(a: TrainArgs) -> Result<Outcome> {
    if a.out.float {
        return Err(Error::Usage(
            "--float does nothing here: training always computes in floating point; \
             --dtype f32|f64 chooses the precision"
                .to_string(),
        ));
    }
    let (mut r, time) = train(&a.flags)?;
    if let Some(path) = &a.flags.plot {
        write_plot(&r, path, a.flags.force, &a.out)?;
        r.text(format!("Plot written to {}.", path.display()));
    }
    if let Some(t) = time {
        eprintln!("{t}");
    }
    Outcome::report(r, a.out)
}

/// Most floating-point work one `train` run may do without `--long`:
/// 5·10¹² operations (6 per weight per sample per epoch), a few minutes on
/// a laptop. One epoch of the 784-512-512-10 benchmark is 2.2·10¹¹.
pub const MAX_WORK: f64 = 5e12;

/// Resolve the flags that depend on each other into a [`Config`].
pub fn config(f: &TrainFlags, features: usize, classes: usize) -> Result<Config> {
    let hidden = Activation::parse(&f.activation)?;
    let loss = Loss::parse(&f.loss)?;
    let output = match &f.output {
        Some(o) => Activation::parse(o)?,
        None => match loss {
            Loss::CrossEntropy => Activation::Softmax,
            Loss::Bce => Activation::Sigmoid,
            Loss::Mse | Loss::HalfSse => Activation::Identity,
        },
    };
    let init = match &f.init {
        Some(i) => Init::parse(i)?,
        None => match hidden {
            Activation::Sigmoid | Activation::Tanh | Activation::Softplus => Init::XavierUniform,
            _ => Init::HeUniform,
        },
    };
    let sizes = match &f.layers {
        Some(s) => s.clone(),
        None => vec![features, 32, if classes == 0 { 1 } else { classes }],
    };
    let batch = match (f.optimizer, f.batch) {
        (Optimizer::Gd, None) => None,
        (Optimizer::Sgd, None) => Some(1),
        (Optimizer::Minibatch, b) => Some(b.unwrap_or(32)),
        (o, Some(b)) => {
            return Err(Error::Usage(format!(
                "--batch {b} goes with --optimizer minibatch; --optimizer {} fixes the batch \
                 size itself ({})",
                if o == Optimizer::Gd { "gd" } else { "sgd" },
                if o == Optimizer::Gd {
                    "all N samples"
                } else {
                    "1 sample"
                }
            )));
        }
    };
    Ok(Config {
        sizes,
        hidden,
        output,
        loss,
        init,
        lr: f.lr,
        epochs: f.epochs,
        batch,
        default_batch: f.optimizer == Optimizer::Minibatch && f.batch.is_none(),
        l2: f.l2,
        val: f.val,
        test: f.test,
        patience: f.early_stopping,
        shuffle: !f.no_shuffle,
        seed: f.seed,
    })
}

/// How long a run goes before its progress bar appears.
const BAR_AFTER: Duration = Duration::from_secs(1);

/// Whether the bar should be on screen: only on a terminal, only once the
/// run has taken `after`, and not when the last iteration is done (a run
/// that ends before `after` never shows one).
fn show_bar(terminal: bool, elapsed: Duration, after: Duration, done: u64, total: u64) -> bool {
    terminal && elapsed >= after && done < total
}

/// A progress bar on stderr, shown once a run has taken a second and only
/// when stderr is a terminal; cleared when the run ends.
struct Bar {
    start: Instant,
    /// [`BAR_AFTER`]; the environment variable `NN_TUTOR_BAR_AFTER_MS`
    /// shortens it, so a test can check that a short run with stderr piped
    /// still shows nothing.
    after: Duration,
    /// True when stderr is a terminal.
    terminal: bool,
    /// Where a bar draws (stderr; an in-memory terminal in tests).
    target: Box<dyn Fn() -> indicatif::ProgressDrawTarget + Send>,
    bar: Option<indicatif::ProgressBar>,
}

impl Bar {
    fn on_stderr() -> Bar {
        let after = std::env::var("NN_TUTOR_BAR_AFTER_MS")
            .ok()
            .and_then(|ms| ms.parse().ok())
            .map_or(BAR_AFTER, Duration::from_millis);
        Bar {
            start: Instant::now(),
            after,
            terminal: std::io::stderr().is_terminal(),
            target: Box::new(indicatif::ProgressDrawTarget::stderr),
            bar: None,
        }
    }
}

impl Progress for Bar {
    fn tick(&mut self, done: u64, total: u64) {
        let elapsed = self.start.elapsed();
        if self.bar.is_none() && show_bar(self.terminal, elapsed, self.after, done, total) {
            let b = indicatif::ProgressBar::with_draw_target(Some(total), (self.target)());
            b.set_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:40} {pos}/{len} iterations, {eta} left",
                )
                .expect("the template is valid"),
            );
            self.bar = Some(b);
        }
        if let Some(b) = &self.bar {
            b.set_position(done);
            if done == total {
                b.finish_and_clear();
            }
        }
    }
}

/// Train as the flags say; the report, and a line about the time for stderr.
pub fn train(f: &TrainFlags) -> Result<(Report, Option<String>)> {
    // Before training, so a bad --plot path does not cost the whole run.
    if let Some(p) = &f.plot {
        crate::files::check_writable(p, f.force)?;
    }
    match f.dtype {
        Dtype::F32 => run_typed::<f32>(f),
        Dtype::F64 => run_typed::<f64>(f),
    }
}

/// Refuse a run that would take hours unless `--long` says it is meant.
fn guard_work(f: &TrainFlags, samples: usize, sizes: &[usize]) -> Result<()> {
    let per_sample = 6.0 * sizes.windows(2).map(|w| (w[0] * w[1]) as f64).sum::<f64>();
    let work = per_sample * samples as f64 * f.epochs as f64;
    if work <= MAX_WORK || f.long {
        return Ok(());
    }
    Err(Error::Limit {
        what: format!(
            "{} epochs × {samples} samples × {:.3e} operations per sample ({work:.2e} in all)",
            f.epochs, per_sample
        ),
        limit: format!("{MAX_WORK:.0e} operations"),
        hint: "; that would take a long time: use fewer epochs or samples, or add --long to run it anyway".into(),
    })
}

fn run_typed<T: Real>(f: &TrainFlags) -> Result<(Report, Option<String>)> {
    let d: Dataset<T> = data::load(&f.data, f.samples(), f.seed)?;
    let info = DataInfo::of(&d);
    let cfg = config(f, d.n_features, d.classes())?;
    guard_work(f, d.len(), &cfg.sizes)?;
    let mut bar = Bar::on_stderr();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| Error::Usage(format!("cannot start {threads} threads: {e}")))?;
    let (net, log) = pool.install(|| run::train(&cfg, d, &mut bar))?;
    let secs = log.seconds;
    let mut r = report(&cfg, &info, &net, &log);
    r.blocks
        .push(crate::report::Block::Figure(loss_figure(&log)));
    r.try_next
        .push("the same command with --plot loss.svg to draw the loss curves".into());
    r.try_next
        .push("--val 0.2 --early-stopping 5 to hold out data and stop in time".into());
    r.try_next.push("--format markdown|latex|json".into());
    let time = f.time.then(|| {
        let sizes = &cfg.sizes;
        let flops: f64 = 6.0
            * sizes.windows(2).map(|w| (w[0] * w[1]) as f64).sum::<f64>()
            * (log.n_train * log.epochs.len()) as f64;
        format!(
            "trained {} epoch(s) in {secs:.3} s of training loop ({:.3} s per epoch, {:.1} GFLOP/s by 6·Σ n_in·n_out per sample, {threads} threads)",
            log.epochs.len(),
            secs / log.epochs.len() as f64,
            flops / secs / 1e9
        )
    });
    Ok((r, time))
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use indicatif::{ProgressDrawTarget, TermLike};

    use super::*;

    #[test]
    fn a_bar_only_on_a_terminal_after_a_second_and_never_at_the_end() {
        let (s, ms) = (Duration::from_secs, Duration::from_millis);
        assert!(show_bar(true, s(2), BAR_AFTER, 5, 10));
        assert!(show_bar(true, BAR_AFTER, BAR_AFTER, 5, 10));
        assert!(
            !show_bar(false, s(2), BAR_AFTER, 5, 10),
            "stderr is not a terminal"
        );
        assert!(!show_bar(true, ms(999), BAR_AFTER, 5, 10), "too early");
        assert!(!show_bar(true, s(2), BAR_AFTER, 10, 10), "already done");
    }

    /// A terminal in memory: what the bar writes, one entry per call.
    #[derive(Clone, Debug, Default)]
    struct Screen(Arc<Mutex<Vec<String>>>);

    impl Screen {
        fn push(&self, s: String) -> std::io::Result<()> {
            self.0.lock().expect("not poisoned").push(s);
            Ok(())
        }
        fn text(&self) -> Vec<String> {
            self.0.lock().expect("not poisoned").clone()
        }
    }

    impl TermLike for Screen {
        fn width(&self) -> u16 {
            100
        }
        fn move_cursor_up(&self, n: usize) -> std::io::Result<()> {
            self.push(format!("<up {n}>"))
        }
        fn move_cursor_down(&self, n: usize) -> std::io::Result<()> {
            self.push(format!("<down {n}>"))
        }
        fn move_cursor_right(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_left(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn write_line(&self, s: &str) -> std::io::Result<()> {
            self.push(s.to_string())
        }
        fn write_str(&self, s: &str) -> std::io::Result<()> {
            self.push(s.to_string())
        }
        fn clear_line(&self) -> std::io::Result<()> {
            self.push("<clear>".into())
        }
        fn flush(&self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn bar_on(screen: &Screen, terminal: bool) -> Bar {
        let s = screen.clone();
        Bar {
            start: Instant::now(),
            after: Duration::ZERO,
            terminal,
            target: Box::new(move || ProgressDrawTarget::term_like(Box::new(s.clone()))),
            bar: None,
        }
    }

    #[test]
    fn the_bar_counts_iterations_and_is_cleared_at_the_end() {
        let screen = Screen::default();
        let mut bar = bar_on(&screen, true);
        for done in 1..=3 {
            bar.tick(done, 4);
        }
        let shown = screen.text().join("\n");
        assert!(shown.contains("3/4 iterations"), "{shown}");
        assert!(!shown.contains("4/4"), "{shown}");
        bar.tick(4, 4);
        let b = bar.bar.as_ref().expect("the bar was shown");
        assert!(b.is_finished());
        // finish_and_clear: after the last bar line (4/4) the line is cleared
        // and nothing but cursor moves follows.
        let text = screen.text();
        let last_bar = text.iter().rposition(|s| s.contains("4/4 iterations"));
        let after: Vec<&String> = text[last_bar.expect("4/4 drawn") + 1..]
            .iter()
            .filter(|s| !s.starts_with("<up") && !s.trim().is_empty())
            .collect();
        assert_eq!(after, ["<clear>"], "{text:?}");
    }

    #[test]
    fn no_bar_when_stderr_is_not_a_terminal() {
        let screen = Screen::default();
        let mut bar = bar_on(&screen, false);
        for done in 1..=4 {
            bar.tick(done, 4);
        }
        assert!(bar.bar.is_none());
        assert!(screen.text().is_empty());
    }
}
