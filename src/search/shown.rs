//! What is shown of a letter: a hit in the results (title, metadata, excerpt, the section it
//! comes from), or the whole letter in the reader. The metadata both show is made in one place,
//! [`About::of`].

use super::excerpt::{self, Match};
use super::meet::Candidate;
use super::{Searcher, reader};
use crate::doc::Document;
use crate::doc::sections::anchors;
use crate::index::Ask;
use crate::meta::{Kind, Link, Meeting, Meta, Precision};
use crate::sorted::SortedMap;
use serde::ser::{Serialize, SerializeStruct, Serializer};

/// What the results and the reader say about a letter besides its text. Written into the hit's
/// and the reading's objects as their own fields (by hand: serde's `flatten` would go through a
/// map, 7.6 KB more wasm).
#[derive(Debug, Clone, PartialEq)]
pub struct About {
    pub date: Option<String>,
    pub date_precision: Option<Precision>,
    pub kind: Option<Kind>,
    pub minister: Option<String>,
    pub meeting: Option<Meeting>,
    /// The other letters of its meeting (an agenda, its report, the debate), oldest first.
    pub same_meeting: Vec<Link>,
    /// The letters most like it, best first, with their titles.
    pub related: Vec<Link>,
}

impl About {
    const FIELDS: usize = 7;

    fn put<S: SerializeStruct>(&self, out: &mut S) -> Result<(), S::Error> {
        out.serialize_field("date", &self.date)?;
        out.serialize_field("date_precision", &self.date_precision)?;
        out.serialize_field("kind", &self.kind)?;
        out.serialize_field("minister", &self.minister)?;
        out.serialize_field("meeting", &self.meeting)?;
        out.serialize_field("same_meeting", &self.same_meeting)?;
        out.serialize_field("related", &self.related)
    }

    fn of(meta: &Meta) -> About {
        About {
            date: meta.date.clone(),
            date_precision: meta.date_precision,
            kind: meta.kind,
            minister: meta.minister.clone(),
            meeting: meta.meeting.clone(),
            same_meeting: meta.same_meeting.clone(),
            related: meta.related.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: String,
    pub title: String,
    pub score: f32,
    /// HTML: escaped text with `<mark>`ed matches.
    pub excerpt: String,
    pub about: About,
    /// The section the excerpt comes from, when it is under a heading.
    pub section: Option<SectionRef>,
    /// The query's words the letter does not have (a partial answer only).
    pub missing: Vec<String>,
    /// Grouped by meeting: the letters of its meeting that match too, shown as this one.
    pub grouped: Vec<String>,
    /// The page the excerpt stands on, from 1, where the letter's pages are known.
    pub page: Option<u32>,
    /// The original's address, and the owner's own fields (name, value).
    pub source: Option<String>,
    pub fields: Vec<(String, String)>,
}

/// A whole letter, for reading, with the words a query matched marked.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub id: String,
    pub title: String,
    /// Escaped HTML: `<h3 id=anchor>` headings, `<p>` paragraphs, `<mark data-match=n>` matches.
    pub html: String,
    /// How many words are marked.
    pub matches: usize,
    pub sections: Vec<SectionRef>,
    pub about: About,
    pub kamerstuk: Option<String>,
    /// Some files could not be fetched: matches they would give (phrases) are not marked.
    pub incomplete: bool,
    /// How many pages the letter has, where they are known (the HTML marks where each begins).
    pub pages: Option<u32>,
    pub source: Option<String>,
    pub fields: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SectionRef {
    pub heading: String,
    /// The section's anchor in the letter (`afschrikking-en-verdediging`).
    pub anchor: String,
}

impl Serialize for Hit {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Hit", 10 + About::FIELDS)?;
        out.serialize_field("id", &self.id)?;
        out.serialize_field("title", &self.title)?;
        out.serialize_field("score", &self.score)?;
        out.serialize_field("excerpt", &self.excerpt)?;
        self.about.put(&mut out)?;
        out.serialize_field("section", &self.section)?;
        out.serialize_field("missing", &self.missing)?;
        out.serialize_field("grouped", &self.grouped)?;
        out.serialize_field("page", &self.page)?;
        out.serialize_field("source", &self.source)?;
        out.serialize_field("fields", &self.fields)?;
        out.end()
    }
}

impl Serialize for Reading {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Reading", 10 + About::FIELDS)?;
        out.serialize_field("id", &self.id)?;
        out.serialize_field("title", &self.title)?;
        out.serialize_field("html", &self.html)?;
        out.serialize_field("matches", &self.matches)?;
        out.serialize_field("sections", &self.sections)?;
        self.about.put(&mut out)?;
        out.serialize_field("kamerstuk", &self.kamerstuk)?;
        out.serialize_field("incomplete", &self.incomplete)?;
        out.serialize_field("pages", &self.pages)?;
        out.serialize_field("source", &self.source)?;
        out.serialize_field("fields", &self.fields)?;
        out.end()
    }
}

