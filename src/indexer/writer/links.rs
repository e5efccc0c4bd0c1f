//! What the letters name of one another, written into them once every letter is known: the
//! others of a letter's meeting (`meetings.rs`) and its related letters (`related.rs`). Each
//! letter that names any is read back from where it waits, and sealed again.

use super::{Links, Writer};
use crate::error::Result;
use crate::format::letter::{Letter, title_of};
use crate::indexer::related;
use crate::meta::Link;

impl Writer {
    /// Writes into each letter the others of its meeting and its related letters (`related`,
    /// from [`related::Related::finish`]). Returns the letters that name others, and the bytes
    /// all the names take.
    pub(super) fn link_letters(&mut self, related: Vec<u32>) -> Result<Links> {
        let meetings = std::mem::take(&mut self.meetings);
        let mut same = meetings
            .links(&self.ids, |n| self.table.about(n))
            .into_iter()
            .peekable();
        // The titles of the letters some letter names as related, end to end in one string
        // (a letter's title is `text[at[n]..at[n + 1]]`): a few bytes a letter, not a String.
        let mut named = vec![false; self.docs as usize];
        for n in 0..self.docs as usize {
            for other in related::of(&related, n) {
                named[other as usize] = true;
            }
        }
        let (mut text, mut at) = (String::new(), vec![0u32]);
        for (n, &named) in named.iter().enumerate() {
            if named {
                text.push_str(&title_of(&self.letters.get(&self.files, n)?)?);
            }
            at.push(text.len() as u32);
        }
        let title = |n: usize| Some(text[at[n] as usize..at[n + 1] as usize].to_string());
        let mut links = Links::default();
        for n in 0..self.docs as usize {
            let meeting = same.next_if(|(m, _)| *m as usize == n).map(|(_, l)| l);
            let near: Vec<Link> = related::of(&related, n)
                .map(|other| {
                    let (kind, date) = self.table.about(other as usize);
                    Link {
                        id: self.ids[other as usize].clone(),
                        kind,
                        date,
                        title: title(other as usize),
                    }
                })
                .collect();
            if meeting.is_none() && near.is_empty() {
                continue;
            }
            let waiting = self.letters.get(&self.files, n)?;
            let mut letter = Letter::decode(&waiting)?;
            if let Some(meeting) = meeting {
                links.same_meeting += 1;
                letter.document.meta.same_meeting = meeting;
            }
            links.related += usize::from(!near.is_empty());
            letter.document.meta.related = near;
            let sealed = letter.encode();
            links.bytes += sealed.len().saturating_sub(waiting.len());
            self.letters.replace(&mut self.files, n, sealed)?;
        }
        Ok(links)
    }
}
