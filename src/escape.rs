//! The one escaper for text written outside templates: Markdown links,
//! feeds, sitemaps, JSON-LD, the editor's page (`cms`) and `warta serve`'s
//! error overlay. Templates escape through Tera's autoescape.

/// Escapes `&`, `<`, `>`, `"` and `'`: safe in element text and in quoted
/// attribute values, HTML and XML alike.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Serializes `value` as JSON that is safe inside a `<script>` element.
/// `</` becomes `<\/` so `</script>` cannot close the element; every other
/// `<`, `>` and `&` becomes a `\u` escape, so no `<!--` or markup-looking
/// text is left either. All of these are the same JSON string to a parser.
pub fn json_for_script<T: serde::Serialize>(value: &T) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "{}".into());
    let mut out = String::with_capacity(json.len() + 16);
    let mut chars = json.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '<' if chars.peek() == Some(&'/') => {
                chars.next();
                out.push_str("<\\/");
            }
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_script_breakouts() {
        assert_eq!(
            html(r#""><img src=x onerror='a'>"#),
            "&quot;&gt;&lt;img src=x onerror=&#39;a&#39;&gt;"
        );
        let j = json_for_script(&serde_json::json!({"name": "</script><script>alert(1)</script>"}));
        assert!(!j.contains("</") && !j.contains("<script"));
        assert!(j.contains("<\\/script\\u003e"));
        let back: serde_json::Value = serde_json::from_str(&j).unwrap();
        assert_eq!(back["name"], "</script><script>alert(1)</script>");
    }
}
