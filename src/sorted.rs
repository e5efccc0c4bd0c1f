//! A map and a set kept as one sorted vector, for the few small collections the search keeps
//! (letters held, files asked for, a query's terms). The standard B-tree costs the wasm about
//! 15 KB of code for what binary search over a vector does here in a few hundred bytes; these
//! collections hold tens or hundreds of entries, so an insert that shifts the vector is cheap.

/// Keys in ascending order, each with its value.
#[derive(Debug, Clone)]
pub struct SortedMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        SortedMap {
            entries: Vec::new(),
        }
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    pub fn new() -> Self {
        Self::default()
    }

    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: std::borrow::Borrow<Q>,
    {
        self.entries.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: std::borrow::Borrow<Q>,
    {
        self.find(key).ok().map(|i| &self.entries[i].1)
    }

    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: std::borrow::Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Puts `value` under `key`, replacing what was there.
    pub fn insert(&mut self, key: K, value: V) {
        match self.find(&key) {
            Ok(i) => self.entries[i].1 = value,
            Err(i) => self.entries.insert(i, (key, value)),
        }
    }

    /// The value under `key`, put there by `make` when there was none.
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let i = match self.find(&key) {
            Ok(i) => i,
            Err(i) => {
                self.entries.insert(i, (key, make()));
                i
            }
        };
        &mut self.entries[i].1
    }

    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|(_, v)| v)
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// The keys, ascending.
    pub fn into_keys(self) -> impl Iterator<Item = K> {
        self.entries.into_iter().map(|(k, _)| k)
    }
}

/// Keys in ascending order, each once.
pub type SortedSet<K> = SortedMap<K, ()>;

impl<K: Ord> SortedMap<K, ()> {
    pub fn contains<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: std::borrow::Borrow<Q>,
    {
        self.contains_key(key)
    }

    /// Adds `key`; false when it was there already.
    pub fn add(&mut self, key: K) -> bool {
        match self.find(&key) {
            Ok(_) => false,
            Err(i) => {
                self.entries.insert(i, (key, ()));
                true
            }
        }
    }

    /// Takes `key` out, if it is there.
    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q)
    where
        K: std::borrow::Borrow<Q>,
    {
        if let Ok(i) = self.find(key) {
            self.entries.remove(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_map_keeps_its_keys_sorted_and_once() {
        let mut m = SortedMap::new();
        for (k, v) in [(5, "e"), (1, "a"), (3, "c"), (1, "A")] {
            m.insert(k, v);
        }
        assert_eq!(m.keys().copied().collect::<Vec<_>>(), [1, 3, 5]);
        assert_eq!(m.get(&1), Some(&"A"));
        assert_eq!(m.get(&2), None);
        *m.get_or_insert_with(2, || "b") = "B";
        assert_eq!(
            m.values().copied().collect::<Vec<_>>(),
            ["A", "B", "c", "e"]
        );
        assert_eq!(m.len(), 4);
    }

    #[test]
    fn a_set_of_strings_is_asked_with_str() {
        let mut s: SortedSet<String> = SortedSet::new();
        assert!(s.add("b".to_string()));
        assert!(s.add("a".to_string()));
        assert!(!s.add("b".to_string()));
        assert!(s.contains("a"));
        assert!(!s.contains("c"));
        assert_eq!(s.clone().into_keys().collect::<Vec<_>>(), ["a", "b"]);
        s.clear();
        assert!(s.is_empty());
    }
}