impl Searcher {
    /// The hit of the letter numbered `doc` as the letter table tells it, before its file comes:
    /// id, title and date, no excerpt; `None` unless the table is here and keeps titles.
    pub(super) fn preview_hit(&self, doc: u32, score: f32, missing: Vec<String>) -> Option<Hit> {
        let (id, title) = self.index.preview(doc)?;
        let meta = self.index.table()?.get(doc as usize)?;
        Some(Hit {
            id: id.to_string(),
            title: title.to_string(),
            score,
            excerpt: String::new(),
            about: About::of(meta),
            section: None,
            missing,
            grouped: Vec::new(),
            page: None,
            source: None,
            fields: meta.fields.clone(),
        })
    }

    /// A hit for the letter numbered `doc`, a candidate of this score and phrase matches, its
    /// excerpt chosen by the clauses' `weights`; `None` until its file is here.
    pub(super) fn hit(
        &self,
        ask: &mut Ask<'_>,
        doc: u32,
        candidate: Candidate,
        clause_of: &SortedMap<&str, u16>,
        weights: &[u32],
        missing: Vec<String>,
    ) -> Option<Hit> {
        let score = candidate.score;
        let (letter, words, matches) = self.head_matches(ask, doc, clause_of, candidate.matches)?;
        let d = &letter.document;
        let start = excerpt::best_window(words.len(), &matches, weights);
        // The section of the excerpt's first match (or of its first word).
        let at = matches
            .iter()
            .map(|m| m.0)
            .find(|&p| p as usize >= start)
            .unwrap_or(start as u32);
        let section = d
            .sections
            .iter()
            .rposition(|s| s.position <= at)
            .map(|i| SectionRef {
                heading: d.sections[i].heading.clone(),
                anchor: anchors(&d.sections).swap_remove(i),
            });
        Some(Hit {
            id: d.id.clone(),
            title: d.title.clone(),
            score,
            excerpt: excerpt::render(&d.body, words, &matches, start),
            about: About::of(&d.meta),
            section,
            missing,
            grouped: Vec::new(),
            page: words.get(at as usize).and_then(|w| d.page_at(w.start)),
            source: d.source.clone(),
            fields: d.meta.fields.clone(),
        })
    }
}

/// The whole letter `d` for the reader, the words at `matches` marked.
pub(super) fn reading(d: &Document, matches: &[Match]) -> Reading {
    let (html, marks) = reader::render(d, matches);
    let sections = d
        .sections
        .iter()
        .zip(anchors(&d.sections))
        .map(|(s, anchor)| SectionRef {
            heading: s.heading.clone(),
            anchor,
        })
        .collect();
    Reading {
        id: d.id.clone(),
        title: d.title.clone(),
        html,
        matches: marks,
        sections,
        about: About::of(&d.meta),
        kamerstuk: d.meta.kamerstuk.clone(),
        incomplete: false,
        pages: (!d.pages.is_empty()).then_some(d.pages.len() as u32),
        source: d.source.clone(),
        fields: d.meta.fields.clone(),
    }
}
