//! `kamerzoek serve DIR`: a quick look at a built site without another tool. A small static file
//! server on 127.0.0.1 only (never the network), GET and HEAD, with the types a browser needs to
//! run the engine (`application/wasm`, JavaScript modules). Each connection gets a thread and is
//! closed after its answer; a request that is slow, too large or malformed gets a clear status,
//! no path leaves the folder (`..`, encoded or not, and links that point out of it) or enters
//! its hidden files, and only requests for a loopback host are answered.
//!
//! No client holds a thread for long: the request head must come within [`HEAD_DEADLINE`] and
//! the answer be taken within [`ANSWER_DEADLINE`]; and when every slot is taken, the most stalled
//! connection makes room (`slots.rs`).

mod http;
mod slots;

use super::say;
use http::Range;
use kamerzoek::{Error, Result};
use slots::{Conn, Slots};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The exit code by which the command line under WASI asks Node to serve the folder it checked.
const SERVE_IN_NODE: i32 = 75;
/// The most bytes of a request's head read before it is refused.
const MAX_HEAD: usize = 8 * 1024;
/// How long a connection may take to send its whole request head.
const HEAD_DEADLINE: Duration = Duration::from_secs(10);
/// How long a client may take to take its whole answer: the largest file of an index (a pack of
/// letters, a few megabytes) comes over loopback in milliseconds, and over a slow phone link
/// forwarded to it in seconds; a client that reads nothing is cut at this.
const ANSWER_DEADLINE: Duration = Duration::from_secs(30);
/// Bytes written at a time, each within what is left of the deadline.
const PIECE: usize = 64 * 1024;

/// Serves `dir` on 127.0.0.1:`port` (0: any free port) until the process is stopped.
pub fn serve(dir: &Path, port: u16) -> Result<()> {
    let root = dir
        .canonicalize()
        .map_err(|e| Error::io(dir.display(), e))?;
    if !root.is_dir() {
        return Err(Error::NotAFolder {
            path: dir.display().to_string(),
            wanted: "to serve",
        });
    }
    // WASI has no sockets: the command line Node runs (the npm package's `bin/kamerzoek.mjs`)
    // checks the folder here, as natively, and leaves the serving to Node, by this exit code.
    if cfg!(target_os = "wasi") {
        std::process::exit(SERVE_IN_NODE);
    }
    let listener =
        TcpListener::bind(("127.0.0.1", port)).map_err(|e| Error::io(format!("port {port}"), e))?;
    let bound = listener
        .local_addr()
        .map_err(|e| Error::io(format!("port {port}"), e))?;
    say(&format!(
        "serving {} at http://{bound}/ (Ctrl-C stops)",
        dir.display()
    ));
    let slots = Arc::new(Slots::default());
    let host = Arc::new(bound.ip().to_string());
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        let Some(conn) = slots.take(&stream) else {
            let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
            let _ = status(&mut stream, 503, "too many connections, try again", false);
            continue;
        };
        let (root, slots, host) = (root.clone(), slots.clone(), host.clone());
        std::thread::spawn(move || {
            // A visitor that goes away mid-answer is no error of the server's.
            let _ = answer(stream, &root, &host, &conn, &slots);
            slots.give_back(&conn);
        });
    }
    Ok(())
}

/// The request head's lines, read within [`HEAD_DEADLINE`] for all of them (a byte every few
/// seconds does not keep a connection); None when it is too large, cut off or too slow.
fn read_head(stream: &TcpStream, conn: &Conn, slots: &Slots) -> Option<Vec<Vec<u8>>> {
    let started = Instant::now();
    let mut reader = BufReader::new(stream.try_clone().ok()?).take(MAX_HEAD as u64);
    let mut lines: Vec<Vec<u8>> = Vec::new();
    while let Some(left) = HEAD_DEADLINE
        .checked_sub(started.elapsed())
        .filter(|l| !l.is_zero())
    {
        stream.set_read_timeout(Some(left)).ok()?;
        let mut line = Vec::new();
        if reader.read_until(b'\n', &mut line).unwrap_or(0) == 0 || !line.ends_with(b"\n") {
            return None;
        }
        conn.moved(slots);
        if line == b"\r\n" || line == b"\n" {
            return (!lines.is_empty()).then_some(lines);
        }
        lines.push(line);
    }
    None
}

