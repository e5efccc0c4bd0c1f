//! Facets: for each filter field (the site owner's own fields too), how many of the letters that
//! match the query have each value.
//! A field's counts leave out that field's own filter (and apply the others), so choosing
//! `kind=verslag` still shows how many agendas there are to add. The timeline counts the hits
//! per year, or per month when they lie within two years, leaving out the year filter and the
//! date range: it shows where in time the hits are, the range being a selection on it.

use super::options::{FIELDS, Field, Filters};
use super::sort::{sort, sort_by};
use crate::meta::Meta;
use serde::Serialize;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    pub kind: Vec<FacetValue>,
    pub year: Vec<FacetValue>,
    pub minister: Vec<FacetValue>,
    /// The owner's fields that the letters have, by name ascending, each with its values.
    pub fields: Vec<(String, Vec<FacetValue>)>,
    /// Oldest first: `2024` or `2024-03` (a letter dated only by its year stays `2024` among the
    /// months), each with its count; periods without hits are left out.
    pub timeline: Vec<FacetValue>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetValue {
    pub value: String,
    pub count: usize,
}

/// The facets of the letters `candidates` under `filters`: one pass over the letters, each
/// filter looked at once per letter, each of its fields once (a field's facet found by the name's
/// place among the names, sorted): linear in letters times fields, whatever the number of fields.
pub fn count(metas: &[Meta], candidates: &[u32], filters: &Filters) -> Facets {
    let letters = || candidates.iter().map(|&doc| &metas[doc as usize]);
    // The owner's fields the letters have, ascending, each once.
    let mut names: Vec<&str> = Vec::new();
    for (name, _) in letters().flat_map(|m| &m.fields) {
        if let Err(at) = names.binary_search(&&**name) {
            names.insert(at, name);
        }
    }
    // Per facet (the known fields, then the owner's), the values of the letters it counts.
    let mut found: Vec<Vec<&str>> = Vec::new();
    found.resize_with(FIELDS.len() + names.len(), Vec::new);
    let mut dates: Vec<&str> = Vec::new();
    for meta in letters() {
        let Some(failed) = filters.failed(meta) else {
            continue;
        };
        let counts = |name: &str| failed.is_none_or(|f| f.eq_ignore_ascii_case(name));
        // The timeline leaves out the year filter and the date range: it shows where in time
        // the other hits lie, with the range as a selection on it.
        if counts(Field::Year.name())
            && let Some(date) = meta.date.as_deref()
        {
            dates.push(date);
        }
        if !filters.in_range(meta) {
            continue;
        }
        for (at, field) in FIELDS.into_iter().enumerate() {
            if let Some(value) = field.value(meta)
                && counts(field.name())
            {
                found[at].push(value);
            }
        }
        for (name, value) in &meta.fields {
            if counts(name)
                && let Ok(at) = names.binary_search(&&**name)
            {
                found[FIELDS.len() + at].push(value);
            }
        }
    }
    let mut facets = Facets::default();
    for (at, values) in found.into_iter().enumerate() {
        let mut values = runs(values);
        match FIELDS.get(at) {
            // Years read best in time order, newest first.
            Some(Field::Year) => sort_by(&mut values, |a, b| b.value.cmp(&a.value)),
            _ => by_count(&mut values),
        }
        match FIELDS.get(at) {
            Some(Field::Kind) => facets.kind = values,
            Some(Field::Year) => facets.year = values,
            Some(Field::Minister) => facets.minister = values,
            None => {
                values.truncate(MAX_OWN_VALUES);
                facets
                    .fields
                    .push((names[at - FIELDS.len()].into(), values));
            }
        }
    }
    facets.timeline = timeline(dates);
    facets
}

/// The most values an owner's field's facet gives, most letters first: a field may have a value
/// per letter (a Kamerstuk number), and an answer should not grow with the archive.
pub const MAX_OWN_VALUES: usize = 100;

/// Most letters first, then by value.
fn by_count(values: &mut [FacetValue]) {
    sort_by(values, |a, b| {
        b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value))
    });
}

/// Past this many values a facet's values are counted by sorting them, not in a list.
const FEW: usize = 64;

/// Each value of `found` once, with how often it stands there, in no particular order. A few
/// values (kinds, years, ministers) are counted in a list as they come, in one pass (sorting
/// 100,000 letters' values took four times as long); past [`FEW`] (an owner's field with a
/// number per letter, where a list would take as long as letters times values), sorted and
/// counted in runs.
fn runs(mut found: Vec<&str>) -> Vec<FacetValue> {
    let mut values: Vec<FacetValue> = Vec::new();
    for &value in &found {
        if let Some(v) = values.iter_mut().find(|v| v.value == value) {
            v.count += 1;
            continue;
        }
        if values.len() == FEW {
            values.clear();
            sort(&mut found);
            for value in found {
                match values.last_mut() {
                    Some(run) if run.value == value => run.count += 1,
                    _ => values.push(FacetValue {
                        value: value.to_string(),
                        count: 1,
                    }),
                }
            }
            return values;
        }
        values.push(FacetValue {
            value: value.to_string(),
            count: 1,
        });
    }
    values
}

