//! The language of a run's messages, read before anything else is loaded.

use crate::diag::{FileId, Lang};
use std::path::Path;

/// `flag` (`--lang`) when given, else the site's `language` in
/// data/site.yaml, read on its own before anything else so even a broken
/// site gets its messages in its language; Indonesian when neither says.
pub fn message_language(root: &Path, flag: Option<Lang>) -> Lang {
    flag.unwrap_or_else(|| {
        std::fs::read_to_string(root.join("data/site.yaml"))
            .ok()
            .and_then(|text| {
                let doc = crate::yaml::parse(&text, FileId(0), 0).ok()?;
                doc.value.get("language")?.as_str().map(Lang::from_code)
            })
            .unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(yaml: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("data")).unwrap();
        std::fs::write(dir.path().join("data/site.yaml"), yaml).unwrap();
        dir
    }

    #[test]
    fn the_flag_wins_then_the_site_then_indonesian() {
        let en = site("title: Situs\nlanguage: en\n");
        assert_eq!(message_language(en.path(), None), Lang::En);
        assert_eq!(message_language(en.path(), Some(Lang::Id)), Lang::Id);
        assert_eq!(
            message_language(site("title: Situs\n").path(), None),
            Lang::Id
        );
        let none = tempfile::tempdir().unwrap();
        assert_eq!(message_language(none.path(), None), Lang::Id);
        assert_eq!(message_language(none.path(), Some(Lang::En)), Lang::En);
    }

    #[test]
    fn a_site_broken_elsewhere_still_gets_its_language() {
        // The load reports the bad value later, in English.
        let en = site("language: en\nper_page: banyak\nmenu: 3\n");
        assert_eq!(message_language(en.path(), None), Lang::En);
        // YAML that cannot be read at all gives no language.
        assert_eq!(
            message_language(site("language: en\n  : [\n").path(), None),
            Lang::Id
        );
    }
}
