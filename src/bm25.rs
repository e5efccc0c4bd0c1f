//! Okapi BM25 with the usual constants (Robertson & Zaragoza, 2009).

const K1: f32 = 1.2;
const B: f32 = 0.75;

/// Inverse document frequency of a term in `df` of `n` documents; never negative.
pub fn idf(n: usize, df: usize) -> f32 {
    let (n, df) = (n as f32, df as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// The weight of `tf` occurrences in a document of `len` tokens, for an average of `avg_len`.
pub fn tf_weight(tf: f32, len: u32, avg_len: f32) -> f32 {
    let norm = if avg_len > 0.0 {
        len as f32 / avg_len
    } else {
        1.0
    };
    tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * norm))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rarer_terms_weigh_more() {
        assert!(idf(5, 1) > idf(5, 4));
        assert!(idf(5, 5) > 0.0);
    }

    #[test]
    fn more_occurrences_weigh_more_but_saturate() {
        let one = tf_weight(1.0, 100, 100.0);
        let two = tf_weight(2.0, 100, 100.0);
        let many = tf_weight(50.0, 100, 100.0);
        assert!(one < two && two < many && many < K1 + 1.0);
    }

    #[test]
    fn shorter_documents_weigh_more() {
        assert!(tf_weight(1.0, 50, 100.0) > tf_weight(1.0, 200, 100.0));
    }
}
