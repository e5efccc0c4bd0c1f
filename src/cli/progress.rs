//! A progress line on a terminal: one line rewritten in place, at most every percent; nothing
//! when stderr is a file or a pipe (CI logs keep only the warnings).

use std::io::{IsTerminal, Write};

pub struct Progress {
    terminal: bool,
    shown: Option<(&'static str, usize)>,
}

impl Progress {
    pub fn new() -> Self {
        Progress {
            terminal: std::io::stderr().is_terminal(),
            shown: None,
        }
    }

    pub fn show(&mut self, pass: &'static str, done: usize, of: usize) {
        let percent = done * 100 / of.max(1);
        if !self.terminal || self.shown == Some((pass, percent)) {
            return;
        }
        self.shown = Some((pass, percent));
        let width = 30;
        let filled = percent * width / 100;
        let bar = format!("{}{}", "#".repeat(filled), ".".repeat(width - filled));
        eprint!("\r\x1b[2K{pass:<15} [{bar}] {done}/{of}");
        let _ = std::io::stderr().flush();
    }

    /// A line of its own, above the progress line.
    pub fn line(&mut self, text: &str) {
        self.clear();
        eprintln!("{text}");
    }

    pub fn clear(&mut self) {
        if self.terminal && self.shown.take().is_some() {
            eprint!("\r\x1b[2K");
        }
    }
}
