//! `kamerzoek serve DIR`: a quick look at a built site without another tool. A small static file
//! server on 127.0.0.1 only (never the network), GET and HEAD, with the types a browser needs to
//! run the engine (`application/wasm`, JavaScript modules). Each connection gets a thread and is
//! closed after its answer; a request that is slow, too large or malformed gets a clear status,
//! and no path leaves the folder (`..`, encoded or not, and links that point out of it).

use super::say;
use kamerzoek::{Error, Result};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The most bytes of a request's head read before it is refused.
const MAX_HEAD: usize = 8 * 1024;
/// How long a connection may take to send its whole request head.
const READ_TIMEOUT: Duration = Duration::from_secs(10);
/// Most connections answered at once; more are told to come back (a quick look needs few).
const MAX_CONNECTIONS: usize = 64;

/// Connections being answered.
static ACTIVE: AtomicUsize = AtomicUsize::new(0);

/// Serves `dir` on 127.0.0.1:`port` (0: any free port) until the process is stopped.
pub fn serve(dir: &Path, port: u16) -> Result<()> {
    let root = dir
        .canonicalize()
        .map_err(|e| Error::io(dir.display(), e))?;
    if !root.is_dir() {
        return Err(Error::BadOption {
            message: format!("{}: not a folder to serve", dir.display()),
        });
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
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        if ACTIVE.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            ACTIVE.fetch_sub(1, Ordering::SeqCst);
            let _ = status(&mut stream, 503, "too many connections, try again", false);
            continue;
        }
        let root = root.clone();
        std::thread::spawn(move || {
            // A visitor that goes away mid-answer is no error of the server's.
            let _ = answer(stream, &root);
            ACTIVE.fetch_sub(1, Ordering::SeqCst);
        });
    }
    Ok(())
}

fn answer(stream: TcpStream, root: &Path) -> std::io::Result<()> {
    let started = Instant::now();
    let mut reader = BufReader::new(stream.try_clone()?).take(MAX_HEAD as u64);
    // The head, line by line, within one deadline for all of it (a byte every few seconds does
    // not keep a connection forever).
    let mut lines: Vec<Vec<u8>> = Vec::new();
    let mut complete = false;
    while let Some(left) = READ_TIMEOUT
        .checked_sub(started.elapsed())
        .filter(|l| !l.is_zero())
    {
        stream.set_read_timeout(Some(left))?;
        let mut line = Vec::new();
        if reader.read_until(b'\n', &mut line).unwrap_or(0) == 0 || !line.ends_with(b"\n") {
            break;
        }
        if line == b"\r\n" || line == b"\n" {
            complete = true;
            break;
        }
        lines.push(line);
    }
    let mut out = stream;
    if !complete || lines.is_empty() {
        return status(
            &mut out,
            400,
            "request head too large, cut off or too slow",
            false,
        );
    }
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
    let Some(path) = resolve(root, origin_form(target)) else {
        return status(&mut out, 404, "not found", head_only);
    };
    let Ok(mut file) = std::fs::File::open(&path) else {
        return status(&mut out, 404, "not found", head_only);
    };
    let length = file.metadata()?.len();
    // One range of bytes (a letter pack's header, a letter in it), as static hosts answer it.
    let range = lines[1..]
        .iter()
        .filter_map(|l| std::str::from_utf8(l).ok())
        .filter_map(|l| l.split_once(':'))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("range"))
        .and_then(|(_, value)| byte_range(value.trim(), length));
    let (code, start, count, extra) = match range {
        None => (200, 0, length, String::new()),
        Some(None) => {
            write!(
                out,
                "HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */{length}\r\n\
                 Content-Length: 0\r\nConnection: close\r\n\r\n"
            )?;
            return out.flush();
        }
        Some(Some((start, end))) => (
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
        content_type(&path)
    )?;
    if !head_only {
        file.seek(SeekFrom::Start(start))?;
        std::io::copy(&mut file.take(count), &mut out)?;
    }
    out.flush()
}

/// `bytes=A-B`, `bytes=A-` or `bytes=-N` of a file of `length` bytes: `Some(Some((first,
/// last)))`, or `Some(None)` when it asks for no byte the file has; `None` for anything else
/// (several ranges, other units), which is answered with the whole file.
fn byte_range(value: &str, length: u64) -> Option<Option<(u64, u64)>> {
    let (from, to) = value.strip_prefix("bytes=")?.split_once('-')?;
    let number = |t: &str| t.trim().parse::<u64>().ok();
    let (from, to) = match (from.trim(), to.trim()) {
        ("", "") => return None,
        ("", n) => (None, Some(number(n)?)),
        (a, "") => (Some(number(a)?), None),
        (a, b) => (Some(number(a)?), Some(number(b)?)),
    };
    let Some(last) = length.checked_sub(1) else {
        return Some(None);
    };
    let (start, end) = match (from, to) {
        (None, Some(n)) => (length.saturating_sub(n), last),
        (Some(a), None) => (a, last),
        (Some(a), Some(b)) => (a, b.min(last)),
        (None, None) => return None,
    };
    Some((start <= end && start <= last).then_some((start, end)))
}

