//! The Content-Security-Policy of the published site and of the editor,
//! in one place (shared by `render` and `cms`, so neither reaches into
//! the other for it).
//!
//! Every page the theme renders carries [`SITE`] in a `<meta
//! http-equiv>` (so it holds on any host), and `_headers`
//! ([`crate::render::headers`], also sent by `warta serve`) sends the same policy
//! as a header to every page ([`header`]: with `frame-ancestors`, which
//! only a header can carry); the browser editor gets [`editor`]. A test
//! (`tests/it/netlify.rs`) checks that they agree and that every built page
//! satisfies its policy: no inline script (JSON-LD and JSON data blocks
//! are never executed, so they are allowed), no `<style>`, no `style="…"`.

/// The policy of every page warta renders. `img-src` allows `https:`
/// because Markdown may show an image from another site (it is passed
/// through as written); scripts and styles come only from the site itself.
/// Frames come only from the two privacy-mode video players a video block
/// loads when the reader presses play (`markdown/video.rs`).
pub const SITE: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
img-src 'self' https:; connect-src 'self'; font-src 'self'; object-src 'none'; \
frame-src https://www.youtube-nocookie.com https://player.vimeo.com; \
base-uri 'self'; form-action 'self'";

/// A page policy as a header: the `<meta>` policy plus what only a header
/// can say (who may frame the page).
pub fn header(policy: &str) -> String {
    format!("{policy}; frame-ancestors 'self'")
}

/// The editor's page (`/admin/`, src/cms), in its own `<meta
/// http-equiv>`: it depends on the site's backend and script source, so
/// no fixed header can say it. Decap needs `eval` and inline styles (its
/// issue #2138), never inline scripts. `scripts` are the pinned script
/// files (and Decap's folder, whose chunks it loads itself), `connect` the
/// backend's API origins; the local backend (`decap-server` on the
/// officer's own computer) is reached on `localhost`.
pub fn editor(scripts: &[String], connect: &[String]) -> String {
    let list = |items: &[String]| items.iter().map(|s| format!(" {s}")).collect::<String>();
    format!(
        "default-src 'self'; script-src 'self' 'unsafe-eval'{}; style-src 'self' 'unsafe-inline'; \
img-src 'self' data: blob: https:; connect-src 'self'{} http://localhost:* http://127.0.0.1:*; \
font-src 'self' data:; media-src 'self' blob:; frame-src 'self'; object-src 'none'; \
base-uri 'self'; form-action 'self'",
        list(scripts),
        list(connect)
    )
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
        // The web manifest and the icons are the site's own files:
        // `manifest-src` and `img-src` fall back to / allow 'self'.
        assert!(SITE.starts_with("default-src 'self';"));
        assert!(!SITE.contains("manifest-src") || SITE.contains("manifest-src 'self'"));
        // A <meta> policy cannot carry frame-ancestors (browsers ignore it).
        assert!(!SITE.contains("frame-ancestors"));
    }

    #[test]
    fn the_editor_policy_allows_eval_but_no_inline_script() {
        let p = editor(
            &["https://unpkg.com/decap-cms@1.0.0/dist/".into()],
            &["https://api.github.com".into()],
        );
        assert!(
            p.contains("script-src 'self' 'unsafe-eval' https://unpkg.com/decap-cms@1.0.0/dist/;")
        );
        assert!(p.contains("connect-src 'self' https://api.github.com http://localhost:*"));
        let script = p.split(';').find(|d| d.contains("script-src")).unwrap();
        assert!(!script.contains("'unsafe-inline'"), "{script}");
        assert!(p.contains("object-src 'none'") && !p.contains("frame-ancestors"));
    }
}
