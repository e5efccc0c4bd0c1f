use super::*;
use std::collections::HashSet;

fn read(name: &str, text: &str) -> Result<(OwnerMetadata, Vec<String>)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    let (metadata, warnings) = OwnerMetadata::read(&path)?;
    let shown = path.display().to_string();
    let warnings = warnings
        .into_iter()
        .map(|w| {
            assert_eq!(w.path, shown);
            w.message
        })
        .collect();
    Ok((metadata, warnings))
}

#[test]
fn a_csv_row_overrides_known_fields_and_keeps_the_owners_own() {
    let text = "id,title,date,kind,minister,url,kamerstuk,commissie\n\
                000,\"Verslag DMM, juni 2023\",2023-06-20,verslag,Ollongren,https://x.nl/a.pdf,28676-441,\n";
    let (m, warnings) = read("meta.csv", text).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let row = m.row("000").unwrap();
    assert_eq!(row.title.as_deref(), Some("Verslag DMM, juni 2023"));
    assert_eq!(row.date, Some(("2023-06-20".into(), Precision::Day)));
    assert_eq!(row.kind, Some(Kind::Verslag));
    assert_eq!(row.url.as_deref(), Some("https://x.nl/a.pdf"));
    // An empty value is no value.
    assert_eq!(row.fields, [("kamerstuk".into(), "28676-441".into())]);
    let meta = row.over(Meta::default());
    assert_eq!(
        crate::meta::title(&meta).as_deref(),
        Some("Verslag DMM, juni 2023")
    );
    let ids = ["000", "001"];
    assert_eq!(
        m.counts(ids.into_iter()),
        [
            ("title".into(), 1),
            ("date".into(), 1),
            ("kind".into(), 1),
            ("minister".into(), 1),
            ("url".into(), 1),
            ("kamerstuk".into(), 1)
        ]
    );
    assert_eq!(m.without_row(ids.into_iter()).len(), 1);
}

#[test]
fn each_bad_value_is_one_warning_with_its_line_and_the_rest_is_used() {
    let text = "id,date,kind,url,nr\n\
                a,31-12-2024,agenda,javascript:alert(1),1\n\
                b,2024-02-30,memo,data:text/html,2\n\
                a,2024,verslag,,3\n\
                ,2024,,,4\n\
                ghost,2024-13,,/brieven/g.pdf,5\n";
    let (m, warnings) = read("meta.csv", text).unwrap();
    assert_eq!(
        warnings,
        [
            "line 2: date \"31-12-2024\" is not YYYY, YYYY-MM or YYYY-MM-DD; the letter's own is used",
            "line 2: url \"javascript:alert(1)\" is not http:, https: or relative; no link",
            "line 3: date \"2024-02-30\" is not YYYY, YYYY-MM or YYYY-MM-DD; the letter's own is used",
            "line 3: kind \"memo\" is none of agenda, verslag, beslisnota, overleg, schriftelijk-overleg, brief; the letter's own is used",
            "line 3: url \"data:text/html\" is not http:, https: or relative; no link",
            "line 4: the id \"a\" again (first on line 2); this row is not used",
            "line 5: no id; the row is not used",
            "line 6: date \"2024-13\" is not YYYY, YYYY-MM or YYYY-MM-DD; the letter's own is used",
        ]
    );
    let a = m.row("a").unwrap();
    assert_eq!(
        (a.date.clone(), a.kind, a.url.clone()),
        (None, Some(Kind::Agenda), None)
    );
    assert_eq!(a.fields, [("nr".into(), "1".into())]);
    assert_eq!(
        m.row("ghost").unwrap().url.as_deref(),
        Some("/brieven/g.pdf")
    );
    let letters: HashSet<&str> = ["a", "b"].into();
    let unmatched = m.unmatched(&letters);
    assert_eq!(unmatched.len(), 1);
    assert_eq!(
        unmatched[0].message,
        "line 6: no letter has the id \"ghost\"; the row is not used"
    );
}

#[test]
fn known_columns_are_known_in_any_case() {
    let (m, warnings) = read(
        "meta.csv",
        "ID,Title,URL,Kamerstuk\na,T,https://x.nl/a.pdf,1\n",
    )
    .unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let a = m.row("a").unwrap();
    assert_eq!(
        (a.title.as_deref(), a.url.as_deref()),
        (Some("T"), Some("https://x.nl/a.pdf"))
    );
    assert_eq!(a.fields, [("Kamerstuk".into(), "1".into())]);
}

