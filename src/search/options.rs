//! What a search is asked besides its query: how many hits, which filters, which order.
//!
//! Filters name a field and a value (`kind=verslag`, `year=2024`, `minister=ollongren`, or a field
//! of the site owner's metadata file, `kamerstuk=28676-441`); values of one field are
//! alternatives (OR), fields must all hold (AND). `minister` matches any part of the name,
//! ignoring case and diacritics; the others (an owner's field too) match the whole value
//! exactly. `from=2023-01` and `to=2024-06` bound the date ([`super::range`]), and hold with the
//! others.

use super::range::{Bound, DateRange};
use crate::analyze::fold;
use crate::error::{Error, OptionName, Result};
use crate::meta::{Kind, Meta};

/// Hits returned when nothing else is asked.
pub const DEFAULT_LIMIT: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Kind,
    Year,
    Minister,
}

pub const FIELDS: [Field; 3] = [Field::Kind, Field::Year, Field::Minister];

impl Field {
    pub fn name(self) -> &'static str {
        match self {
            Field::Kind => "kind",
            Field::Year => "year",
            Field::Minister => "minister",
        }
    }

    /// The known field named `name`, in any case.
    fn known(name: &str) -> Option<Field> {
        FIELDS
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
    }

    /// The letter's value of this field, if it has one.
    pub fn value(self, meta: &Meta) -> Option<&str> {
        match self {
            Field::Kind => meta.kind.map(|k| k.name()),
            Field::Year => meta.year(),
            Field::Minister => meta.minister.as_deref(),
        }
    }
}

/// The letter's value of the field `name`: the `known` field's (`Field::known(name)`, found once
/// for a filter, not for each letter), or else the owner's field of that name (ASCII case
/// ignored).
fn value_of<'m>(meta: &'m Meta, known: Option<Field>, name: &str) -> Option<&'m str> {
    if let Some(field) = known {
        return field.value(meta);
    }
    let (_, value) = meta
        .fields
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))?;
    Some(value)
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Each field: the known one it is, its name (a known one's as [`Field::name`] spells it, an
    /// owner's as given) and the values it may have.
    by_field: Vec<(Option<Field>, String, Vec<String>)>,
    range: DateRange,
}

impl Filters {
    /// Adds `field=value`.
    pub fn add_spec(&mut self, spec: &str) -> Result<()> {
        let (name, value) = spec.split_once('=').ok_or_else(|| Error::BadOption {
            option: OptionName::Filter,
            value: spec.trim().into(),
        })?;
        let (name, value) = (name.trim(), value.trim());
        if name.eq_ignore_ascii_case("from") {
            return self.range.set(Bound::From, value);
        }
        if name.eq_ignore_ascii_case("to") {
            return self.range.set(Bound::To, value);
        }
        let known = Field::known(name);
        let value = match known {
            Some(Field::Kind) => value.to_ascii_lowercase(),
            _ => value.to_string(),
        };
        // A value no letter can have (an empty one too) is a mistake, not a filter that silently
        // matches nothing. Whether the index has an owner's field of this name is known only
        // with its letter table (`Filters::unknown`).
        let wrong = match known {
            None if name.is_empty() => Some(OptionName::Field),
            None => value.is_empty().then_some(OptionName::Filter),
            Some(Field::Kind) => Kind::from_name(&value)
                .is_none()
                .then_some(OptionName::Kind),
            Some(Field::Year) => (value.len() != 4 || !value.bytes().all(|b| b.is_ascii_digit()))
                .then_some(OptionName::Year),
            Some(Field::Minister) => value.is_empty().then_some(OptionName::Minister),
        };
        if let Some(option) = wrong {
            return Err(Error::BadOption {
                option,
                value: match option {
                    OptionName::Filter => spec.trim().into(),
                    OptionName::Field => name.into(),
                    _ => value,
                },
            });
        }
        let name: &str = match known {
            Some(field) => field.name(),
            None => name,
        };
        match self
            .by_field
            .iter_mut()
            .find(|(_, n, _)| n.eq_ignore_ascii_case(name))
        {
            Some((_, _, values)) => values.push(value),
            None => self.by_field.push((known, name.to_string(), vec![value])),
        }
        Ok(())
    }

    /// The first owner's field filtered on that no letter of `metas` has: a filter that would
    /// match nothing because it is misspelled, or of another index.
    pub fn unknown(&self, metas: &[Meta]) -> Option<&str> {
        self.by_field
            .iter()
            .filter(|(known, _, _)| known.is_none())
            .map(|(_, name, _)| name.as_str())
            .find(|name| !metas.iter().any(|m| value_of(m, None, name).is_some()))
    }

