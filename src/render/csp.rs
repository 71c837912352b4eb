//! The Content-Security-Policy of the published site, in one place.
//!
//! Every page the theme renders carries [`SITE`] in a `<meta
//! http-equiv>` (so it holds on any host, and in `warta serve`), and
//! `netlify.toml` sends the same policy as a header on the sections
//! (with `frame-ancestors`, which only a header can carry). A test
//! (`tests/netlify.rs`) checks that the two agree and that every built
//! page satisfies it: no inline script (JSON-LD and JSON data blocks are
//! never executed, so they are allowed), no `<style>`, no `style="…"`.

/// The policy of every page warta renders. `img-src` allows `https:`
/// because Markdown may show an image from another site (it is passed
/// through as written); scripts and styles come only from the site itself.
pub const SITE: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
img-src 'self' https:; connect-src 'self'; font-src 'self'; object-src 'none'; \
base-uri 'self'; form-action 'self'";

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
        // The web manifest and the icons are the site's own files:
        // `manifest-src` and `img-src` fall back to / allow 'self'.
        assert!(SITE.starts_with("default-src 'self';"));
        assert!(!SITE.contains("manifest-src") || SITE.contains("manifest-src 'self'"));
        // A <meta> policy cannot carry frame-ancestors (browsers ignore it).
        assert!(!SITE.contains("frame-ancestors"));
    }
}
