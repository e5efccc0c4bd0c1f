//! JSON lines: one object a line, its values text (a number or `true` is read as its text,
//! `null` as absent). A line that is not an object stops the build at that line.

use serde_json::Value;

/// The objects of `text` as (line, [(name, value)]); or the line that is not an object. Values
/// that are lists or objects come back as `Err` in their place, for a warning.
pub type Record = (usize, Vec<(String, Result<String, &'static str>)>);

pub fn records(text: &str) -> Result<Vec<Record>, (usize, String)> {
    let mut records = Vec::new();
    for (i, line) in text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .lines()
        .enumerate()
    {
        if line.trim().is_empty() {
            continue;
        }
        let object = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(object)) => object,
            Ok(_) => return Err((i + 1, "a line that is not a JSON object".into())),
            Err(e) => return Err((i + 1, format!("not JSON ({e})"))),
        };
        let fields = object
            .into_iter()
            .filter_map(|(name, value)| {
                let value = match value {
                    Value::Null => return None,
                    Value::String(s) => Ok(s),
                    Value::Number(n) => Ok(n.to_string()),
                    Value::Bool(b) => Ok(b.to_string()),
                    Value::Array(_) | Value::Object(_) => Err("a list or object, not a text"),
                };
                Some((name, value))
            })
            .collect();
        records.push((i + 1, fields));
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_objects_and_says_which_line_is_not_one() {
        let text = "{\"id\": \"a\", \"nr\": 441, \"x\": null}\n\n{\"id\": \"b\", \"tags\": [1]}\n";
        let read = records(text).unwrap();
        assert_eq!(read[0].0, 1);
        assert!(read[0].1.contains(&("nr".into(), Ok("441".into()))));
        assert_eq!(read[0].1.len(), 2);
        assert_eq!(read[1].0, 3);
        assert!(read[1].1.iter().any(|(n, v)| n == "tags" && v.is_err()));
        assert_eq!(records("{\"id\":1}\n[1,2]\n").unwrap_err().0, 2);
        assert_eq!(records("{\"id\": \"a\"\n").unwrap_err().0, 1);
    }
}
