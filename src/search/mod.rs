//! Static search for `/cari/`: an index built from the resolved [`Site`]
//! at build time, split into content-hashed chunks, and a small script that
//! fetches only the chunks a query needs. No server.
//!
//! - [`build`]: every search file as `(URL path, bytes)`; pure, deterministic.
//! - [`client_url`]: the URL of the client script, for the `/cari/` template.
//! - [`ENTRY_URL`]: the one file whose content changes between builds.
//!
//! The file format and the markup the page needs are in docs/search.md.
//! Text analysis (folding, stop words, stemming) is in [`text`]; the browser
//! never stems: the term chunks map every surface form to its stem's postings.

pub mod chunk;
pub mod docs;
pub mod index;
pub mod reader;
pub mod text;

use crate::site::Site;
use std::collections::BTreeMap;
use std::sync::OnceLock;

pub use index::ENTRY_URL;

/// The client script, served as `/cari/i/search.<hash>.js` (with the
/// chunks, so the host's cache-forever rule for `/cari/i/` covers it).
pub const CLIENT_JS: &str = include_str!("client.js");

/// The URL of the client script (content-hashed, cacheable forever).
pub fn client_url() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| {
        format!(
            "{}i/search.{}.js",
            index::DIR,
            index::content_hash(CLIENT_JS.as_bytes())
        )
    })
}

/// Every search file of the site: the entry file ([`ENTRY_URL`]), the client
/// script ([`client_url`]) and the content-hashed chunks, sorted by URL.
/// `words` are the theme's UI strings: the client's words are their
/// `search_*` keys.
pub fn build(site: &Site, words: &BTreeMap<String, String>) -> Vec<(String, Vec<u8>)> {
    let built = index::build(site, words);
    let mut files = built.files;
    files.push((ENTRY_URL.to_string(), built.entry));
    files.push((client_url().to_string(), CLIENT_JS.as_bytes().to_vec()));
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_is_small_and_named_by_content() {
        assert!(
            CLIENT_JS.len() <= 12 * 1024,
            "client.js is {} bytes, budget 12 KB",
            CLIENT_JS.len()
        );
        assert!(client_url().starts_with("/cari/i/search."));
        assert!(client_url().ends_with(".js"));
    }
}
