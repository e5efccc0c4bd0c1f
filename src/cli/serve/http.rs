//! What the server reads from a request, each a function of text alone (tested without a
//! socket): the range of bytes asked for, the file a target names, whether the `Host` is one this
//! server answers for, the type of a file.

use std::path::{Path, PathBuf};

/// What a `Range` header asks of a file of some length.
#[derive(Debug, PartialEq, Eq)]
pub enum Range {
    /// The header is ignored, the whole file sent (RFC 9110, 14.2: several ranges, other units,
    /// and a range that is no valid range, such as `bytes=5-2` or `bytes=+1-2`).
    Whole,
    /// Bytes `first..=last`.
    Bytes(u64, u64),
    /// A valid range of which the file has no byte (416).
    Unsatisfiable,
}

/// `bytes=A-B`, `bytes=A-` or `bytes=-N` of a file of `length` bytes.
pub fn byte_range(value: &str, length: u64) -> Range {
    let Some((from, to)) = value.strip_prefix("bytes=").and_then(|v| v.split_once('-')) else {
        return Range::Whole;
    };
    // Digits only: `u64::from_str` takes a leading `+`, which no range has.
    let number = |t: &str| {
        let t = t.trim();
        (!t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse::<u64>().ok())
            .flatten()
    };
    let (from, to) = match (from.trim(), to.trim()) {
        ("", "") => return Range::Whole,
        ("", n) => (None, number(n)),
        (a, "") => (number(a), None),
        (a, b) => match (number(a), number(b)) {
            (Some(a), Some(b)) if b >= a => (Some(a), Some(b)),
            _ => return Range::Whole,
        },
    };
    let (start, end) = match (from, to) {
        (None, Some(0)) => return Range::Unsatisfiable,
        (None, Some(n)) => (length.saturating_sub(n), u64::MAX),
        (Some(a), None) => (a, u64::MAX),
        (Some(a), Some(b)) => (a, b),
        // A part that is not a number.
        _ => return Range::Whole,
    };
    match length.checked_sub(1) {
        Some(last) if start <= last => Range::Bytes(start, end.min(last)),
        _ => Range::Unsatisfiable,
    }
}

/// The path of a request target, also of one in absolute form (`http://host/path`), and the
/// authority of the absolute form.
pub fn origin_form(target: &str) -> (&str, Option<&str>) {
    for scheme in ["http://", "https://"] {
        if let Some(rest) = target.strip_prefix(scheme) {
            return match rest.find('/') {
                Some(at) => (&rest[at..], Some(&rest[..at])),
                None => ("/", Some(rest)),
            };
        }
    }
    (target, None)
}

/// Whether a `Host` (or an absolute target's authority) names this server: a loopback name or
/// address, or the address it is bound to, with any port. A page of another site that had its
/// name point at 127.0.0.1 (DNS rebinding) sends its own name, and is refused.
pub fn host_allowed(host: &str, bound: &str) -> bool {
    let host = host.trim().to_ascii_lowercase();
    // `[::1]:8000`, `127.0.0.1:8000`, `localhost`.
    let name = if let Some(rest) = host.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        host.rsplit_once(':').map_or(host.as_str(), |(name, port)| {
            if port.bytes().all(|b| b.is_ascii_digit()) {
                name
            } else {
                ""
            }
        })
    };
    let loopback = name
        .parse::<std::net::IpAddr>()
        .is_ok_and(|ip| ip.is_loopback());
    loopback || name == "localhost" || name.ends_with(".localhost") || name == bound
}

