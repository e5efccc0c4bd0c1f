//! Facets: for each filter field, how many of the letters that match the query have each value.
//! A field's counts leave out that field's own filter (and apply the others), so choosing
//! `kind=verslag` still shows how many agendas there are to add. The timeline counts the hits
//! per year, or per month when they lie within two years, leaving out the year filter and the
//! date range: it shows where in time the hits are, the range being a selection on it.

use super::options::{FIELDS, Field, Filters};
use super::sort::sort_by;
use crate::meta::Meta;
use serde::Serialize;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    pub kind: Vec<FacetValue>,
    pub year: Vec<FacetValue>,
    pub minister: Vec<FacetValue>,
    /// Oldest first: `2024` or `2024-03` (a letter dated only by its year stays `2024` among the
    /// months), each with its count; periods without hits are left out.
    pub timeline: Vec<FacetValue>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetValue {
    pub value: String,
    pub count: usize,
}

/// The facets of the letters `candidates` under `filters`.
pub fn count(metas: &[Meta], candidates: &[u32], filters: &Filters) -> Facets {
    let mut facets = Facets::default();
    for field in FIELDS {
        let mut values: Vec<FacetValue> = Vec::new();
        for &doc in candidates {
            let meta = &metas[doc as usize];
            let Some(value) = field.value(meta) else {
                continue;
            };
            if !filters.accepts(meta, Some(field)) {
                continue;
            }
            match values.iter_mut().find(|v| v.value == value) {
                Some(v) => v.count += 1,
                None => values.push(FacetValue {
                    value: value.to_string(),
                    count: 1,
                }),
            }
        }
        match field {
            // Years read best in time order, newest first.
            Field::Year => sort_by(&mut values, |a, b| b.value.cmp(&a.value)),
            _ => sort_by(&mut values, |a, b| {
                b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value))
            }),
        }
        *match field {
            Field::Kind => &mut facets.kind,
            Field::Year => &mut facets.year,
            Field::Minister => &mut facets.minister,
        } = values;
    }
    facets.timeline = timeline(metas, candidates, filters);
    facets
}

/// Months apart within which the timeline counts months, not years.
const MONTHS_SPAN: u32 = 24;

fn timeline(metas: &[Meta], candidates: &[u32], filters: &Filters) -> Vec<FacetValue> {
    let dates: Vec<&str> = candidates
        .iter()
        .map(|&doc| &metas[doc as usize])
        .filter(|meta| filters.accepts_but_dates(meta, Some(Field::Year)))
        .filter_map(|meta| meta.date.as_deref())
        .collect();
    let months = dates.iter().filter_map(|d| month_number(d));
    let (first, last) = months.fold((u32::MAX, 0), |(lo, hi), m| (lo.min(m), hi.max(m)));
    let by_month = first <= last && last - first < MONTHS_SPAN;
    let mut values: Vec<FacetValue> = Vec::new();
    for date in dates {
        let period = date.get(..if by_month { 7 } else { 4 }).unwrap_or(date);
        match values.iter_mut().find(|v| v.value == period) {
            Some(v) => v.count += 1,
            None => values.push(FacetValue {
                value: period.to_string(),
                count: 1,
            }),
        }
    }
    sort_by(&mut values, |a, b| a.value.cmp(&b.value));
    values
}

/// `2024-03...` as months since year 0; none for a date of a year only.
fn month_number(date: &str) -> Option<u32> {
    let year: u32 = date.get(..4)?.parse().ok()?;
    let month: u32 = date.get(5..7)?.parse().ok()?;
    (1..=12).contains(&month).then(|| year * 12 + month - 1)
}
