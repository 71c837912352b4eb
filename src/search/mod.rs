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
//! stems only words the site never contained ([`stem`], written twice).

pub mod chunk;
pub mod docs;
pub mod index;
pub mod reader;
pub mod stem;
pub mod text;

use crate::site::Site;
use std::collections::BTreeMap;
use std::sync::OnceLock;

pub use index::ENTRY_URL;

/// The client script's source; [`client_js`] is what is served.
const CLIENT_SRC: &str = include_str!("client.js");
/// Where the stemmer's lists (`stem-id.txt`) go into the client.
const LISTS_SLOT: &str = "/*STEM_LISTS*/[[], {}]";

/// The client script, served as `/cari/_i/search.<hash>.js` (with the
/// chunks, so the host's cache-forever rule for `/cari/_i/` covers it): the
/// source with the stemmer's lists filled in, so both sides read one file.
pub fn client_js() -> &'static str {
    static JS: OnceLock<String> = OnceLock::new();
    JS.get_or_init(|| minify(&CLIENT_SRC.replacen(LISTS_SLOT, &stem::lists_json(), 1)))
}

/// Drops comments, indentation and the spaces next to punctuation, outside
/// quotes. Enough for `client.js`, which keeps its regular expressions free
/// of quotes, spaces and `//`, and its statements on lines of their own
/// (a test runs the result in node and Chromium).
fn minify(js: &str) -> String {
    const PUNCT: &str = "{}()[];,=<>+-*/%?:&|!.";
    let mut out = String::with_capacity(js.len());
    for line in js.lines() {
        let mut quote: Option<char> = None;
        let mut kept = String::new();
        let chars: Vec<char> = line.trim().chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            match quote {
                Some(q) => {
                    if c == '\\' {
                        kept.push(c);
                        i += 1;
                        if let Some(&n) = chars.get(i) {
                            kept.push(n);
                        }
                    } else {
                        if c == q {
                            quote = None;
                        }
                        kept.push(c);
                    }
                }
                None if c == '/' && chars.get(i + 1) == Some(&'/') => break,
                None if c == '\'' || c == '"' || c == '`' => {
                    quote = Some(c);
                    kept.push(c);
                }
                None if c == ' ' => {
                    let p = kept.chars().last().unwrap_or(' ');
                    let n = chars.get(i + 1).copied().unwrap_or(' ');
                    let keep = !(PUNCT.contains(p) || PUNCT.contains(n) || n == ' ')
                        || ("+-".contains(p) && "+-".contains(n));
                    if keep {
                        kept.push(c);
                    }
                }
                None => kept.push(c),
            }
            i += 1;
        }
        let kept = kept.trim_end();
        if !kept.is_empty() {
            out.push_str(kept);
            out.push('\n');
        }
    }
    out
}

/// The URL of the client script (content-hashed, cacheable forever).
pub fn client_url() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| {
        format!(
            "{}i/search.{}.js",
            index::DIR,
            index::content_hash(client_js().as_bytes())
        )
    })
}

/// The folder of the content-hashed search files, as an output path
/// (`cari/_i/`): every file in it may be cached for ever.
pub fn chunk_folder() -> &'static str {
    static DIR: OnceLock<String> = OnceLock::new();
    DIR.get_or_init(|| format!("{}i/", index::DIR.trim_start_matches('/')))
}

/// Every search file of the site: the entry file ([`ENTRY_URL`]), the client
/// script ([`client_url`]) and the content-hashed chunks, sorted by URL.
/// `words` are the theme's UI strings: the client's words are their
/// `search_*` keys.
pub fn build(site: &Site, words: &BTreeMap<String, String>) -> Vec<(String, Vec<u8>)> {
    let built = index::build(site, words);
    let mut files = built.files;
    files.push((ENTRY_URL.to_string(), built.entry));
    files.push((client_url().to_string(), client_js().as_bytes().to_vec()));
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_is_small_and_named_by_content() {
        assert!(CLIENT_SRC.contains(LISTS_SLOT));
        assert!(client_js().contains("\"sekolah\""), "lists filled in");
        assert!(
            client_js().len() <= 16 * 1024,
            "client.js is {} bytes, budget 16 KB",
            client_js().len()
        );
        assert!(client_url().starts_with("/cari/_i/search."));
        assert_eq!(chunk_folder(), "cari/_i/");
        assert!(client_url().ends_with(".js"));
    }
}
