//! A small HTML tag scanner for the tests: start tags with their
//! attributes (entity-decoded), line numbers and the text of `<script>`,
//! `<style>` and `<textarea>`. Enough for the pages warta generates.

#![allow(dead_code)] // each test uses a different part of it

pub struct Tag {
    /// Lower-case.
    pub name: String,
    /// Lower-case names, entity-decoded values.
    pub attrs: Vec<(String, String)>,
    pub line: usize,
    /// For `<script>`, `<style>` and `<textarea>`: the text up to the end tag.
    pub text: String,
}

impl Tag {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Start tags of `html`, skipping comments, doctype and the text of
/// `<script>`, `<style>` and `<textarea>`.
pub fn tags(html: &str) -> Vec<Tag> {
    let b = html.as_bytes();
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1;
    let mut counted = 0;
    while let Some(off) = html[i..].find('<') {
        i += off;
        let rest = &html[i..];
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |j| j + 3);
            continue;
        }
        if rest.starts_with("</") || rest.starts_with("<!") || rest.starts_with("<?") {
            i += rest.find('>').map_or(rest.len(), |j| j + 1);
            continue;
        }
        let start = i;
        i += 1;
        let name_end = i + html[i..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(html.len() - i);
        if name_end == i {
            continue; // a stray '<' in text
        }
        let name = lower[i..name_end].to_string();
        i = name_end;
        let mut attrs = Vec::new();
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                i += 1;
                break;
            }
            let an_end = i + html[i..]
                .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '>' || c == '/')
                .unwrap_or(html.len() - i);
            let an = lower[i..an_end].to_string();
            i = an_end;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = String::new();
            if i < b.len() && b[i] == b'=' {
                i += 1;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                    let q = b[i] as char;
                    let end = html[i + 1..].find(q).map_or(html.len(), |j| i + 1 + j);
                    value = html[i + 1..end].to_string();
                    i = (end + 1).min(html.len());
                } else {
                    let end = i + html[i..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .unwrap_or(html.len() - i);
                    value = html[i..end].to_string();
                    i = end;
                }
            }
            if an.is_empty() {
                i += 1; // not an attribute: step over it
                continue;
            }
            attrs.push((an, decode_entities(&value)));
        }
        i = i.min(html.len());
        line += html[counted..start].matches('\n').count();
        counted = start;
        let mut text = String::new();
        if matches!(name.as_str(), "script" | "style" | "textarea") {
            let close = format!("</{name}");
            let end = lower[i..].find(&close).map_or(html.len(), |j| i + j);
            text = html[i..end].to_string();
            i = end;
        }
        out.push(Tag {
            name,
            attrs,
            line,
            text,
        });
    }
    out
}

pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&j| j <= 10);
        let decoded = end.and_then(|j| {
            let ent = &rest[1..j];
            let c = match ent {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => '\u{a0}',
                _ => {
                    let n = if let Some(h) = ent.strip_prefix("#x").or(ent.strip_prefix("#X")) {
                        u32::from_str_radix(h, 16).ok()
                    } else {
                        ent.strip_prefix('#').and_then(|d| d.parse().ok())
                    };
                    n.and_then(char::from_u32)?
                }
            };
            Some((c, j + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
