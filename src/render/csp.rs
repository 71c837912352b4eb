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
/// Frames come only from the two privacy-mode video players a video block
/// loads when the reader presses play (`markdown/video.rs`).
pub const SITE: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
img-src 'self' https:; connect-src 'self'; font-src 'self'; object-src 'none'; \
frame-src https://www.youtube-nocookie.com https://player.vimeo.com; \
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
        // Frames: exactly the two video players, nothing wider; images and
        // scripts as before.
        let frames: Vec<&str> = SITE
            .split(';')
            .find_map(|d| d.trim().strip_prefix("frame-src "))
            .map(|d| d.split_whitespace().collect())
            .unwrap_or_default();
        assert_eq!(
            frames,
            [
                "https://www.youtube-nocookie.com",
                "https://player.vimeo.com"
            ]
        );
        assert!(SITE.contains("; img-src 'self' https:;"));
        assert!(SITE.contains("; script-src 'self';"));
        // A <meta> policy cannot carry frame-ancestors (browsers ignore it).
        assert!(!SITE.contains("frame-ancestors"));
    }
}
