//! One small sort for the whole search path. The standard library's sorts are faster on large
//! inputs, but each element type and comparator instantiates ~1-3 KB of sorting networks in the
//! wasm (34 KB over the search path); heapsort is a few hundred bytes per instantiation,
//! O(n log n) in the worst case, and in place. Every comparator here is a total order, so an
//! unstable sort gives one answer.

use std::cmp::Ordering;

pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let mut less = |a: &T, b: &T| compare(a, b) == Ordering::Less;
    let n = v.len();
    for start in (0..n / 2).rev() {
        sift_down(v, start, n, &mut less);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end, &mut less);
    }
}

pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

fn sift_down<T>(v: &mut [T], mut root: usize, end: usize, less: &mut impl FnMut(&T, &T) -> bool) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && less(&v[child], &v[child + 1]) {
            child += 1;
        }
        if !less(&v[root], &v[child]) {
            return;
        }
        v.swap(root, child);
        root = child;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library() {
        let mut seed = 7u64;
        for len in [0, 1, 2, 3, 10, 100, 1000] {
            let mut v: Vec<u32> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                    (seed >> 40) as u32 % 50
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_unstable();
            sort(&mut v);
            assert_eq!(v, expected);
            sort_by(&mut v, |a, b| b.cmp(a));
            expected.reverse();
            assert_eq!(v, expected);
        }
    }
}
