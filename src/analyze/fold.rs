//! Folds a word to its search form: compatibility-decomposed, without diacritics, lowercase.
//! `Oekraïne`, `OEKRAINE` and `oekraine` all fold to `oekraine`; `ﬁ` folds to `fi`.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.nfkd().filter(|c| !is_combining_mark(*c)) {
        out.extend(c.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_diacritics_and_case() {
        assert_eq!(fold("Oekraïne"), "oekraine");
        assert_eq!(fold("Georgië"), "georgie");
        assert_eq!(fold("België"), "belgie");
        assert_eq!(fold("EFFICIËNT"), "efficient");
    }

    #[test]
    fn composed_and_decomposed_input_fold_alike() {
        assert_eq!(fold("Oekrai\u{308}ne"), fold("Oekraïne"));
    }

    #[test]
    fn folds_compatibility_forms() {
        assert_eq!(fold("ﬁnanciering"), "financiering");
    }

    #[test]
    fn keeps_digits() {
        assert_eq!(fold("F16"), "f16");
    }
}