/// The file `target` names inside `root`: percent-decoded, without its query, `index.html` for a
/// folder; `None` for a path with `..`, a NUL, bytes that are no UTF-8, a name starting with a
/// dot (`.git/`, `.env`: a folder's hidden files are not the site's), or one that leads out of
/// `root` (through a link) or to nothing.
pub fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next()?;
    let decoded = percent_decode(path)?;
    if !decoded.starts_with('/') || decoded.contains('\0') || decoded.contains('\\') {
        return None;
    }
    let mut full = root.to_path_buf();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        if segment.starts_with('.') {
            return None;
        }
        full.push(segment);
    }
    if full.is_dir() {
        full.push("index.html");
    }
    let real = full.canonicalize().ok()?;
    // A link inside the folder may lead into a hidden folder of it.
    let inside = real.strip_prefix(root).ok()?;
    let hidden = inside
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    (!hidden && real.is_file()).then_some(real)
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
pub fn content_type(path: &Path) -> &'static str {
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
        // A PDF letter published beside the index (`--publish-sources`): shown, at its page.
        Some("pdf") => "application/pdf",
        // The index files (`.idx`, `.kz`) are gzip bytes the engine unpacks itself.
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_folder_and_out_of_its_hidden_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::write(root.join("index.html"), "x").unwrap();
        std::fs::create_dir(root.join("pkg")).unwrap();
        std::fs::write(root.join("pkg/a b.js"), "x").unwrap();
        std::fs::create_dir(root.join(".git")).unwrap();
        std::fs::write(root.join(".git/config"), "secret").unwrap();
        std::fs::write(root.join(".env"), "secret").unwrap();
        assert_eq!(resolve(&root, "/"), Some(root.join("index.html")));
        assert_eq!(
            resolve(&root, "/pkg/a%20b.js?v=1"),
            Some(root.join("pkg/a b.js"))
        );
        #[cfg(unix)]
        std::os::unix::fs::symlink(root.join(".git/config"), root.join("config.txt")).unwrap();
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
            "/.git/config",
            "/%2egit/config",
            "/.env",
            "/pkg/./a%20b.js",
            "/config.txt",
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
    fn ranges_of_bytes_are_read_as_rfc_9110_reads_them() {
        use Range::*;
        assert_eq!(byte_range("bytes=0-9", 100), Bytes(0, 9));
        assert_eq!(byte_range("bytes=0-283", 100), Bytes(0, 99), "to the end");
        assert_eq!(byte_range("bytes=90-", 100), Bytes(90, 99));
        assert_eq!(byte_range("bytes=-10", 100), Bytes(90, 99));
        assert_eq!(byte_range("bytes=-1000", 100), Bytes(0, 99));
        assert_eq!(byte_range("bytes=100-200", 100), Unsatisfiable);
        assert_eq!(byte_range("bytes=-0", 100), Unsatisfiable);
        assert_eq!(byte_range("bytes=0-1", 0), Unsatisfiable);
        // Invalid ranges are ignored: the whole file.
        assert_eq!(byte_range("bytes=5-2", 100), Whole, "last before first");
        assert_eq!(byte_range("bytes=+1-2", 100), Whole, "a sign");
        assert_eq!(byte_range("bytes=1-+2", 100), Whole);
        assert_eq!(byte_range("bytes=-+2", 100), Whole);
        assert_eq!(byte_range("bytes=0-1,4-5", 100), Whole, "one range only");
        assert_eq!(byte_range("lines=0-1", 100), Whole);
        assert_eq!(byte_range("bytes=-", 100), Whole);
        assert_eq!(byte_range("bytes=a-", 100), Whole);
    }

    #[test]
    fn only_loopback_names_and_the_bound_address_are_hosts() {
        for good in [
            "127.0.0.1:8000",
            "127.0.0.1",
            "localhost:8000",
            "LOCALHOST",
            "[::1]:8000",
            "127.8.9.1",
            "app.localhost:8000",
        ] {
            assert!(host_allowed(good, "127.0.0.1"), "{good}");
        }
        for bad in [
            "evil.example:8000",
            "evil.example",
            "127.0.0.1.evil.example",
            "localhost.evil.example",
            "10.0.0.1:8000",
            "",
            "127.0.0.1:80x",
        ] {
            assert!(!host_allowed(bad, "127.0.0.1"), "{bad}");
        }
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
