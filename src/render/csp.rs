//! The Content-Security-Policy of the published site, in one place.
//!
//! Every page the theme renders carries [`SITE`] in a `<meta
//! http-equiv>` (so it holds on any host), and `_headers`
//! ([`super::headers`], also sent by `warta serve`) sends the same policy
//! as a header to every page ([`header`]: with `frame-ancestors`, which
//! only a header can carry); the browser editor gets [`editor`]. A test
//! (`tests/netlify.rs`) checks that they agree and that every built page
//! satisfies its policy: no inline script (JSON-LD and JSON data blocks
//! are never executed, so they are allowed), no `<style>`, no `style="…"`.

/// The policy of every page warta renders. `img-src` allows `https:`
/// because Markdown may show an image from another site (it is passed
/// through as written); scripts and styles come only from the site itself.
pub const SITE: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
img-src 'self' https:; connect-src 'self'; font-src 'self'; object-src 'none'; \
base-uri 'self'; form-action 'self'";

/// A page policy as a header: the `<meta>` policy plus what only a header
/// can say (who may frame the page).
pub fn header(policy: &str) -> String {
    format!("{policy}; frame-ancestors 'self'")
}

/// The browser editor's policy (`/admin/` only; it never widens the
/// site's). Decap CMS needs `eval` and inline styles (its issue #2138) and
/// its pinned scripts from the npm CDN: the exact files, and Decap's own
/// `dist/` folder for the chunks it loads itself (all under Subresource
/// Integrity or a pinned version). Identity and Git Gateway answer on the
/// site's own origin (`/.netlify/…`).
pub fn editor(site: &crate::site::Site) -> String {
    let scripts: Vec<String> = crate::cms::scripts(site)
        .into_iter()
        .map(|(url, _)| match url.find("/decap-cms@") {
            Some(_) => url[..=url.rfind('/').unwrap_or(url.len() - 1)].to_string(),
            None => url,
        })
        .collect();
    header(&format!(
        "default-src 'self'; script-src 'self' 'unsafe-eval' {}; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; \
         connect-src 'self'; font-src 'self' data:; media-src 'self' blob:; \
         frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'",
        scripts.join(" ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_policy_allows_no_inline_code() {
        for directive in SITE.split(';') {
            let d = directive.trim();
            assert!(!d.contains("'unsafe-inline'"), "{d}");
            assert!(!d.contains("'unsafe-eval'"), "{d}");
        }
        assert!(SITE.contains("script-src 'self'"));
        assert!(SITE.contains("object-src 'none'"));
        // A <meta> policy cannot carry frame-ancestors (browsers ignore it).
        assert!(!SITE.contains("frame-ancestors"));
    }
}
