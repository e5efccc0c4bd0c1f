//! When the PDF reader panics. Natively the panic is caught and the file is a warning. Under
//! WASI a panic aborts the module, so the panic hook first writes the file and the panic's
//! message to the file named by `KAMERZOEK_PDF_FAULTS`; the Node runner then builds again with
//! that file listed as `KAMERZOEK_SKIP_PDFS`, and the file gets the warning the native build
//! gives. Either way the other letters are indexed and the words are the same.

use super::Problem;
use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, catch_unwind};

thread_local! {
    /// The file being read on this thread, and the message of a panic while reading it.
    static READING: RefCell<Option<(String, Option<String>)>> = const { RefCell::new(None) };
}

/// Installs the hook that keeps a reader's panic from printing a backtrace at the person, and
/// records it (and under WASI, writes it down). Other panics print as before.
pub fn install_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(hook);
}

fn hook() {
    let earlier = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_string());
        let reading = READING.with(|r| {
            let mut r = r.borrow_mut();
            let (file, fault) = r.as_mut()?;
            *fault = Some(message.clone());
            Some(file.clone())
        });
        match reading {
            Some(_file) => {
                #[cfg(target_os = "wasi")]
                record(&_file, &message);
            }
            None => earlier(info),
        }
    }));
}

/// Runs the reader on `shown`'s bytes; a panic becomes [`Problem::ReaderFault`].
pub fn guard<T>(shown: &str, read: impl FnOnce() -> T) -> Result<T, Problem> {
    READING.with(|r| *r.borrow_mut() = Some((shown.to_string(), None)));
    let result = catch_unwind(AssertUnwindSafe(read));
    let fault = READING.with(|r| r.borrow_mut().take()).and_then(|(_, f)| f);
    result.map_err(|_| Problem::ReaderFault(fault.unwrap_or_else(|| "a panic".into())))
}

/// Where an earlier run under WASI stopped: the reader's message for `shown`, if it failed on
/// it. Natively there is no such list.
pub fn skipped_after_fault(shown: &str) -> Option<Problem> {
    let list = std::env::var_os("KAMERZOEK_SKIP_PDFS")?;
    let list = std::fs::read_to_string(list).ok()?;
    list.lines().find_map(|line| {
        let (file, message) = line.split_once('\t')?;
        (unescape(file) == shown).then(|| Problem::ReaderFault(unescape(message)))
    })
}

/// One line per fault: the name's and the message's own line breaks and tabs are escaped.
#[cfg(target_os = "wasi")]
fn record(shown: &str, message: &str) {
    use std::io::Write;
    let Some(path) = std::env::var_os("KAMERZOEK_PDF_FAULTS") else {
        return;
    };
    // A file's name may hold a tab or a line break too.
    let line = format!("{}\t{}\n", escape(shown), escape(message));
    if let Ok(mut file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = file.write_all(line.as_bytes());
    }
}

#[cfg(any(target_os = "wasi", test))]
fn escape(message: &str) -> String {
    message
        .replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\t', "\\t")
}

fn unescape(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut chars = message.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            },
            (c, false) => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fault_message_survives_its_line() {
        let message = "bad\tname\n \\ here";
        assert_eq!(unescape(&escape(message)), message);
        assert!(!escape(message).contains(['\n', '\t']));
    }

    #[test]
    fn a_panic_while_reading_is_a_problem_and_prints_nothing() {
        install_hook();
        let caught = guard("brief.pdf", || -> u32 { panic!("unexpected encoding") });
        assert_eq!(
            caught,
            Err(Problem::ReaderFault("unexpected encoding".into()))
        );
        assert_eq!(guard("brief.pdf", || 7), Ok(7));
    }
}