/// An answer of only a status; a HEAD request's has no body.
fn status(out: &mut TcpStream, code: u16, text: &str, head_only: bool) -> std::io::Result<()> {
    write!(
        out,
        "HTTP/1.1 {code} {text}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: \
         {}\r\nConnection: close\r\n\r\n",
        text.len() + 1
    )?;
    if !head_only {
        writeln!(out, "{text}")?;
    }
    out.flush()
}

/// The path of a request target, also of one in absolute form (`http://host/path`).
fn origin_form(target: &str) -> &str {
    for scheme in ["http://", "https://"] {
        if let Some(rest) = target.strip_prefix(scheme) {
            return rest.find('/').map_or("/", |at| &rest[at..]);
        }
    }
    target
}

/// The file `target` names inside `root`: percent-decoded, without its query, `index.html` for a
/// folder; `None` for a path with `..`, a NUL, bytes that are no UTF-8, or one that leads out of
/// `root` (through a link) or to nothing.
fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next()?;
    let decoded = percent_decode(path)?;
    if !decoded.starts_with('/') || decoded.contains('\0') || decoded.contains('\\') {
        return None;
    }
    let mut full = root.to_path_buf();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        if segment == ".." || segment == "." {
            return None;
        }
        full.push(segment);
    }
    if full.is_dir() {
        full.push("index.html");
    }
    let real = full.canonicalize().ok()?;
    (real.starts_with(root) && real.is_file()).then_some(real)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The type a browser needs: a module script must be JavaScript, the engine `application/wasm`.
fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("txt" | "md") => "text/plain; charset=utf-8",
        // The index files (`.idx`, `.kz`) are gzip bytes the engine unpacks itself.
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::write(root.join("index.html"), "x").unwrap();
        std::fs::create_dir(root.join("pkg")).unwrap();
        std::fs::write(root.join("pkg/a b.js"), "x").unwrap();
        assert_eq!(resolve(&root, "/"), Some(root.join("index.html")));
        assert_eq!(
            resolve(&root, "/pkg/a%20b.js?v=1"),
            Some(root.join("pkg/a b.js"))
        );
        for bad in [
            "/../etc/passwd",
            "/pkg/../../x",
            "/%2e%2e/x",
            "/pkg%2f..%2f..%2fx",
            "/a%00b",
            "/%zz",
            "/%ff",
            "relative",
            "/nothing-here",
            "/pkg",
        ] {
            assert_eq!(resolve(&root, bad), None, "{bad}");
        }
    }

    #[test]
    fn a_link_out_of_the_folder_is_not_followed() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.txt"), "s").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(outside.path().join("secret.txt"), root.join("s.txt"))
                .unwrap();
            assert_eq!(resolve(&root, "/s.txt"), None);
        }
    }

    #[test]
    fn ranges_of_bytes_are_read_as_servers_read_them() {
        assert_eq!(byte_range("bytes=0-9", 100), Some(Some((0, 9))));
        assert_eq!(
            byte_range("bytes=0-283", 100),
            Some(Some((0, 99))),
            "to the end"
        );
        assert_eq!(byte_range("bytes=90-", 100), Some(Some((90, 99))));
        assert_eq!(byte_range("bytes=-10", 100), Some(Some((90, 99))));
        assert_eq!(byte_range("bytes=100-200", 100), Some(None));
        assert_eq!(byte_range("bytes=5-2", 100), Some(None));
        assert_eq!(byte_range("bytes=0-1", 0), Some(None));
        assert_eq!(byte_range("bytes=0-1,4-5", 100), None, "one range only");
        assert_eq!(byte_range("lines=0-1", 100), None);
        assert_eq!(byte_range("bytes=-", 100), None);
    }

    #[test]
    fn types_a_browser_needs() {
        assert_eq!(content_type(Path::new("a/k_bg.wasm")), "application/wasm");
        assert_eq!(
            content_type(Path::new("kamerzoek.JS")),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("index/kamerzoek.idx")),
            "application/octet-stream"
        );
    }
}
