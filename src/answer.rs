//! What a question of a loaded index gives: the answer, or the names of the files of the index
//! folder it needs first. Not an error: the caller (the page's `engine.js` over HTTP,
//! [`crate::folder`] from disk) fetches them, hands them over, and asks again. Kept apart from
//! [`crate::Error`] so that `?` can never carry a fetch request up as a failure. Either way it
//! names the files a coming question may want (`prefetch`): the caller may fetch them while the
//! visitor types; no answer waits for them.

#[derive(Debug, Clone, PartialEq)]
pub enum Answer<T> {
    Ready {
        value: T,
        prefetch: Vec<String>,
    },
    /// Files to fetch and hand over before asking again (never empty), and what can be shown
    /// meanwhile: a search whose ranking is final and waits for letter files only previews its
    /// hits by their titles.
    Need {
        files: Vec<String>,
        preview: Option<T>,
        prefetch: Vec<String>,
    },
}

impl<T> Answer<T> {
    /// The answer of a question that needs no file (an index held whole, in tests): panics
    /// naming the files otherwise.
    #[cfg(any(test, not(web)))]
    pub fn expect_ready(self) -> T {
        match self {
            Answer::Ready { value, .. } => value,
            Answer::Need { files, .. } => panic!("the question needs files: {files:?}"),
        }
    }
}
