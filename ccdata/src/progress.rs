//! Progress on long runs (a year of files), drawn on standard error only when it is a terminal:
//! in cron jobs, pipes and tests nothing is drawn, so logs hold only the results.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;

/// A progress bar over `len` steps, or nothing when stderr is not a terminal.
pub struct Progress(ProgressBar);

impl Progress {
    /// A bar labelled `what` (e.g. `reading`).
    pub fn new(len: usize, what: &'static str) -> Self {
        // Short runs finish before a bar is worth drawing.
        if !std::io::stderr().is_terminal() || len < 2 {
            return Self(ProgressBar::hidden());
        }
        let bar = ProgressBar::new(len as u64);
        if let Ok(style) = ProgressStyle::with_template("{msg:>10} [{bar:30}] {pos}/{len}") {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(what);
        Self(bar)
    }

    /// One step done.
    pub fn step(&self) {
        self.0.inc(1);
    }

    /// Removes the bar.
    pub fn finish(&self) {
        self.0.finish_and_clear();
    }
}
