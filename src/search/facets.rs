//! Facets: for each filter field, how many of the letters that match the query have each value.
//! A field's counts leave out that field's own filter (and apply the others), so choosing
//! `kind=verslag` still shows how many agendas there are to add.

use super::options::{FIELDS, Field, Filters};
use super::sort::sort_by;
use crate::meta::Meta;
use serde::Serialize;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    pub kind: Vec<FacetValue>,
    pub year: Vec<FacetValue>,
    pub minister: Vec<FacetValue>,
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
    facets
}