fn answer(
    stream: TcpStream,
    root: &Path,
    bound: &str,
    conn: &Conn,
    slots: &Slots,
) -> std::io::Result<()> {
    let head = read_head(&stream, conn, slots);
    conn.head_done();
    let started = Instant::now();
    let mut out = Deadline {
        stream,
        until: started + ANSWER_DEADLINE,
        conn,
        slots,
    };
    let Some(lines) = head else {
        return status(
            &mut out,
            400,
            "request head too large, cut off or too slow",
            false,
        );
    };
    let Ok(first) = std::str::from_utf8(&lines[0]) else {
        return status(&mut out, 400, "not an HTTP request", false);
    };
    let mut parts = first.split_whitespace();
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
        return status(&mut out, 400, "not an HTTP request", false);
    };
    let head_only = match method {
        "GET" => false,
        "HEAD" => true,
        _ => return status(&mut out, 405, "only GET and HEAD", false),
    };
    let headers: Vec<(&str, &str)> = lines[1..]
        .iter()
        .filter_map(|l| std::str::from_utf8(l).ok())
        .filter_map(|l| l.split_once(':'))
        .map(|(name, value)| (name.trim(), value.trim()))
        .collect();
    let header = |wanted: &str| {
        headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(wanted))
            .map(|(_, value)| *value)
    };
    let (path, authority) = http::origin_form(target);
    // HTTP/1.0 clients may send no Host; a browser always does.
    if let Some(host) = authority.or(header("host"))
        && !http::host_allowed(host, bound)
    {
        return status(
            &mut out,
            403,
            "this server answers only for 127.0.0.1",
            head_only,
        );
    }
    let Some(path) = http::resolve(root, path) else {
        return status(&mut out, 404, "not found", head_only);
    };
    let Ok(mut file) = std::fs::File::open(&path) else {
        return status(&mut out, 404, "not found", head_only);
    };
    let length = file.metadata()?.len();
    // One range of bytes (a letter pack's header, a letter in it), as static hosts answer it.
    let range = header("range").map_or(Range::Whole, |v| http::byte_range(v, length));
    let (code, start, count, extra) = match range {
        Range::Whole => (200, 0, length, String::new()),
        Range::Unsatisfiable => {
            write!(
                out,
                "HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */{length}\r\n\
                 Content-Length: 0\r\nConnection: close\r\n\r\n"
            )?;
            return out.flush();
        }
        Range::Bytes(start, end) => (
            206,
            start,
            end + 1 - start,
            format!("Content-Range: bytes {start}-{end}/{length}\r\n"),
        ),
    };
    let text = if code == 206 { "Partial Content" } else { "OK" };
    write!(
        out,
        "HTTP/1.1 {code} {text}\r\nContent-Type: {}\r\nContent-Length: {count}\r\n{extra}\
         Accept-Ranges: bytes\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\n\
         Connection: close\r\n\r\n",
        http::content_type(&path)
    )?;
    if !head_only {
        file.seek(SeekFrom::Start(start))?;
        std::io::copy(&mut file.take(count), &mut out)?;
    }
    out.flush()
}

/// The socket, written to within a deadline for the whole answer: each piece gets what is left
/// of it, and a client that takes nothing is cut when it passes.
struct Deadline<'a> {
    stream: TcpStream,
    until: Instant,
    conn: &'a Conn,
    slots: &'a Slots,
}

impl Write for Deadline<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let left = self
            .until
            .checked_duration_since(Instant::now())
            .filter(|l| !l.is_zero())
            .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::TimedOut))?;
        self.stream.set_write_timeout(Some(left))?;
        let n = self.stream.write(&buf[..buf.len().min(PIECE)])?;
        self.conn.moved(self.slots);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.stream.flush()
    }
}

/// An answer of only a status; a HEAD request's has no body.
fn status(out: &mut impl Write, code: u16, text: &str, head_only: bool) -> std::io::Result<()> {
    // A 405 says what is allowed (RFC 9110, 15.5.6).
    let allow = if code == 405 {
        "Allow: GET, HEAD\r\n"
    } else {
        ""
    };
    write!(
        out,
        "HTTP/1.1 {code} {text}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: \
         {}\r\n{allow}Connection: close\r\n\r\n",
        text.len() + 1
    )?;
    if !head_only {
        writeln!(out, "{text}")?;
    }
    out.flush()
}