/// By value, ascending.
fn by_value(a: &FacetValue, b: &FacetValue) -> std::cmp::Ordering {
    a.value.cmp(&b.value)
}

/// Months apart within which the timeline counts months, not years.
const MONTHS_SPAN: u32 = 24;

/// The timeline of the hits' `dates`.
fn timeline(dates: Vec<&str>) -> Vec<FacetValue> {
    let months = dates.iter().filter_map(|d| month_number(d));
    let (first, last) = months.fold((u32::MAX, 0), |(lo, hi), m| (lo.min(m), hi.max(m)));
    let by_month = first <= last && last - first < MONTHS_SPAN;
    let periods = dates
        .into_iter()
        .map(|date| date.get(..if by_month { 7 } else { 4 }).unwrap_or(date));
    let mut values = runs(periods.collect());
    sort_by(&mut values, by_value);
    values
}

/// `2024-03...` as months since year 0; none for a date of a year only.
fn month_number(date: &str) -> Option<u32> {
    let year: u32 = date.get(..4)?.parse().ok()?;
    let month: u32 = date.get(5..7)?.parse().ok()?;
    (1..=12).contains(&month).then(|| year * 12 + month - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letter(fields: &[(&str, &str)]) -> Meta {
        Meta {
            fields: fields
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            ..Meta::default()
        }
    }

    fn counts(values: &[FacetValue]) -> Vec<(&str, usize)> {
        values.iter().map(|v| (v.value.as_str(), v.count)).collect()
    }

    #[test]
    fn the_owners_fields_are_counted_by_name_most_letters_first() {
        let metas = [
            letter(&[("commissie", "Defensie"), ("nr", "1")]),
            letter(&[("commissie", "BuZa"), ("nr", "2")]),
            letter(&[("commissie", "Defensie"), ("nr", "3")]),
            letter(&[("nr", "4")]),
            letter(&[("commissie", "EZK")]),
        ];
        let facets = count(&metas, &[0, 1, 2, 3], &Filters::default());
        let names: Vec<&str> = facets.fields.iter().map(|(n, _)| &**n).collect();
        // Only fields the candidates have: EZK's letter is not one.
        assert_eq!(names, ["commissie", "nr"]);
        assert_eq!(counts(&facets.fields[0].1), [("Defensie", 2), ("BuZa", 1)]);
        assert_eq!(
            counts(&facets.fields[1].1),
            [("1", 1), ("2", 1), ("3", 1), ("4", 1)]
        );
        // A field's own filter is left out of its counts; the others apply.
        let mut filters = Filters::default();
        filters.add_spec("commissie=Defensie").unwrap();
        let facets = count(&metas, &[0, 1, 2, 3, 4], &filters);
        assert_eq!(
            counts(&facets.fields[0].1),
            [("Defensie", 2), ("BuZa", 1), ("EZK", 1)]
        );
        assert_eq!(counts(&facets.fields[1].1), [("1", 1), ("3", 1)]);
    }

    #[test]
    fn a_field_with_a_value_per_letter_gives_its_most_common_values_only() {
        let n = 20_000;
        let metas: Vec<Meta> = (0..n)
            .map(|i| {
                let value = if i % 2 == 0 {
                    "even".to_string()
                } else {
                    format!("{i:05}")
                };
                letter(&[("nr", value.as_str())])
            })
            .collect();
        let all: Vec<u32> = (0..n).collect();
        let facets = count(&metas, &all, &Filters::default());
        let values = &facets.fields[0].1;
        assert_eq!(values.len(), MAX_OWN_VALUES);
        assert_eq!(counts(&values[..2]), [("even", 10_000), ("00001", 1)]);
    }

    #[test]
    fn values_are_counted_alike_in_a_list_and_by_sorting() {
        // Either side of the switch from a list to sorting, every value with its count.
        for distinct in [1, FEW - 1, FEW, FEW + 1, 5 * FEW] {
            let found: Vec<String> = (0..3 * distinct + 7)
                .map(|i| format!("v{:03}", i % distinct))
                .collect();
            let mut counted = runs(found.iter().map(String::as_str).collect());
            sort_by(&mut counted, by_value);
            let mut expected: Vec<(String, usize)> = Vec::new();
            for value in (0..distinct).map(|i| format!("v{i:03}")) {
                let n = found.iter().filter(|f| **f == value).count();
                expected.push((value, n));
            }
            let counted: Vec<(String, usize)> =
                counted.into_iter().map(|v| (v.value, v.count)).collect();
            assert_eq!(counted, expected, "{distinct} values");
        }
    }
}