    pub fn is_empty(&self) -> bool {
        self.by_field.is_empty() && self.range.is_empty()
    }

    /// Whether a letter passes every filter.
    pub fn accepts(&self, meta: &Meta) -> bool {
        self.in_range(meta) && self.failed(meta) == Some(None)
    }

    /// Whether a letter is within the date range.
    pub fn in_range(&self, meta: &Meta) -> bool {
        self.range.accepts(meta.date.as_deref())
    }

    /// The filter on a field a letter fails (the date range aside): `Some(None)` none,
    /// `Some(Some(name))` only the one on the field `name`, `None` more than one. So which facets
    /// count the letter: all, that field's alone (a facet leaves its own filter out), or none;
    /// each filter looked at once, however many facets there are.
    pub fn failed(&self, meta: &Meta) -> Option<Option<&str>> {
        let mut failed = None;
        for (known, name, values) in &self.by_field {
            if !holds(meta, *known, name, values) {
                if failed.is_some() {
                    return None;
                }
                failed = Some(name.as_str());
            }
        }
        Some(failed)
    }
}

/// Whether the letter's value of the field `name` (`known`, or the owner's) is one of `values`.
fn holds(meta: &Meta, known: Option<Field>, name: &str, values: &[String]) -> bool {
    value_of(meta, known, name).is_some_and(|v| {
        values.iter().any(|wanted| match known {
            // Any part of the name, ignoring case and diacritics.
            Some(Field::Minister) => contains(fold(v).as_bytes(), fold(wanted).as_bytes()),
            _ => v == wanted,
        })
    })
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    Relevance,
    /// Oldest first.
    Date,
    /// Newest first.
    DateDescending,
}

impl Sort {
    pub fn parse(name: &str) -> Result<Sort> {
        match name.trim() {
            "relevance" | "" => Ok(Sort::Relevance),
            "date" | "+date" => Ok(Sort::Date),
            "-date" => Ok(Sort::DateDescending),
            other => Err(Error::BadOption {
                option: OptionName::Sort,
                value: other.into(),
            }),
        }
    }
}

/// When to count facets. A split index keeps the letter table apart; a page shows the hits
/// first, counting facets only `IfLoaded`, and asks `Always` only while the table is not there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FacetCount {
    Never,
    IfLoaded,
    Always,
}

impl FacetCount {
    /// `always`, `never` or `if-loaded`: one spelling in the CLI (`--facets`), on the wasm
    /// boundary and in the JS API (`{ facets: 'if-loaded' }`).
    pub fn parse(name: &str) -> Result<FacetCount> {
        match name.trim() {
            "always" => Ok(FacetCount::Always),
            "never" => Ok(FacetCount::Never),
            "if-loaded" => Ok(FacetCount::IfLoaded),
            other => Err(Error::BadOption {
                option: OptionName::Facets,
                value: other.into(),
            }),
        }
    }
}

/// Whether the letters of one meeting show as one hit: the best of them, the others attached
/// (`--group meeting`, `{ group: 'meeting' }`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Group {
    #[default]
    None,
    Meeting,
}

impl Group {
    pub fn parse(name: &str) -> Result<Group> {
        match name.trim() {
            "" | "none" => Ok(Group::None),
            "meeting" => Ok(Group::Meeting),
            other => Err(Error::BadOption {
                option: OptionName::Group,
                value: other.into(),
            }),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchOptions {
    pub limit: usize,
    pub filters: Filters,
    pub sort: Sort,
    /// Whether to count facets, which read the letter table.
    pub facets: FacetCount,
    pub group: Group,
}

impl SearchOptions {
    /// The options as the CLI's flags and the JS API give them, spelled the same: a limit,
    /// `field=value` filters, a sort (`relevance`, `date`, `-date`), when to count facets, and
    /// a grouping (`meeting` or none).
    pub fn parse(
        limit: usize,
        filters: &[String],
        sort: &str,
        facets: &str,
        group: &str,
    ) -> Result<SearchOptions> {
        let mut options = SearchOptions {
            limit,
            sort: Sort::parse(sort)?,
            facets: FacetCount::parse(facets)?,
            group: Group::parse(group)?,
            ..SearchOptions::default()
        };
        for spec in filters {
            options.filters.add_spec(spec)?;
        }
        Ok(options)
    }
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: DEFAULT_LIMIT,
            filters: Filters::default(),
            sort: Sort::Relevance,
            facets: FacetCount::Always,
            group: Group::None,
        }
    }
}

/// Whether `needle` stands in `hay`: a name in a name, a few bytes, without the standard
/// substring search (2 KB of the wasm).
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::Kind;

