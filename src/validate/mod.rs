//! Validate: the rules a record must follow on its own or against its peers
//! (slugs, duplicates, safe URLs, allowed keys, alt text, text lengths).
//! Invisible characters are found by `load::invisible`, in each file as it
//! is read (it needs the text as written). Knows rules, not the
//! programme's structure: references between records are resolved, and
//! reported, by `site::resolve`.

mod cms;
mod lengths;
mod rules;
mod walk;

use crate::diag::Diagnostics;
use crate::load::Loaded;

/// Checks every rule over everything loaded; problems go into `diags`.
pub fn validate(site: &Loaded, diags: &mut Diagnostics) {
    rules::config(site, diags);
    rules::regions(site, diags);
    rules::libraries(site, diags);
    rules::awards_and_reports(site, diags);
    rules::content(site, diags);
    lengths::check(site, diags);
}
