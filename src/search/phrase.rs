//! Phrases: where terms stand side by side, in order, in one letter.

/// The positions `p` that have the first term at `p`, the second at `p + 1`, and so on.
/// `positions[i]` are the ascending positions of the i-th term in one letter.
pub fn starts(positions: &[&[u32]]) -> Vec<u32> {
    let Some((first, rest)) = positions.split_first() else {
        return Vec::new();
    };
    first
        .iter()
        .copied()
        .filter(|&p| {
            rest.iter().zip(1u32..).all(|(list, i)| {
                p.checked_add(i)
                    .is_some_and(|q| list.binary_search(&q).is_ok())
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::starts;

    #[test]
    fn finds_adjacent_runs_in_order() {
        let militaire = [3, 10, 20];
        let mobiliteit = [4, 12, 21];
        assert_eq!(starts(&[&militaire, &mobiliteit]), [3, 20]);
        assert!(starts(&[&mobiliteit, &militaire]).is_empty());
    }

    #[test]
    fn a_repeated_term_needs_two_positions() {
        let de = [5, 6];
        assert_eq!(starts(&[&de, &de]), [5]);
        assert!(starts(&[&de, &de, &de]).is_empty());
    }

    #[test]
    fn no_terms_no_match() {
        assert!(starts(&[]).is_empty());
    }
}
