//! `kamerzoek build --out DIR` writes a site to deploy: the engine and widget this binary carries,
//! the index in `index/`, a demo page and a service worker when asked, and never a file of the
//! owner's.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn kamerzoek(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kamerzoek"))
        .args(args)
        .output()
        .expect("the kamerzoek binary runs")
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `kamerzoek build seeds --out OUT` with more arguments; its output.
fn build(out: &Path, more: &[&str]) -> Output {
    let seeds = root().join("seeds");
    let mut args = vec![
        "build",
        seeds.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend(more);
    kamerzoek(&args)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every file below `dir` with its bytes, by its path relative to `dir`.
fn listing(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(dir: &Path, prefix: &str, found: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if entry.file_type().unwrap().is_dir() {
                walk(&entry.path(), &format!("{name}/"), found);
            } else {
                found.insert(name, std::fs::read(entry.path()).unwrap());
            }
        }
    }
    let mut found = BTreeMap::new();
    if dir.exists() {
        walk(dir, "", &mut found);
    }
    found
}

/// The web assets as `scripts/build-web.sh` wrote them, which the binary carries.
fn dist(name: &str) -> Vec<u8> {
    std::fs::read(root().join("www/dist").join(name)).unwrap()
}

/// A site's file without the mark the build puts on its first line (the wasm and its gzip have
/// none); the mark names the hash of the rest.
fn unmarked(name: &str, bytes: &[u8]) -> Vec<u8> {
    if name.ends_with(".wasm") || name.ends_with(".gz") {
        return bytes.to_vec();
    }
    let line = bytes.iter().position(|&b| b == b'\n').expect("a mark line");
    let mark = String::from_utf8_lossy(&bytes[..line]).into_owned();
    assert!(
        mark.starts_with("/* kamerzoek ") || mark.starts_with("<!-- kamerzoek "),
        "{name}: {mark}"
    );
    bytes[line + 1..].to_vec()
}

const WIDGET: &[&str] = &[
    "engine.js",
    "file-check.js",
    "kamerzoek.js",
    "pkg/kamerzoek.js",
    "pkg/kamerzoek_bg.wasm",
    "pkg/kamerzoek_bg.wasm.gz",
    "widget.css",
    "widget.js",
];

#[test]
fn a_site_holds_the_engine_the_widget_and_the_index_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("zoeken");
    let run = build(&out, &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    let files = listing(&out);
    let outside_index: Vec<&str> = files
        .keys()
        .map(String::as_str)
        .filter(|n| !n.starts_with("index/"))
        .collect();
    assert_eq!(outside_index, WIDGET, "no demo page unless asked");
    for name in WIDGET {
        assert_eq!(
            unmarked(name, &files[*name]),
            dist(name),
            "{name} is the built asset"
        );
    }
    assert!(files.contains_key("index/kamerzoek.idx"));
    // The build says what a visitor downloads, raw and gzip, and the total.
    let said = stderr(&run);
    for line in [
        "pkg/kamerzoek_bg.wasm.gz",
        "index/kamerzoek.idx",
        "total before the first query",
    ] {
        assert!(said.contains(line), "{said}");
    }
    // The site folder is searched as its index.
    let found = kamerzoek(&["search", out.to_str().unwrap(), "patriot", "--json"]);
    assert!(found.status.success(), "{}", stderr(&found));
    let json: serde_json::Value = serde_json::from_slice(&found.stdout).unwrap();
    assert!(json["total"].as_u64().unwrap() >= 1, "{json}");

    // --demo adds the pages, and a second build into the site replaces what the first wrote.
    let run = build(&out, &["--demo"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let files = listing(&out);
    for page in ["index.html", "style.css", "embed-example.html"] {
        assert_eq!(unmarked(page, &files[page]), dist(page), "{page}");
    }

    // A file of the site the owner edited is theirs now: the next build stops, naming it.
    let widget = out.join("widget.css");
    let mut edited = std::fs::read(&widget).unwrap();
    edited.extend_from_slice(b"\n.kz { color: hotpink; }\n");
    std::fs::write(&widget, &edited).unwrap();
    let before = listing(&out);
    let run = build(&out, &[]);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        stderr(&run).contains("widget.css") && stderr(&run).contains("edited since"),
        "{}",
        stderr(&run)
    );
    assert_eq!(listing(&out), before);
}

#[test]
fn a_site_build_never_replaces_a_file_of_the_owners_and_then_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("widget.js"), "// the owner's own widget").unwrap();
    std::fs::write(out.join("index.html"), "<p>the owner's home page</p>").unwrap();
    let before = listing(&out);

    let run = build(&out, &[]);
    assert_eq!(run.status.code(), Some(1));
    let said = stderr(&run);
    assert!(
        said.contains("widget.js") && said.contains("not written by kamerzoek"),
        "{said}"
    );
    assert!(!said.contains("index.html"), "no demo asked: {said}");
    assert_eq!(listing(&out), before, "nothing written, nothing changed");

    // The owner's home page stops a demo build too, with both files named.
    std::fs::remove_file(out.join("widget.js")).unwrap();
    let run = build(&out, &["--demo"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(stderr(&run).contains("index.html"), "{}", stderr(&run));
    assert_eq!(listing(&out).len(), 1);

    // Without --demo the home page is no obstacle, and stays as it was.
    let run = build(&out, &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(
        std::fs::read(out.join("index.html")).unwrap(),
        b"<p>the owner's home page</p>"
    );
}

#[test]
fn a_file_in_place_of_the_folder_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("zoeken");
    std::fs::write(&file, "mine").unwrap();
    for more in [&[][..], &["--index-only"][..]] {
        let run = build(&file, more);
        assert_eq!(run.status.code(), Some(1));
        let said = stderr(&run);
        assert!(
            said.contains("not a folder") && !said.contains("warning"),
            "{said}"
        );
        assert_eq!(std::fs::read(&file).unwrap(), b"mine");
    }
}

#[test]
fn a_folder_holding_an_index_alone_stays_an_index() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("index");
    assert!(build(&out, &["--index-only"]).status.success());
    let before = listing(&out);
    assert!(before.contains_key("kamerzoek.idx"));
    assert!(!before.contains_key("kamerzoek.js"));

    let run = build(&out, &[]);
    assert_eq!(run.status.code(), Some(1));
    assert!(stderr(&run).contains("--index-only"), "{}", stderr(&run));
    assert_eq!(listing(&out), before);
}

/// The build that the service worker was filled in with.
fn service_worker(site: &Path) -> String {
    let worker = site.parent().unwrap().join("kamerzoek-sw.js");
    String::from_utf8(std::fs::read(worker).unwrap()).unwrap()
}

fn version(worker: &str) -> String {
    worker
        .split("version:\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string()
}

fn precached(worker: &str) -> Vec<String> {
    let list = worker
        .split("precache:[")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .unwrap_or_else(|| panic!("no precache list in {worker}"));
    list.split(',')
        .map(|s| s.trim_matches('"').to_string())
        .collect()
}

#[test]
fn offline_writes_a_worker_beside_the_site_that_stores_a_small_index_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("zoeken");
    let run = build(&out, &["--offline"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(
        unmarked("offline.js", &listing(&out)["offline.js"]),
        dist("offline.js")
    );
    let worker = service_worker(&out);
    assert!(worker.starts_with("/* kamerzoek "));
    assert!(worker.contains("dir:\"zoeken/\""), "{worker}");
    assert!(!worker.contains("__KAMERZOEK_BUILD__"));
    let stored = precached(&worker);
    // Every file of the five letters' index: the entry file and its positions files.
    let index: Vec<String> = listing(&out)
        .keys()
        .filter(|n| n.starts_with("index/"))
        .cloned()
        .collect();
    for name in index
        .iter()
        .chain(["pkg/kamerzoek_bg.wasm.gz".to_string()].iter())
    {
        assert!(stored.contains(name), "{name} in {stored:?}");
    }

    // Under a smaller limit, the entry file and the engine only, under a version of its own.
    let small = build(&out, &["--offline", "--precache-max", "1K"]);
    assert!(small.status.success(), "{}", stderr(&small));
    let worker_small = service_worker(&out);
    let stored_small = precached(&worker_small);
    assert!(stored_small.contains(&"index/kamerzoek.idx".to_string()));
    assert!(!stored_small.iter().any(|n| n.starts_with("index/p-")));
    assert!(stderr(&small).contains("over --precache-max"));
    assert_ne!(version(&worker_small), version(&worker));
    // A same build gives the same worker: its version is of the files' content.
    assert!(
        build(&out, &["--offline", "--precache-max", "1K"])
            .status
            .success()
    );
    assert_eq!(service_worker(&out), worker_small);
}

#[test]
fn offline_refuses_a_bad_size_and_an_owners_worker_before_writing() {
    let dir = tempfile::tempdir().unwrap();
    let out: PathBuf = dir.path().join("zoeken");
    for bad in ["lots", "2X", "1.5M", "99999999999999999999M"] {
        let run = build(&out, &["--offline", "--precache-max", bad]);
        assert_eq!(run.status.code(), Some(1), "{bad}");
        assert!(
            stderr(&run).contains(&format!("bad --precache-max \"{bad}\": use a size")),
            "{}",
            stderr(&run)
        );
    }
    std::fs::write(dir.path().join("kamerzoek-sw.js"), "// the owner's worker").unwrap();
    let run = build(&out, &["--offline"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(stderr(&run).contains("kamerzoek-sw.js"), "{}", stderr(&run));
    assert!(!out.exists(), "nothing written");
}

#[test]
fn a_link_in_place_of_a_site_folder_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    let out = dir.path().join("site");
    std::fs::create_dir(&out).unwrap();
    std::os::unix::fs::symlink(&elsewhere, out.join("pkg")).unwrap();
    let run = build(&out, &[]);
    assert_eq!(run.status.code(), Some(1));
    assert!(stderr(&run).contains("pkg"), "{}", stderr(&run));
    assert!(
        listing(&elsewhere).is_empty(),
        "nothing written through the link"
    );
    assert!(!out.join("index").exists());
}

#[test]
fn build_with_serve_writes_the_site_then_serves_it() {
    use std::io::{BufRead, Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("zoeken");
    let seeds = root().join("seeds");
    let mut child = Command::new(env!("CARGO_BIN_EXE_kamerzoek"))
        .args([
            "build",
            seeds.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .args(["--demo", "--serve", "--port", "0"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut said = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    while !line.contains("serving") {
        line.clear();
        if said.read_line(&mut line).unwrap() == 0 {
            break;
        }
    }
    let port: Option<u16> = line
        .rsplit("127.0.0.1:")
        .next()
        .and_then(|r| r.split('/').next())
        .and_then(|p| p.parse().ok());
    let mut answer = Vec::new();
    if let Some(port) = port {
        let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.write_all(b"GET /kamerzoek.js HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .unwrap();
        s.read_to_end(&mut answer).unwrap();
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(port.is_some(), "no address in {line:?}");
    let text = String::from_utf8_lossy(&answer);
    assert!(text.starts_with("HTTP/1.1 200"), "{text}");
    assert!(
        text.contains("text/javascript")
            && text.ends_with(&*String::from_utf8_lossy(&dist("kamerzoek.js")))
    );
}

#[test]
fn a_build_without_offline_retires_the_sites_worker_and_leaves_others_alone() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("zoeken");
    assert!(build(&out, &["--offline"]).status.success());
    assert!(service_worker(&out).contains("retired:false"));
    let run = build(&out, &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    let retired = service_worker(&out);
    assert!(
        retired.contains("retired:true") && retired.contains("dir:\"zoeken/\""),
        "{retired}"
    );
    assert!(stderr(&run).contains("retired"), "{}", stderr(&run));
    // Offline again: a worker of its own again.
    assert!(build(&out, &["--offline"]).status.success());
    assert!(service_worker(&out).contains("retired:false"));

    // A second site beside it may not take the folder's worker; without --offline it leaves it.
    let other = dir.path().join("andere");
    let run = build(&other, &["--offline"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(stderr(&run).contains("zoeken"), "{}", stderr(&run));
    assert!(!other.exists(), "nothing written");
    assert!(build(&other, &[]).status.success());
    assert!(
        service_worker(&out).contains("retired:false")
            && service_worker(&out).contains("dir:\"zoeken/\"")
    );
}

#[test]
fn offline_from_inside_the_site_folder_names_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("mijn zoeken");
    std::fs::create_dir(&out).unwrap();
    let seeds = root().join("seeds");
    let run = Command::new(env!("CARGO_BIN_EXE_kamerzoek"))
        .args(["build", seeds.to_str().unwrap(), "--out", ".", "--offline"])
        .current_dir(&out)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(service_worker(&out).contains("dir:\"mijn%20zoeken/\""));
}

#[test]
fn a_worker_that_cannot_be_written_leaves_the_earlier_site_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("zoeken");
    let first = build(&out, &["--offline"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let index_before = listing(&out.join("index"));
    // Other letters: a build of them would switch the index and remove the earlier one's files.
    let letters = dir.path().join("letters");
    std::fs::create_dir(&letters).unwrap();
    for entry in std::fs::read_dir(root().join("seeds"))
        .unwrap()
        .flatten()
        .take(3)
    {
        std::fs::copy(entry.path(), letters.join(entry.file_name())).unwrap();
    }
    // A folder where the worker goes: it cannot be written.
    let worker = dir.path().join("kamerzoek-sw.js");
    std::fs::remove_file(&worker).unwrap();
    std::fs::create_dir(&worker).unwrap();
    let run = kamerzoek(&[
        "build",
        letters.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--offline",
    ]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(stderr(&run).contains("kamerzoek-sw.js"), "{}", stderr(&run));
    assert_eq!(
        listing(&out.join("index")),
        index_before,
        "the earlier index is whole, and nothing of the new one is left"
    );
    assert!(worker.is_dir());
}
