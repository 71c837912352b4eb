//! `_redirects`: the redirect rules Netlify reads from the published
//! folder. A library's `aliases` (its earlier ids) become permanent
//! redirects, so a link printed on a poster or shared on social media
//! before a rename keeps working. The alias pages themselves are also
//! rendered (a meta-refresh page), for hosts that do not read this file;
//! the rules are forced (`301!`) so Netlify answers with a real 301
//! instead of serving that page.

use super::urls;
use crate::site::Site;

/// The file's text: a comment, then for each alias of each library (in the
/// site's order) one rule for the profile and one for everything under it
/// (poster, badge, QR code). `None` when no library has an alias.
pub fn file(site: &Site) -> Option<String> {
    let mut out = String::new();
    for library in &site.libraries {
        let to = urls::library(&library.id);
        for alias in &library.aliases {
            let from = urls::library(alias);
            out.push_str(&format!("{from}  {to}  301!\n{from}*  {to}:splat  301!\n"));
        }
    }
    if out.is_empty() {
        return None;
    }
    Some(format!(
        "# Made by `warta build` from the `aliases` of libraries in data/libraries/.\n\
         # Do not edit: add an alias to the library instead.\n{out}"
    ))
}
