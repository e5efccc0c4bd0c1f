//! The command line on the real letters in seeds/: build, search, JSON shape, and clear errors.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn kamerzoek(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kamerzoek"))
        .args(args)
        .output()
        .expect("the kamerzoek binary runs")
}

/// The index of `seeds/`, written alone (`--index-only`) into a folder of its own.
fn built_index() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let out = kamerzoek(&[
        "build",
        seeds.to_str().unwrap(),
        "--out",
        dir.path().to_str().unwrap(),
        "--index-only",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

fn search_json(dir: &Path, query: &str) -> Value {
    let out = kamerzoek(&[
        "search",
        dir.to_str().unwrap(),
        query,
        "--json",
        "--limit",
        "10",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.trim().lines().count(),
        1,
        "exactly one JSON object: {text}"
    );
    serde_json::from_str(&text).unwrap()
}

fn ids(results: &Value) -> Vec<String> {
    results["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap()[..3].to_string())
        .collect()
}

/// A failing command prints one line on stderr, names the problem, and never panics.
fn assert_clean_failure(out: &Output, expect: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert_eq!(stderr.trim().lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains(expect), "{stderr:?} should say {expect:?}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn patriot_finds_the_2024_agenda_first() {
    let dir = built_index();
    let r = search_json(dir.path(), "patriot");
    assert_eq!(ids(&r)[0], "001");
    let hit = &r["hits"][0];
    assert!(
        hit["id"]
            .as_str()
            .unwrap()
            .starts_with("001_dc9679a733d371f6")
    );
    assert!(hit["score"].as_f64().unwrap() > 0.0);
    assert!(!hit["title"].as_str().unwrap().is_empty());
    assert!(
        hit["excerpt"]
            .as_str()
            .unwrap()
            .contains("<mark>Patriot</mark>")
    );
    assert_eq!(r["query"], "patriot");
}

#[test]
fn oekraine_finds_all_five_letters() {
    let dir = built_index();
    let r = search_json(dir.path(), "oekraine");
    assert_eq!(r["total"], 5);
    let mut found = ids(&r);
    found.sort();
    assert_eq!(found, ["000", "001", "002", "003", "004"]);
}

#[test]
fn limit_caps_the_hits_but_not_the_total() {
    let dir = built_index();
    let out = kamerzoek(&[
        "search",
        dir.path().to_str().unwrap(),
        "oekraine",
        "--json",
        "--limit",
        "2",
    ]);
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["hits"].as_array().unwrap().len(), 2);
    assert_eq!(r["total"], 5);
}

#[test]
fn readable_output_lists_ranked_letters() {
    let dir = built_index();
    let out = kamerzoek(&["search", dir.path().to_str().unwrap(), "patriot"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("1 of 1 matching letters"), "{text}");
    assert!(
        text.contains(" 1. ") && text.contains("001_dc9679a733d371f6"),
        "{text}"
    );
    assert!(!text.contains("<mark>"), "{text}");
}

#[test]
fn missing_letters_folder_is_a_clear_error() {
    let out = kamerzoek(&["build", "/nonexistent/letters", "--out", "/tmp/unused"]);
    assert_clean_failure(&out, "/nonexistent/letters");
}

#[test]
fn folder_without_letters_is_a_clear_error() {
    let empty = tempfile::tempdir().unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let out = kamerzoek(&[
        "build",
        empty.path().to_str().unwrap(),
        "--out",
        out_dir.path().to_str().unwrap(),
    ]);
    assert_clean_failure(&out, "no letters");
    assert!(!out_dir.path().join("kamerzoek.idx").exists());
}

#[test]
fn unreadable_index_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_str().unwrap();
    assert_clean_failure(&kamerzoek(&["search", path, "x"]), "kamerzoek.idx");
    std::fs::write(dir.path().join("kamerzoek.idx"), "<html>not found</html>").unwrap();
    assert_clean_failure(&kamerzoek(&["search", path, "x"]), "not a kamerzoek index");
}

#[test]
fn damaged_index_is_a_clear_error() {
    let dir = built_index();
    let file = dir.path().join("kamerzoek.idx");
    let mut bytes = std::fs::read(&file).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x40;
    std::fs::write(&file, &bytes).unwrap();
    assert_clean_failure(
        &kamerzoek(&["search", dir.path().to_str().unwrap(), "x"]),
        "damaged",
    );
    std::fs::write(&file, &bytes[..middle]).unwrap();
    assert_clean_failure(
        &kamerzoek(&["search", dir.path().to_str().unwrap(), "x"]),
        "index",
    );
}

fn search_args(dir: &Path, args: &[&str]) -> Value {
    let mut all = vec!["search", dir.to_str().unwrap()];
    all.extend_from_slice(args);
    all.push("--json");
    let out = kamerzoek(&all);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn filtering_on_kind_returns_only_the_report_with_its_metadata() {
    let dir = built_index();
    let r = search_args(dir.path(), &["oekraine", "--filter", "kind=verslag"]);
    assert_eq!(ids(&r), ["000"]);
    let hit = &r["hits"][0];
    assert_eq!(hit["kind"], "verslag");
    assert_eq!(hit["date"], "2023-06");
    assert_eq!(hit["date_precision"], "month");
    assert_eq!(hit["minister"], "Ollongren");
    assert_eq!(
        hit["title"],
        "Verslag NAVO-ministers van Defensie, Brussel 15-16 juni 2023"
    );
    assert_eq!(hit["meeting"]["place"], "Brussel");
    assert_eq!(hit["meeting"]["summit"], "Vilnius");
    // The kind facet ignores the kind filter: it shows what else there is to choose.
    let kinds: Vec<(&str, u64)> = r["facets"]["kind"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["value"].as_str().unwrap(), v["count"].as_u64().unwrap()))
        .collect();
    assert_eq!(kinds, [("agenda", 3), ("beslisnota", 1), ("verslag", 1)]);
    assert_eq!(r["facets"]["year"][0]["value"], "2023");
}

#[test]
fn filters_combine_or_within_a_field_and_across_fields() {
    let dir = built_index();
    let r = search_args(
        dir.path(),
        &["navo", "--filter", "year=2023", "--filter", "year=2025"],
    );
    let mut got = ids(&r);
    got.sort();
    assert_eq!(got, ["000", "003", "004"]);
    let r = search_args(
        dir.path(),
        &[
            "navo",
            "--filter",
            "year=2023",
            "--filter",
            "minister=ollongren",
        ],
    );
    assert_eq!(ids(&r), ["000"]);
}

#[test]
fn a_blank_query_with_a_filter_lists_the_letters_that_pass_it() {
    let dir = built_index();
    let r = search_args(
        dir.path(),
        &["", "--filter", "kind=agenda", "--sort", "date"],
    );
    assert_eq!(ids(&r), ["002", "001", "004"]);
    let r = search_args(dir.path(), &[""]);
    assert_eq!(
        r["facets"]["kind"].as_array().unwrap().len(),
        3,
        "facets count every letter"
    );
}

#[test]
fn a_blank_query_browses_every_letter_newest_first() {
    let dir = built_index();
    let r = search_args(dir.path(), &[""]);
    assert_eq!(r["total"], 5);
    assert_eq!(ids(&r), ["004", "001", "000", "003", "002"]);
    let r = search_args(dir.path(), &["", "--sort", "date"]);
    assert_eq!(ids(&r), ["002", "000", "003", "001", "004"]);
}

#[test]
fn sorting_by_date_both_ways() {
    let dir = built_index();
    let r = search_args(dir.path(), &["oekraine", "--sort", "date"]);
    assert_eq!(ids(&r), ["002", "000", "003", "001", "004"]);
    let r = search_args(dir.path(), &["oekraine", "--sort", "-date"]);
    assert_eq!(ids(&r), ["004", "001", "000", "003", "002"]);
}

#[test]
fn every_hit_says_which_section_matched() {
    let dir = built_index();
    let r = search_args(dir.path(), &["datalink management"]);
    assert_eq!(
        r["hits"][0]["section"]["heading"],
        "Nationale Datalink Management Cel"
    );
    assert_eq!(
        r["hits"][0]["section"]["anchor"],
        "nationale-datalink-management-cel"
    );
    let r = search_args(dir.path(), &["lastenverdeling"]);
    assert_eq!(r["hits"][0]["section"]["heading"], "Lastenverdeling");
}

/// The hits' ids, sorted: which letters pass, whatever their order.
fn id_set(results: &Value) -> Vec<String> {
    let mut got = ids(results);
    got.sort();
    got
}

fn values(facet: &Value) -> Vec<(String, u64)> {
    facet
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["value"].as_str().unwrap().to_string(),
                v["count"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_date_range_takes_a_year_a_month_or_a_day_and_holds_with_the_other_filters() {
    let dir = built_index();
    // The letters are dated 2022-06, 2023-06 (two), 2024-02 and 2025-01-31.
    let r = search_args(dir.path(), &["navo", "--from", "2023-06", "--to", "2024"]);
    assert_eq!(id_set(&r), ["000", "001", "003"]);
    assert_eq!(r["total"], 3);
    let r = search_args(dir.path(), &["navo", "--from", "2023-07"]);
    assert_eq!(id_set(&r), ["001", "004"]);
    let r = search_args(dir.path(), &["navo", "--to", "2025-01-30"]);
    assert_eq!(
        id_set(&r),
        ["000", "001", "002", "003"],
        "the 31st is after"
    );
    let r = search_args(
        dir.path(),
        &["navo", "--from", "2025-01-31", "--to", "2025-01-31"],
    );
    assert_eq!(id_set(&r), ["004"]);
    // With a filter: AND. As filter specs, as the JS API sends them.
    let r = search_args(
        dir.path(),
        &["navo", "--from", "2023", "--filter", "kind=agenda"],
    );
    assert_eq!(id_set(&r), ["001", "004"]);
    let r = search_args(
        dir.path(),
        &["navo", "--filter", "from=2023", "--filter", "to=2023"],
    );
    assert_eq!(id_set(&r), ["000", "003"]);
    // A blank query with only a range lists the letters in it.
    let r = search_args(dir.path(), &["", "--to", "2022", "--sort", "date"]);
    assert_eq!(ids(&r), ["002"]);
}

#[test]
fn facets_respect_the_range_and_the_timeline_shows_where_the_other_hits_lie() {
    let dir = built_index();
    let r = search_args(dir.path(), &["navo", "--from", "2024"]);
    assert_eq!(
        values(&r["facets"]["kind"]),
        [("agenda".to_string(), 2)],
        "the kinds of the letters in the range"
    );
    assert_eq!(
        values(&r["facets"]["year"]),
        [("2025".to_string(), 1), ("2024".to_string(), 1)]
    );
    // The timeline leaves the range out, oldest first, per year when the hits span years.
    let years: Vec<(String, u64)> = [("2022", 1), ("2023", 2), ("2024", 1), ("2025", 1)]
        .iter()
        .map(|(y, n)| (y.to_string(), *n))
        .collect();
    assert_eq!(values(&r["facets"]["timeline"]), years);
    // It leaves the year filter out too, and applies the others.
    let r = search_args(
        dir.path(),
        &["navo", "--filter", "year=2023", "--filter", "kind=agenda"],
    );
    assert_eq!(
        values(&r["facets"]["timeline"]),
        [("2022", 1), ("2024", 1), ("2025", 1)]
            .iter()
            .map(|(y, n)| (y.to_string(), *n))
            .collect::<Vec<_>>()
    );
    // Hits within two years: per month.
    let r = search_args(dir.path(), &["navo", "--filter", "kind=verslag"]);
    assert_eq!(
        values(&r["facets"]["timeline"]),
        [("2023-06".to_string(), 1)]
    );
    let r = search_args(
        dir.path(),
        &[
            "navo",
            "--filter",
            "year=2023",
            "--filter",
            "kind=beslisnota",
        ],
    );
    assert_eq!(
        values(&r["facets"]["timeline"]),
        [("2023-06".to_string(), 1)]
    );
}

#[test]
fn bad_dates_are_clear_errors_naming_the_value() {
    let dir = built_index();
    let path = dir.path().to_str().unwrap();
    let cases: [(&[&str], &str); 5] = [
        (
            &["--from", "2023-13"],
            "bad from date \"2023-13\": use a year (2023), a month (2023-06) or a day (2023-06-15)",
        ),
        (&["--to", "30-06-2024"], "bad to date \"30-06-2024\""),
        (&["--filter", "to=2023-02-29"], "bad to date \"2023-02-29\""),
        (
            &["--from", "2024-07", "--to", "2024-06"],
            "the date range is empty: from 2024-07 is after to 2024-06",
        ),
        (
            &["--from", "2024", "--filter", "from=2023"],
            "from is given twice",
        ),
    ];
    for (args, expect) in cases {
        let mut all = vec!["search", path, "x"];
        all.extend_from_slice(args);
        assert_clean_failure(&kamerzoek(&all), expect);
    }
}

#[test]
fn a_hit_names_the_other_letters_of_its_meeting() {
    let dir = built_index();
    let r = search_args(dir.path(), &["navo", "--limit", "5"]);
    let hits = r["hits"].as_array().unwrap();
    let of = |id: &str| {
        hits.iter()
            .find(|h| h["id"].as_str().unwrap().starts_with(id))
            .unwrap()["same_meeting"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                (
                    l["id"].as_str().unwrap()[..3].to_string(),
                    l["kind"].as_str().unwrap().to_string(),
                    l["date"].as_str().unwrap().to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    // The report and the decision memo of the meeting of 15 June 2023; the agendas each of
    // another meeting.
    let memo = (
        "003".to_string(),
        "beslisnota".to_string(),
        "2023-06".to_string(),
    );
    assert_eq!(of("000"), [memo]);
    assert_eq!(of("003")[0].1, "verslag");
    assert!(of("001").is_empty() && of("002").is_empty() && of("004").is_empty());
}

#[test]
fn related_names_the_letters_most_like_one_and_those_of_its_meeting() {
    let dir = built_index();
    let path = dir.path().to_str().unwrap();
    let out = kamerzoek(&["related", path, "000_679e953a95cdb28b", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["id"], "000_679e953a95cdb28b");
    let related = r["related"].as_array().unwrap();
    assert!(!related.is_empty() && related.len() <= 5);
    for link in related {
        assert_ne!(link["id"], r["id"], "not itself");
        assert!(link["title"].as_str().is_some_and(|t| !t.is_empty()));
        assert!(link["date"].is_string() && link["kind"].is_string());
    }
    assert_eq!(r["same_meeting"][0]["kind"], "beslisnota");
    // The same as the letter's hit carries.
    let hits = search_args(dir.path(), &["navo"]);
    let hit = hits["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == r["id"])
        .unwrap();
    assert_eq!(hit["related"], r["related"]);
    // Readable: the title, then a line a letter.
    let out = kamerzoek(&["related", path, "000_679e953a95cdb28b"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("Verslag NAVO-ministers van Defensie"),
        "{text}"
    );
    assert!(
        text.contains("Of the same meeting:\n  2023-06     beslisnota  (003_"),
        "{text}"
    );
    assert_clean_failure(
        &kamerzoek(&["related", path, "999_none"]),
        "the index holds no letter \"999_none\": give a letter's id",
    );
}

#[test]
fn grouped_by_meeting_the_letters_of_one_meeting_are_one_hit() {
    let dir = built_index();
    let flat = search_args(dir.path(), &["navo"]);
    let grouped = search_args(dir.path(), &["navo", "--group", "meeting"]);
    assert_eq!(flat["hits"].as_array().unwrap().len(), 5);
    assert_eq!(grouped["total"], 5, "the total counts letters");
    let hits = grouped["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 4);
    // The better of the report and the memo stands for both; the order is otherwise the same.
    let best = ids(&flat)
        .into_iter()
        .find(|id| id == "000" || id == "003")
        .unwrap();
    let other = if best == "000" { "003" } else { "000" };
    let stands = hits
        .iter()
        .find(|h| h["id"].as_str().unwrap().starts_with(&best))
        .unwrap();
    assert!(stands["grouped"][0].as_str().unwrap().starts_with(other));
    let flat_without: Vec<String> = ids(&flat).into_iter().filter(|id| id != other).collect();
    assert_eq!(ids(&grouped), flat_without);
    assert!(
        flat["hits"]
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["grouped"] == serde_json::json!([]))
    );
    let path = dir.path().to_str().unwrap();
    assert_clean_failure(
        &kamerzoek(&["search", path, "x", "--group", "minister"]),
        "unknown group \"minister\"; use meeting or none",
    );
}

#[test]
fn bad_filters_and_sorts_are_clear_errors() {
    let dir = built_index();
    let path = dir.path().to_str().unwrap();
    assert_clean_failure(
        &kamerzoek(&["search", path, "x", "--filter", "colour=red"]),
        "unknown filter field",
    );
    assert_clean_failure(
        &kamerzoek(&["search", path, "x", "--filter", "kind"]),
        "FIELD=VALUE",
    );
    // A value no letter can have is a typo, not an empty answer.
    assert_clean_failure(
        &kamerzoek(&["search", path, "x", "--filter", "kind=verslagen"]),
        "unknown kind \"verslagen\"; use agenda, verslag,",
    );
    assert_clean_failure(
        &kamerzoek(&["search", path, "x", "--filter", "year=2023-01"]),
        "bad year \"2023-01\": use a year of four digits",
    );
    assert_eq!(
        search_args(dir.path(), &["navo", "--filter", "kind=Verslag"])["total"],
        search_args(dir.path(), &["navo", "--filter", "kind=verslag"])["total"]
    );
    assert_clean_failure(
        &kamerzoek(&["search", path, "x", "--sort", "sideways"]),
        "unknown sort",
    );
    assert_clean_failure(
        &kamerzoek(&["search", path, "x", "--facets", "yes"]),
        "unknown facets option \"yes\"; use always, never or if-loaded",
    );
}

#[test]
fn facets_are_spelled_as_the_js_api_spells_them() {
    let dir = built_index();
    let always = search_args(dir.path(), &["navo", "--facets", "always"]);
    assert!(
        always["facets"]["year"]
            .as_array()
            .is_some_and(|y| !y.is_empty())
    );
    let never = search_args(dir.path(), &["navo", "--facets", "never"]);
    assert!(never["facets"].is_null());
    // A one-file index has its letter table at hand: if-loaded counts them.
    let loaded = search_args(dir.path(), &["navo", "--facets", "if-loaded"]);
    assert_eq!(loaded["facets"], always["facets"]);
}

#[test]
fn bad_letters_are_named_and_the_rest_is_indexed() {
    let letters = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    std::fs::write(
        letters.path().join("goed.txt"),
        "De steun aan Oekraïne gaat door.",
    )
    .unwrap();
    std::fs::write(
        letters.path().join("windows.txt"),
        b"Steun aan Oekra\xefne \x80 5",
    )
    .unwrap();
    std::fs::write(letters.path().join("leeg.txt"), b"").unwrap();
    std::fs::write(letters.path().join("nul.txt"), b"steun\0aan").unwrap();
    // A name that would retitle a terminal and clear it, printed with every hit.
    std::fs::write(
        letters.path().join("evil\x1b]0;pwned\x07\x1b[2J.txt"),
        "De steun aan Oekraïne.",
    )
    .unwrap();
    let run = kamerzoek(&[
        "build",
        letters.path().to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert!(stderr.contains("leeg.txt: skipped: no text"), "{stderr}");
    assert!(
        stderr.contains("windows.txt: not UTF-8: 2 bytes read as Windows-1252"),
        "{stderr}"
    );
    assert!(stderr.contains("nul.txt: 1 control characters"), "{stderr}");
    assert!(stderr.contains("indexed 3 letters"), "{stderr}");
    assert!(
        stderr.contains(
            "evil\\u{1b}]0;pwned\\u{7}\\u{1b}[2J.txt: skipped: its name has control characters"
        ),
        "{stderr}"
    );
    assert!(
        !stderr.contains('\x1b'),
        "no escape reaches the terminal: {stderr}"
    );
    let r = search_json(out.path(), "oekraïne");
    let mut found: Vec<&str> = r["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    found.sort();
    assert_eq!(found, ["goed", "windows"]);
}

/// 400 generated letters: too many for one file, so the index is split.
fn split_index() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let letters = dir.path().join("letters");
    let index = dir.path().join("index");
    let (l, i) = (letters.to_str().unwrap(), index.to_str().unwrap());
    let generated = kamerzoek(&[
        "generate",
        "--from",
        seeds.to_str().unwrap(),
        "--count",
        "400",
        "--seed",
        "9",
        "--out",
        l,
    ]);
    assert!(
        generated.status.success(),
        "{}",
        String::from_utf8_lossy(&generated.stderr)
    );
    let built = kamerzoek(&["build", l, "--out", i, "--index-only"]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    (dir, index)
}

fn files_starting(dir: &Path, prefix: &str) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect();
    found.sort();
    found
}

/// Every file under `d`, with its bytes, by path relative to `d`.
fn listing(d: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all = Vec::new();
    for p in files_starting(d, "") {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if p.is_dir() {
            for (inner, bytes) in listing(&p) {
                all.push((format!("{name}/{inner}"), bytes));
            }
        } else {
            all.push((name, std::fs::read(&p).unwrap()));
        }
    }
    all
}

#[test]
fn a_split_index_is_rebuilt_byte_for_byte_and_removes_only_its_own_stale_files() {
    let (dir, index) = split_index();
    let letters = dir.path().join("letters");
    let (l, i) = (letters.to_str().unwrap(), index.to_str().unwrap());
    let first = listing(&index);
    let letters_written = std::fs::read_dir(&letters).unwrap().count();
    let in_folder = |directory: bool| {
        first
            .iter()
            .filter(|(n, _)| n.starts_with("l-") && n.contains("/h") == directory)
            .count()
    };
    // Letters come 64 to a pack, and the headers of 16 packs in a directory: a static host's
    // file limit is no limit on the archive.
    assert_eq!(
        in_folder(false),
        letters_written.div_ceil(64),
        "{letters_written} letters"
    );
    assert_eq!(in_folder(true), letters_written.div_ceil(64 * 16));
    assert!(first.len() > 40, "packs and chunks: {}", first.len());
    // Files of the site owner's, some named as index files are named, beside the index.
    std::fs::create_dir(index.join("l-drafts")).unwrap();
    std::fs::write(index.join("l-drafts/a.docx"), b"x").unwrap();
    std::fs::write(index.join("T.kz"), b"x").unwrap();
    std::fs::write(index.join("t-0000000000000000.kz"), b"x").unwrap();
    std::fs::write(index.join("page.html"), b"x").unwrap();
    let owners = [
        "T.kz",
        "l-drafts/a.docx",
        "page.html",
        "t-0000000000000000.kz",
    ];
    // Fewer letters: the earlier build's files that the new index does not name go.
    let removed = files_starting(&letters, "000001_").remove(0);
    let kept_text = std::fs::read(&removed).unwrap();
    std::fs::remove_file(&removed).unwrap();
    let fewer = kamerzoek(&["build", l, "--out", i, "--index-only"]);
    let stderr = String::from_utf8_lossy(&fewer.stderr);
    assert!(fewer.status.success(), "{stderr}");
    assert!(
        stderr.contains("files of the earlier build removed"),
        "{stderr}"
    );
    assert!(
        stderr.contains("kept 3 entries")
            && stderr.contains("T.kz, l-drafts, t-0000000000000000.kz"),
        "{stderr}"
    );
    let now = listing(&index);
    let old_letters = first.iter().find(|(n, _)| n.starts_with("l-")).unwrap();
    let folder = old_letters.0.split('/').next().unwrap();
    assert!(
        !now.iter()
            .any(|(n, _)| n.starts_with(&format!("{folder}/"))),
        "the earlier letter folder is gone"
    );
    // The same letters again: the same bytes, and the owner's files untouched.
    std::fs::write(&removed, kept_text).unwrap();
    let again = kamerzoek(&["build", l, "--out", i, "--index-only"]);
    assert!(again.status.success());
    let mut expected = first.clone();
    for name in owners {
        expected.push((name.to_string(), b"x".to_vec()));
    }
    expected.sort();
    assert_eq!(
        listing(&index),
        expected,
        "the same letters give the same bytes"
    );
}

/// Builds `seeds/` into `out`, which must succeed; what it said on stderr.
fn build_seeds_into(out: &Path) -> String {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let built = kamerzoek(&[
        "build",
        seeds.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--index-only",
    ]);
    let stderr = String::from_utf8_lossy(&built.stderr).into_owned();
    assert!(built.status.success(), "{stderr}");
    stderr
}

#[test]
fn a_build_into_a_folder_with_no_earlier_build_removes_nothing() {
    // The report's case: nothing of kamerzoek's in the folder, files named like its own.
    let out = tempfile::tempdir().unwrap();
    std::fs::create_dir(out.path().join("l-drafts")).unwrap();
    std::fs::write(out.path().join("l-drafts/a.docx"), b"x").unwrap();
    std::fs::write(out.path().join("T.kz"), b"x").unwrap();
    let stderr = build_seeds_into(out.path());
    assert_eq!(
        std::fs::read(out.path().join("l-drafts/a.docx")).unwrap(),
        b"x"
    );
    assert_eq!(std::fs::read(out.path().join("T.kz")).unwrap(), b"x");
    assert!(
        stderr.contains("0 files of the earlier build removed"),
        "{stderr}"
    );
    assert!(stderr.contains("kept 2 entries"), "{stderr}");
    // Nothing of the build's own work is left behind.
    let hidden: Vec<_> = files_starting(out.path(), ".");
    assert!(hidden.is_empty(), "{hidden:?}");
}

#[test]
fn an_entry_file_that_cannot_be_read_makes_the_build_remove_nothing() {
    let out = tempfile::tempdir().unwrap();
    std::fs::write(out.path().join("kamerzoek.idx"), b"not an index").unwrap();
    std::fs::write(out.path().join("t-0123456789ab.kz"), b"x").unwrap();
    let stderr = build_seeds_into(out.path());
    assert!(
        stderr.contains("not an index this build can read")
            && stderr.contains("no file of an earlier build is removed"),
        "{stderr}"
    );
    assert!(out.path().join("t-0123456789ab.kz").exists());
}

#[test]
fn a_closed_pipe_ends_the_search_quietly_and_a_full_disk_in_one_line() {
    let dir = built_index();
    let d = dir.path().to_str().unwrap();
    // A reader that closes at once: stdout is a closed pipe by the time the hits are written.
    let mut child = Command::new(env!("CARGO_BIN_EXE_kamerzoek"))
        .args(["search", d, "navo", "--limit", "10"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?} {stderr}", out.status);
    assert!(stderr.is_empty(), "{stderr}");
    if Path::new("/dev/full").exists() {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_kamerzoek"))
            .args(["search", d, "navo", "--json"])
            .stdout(full)
            .output()
            .unwrap();
        assert_clean_failure(&out, "standard output");
    }
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_letters_folder_is_not_published_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let letters = dir.path().join("letters");
    std::fs::create_dir(&letters).unwrap();
    std::fs::write(letters.join("a.txt"), "De NAVO en Oekraïne.").unwrap();
    std::fs::write(dir.path().join("secret"), "wachtwoord geheim").unwrap();
    std::os::unix::fs::symlink(dir.path().join("secret"), letters.join("passwd.txt")).unwrap();
    let out = dir.path().join("out");
    let (l, o) = (letters.to_str().unwrap(), out.to_str().unwrap());
    let built = kamerzoek(&["build", l, "--out", o]);
    let stderr = String::from_utf8_lossy(&built.stderr);
    assert!(built.status.success(), "{stderr}");
    assert!(
        stderr.contains("passwd.txt: skipped: a link to"),
        "{stderr}"
    );
    assert_eq!(search_json(&out, "wachtwoord")["total"], 0);
    let built = kamerzoek(&["build", l, "--out", o, "--follow-links"]);
    assert!(built.status.success());
    assert_eq!(search_json(&out, "wachtwoord")["total"], 1);
}

#[test]
fn a_split_index_reports_a_missing_or_damaged_file_by_name() {
    let (_dir, index) = split_index();
    let i = index.to_str().unwrap();
    let ok = kamerzoek(&["search", i, "navo", "--json"]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    // Damage inside the packed letter table: unpack, flip a byte, pack again. The CLI counts
    // facets, which read the table; the checksum catches it, and the message names the file.
    let table = files_starting(&index, "m-").remove(0);
    let packed = std::fs::read(&table).unwrap();
    let mut bytes = kamerzoek::format::store::gunzip(&packed, u64::MAX).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x40;
    std::fs::write(&table, kamerzoek::format::store::gzip(&bytes)).unwrap();
    let out = kamerzoek(&["search", i, "navo"]);
    assert_clean_failure(&out, "damaged: checksum");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&*table.file_name().unwrap().to_string_lossy()),
        "{stderr}"
    );
    // A missing chunk: the file is named.
    std::fs::write(&table, packed).unwrap();
    for chunk in files_starting(&index, "t-") {
        std::fs::remove_file(chunk).unwrap();
    }
    let out = kamerzoek(&["search", i, "navo"]);
    assert_clean_failure(&out, "No such file");
    assert!(String::from_utf8_lossy(&out.stderr).contains("/t-"));
}

#[test]
fn the_library_builds_the_same_index_as_the_command_line() {
    let dir = built_index();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let (letters, _) = kamerzoek::indexer::read_letters(&seeds, false).unwrap();
    let output = kamerzoek::testing::build_index(&letters);
    assert_eq!(
        std::fs::read(dir.path().join("kamerzoek.idx")).unwrap(),
        output.entry
    );
}

/// `kamerzoek build seeds --out OUT FLAG FILE` (and any more arguments).
fn build_seeds_with(out: &Path, flag: &str, file: &Path, more: &[&str]) -> Output {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut args = vec![
        "build",
        seeds.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        flag,
        file.to_str().unwrap(),
    ];
    args.extend_from_slice(more);
    kamerzoek(&args)
}

#[test]
fn a_site_owners_synonyms_find_each_other_and_a_bad_line_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let synonyms = dir.path().join("synoniemen.txt");
    std::fs::write(
        &synonyms,
        "# ammo is no word of the letters\nmunitie, ammo\nalleen één term\nluchtverdediging, sky shield\n",
    )
    .unwrap();
    let out_dir = dir.path().join("index");
    let out = build_seeds_with(&out_dir, "--synonyms", &synonyms, &[]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("synoniemen.txt:3: a group needs two or more different terms"),
        "{stderr}"
    );
    assert!(!stderr.contains("synoniemen.txt:2"), "{stderr}");
    // `ammo` finds the letters that say `munitie`, and says so.
    let ammo = search_json(&out_dir, "ammo");
    let munitie = search_json(&out_dir, "munitie");
    assert!(!ids(&munitie).is_empty());
    let mut found = ids(&ammo);
    found.sort();
    let mut expected = ids(&munitie);
    expected.sort();
    assert_eq!(found, expected);
    assert_eq!(ammo["expanded"][0]["why"], "synonym");
    assert_eq!(ammo["expanded"][0]["to"], "munitie");
    // A phrase stands for a word: `sky shield` finds `luchtverdediging`.
    let shield = search_json(&out_dir, "sky shield");
    assert!(!ids(&shield).is_empty());
    assert!(!shield["partial"].as_bool().unwrap());
}

#[test]
fn a_missing_synonyms_file_is_a_clear_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("index");
    let out = build_seeds_with(&out_dir, "--synonyms", &dir.path().join("nope.txt"), &[]);
    assert_clean_failure(&out, "nope.txt");
    assert!(!out_dir.exists());
}

#[test]
fn a_metadata_file_overrides_the_letters_fields_and_each_bad_row_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let metadata = dir.path().join("brieven.csv");
    std::fs::write(
        &metadata,
        "id,title,date,kind,minister,url,kamerstuk\n\
         001_dc9679a733d371f6,\"Agenda DMM, februari 2024\",2024-02-06,agenda,Brekelmans,https://example.org/441.pdf,28676-441\n\
         003_980bcab816f23ad2,,30-05-2023,memo,,javascript:alert(1),\n\
         spook,,2020,,,,\n",
    )
    .unwrap();
    let out_dir = dir.path().join("index");
    let out = build_seeds_with(&out_dir, "--metadata", &metadata, &["--index-only"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let shown = metadata.display();
    for warning in [
        format!("{shown}: line 3: date \"30-05-2023\" is not YYYY, YYYY-MM or YYYY-MM-DD"),
        format!("{shown}: line 3: kind \"memo\" is none of"),
        format!(
            "{shown}: line 3: url \"javascript:alert(1)\" is not http:, https: or relative; no link"
        ),
        format!("{shown}: line 4: no letter has the id \"spook\""),
        format!("{shown}: no row for the letter \"000_679e953a95cdb28b\""),
    ] {
        assert!(
            stderr.contains(&format!("kamerzoek: warning: {warning}")),
            "{warning}\n{stderr}"
        );
    }
    assert!(
        stderr.contains("letters that took each field from it: title 1, date 1, kind 1, minister 1, url 1, kamerstuk 1"),
        "{stderr}"
    );
    let r = search_json(&out_dir, "28676-441");
    let hit = &r["hits"][0];
    assert_eq!(hit["id"], "001_dc9679a733d371f6");
    assert_eq!(hit["title"], "Agenda DMM, februari 2024");
    assert_eq!(hit["minister"], "Brekelmans");
    assert_eq!(hit["source"], "https://example.org/441.pdf");
    assert_eq!(
        hit["fields"],
        serde_json::json!([["kamerstuk", "28676-441"]])
    );
    // A .txt letter marks no pages.
    assert_eq!(hit["page"], serde_json::Value::Null);
}

/// `(value, count)` of a facet's values.
fn facet(values: &Value) -> Vec<(String, u64)> {
    values
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            let value = v["value"].as_str().unwrap().to_string();
            (value, v["count"].as_u64().unwrap())
        })
        .collect()
}

#[test]
fn the_owners_own_fields_are_filters_and_facets() {
    let dir = tempfile::tempdir().unwrap();
    let metadata = dir.path().join("brieven.jsonl");
    // Three of the five letters have a committee; every one its Kamerstuk. A column named as
    // the search's own date filter cannot be a field: one warning, not one per row.
    std::fs::write(
        &metadata,
        [
            r#"{"id": "000_679e953a95cdb28b", "commissie": "Defensie", "kamerstuk": "28676-436", "year": "2023"}"#,
            r#"{"id": "001_dc9679a733d371f6", "commissie": "Defensie", "kamerstuk": "28676-441", "year": "2024"}"#,
            r#"{"id": "002_98b48cd194d964b7", "commissie": "Buitenlandse Zaken", "kamerstuk": "28676-450"}"#,
            r#"{"id": "003_980bcab816f23ad2", "kamerstuk": "28676-452", "year": "2023"}"#,
            r#"{"id": "004_f5176af3915674b6", "kamerstuk": "28676-460"}"#,
        ]
        .join("\n"),
    )
    .unwrap();
    let out_dir = dir.path().join("index");
    let out = build_seeds_with(&out_dir, "--metadata", &metadata, &["--index-only"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        stderr.matches("column \"year\" cannot be a field").count(),
        1,
        "{stderr}"
    );
    // Blank: every letter that passes the filters. The name in any case; the value exact.
    assert_eq!(
        search_args(&out_dir, &["", "--filter", "commissie=defensie"])["total"],
        0
    );
    let r = search_args(&out_dir, &["", "--filter", "Commissie=Defensie"]);
    let mut found = ids(&r);
    found.sort();
    assert_eq!(found, ["000", "001"]);
    // The committee's facet leaves its own filter out (what else there is to add); the other
    // fields' facets apply it. The letters' values as written, most letters first.
    let fields = r["facets"]["fields"].as_array().unwrap();
    let names: Vec<&str> = fields.iter().map(|f| f[0].as_str().unwrap()).collect();
    assert_eq!(names, ["commissie", "kamerstuk"]);
    assert_eq!(
        facet(&fields[0][1]),
        [
            ("Defensie".to_string(), 2),
            ("Buitenlandse Zaken".to_string(), 1)
        ]
    );
    assert_eq!(
        facet(&fields[1][1]),
        [("28676-436".to_string(), 1), ("28676-441".to_string(), 1)]
    );
    // Values of one field are alternatives; fields must all hold, with the known ones too.
    let r = search_args(
        &out_dir,
        &[
            "navo",
            "--filter",
            "kamerstuk=28676-450",
            "--filter",
            "kamerstuk=28676-441",
            "--filter",
            "commissie=Buitenlandse Zaken",
        ],
    );
    assert_eq!(ids(&r), ["002"]);
    let r = search_args(
        &out_dir,
        &[
            "navo",
            "--filter",
            "kamerstuk=28676-452",
            "--filter",
            "kind=verslag",
        ],
    );
    assert_eq!(r["total"], 0);
    // A field no letter has is a mistake, said as one: not a search that finds nothing.
    let out = kamerzoek(&[
        "search",
        out_dir.to_str().unwrap(),
        "navo",
        "--filter",
        "kleur=rood",
    ]);
    assert_clean_failure(&out, "unknown filter field \"kleur\"");
    let out = kamerzoek(&[
        "search",
        out_dir.to_str().unwrap(),
        "navo",
        "--filter",
        "kamerstuk=",
    ]);
    assert_clean_failure(&out, "bad filter \"kamerstuk=\"");
}

#[test]
fn a_malformed_metadata_file_stops_the_build_at_its_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let metadata = dir.path().join("brieven.csv");
    std::fs::write(
        &metadata,
        "id,title\n001_dc9679a733d371f6,ok\n003_980bcab816f23ad2,\"open\n",
    )
    .unwrap();
    let out_dir = dir.path().join("index");
    let out = build_seeds_with(&out_dir, "--metadata", &metadata, &["--index-only"]);
    assert_clean_failure(
        &out,
        "brieven.csv, line 3: a quote opened here is never closed; nothing was built",
    );
    assert!(!out_dir.exists());
}

#[test]
fn publish_sources_puts_each_pdf_in_the_index_folder_and_links_its_hits_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let letters = dir.path().join("brieven");
    std::fs::create_dir(&letters).unwrap();
    let pdfs = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pdf/out");
    let original = std::fs::read(pdfs.join("000_679e953a95cdb28b.pdf")).unwrap();
    std::fs::write(letters.join("brief #1.pdf"), &original).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/001_dc9679a733d371f6.txt"),
        letters.join("tekst.txt"),
    )
    .unwrap();
    let index = dir.path().join("index");
    let out = kamerzoek(&[
        "build",
        letters.to_str().unwrap(),
        "--out",
        index.to_str().unwrap(),
        "--index-only",
        "--publish-sources",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("published 1 PDF letters in"), "{stderr}");
    assert_eq!(
        std::fs::read(index.join("sources/brief #1.pdf")).unwrap(),
        original
    );
    let r = search_json(&index, "onderzeese infrastructuur");
    let hits = r["hits"].as_array().unwrap();
    let pdf = hits.iter().find(|h| h["id"] == "brief #1").unwrap();
    // The file's name as a URL relative to the index folder: `#` and the space encoded.
    assert_eq!(pdf["source"], "sources/brief%20%231.pdf");
    assert!(pdf["page"].as_u64().unwrap() >= 1);
    // A text letter has no source to publish.
    let text = search_json(&index, "patriot");
    assert_eq!(text["hits"][0]["source"], Value::Null);
}

/// One request to a server on 127.0.0.1:`port`: the status line, the headers and the body.
fn request(port: u16, head: &str) -> (String, String, Vec<u8>) {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.write_all(head.as_bytes()).unwrap();
    let mut all = Vec::new();
    s.read_to_end(&mut all).unwrap();
    let split = all.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let text = String::from_utf8_lossy(&all[..split]).to_string();
    let (status, headers) = text.split_once("\r\n").unwrap_or((&text, ""));
    (
        status.to_string(),
        headers.to_string(),
        all[split + 4..].to_vec(),
    )
}

/// A `kamerzoek serve` process, stopped by its PID when the test ends, passed or failed.
struct Served(std::process::Child);

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `kamerzoek serve DIR` on a free port: the process and its port.
fn serve(site: &Path) -> (Served, u16) {
    use std::io::BufRead;
    let mut child = Command::new(env!("CARGO_BIN_EXE_kamerzoek"))
        .args(["serve", site.to_str().unwrap(), "--port", "0"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port: u16 = line
        .rsplit("127.0.0.1:")
        .next()
        .and_then(|r| r.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    (Served(child), port)
}

#[test]
fn serve_gives_a_built_site_with_the_types_a_browser_needs_and_nothing_outside_it() {
    let dir = built_index();
    let site = dir.path();
    std::fs::write(site.join("index.html"), "<!doctype html><p>hi</p>").unwrap();
    std::fs::write(site.join("engine.wasm"), b"\0asm").unwrap();
    let (_served, port) = serve(site);
    let get = |path: &str| {
        request(
            port,
            &format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"),
        )
    };
    let (status, headers, body) = get("/");
    assert!(status.contains("200"), "{status}");
    assert!(headers.contains("text/html"), "{headers}");
    assert_eq!(body, b"<!doctype html><p>hi</p>");
    let (status, headers, _) = get("/engine.wasm");
    assert!(
        status.contains("200") && headers.contains("application/wasm"),
        "{headers}"
    );
    let (status, _, body) = get("/kamerzoek.idx");
    assert!(status.contains("200"));
    assert_eq!(body, std::fs::read(site.join("kamerzoek.idx")).unwrap());
    for outside in ["/../Cargo.toml", "/%2e%2e/%2e%2e/etc/passwd", "/nothing"] {
        assert!(get(outside).0.contains("404"), "{outside}");
    }
    let (status, headers, _) = request(port, "POST / HTTP/1.1\r\n\r\n");
    assert!(status.contains("405"), "{status}");
    assert!(headers.contains("Allow: GET, HEAD"), "{headers}");
    let (status, _, body) = request(port, "HEAD / HTTP/1.1\r\n\r\n");
    assert!(status.contains("200") && body.is_empty());
    let (status, _, body) = request(port, "HEAD /nothing HTTP/1.1\r\n\r\n");
    assert!(
        status.contains("404") && body.is_empty(),
        "a HEAD answer has no body"
    );
    let (status, _, _) = request(port, "GET http://127.0.0.1/ HTTP/1.1\r\n\r\n");
    assert!(status.contains("200"), "absolute form: {status}");
    let (status, _, _) = request(port, "GET /\u{ff}\u{fe} HTTP/1.1\r\n\r\n");
    assert!(status.contains("404") || status.contains("400"), "{status}");
    let raw = {
        use std::io::{Read, Write};
        let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.write_all(b"GET /\xff\xfe HTTP/1.1\r\n\r\n").unwrap();
        let mut all = Vec::new();
        s.read_to_end(&mut all).unwrap();
        String::from_utf8_lossy(&all).to_string()
    };
    assert!(
        raw.starts_with("HTTP/1.1 400"),
        "bytes that are no UTF-8: {raw}"
    );
}

#[test]
fn serve_of_a_missing_folder_is_a_clear_error() {
    let out = kamerzoek(&["serve", "/no/such/folder", "--port", "0"]);
    assert_clean_failure(&out, "/no/such/folder");
}

#[cfg(unix)]
#[test]
fn a_second_build_into_a_folder_being_built_is_refused_and_a_stopped_ones_work_is_removed() {
    let out = tempfile::tempdir().unwrap();
    let first = build_seeds_into(out.path());
    assert!(!first.contains("work folder"), "{first}");
    let before = listing(out.path());
    // Another build holds the folder: this one stops before it writes or removes anything.
    let held = std::fs::File::open(out.path()).unwrap();
    held.try_lock().unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let second = kamerzoek(&[
        "build",
        seeds.to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
        "--index-only",
    ]);
    assert_clean_failure(&second, "another build is writing into this folder");
    assert_eq!(listing(out.path()), before, "nothing written or removed");
    held.unlock().unwrap();
    // A build killed mid-way left its work folder (Drop never ran), marked as a build marks it;
    // a folder of the same shape but another name is not a build's, and stays; nor is one of
    // the very name without the mark.
    let stopped = out.path().join(".kamerzoek-build-4242-0");
    std::fs::create_dir_all(stopped.join("runs")).unwrap();
    std::fs::write(stopped.join("runs/0.run"), b"postings").unwrap();
    let (mark, marked) = kamerzoek::format::store::WORK_MARK;
    std::fs::write(stopped.join(mark), marked).unwrap();
    let mine = out.path().join(".kamerzoek-build-notes");
    std::fs::create_dir(&mine).unwrap();
    let owners = out.path().join(".kamerzoek-build-1-0");
    std::fs::create_dir_all(owners.join("sub")).unwrap();
    std::fs::write(owners.join("sub/my-thesis-v2.docx"), b"four years").unwrap();
    let third = build_seeds_into(out.path());
    assert!(
        third.contains("removed")
            && third
                .contains(".kamerzoek-build-4242-0, the work folder of a build that was stopped"),
        "{third}"
    );
    assert!(!stopped.exists());
    assert!(mine.is_dir());
    assert_eq!(
        std::fs::read(owners.join("sub/my-thesis-v2.docx")).unwrap(),
        b"four years"
    );
    assert!(!ids(&search_json(out.path(), "patriot")).is_empty());
}

#[test]
fn serve_refuses_hidden_files_other_hosts_and_ignores_invalid_ranges() {
    let dir = built_index();
    let site = dir.path();
    std::fs::create_dir(site.join(".git")).unwrap();
    std::fs::write(site.join(".git/config"), "[remote]").unwrap();
    std::fs::write(site.join(".env"), "TOKEN=1").unwrap();
    std::fs::write(site.join("ten.txt"), "0123456789").unwrap();
    let (_served, port) = serve(site);
    let get = |path: &str, extra: &str| {
        request(
            port,
            &format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{extra}\r\n"),
        )
    };
    for hidden in ["/.git/config", "/.env", "/%2eenv", "/.git/"] {
        let (status, _, body) = get(hidden, "");
        assert!(status.contains("404"), "{hidden}: {status}");
        assert!(!String::from_utf8_lossy(&body).contains("TOKEN"));
    }
    // A page of another site whose name was pointed at 127.0.0.1 (DNS rebinding) sends its name.
    for host in [
        "evil.example",
        "evil.example:8000",
        "127.0.0.1.evil.example",
    ] {
        let (status, _, _) = request(
            port,
            &format!("GET /ten.txt HTTP/1.1\r\nHost: {host}\r\n\r\n"),
        );
        assert!(status.contains("403"), "{host}: {status}");
    }
    let (status, _, _) = request(port, "GET http://evil.example/ten.txt HTTP/1.1\r\n\r\n");
    assert!(
        status.contains("403"),
        "absolute form names the host: {status}"
    );
    for host in ["localhost", "[::1]:1"] {
        let (status, _, _) = request(
            port,
            &format!("GET /ten.txt HTTP/1.1\r\nHost: {host}\r\n\r\n"),
        );
        assert!(status.contains("200"), "{host}: {status}");
    }
    // RFC 9110: an invalid range is ignored (the whole file); one with no byte of it is 416.
    for invalid in ["bytes=5-2", "bytes=+1-2", "bytes=1-+2"] {
        let (status, _, body) = get("/ten.txt", &format!("Range: {invalid}\r\n"));
        assert!(status.contains("200"), "{invalid}: {status}");
        assert_eq!(body, b"0123456789");
    }
    let (status, _, body) = get("/ten.txt", "Range: bytes=2-4\r\n");
    assert!(status.contains("206"), "{status}");
    assert_eq!(body, b"234");
    let (status, _, _) = get("/ten.txt", "Range: bytes=10-\r\n");
    assert!(status.contains("416"), "{status}");
}

#[test]
fn serve_answers_a_visitor_while_slow_clients_hold_every_connection() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    // Larger than what loopback's buffers take, so a client that never reads stalls its answer.
    std::fs::write(dir.path().join("big.bin"), vec![7u8; 32 << 20]).unwrap();
    std::fs::write(dir.path().join("small.txt"), "hello").unwrap();
    let (_served, port) = serve(dir.path());
    let mut held = Vec::new();
    // 64 clients ask for the big file and never read; 70 send half a request head.
    for _ in 0..64 {
        let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.write_all(b"GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            .unwrap();
        held.push(s);
    }
    std::thread::sleep(std::time::Duration::from_millis(1500));
    for _ in 0..70 {
        let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.write_all(b"GET /small.txt HTTP/1.1\r\nHo").unwrap();
        held.push(s);
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    // Every slot is held by a slow client: the visitor is answered all the same, at once (before
    // any deadline passes), not told to come back.
    for _ in 0..3 {
        let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.set_read_timeout(Some(std::time::Duration::from_secs(5)))
            .unwrap();
        s.write_all(b"GET /small.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            .unwrap();
        let mut all = Vec::new();
        s.read_to_end(&mut all).unwrap();
        let text = String::from_utf8_lossy(&all);
        assert!(text.starts_with("HTTP/1.1 200"), "{text}");
        assert!(text.ends_with("hello"), "{text}");
    }
    drop(held);
}

/// The entry file of `dir` with `from` (a name it holds) replaced by `to` of the same length, its
/// CRC-32 made right again: what anyone can do to an entry file.
fn craft_entry(dir: &Path, from: &str, to: &str) {
    use kamerzoek::format::store::{gunzip, gzip};
    assert_eq!(from.len(), to.len());
    let path = dir.join("kamerzoek.idx");
    let mut entry = gunzip(&std::fs::read(&path).unwrap(), 1 << 30).unwrap();
    let at = entry
        .windows(from.len())
        .position(|w| w == from.as_bytes())
        .unwrap_or_else(|| panic!("{from} is not in the entry file"));
    entry[at..at + to.len()].copy_from_slice(to.as_bytes());
    let body = entry.len() - 4;
    let crc = kamerzoek::format::crc32(&entry[..body]);
    entry[body..].copy_from_slice(&crc.to_le_bytes());
    std::fs::write(&path, gzip(&entry)).unwrap();
}

#[test]
fn a_crafted_entry_file_cannot_make_the_build_remove_a_file_it_did_not_write() {
    let out = tempfile::tempdir().unwrap();
    build_seeds_into(out.path());
    let positions = files_starting(out.path(), "p-").remove(0);
    let p_name = positions
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    // The owner's thesis, and a file of a build's shape whose content is not what its name says.
    std::fs::write(out.path().join("my-thesis-v2.docx"), b"four years").unwrap();
    let lookalike = "p-0123456789ab.kz";
    std::fs::write(out.path().join(lookalike), b"the owner's").unwrap();
    for name in ["my-thesis-v2.docx", lookalike] {
        craft_entry(out.path(), &p_name, name);
        // The crafted entry file still loads: its seal is right.
        assert!(
            kamerzoek(&["search", out.path().to_str().unwrap(), "navo"])
                .status
                .code()
                != Some(101)
        );
        let stderr = build_seeds_into(out.path());
        assert!(
            stderr.contains("0 files of the earlier build removed"),
            "{stderr}"
        );
        craft_entry(out.path(), &p_name, &p_name);
    }
    assert_eq!(
        std::fs::read(out.path().join("my-thesis-v2.docx")).unwrap(),
        b"four years"
    );
    assert_eq!(
        std::fs::read(out.path().join(lookalike)).unwrap(),
        b"the owner's"
    );
}

#[test]
fn what_a_stopped_build_left_is_removed_by_the_next_and_nothing_else() {
    let (dir, index) = split_index();
    let letters = dir.path().join("letters");
    // A build of other letters stopped after its files were in place, before its entry file:
    // its files are in the folder, named by no entry file.
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    for path in files_starting(&letters, "0000").into_iter().take(150) {
        std::fs::copy(&path, other.join(path.file_name().unwrap())).unwrap();
    }
    let stopped = dir.path().join("stopped");
    let built = kamerzoek(&[
        "build",
        other.to_str().unwrap(),
        "--out",
        stopped.to_str().unwrap(),
        "--index-only",
    ]);
    assert!(built.status.success());
    let before = listing(&index);
    let mut left = 0;
    for (name, bytes) in listing(&stopped) {
        if name != "kamerzoek.idx" && !before.iter().any(|(n, _)| *n == name) {
            let to = index.join(&name);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::write(to, bytes).unwrap();
            left += 1;
        }
    }
    assert!(left > 5, "{left}");
    // The owner's files of the same shapes, whose content is not what their names say.
    std::fs::write(index.join("m-0123456789ab.kz"), b"notes").unwrap();
    std::fs::create_dir(index.join("l-0123456789ab")).unwrap();
    std::fs::write(index.join("l-0123456789ab/draft.txt"), b"draft").unwrap();
    // Of the shapes inside a folder of the shape, but not letters whose hashes give its name.
    std::fs::create_dir(index.join("l-deadbeef0000")).unwrap();
    std::fs::write(index.join("l-deadbeef0000/0.kz"), b"owner pack zero").unwrap();
    std::fs::write(index.join("l-deadbeef0000/h0.kz"), b"owner h").unwrap();
    let again = kamerzoek(&[
        "build",
        letters.to_str().unwrap(),
        "--out",
        index.to_str().unwrap(),
        "--index-only",
    ]);
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(again.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!("removed {left} index files a stopped build left")),
        "{stderr}"
    );
    let mut expected = before;
    expected.push(("m-0123456789ab.kz".into(), b"notes".to_vec()));
    expected.push(("l-0123456789ab/draft.txt".into(), b"draft".to_vec()));
    expected.push(("l-deadbeef0000/0.kz".into(), b"owner pack zero".to_vec()));
    expected.push(("l-deadbeef0000/h0.kz".into(), b"owner h".to_vec()));
    expected.sort();
    assert_eq!(listing(&index), expected);
}

#[test]
fn a_file_of_another_build_under_this_ones_name_is_damage_not_an_answer() {
    let (dir, index) = split_index();
    let letters = dir.path().join("letters");
    // Another build: the same letters, one of them with a word more.
    let other_letters = dir.path().join("other-letters");
    std::fs::create_dir(&other_letters).unwrap();
    for (n, path) in files_starting(&letters, "0").into_iter().enumerate() {
        let mut text = std::fs::read_to_string(&path).unwrap();
        if n == 0 {
            text.push_str("\nEen extra woord: navo.\n");
        }
        std::fs::write(other_letters.join(path.file_name().unwrap()), text).unwrap();
    }
    let other = dir.path().join("other");
    let built = kamerzoek(&[
        "build",
        other_letters.to_str().unwrap(),
        "--out",
        other.to_str().unwrap(),
        "--index-only",
    ]);
    assert!(built.status.success());
    let i = index.to_str().unwrap();
    let good = listing(&index);
    // A typo reads the word list, the facets the table, a phrase its words' positions, the hits
    // their letters.
    let search = || kamerzoek(&["search", i, "oekrane \"de navo\"", "--limit", "100"]);
    assert!(search().status.success());
    // Each kind of file of the other build, put under this build's name of that kind.
    let only = |dir: &Path, prefix: &str| files_starting(dir, prefix).remove(0);
    let mut swaps: Vec<(std::path::PathBuf, std::path::PathBuf)> = ["m-", "i-", "w-"]
        .iter()
        .map(|p| (only(&other, p), only(&index, p)))
        .collect();
    // Term chunks: this build's chunk that holds `navo`, replaced by the other's of its range.
    for kind in ["t-", "p-"] {
        let (mine, theirs) = (files_starting(&index, kind), files_starting(&other, kind));
        assert_eq!(mine.len(), theirs.len(), "the same cut of chunks");
        swaps.extend(theirs.into_iter().zip(mine));
    }
    // A pack of letters, and the letters' positions.
    let folder = |d: &Path| only(d, "l-");
    swaps.push((folder(&other).join("0.kz"), folder(&index).join("0.kz")));
    // Files of the same content have the same name: only those that differ are another's.
    swaps.retain(|(from, to)| std::fs::read(from).unwrap() != std::fs::read(to).unwrap());
    assert!(swaps.len() >= 3, "{swaps:?}");
    for (from, to) in swaps {
        std::fs::copy(&from, &to).unwrap();
        let shown = to.file_name().unwrap().to_string_lossy().into_owned();
        let out = search();
        let stderr = String::from_utf8_lossy(&out.stderr);
        // The CLI fetches only what the query needs: a chunk no word of it routes to is not read.
        if out.status.success() {
            assert!(shown.starts_with(['t', 'p']), "{shown} was used: {stderr}");
        } else {
            assert_clean_failure(&out, "not the file its name says");
            assert!(stderr.contains(&shown), "{stderr}");
        }
        for (name, bytes) in &good {
            std::fs::write(index.join(name), bytes).unwrap();
        }
    }
    // The chunk that `navo` lives in is among those read: it was refused.
    assert!(search().status.success());
}
