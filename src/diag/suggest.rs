//! "Did you mean …?": the closest known value to what an author typed.

use deunicode::deunicode;

/// Folds case and accents and drops separators, so `Jawa Tengah`,
/// `jawa-tengah` and `JAWA TENGAH` compare equal.
pub fn fold(s: &str) -> String {
    deunicode(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The known value closest to `typed`, if one is close enough to be a likely
/// typo. Comparison is on folded forms; ties keep the first candidate, so the
/// answer is deterministic.
pub fn closest<'a, I>(typed: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let t = fold(typed);
    if t.is_empty() {
        return None;
    }
    let limit = (t.chars().count() / 3).max(2);
    let mut best: Option<(usize, &'a str)> = None;
    for c in candidates {
        let f = fold(c);
        let d = if f == t {
            0
        } else if f.starts_with(&t) || t.starts_with(&f) {
            // A cut-off word ("jawa" for "jawa-tengah") is a good hint.
            1 + f.len().abs_diff(t.len()).min(limit)
        } else {
            strsim::damerau_levenshtein(&t, &f)
        };
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// A ready-made help text: "did you mean `x`?", or the list of allowed values
/// when the list is short and nothing is close.
pub fn did_you_mean<'a, I>(typed: &str, candidates: I) -> Option<super::Message>
where
    I: IntoIterator<Item = &'a str> + Clone,
{
    if let Some(c) = closest(typed, candidates.clone()) {
        return Some(crate::msg!("did-you-mean", suggestion = c));
    }
    let all: Vec<&str> = candidates.into_iter().collect();
    if all.len() <= 12 {
        Some(crate::msg!(
            "expected-one-of",
            values = all
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_separators() {
        assert_eq!(fold("Jawa-Tengah"), "jawatengah");
        assert_eq!(fold("Tanjung Pinang"), fold("TANJUNGPINANG"));
        assert_eq!(fold("Désa"), "desa");
    }

    #[test]
    fn finds_typos_and_rejects_unrelated_words() {
        let provinces = ["aceh", "jawa-tengah", "jawa-timur", "jawa-barat"];
        assert_eq!(closest("jawa-tengha", provinces), Some("jawa-tengah"));
        assert_eq!(closest("Jawa Timur", provinces), Some("jawa-timur"));
        assert_eq!(closest("papua", provinces), None);
    }

    #[test]
    fn suggests_field_names() {
        let fields = ["title", "date", "tags", "summary"];
        assert_eq!(closest("tittle", fields), Some("title"));
        assert_eq!(closest("tag", fields), Some("tags"));
    }

    #[test]
    fn lists_allowed_values_when_nothing_is_close() {
        let levels = ["provinsi", "kabupaten", "kota", "desa", "kelurahan"];
        assert_eq!(
            did_you_mean("sekolah", levels).unwrap().en(),
            "expected one of: `provinsi`, `kabupaten`, `kota`, `desa`, `kelurahan`"
        );
        assert_eq!(
            did_you_mean("kabupatn", levels).unwrap().en(),
            "did you mean `kabupaten`?"
        );
    }
}