#[test]
fn json_lines_read_as_csv_rows_do() {
    let text = "{\"id\": \"a\", \"date\": \"2023-06\", \"kamerstuk\": \"28676-441\", \"pagina's\": 3}\n\
                {\"id\": \"b\", \"tags\": [\"x\"]}\n";
    let (m, warnings) = read("meta.jsonl", text).unwrap();
    assert_eq!(
        warnings,
        ["line 2: tags: a list or object, not a text; left out"]
    );
    let a = m.row("a").unwrap();
    assert_eq!(a.date, Some(("2023-06".into(), Precision::Month)));
    assert_eq!(
        a.fields,
        [
            ("kamerstuk".into(), "28676-441".into()),
            ("pagina's".into(), "3".into())
        ]
    );
}

#[test]
fn a_malformed_file_stops_the_build_at_its_line() {
    let unclosed = read("meta.csv", "id,title\na,\"Verslag\nb,x\n").unwrap_err();
    assert!(
        unclosed
            .to_string()
            .ends_with("meta.csv, line 2: a quote opened here is never closed; nothing was built"),
        "{unclosed}"
    );
    let no_id = read("meta.csv", "nr,title\n1,x\n").unwrap_err();
    assert!(
        no_id.to_string().contains("line 1: no column named id"),
        "{no_id}"
    );
    let json = read("meta.jsonl", "{\"id\": \"a\"}\n{\"id\": \n").unwrap_err();
    assert!(json.to_string().contains("line 2: not JSON"), "{json}");
    let latin1 = read("meta.csv", "id,title\na,caf\u{e9}\n").map(|_| ());
    assert!(latin1.is_ok());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.csv");
    std::fs::write(&path, b"id,title\na,b\nc,caf\xe9\n").unwrap();
    let err = OwnerMetadata::read(&path).unwrap_err().to_string();
    assert!(err.contains("line 3: not UTF-8"), "{err}");
}

#[test]
fn only_http_https_and_relative_addresses_are_links() {
    for ok in [
        "https://zoek.nl/a.pdf",
        "HTTP://x",
        "/brieven/a.pdf",
        "a.pdf",
        "../b.pdf#page=2",
        "?q=a:b",
    ] {
        assert!(safe_url(ok), "{ok}");
    }
    for bad in [
        "javascript:alert(1)",
        " JavaScript:x",
        "data:text/html,x",
        "file:///etc/passwd",
        "vbscript:x",
        "https://a\nb",
    ] {
        assert!(!safe_url(bad), "{bad}");
    }
}

#[test]
fn a_column_no_filter_can_name_is_left_out_with_one_warning() {
    // `year`, `from` and `to` are the search's own filters; a filter's name ends at its `=`.
    let text = "id,Year,a=b,nr\n000,2023,x,1\n001,2024,y,2\n";
    let (m, warnings) = read("meta.csv", text).unwrap();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[0].starts_with("line 2: column \"Year\" cannot be a field")
            && warnings[1].starts_with("line 2: column \"a=b\" cannot be a field"),
        "{warnings:?}"
    );
    assert_eq!(m.row("001").unwrap().fields, [("nr".into(), "2".into())]);
}

#[test]
fn past_the_most_fields_of_the_owners_an_index_keeps_a_column_is_left_out() {
    let names: Vec<String> = (0..=MAX_OWN_FIELDS)
        .map(|i| format!("veld{i:02}"))
        .collect();
    let values = vec!["x"; names.len()].join(",");
    let text = format!("id,{}\n000,{values}\n001,{values}\n", names.join(","));
    let (m, warnings) = read("meta.csv", &text).unwrap();
    let last = &names[MAX_OWN_FIELDS];
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with(&format!("line 2: column \"{last}\" cannot be a field")),
        "{warnings:?}"
    );
    let kept = &m.row("001").unwrap().fields;
    assert_eq!(kept.len(), MAX_OWN_FIELDS);
    assert!(kept.iter().all(|(name, _)| name != last));
}

#[test]
fn a_column_in_other_capitals_is_left_out_and_a_key_is_trimmed() {
    // A filter names `Nr` and `nr` alike: the second spelling would be a field no one can reach.
    let (m, warnings) = read("meta.csv", "id,Nr,nr\n000,A,b\n001,A,c\n").unwrap();
    assert_eq!(
        warnings,
        [
            "line 2: column \"nr\" cannot be a field of the letters (it is the column \"Nr\" in other capitals); it is left out: rename it"
        ]
    );
    assert_eq!(m.row("001").unwrap().fields, [("Nr".into(), "A".into())]);
    let (m, warnings) = read("meta.jsonl", "{\"id\": \"000\", \" nr \": \"1\"}\n").unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(m.row("000").unwrap().fields, [("nr".into(), "1".into())]);
}
