//! Splitting a Markdown file into YAML front matter and body.

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
    fn missing_and_unclosed() {
        assert_eq!(split("title: a\n"), Err(SplitError::Missing));
        assert_eq!(split(""), Err(SplitError::Missing));
        assert_eq!(split("---\ntitle: a\nBody\n"), Err(SplitError::Unclosed));
    }
}
