//! What a question of a loaded index gives: the answer, or the names of the files of the index
//! folder it needs first. Not an error: the caller (the page's `engine.js` over HTTP,
//! [`crate::folder`] from disk) fetches them, hands them over, and asks again. Kept apart from
//! [`crate::Error`] so that `?` can never carry a fetch request up as a failure.

#[derive(Debug, Clone, PartialEq)]
pub enum Answer<T> {
    Ready(T),
    /// Files to fetch and hand over before asking again; never empty.
    Need(Vec<String>),
}

impl<T> Answer<T> {
    /// The answer of a question that needs no file (an index held whole, in tests): panics
    /// naming the files otherwise.
    #[cfg(any(test, not(target_arch = "wasm32")))]
    pub fn expect_ready(self) -> T {
        match self {
            Answer::Ready(t) => t,
            Answer::Need(names) => panic!("the question needs files: {names:?}"),
        }
    }
}
