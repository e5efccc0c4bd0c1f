//! A progress line on a terminal: one line rewritten in place, at most every percent; nothing
//! when stderr is a file or a pipe (CI logs keep only the warnings). With `build --json`, the
//! same steps as JSON lines on stdout.

use super::report::Report;
use std::io::{IsTerminal, Write};

pub struct Progress {
    terminal: bool,
    shown: Option<(&'static str, usize)>,
    /// `build --json`'s progress lines, at the same steps.
    report: Report,
}

impl Progress {
    pub fn new(report: Report) -> Self {
        Progress {
            terminal: std::io::stderr().is_terminal(),
            shown: None,
            report,
        }
    }

    pub fn show(&mut self, pass: &'static str, done: usize, of: usize) {
        let percent = done * 100 / of.max(1);
        if self.shown == Some((pass, percent)) {
            return;
        }
        self.shown = Some((pass, percent));
        self.report.progress(pass, done, of);
        if !self.terminal {
            return;
        }
        let width = 30;
        let filled = percent * width / 100;
        let bar = format!("{}{}", "#".repeat(filled), ".".repeat(width - filled));
        // A closed or full stderr loses the progress line, not the build.
        let mut err = std::io::stderr();
        let _ = write!(err, "\r\x1b[2K{pass:<15} [{bar}] {done}/{of}");
        let _ = err.flush();
    }

    /// A warning about a file, above the progress line (and as a JSON line with `--json`).
    pub fn warning(&mut self, path: &str, message: &str) {
        self.report.warning(path, message);
        self.line(&format!("kamerzoek: warning: {path}: {message}"));
    }

    /// A line of its own, above the progress line.
    pub fn line(&mut self, text: &str) {
        self.clear();
        super::say(text);
    }

    pub fn clear(&mut self) {
        if self.terminal && self.shown.take().is_some() {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
        }
    }
}
