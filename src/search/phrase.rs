//! Phrases: how often terms stand side by side, in order, in one letter.

/// How many positions `p` have the first term at `p`, the second at `p + 1`, and so on.
/// `positions[i]` are the ascending positions of the i-th term in one letter.
pub fn count(positions: &[&[u32]]) -> u32 {
    let Some((first, rest)) = positions.split_first() else {
        return 0;
    };
    first
        .iter()
        .filter(|&&p| {
            rest.iter().zip(1u32..).all(|(list, i)| {
                p.checked_add(i)
                    .is_some_and(|q| list.binary_search(&q).is_ok())
            })
        })
        .count() as u32
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn counts_adjacent_runs_in_order() {
        let militaire = [3, 10, 20];
        let mobiliteit = [4, 12, 21];
        assert_eq!(count(&[&militaire, &mobiliteit]), 2);
        assert_eq!(count(&[&mobiliteit, &militaire]), 0);
    }

    #[test]
    fn a_repeated_term_needs_two_positions() {
        let de = [5, 6];
        assert_eq!(count(&[&de, &de]), 1);
        assert_eq!(count(&[&de, &de, &de]), 0);
    }

    #[test]
    fn no_terms_no_match() {
        assert_eq!(count(&[]), 0);
    }
}
