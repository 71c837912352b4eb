//! Splitting a Markdown file into YAML front matter and body.

use std::sync::Arc;

/// The Markdown body of a content file: the end of the file's text, shared
/// with the source map and every record made from it, so the text of a
/// site is in memory once however many stages hold it.
#[derive(Clone, Default)]
pub struct Body {
    file: Arc<str>,
    start: usize,
}

impl Body {
    /// The body starting at byte `start` of `file` (a character boundary).
    pub fn new(file: Arc<str>, start: usize) -> Body {
        debug_assert!(file.is_char_boundary(start));
        Body { file, start }
    }
    pub fn as_str(&self) -> &str {
        &self.file[self.start..]
    }
}

impl std::ops::Deref for Body {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Body {
    fn from(s: &str) -> Body {
        Body::new(s.into(), 0)
    }
}

impl PartialEq for Body {
    fn eq(&self, other: &Body) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Body {}

impl std::fmt::Display for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

/// Byte ranges of the front matter (between the `---` lines) and the body.
#[derive(Debug, PartialEq, Eq)]
pub struct Split {
    pub front: std::ops::Range<usize>,
    pub body: std::ops::Range<usize>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not start with a `---` line.
    Missing,
    /// The opening `---` has no closing line.
    Unclosed,
}

/// Finds the front matter. Accepts `\n` and `\r\n` line endings and a closing
/// `---` or `...` line at the very end without a newline.
pub fn split(text: &str) -> Result<Split, SplitError> {
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "---" {
        return Err(SplitError::Missing);
    }
    let front_start = (first_end + 1).min(text.len());
    let mut pos = front_start;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = text[pos..end].trim_end();
        if line == "---" || line == "..." {
            let body_start = (end + 1).min(text.len());
            return Ok(Split {
                front: front_start..pos,
                body: body_start..text.len(),
            });
        }
        pos = end + 1;
    }
    Err(SplitError::Unclosed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lf_and_crlf() {
        let t = "---\ntitle: a\n---\nBody\n";
        let s = split(t).unwrap();
        assert_eq!(&t[s.front.clone()], "title: a\n");
        assert_eq!(&t[s.body], "Body\n");
        let t = "---\r\ntitle: a\r\n---\r\nBody";
        let s = split(t).unwrap();
        assert_eq!(&t[s.front], "title: a\r\n");
        assert_eq!(&t[s.body], "Body");
    }

    #[test]
    fn closing_line_at_end_of_file_without_newline() {
        let t = "---\ntitle: a\n---";
        let s = split(t).unwrap();
        assert_eq!(&t[s.body], "");
    }

    #[test]
    fn a_body_is_the_end_of_its_file_and_shares_it() {
        let file: Arc<str> = "---\ntitle: x\n---\nIsi\n".into();
        let s = split(&file).unwrap();
        let body = Body::new(file.clone(), s.body.start);
        assert_eq!(body.as_str(), "Isi\n");
        assert_eq!(Arc::strong_count(&file), 2);
        assert_eq!(body, Body::from("Isi\n"));
    }

    #[test]
    fn missing_and_unclosed() {
        assert_eq!(split("title: a\n"), Err(SplitError::Missing));
        assert_eq!(split(""), Err(SplitError::Missing));
        assert_eq!(split("---\ntitle: a\nBody\n"), Err(SplitError::Unclosed));
    }
}