    /// Whether a letter passes every filter but that on the field `name`, as its facet asks.
    fn passes_but(f: &Filters, meta: &Meta, name: &str) -> bool {
        f.in_range(meta)
            && f.failed(meta)
                .is_some_and(|failed| failed.is_none_or(|n| n.eq_ignore_ascii_case(name)))
    }

    fn meta(kind: Kind, date: &str, minister: &str) -> Meta {
        Meta {
            kind: Some(kind),
            date: Some(date.into()),
            minister: Some(minister.into()),
            ..Meta::default()
        }
    }

    #[test]
    fn or_within_a_field_and_across_fields() {
        let mut f = Filters::default();
        f.add_spec("kind=verslag").unwrap();
        f.add_spec("kind=agenda").unwrap();
        f.add_spec("year=2024").unwrap();
        assert!(f.accepts(&meta(Kind::Agenda, "2024-02", "K.H. Ollongren")));
        assert!(!f.accepts(&meta(Kind::Beslisnota, "2024-02", "K.H. Ollongren")));
        assert!(!f.accepts(&meta(Kind::Agenda, "2023-06", "K.H. Ollongren")));
        assert!(passes_but(&f, &meta(Kind::Agenda, "2023-06", "x"), "year"));
        // Failing two filters, a letter counts in neither's facet.
        assert!(!passes_but(&f, &meta(Kind::Brief, "2023-06", "x"), "year"));
        assert!(!passes_but(&f, &meta(Kind::Brief, "2023-06", "x"), "kind"));
    }

    #[test]
    fn minister_matches_part_of_the_name() {
        let mut f = Filters::default();
        f.add_spec("minister=ollongren").unwrap();
        assert!(f.accepts(&meta(Kind::Agenda, "2024", "K.H. Ollongren")));
        assert!(!f.accepts(&meta(Kind::Agenda, "2024", "R.P. Brekelmans")));
        assert!(!f.accepts(&Meta::default()), "a letter without a minister");
    }

    #[test]
    fn an_owners_field_matches_its_whole_value_and_holds_with_the_others() {
        let letter = |commissie: &str| Meta {
            fields: vec![
                ("Commissie".into(), commissie.into()),
                ("nr".into(), "441".into()),
            ],
            ..meta(Kind::Agenda, "2024-02", "K.H. Ollongren")
        };
        let mut f = Filters::default();
        // The name in any case, as `kind` is; the value whole and exact.
        f.add_spec("commissie=Defensie").unwrap();
        f.add_spec(" COMMISSIE = BuZa ").unwrap();
        assert!(f.accepts(&letter("Defensie")));
        assert!(f.accepts(&letter("BuZa")));
        assert!(!f.accepts(&letter("Defensie en BuZa")));
        assert!(!f.accepts(&letter("defensie")));
        assert!(!f.accepts(&Meta::default()), "a letter without it");
        // Its facet leaves it out, whatever the case of the name there.
        assert!(passes_but(&f, &letter("EZK"), "commissie"));
        f.add_spec("kind=verslag").unwrap();
        assert!(!f.accepts(&letter("Defensie")));
        assert!(passes_but(&f, &letter("Defensie"), "kind"));
        // A field is unknown when no letter has it; the known fields never are.
        assert_eq!(f.unknown(&[letter("x")]), None);
        assert_eq!(f.unknown(&[Meta::default()]), Some("commissie"));
        f.add_spec("kleur=rood").unwrap();
        assert_eq!(f.unknown(&[letter("x")]), Some("kleur"));
        assert_eq!(
            value_of(&letter("x"), Field::known("NR"), "NR"),
            Some("441")
        );
        assert_eq!(
            value_of(&letter("x"), Field::known("kind"), "kind"),
            Some("agenda")
        );
    }

    #[test]
    fn bad_filters_and_sorts_are_clear_errors() {
        let mut f = Filters::default();
        // Each names the option and the value given; an empty value is no value a letter has.
        for (spec, named, given) in [
            ("kind", OptionName::Filter, "kind"),
            ("=red", OptionName::Field, ""),
            ("colour= ", OptionName::Filter, "colour="),
            ("kind= ", OptionName::Kind, ""),
            ("year=24", OptionName::Year, "24"),
            ("minister=", OptionName::Minister, ""),
        ] {
            match f.add_spec(spec).unwrap_err() {
                Error::BadOption { option, value } => {
                    assert_eq!((option, value.as_str()), (named, given), "{spec}");
                }
                other => panic!("{spec}: {other}"),
            }
        }
        assert!(
            Sort::parse("sideways")
                .unwrap_err()
                .to_string()
                .contains("-date")
        );
        assert_eq!(Sort::parse("-date").unwrap(), Sort::DateDescending);
    }
}
