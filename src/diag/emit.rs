//! Printing diagnostics: the one place they become text.

use super::{Diagnostic, Severity, SourceMap};
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, termcolor};
use std::io::{self, Write};
use std::ops::Range;

/// How diagnostics are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Source snippet with a caret, in colour: for a person at a terminal.
    Rich,
    /// One `path:line:col: error: message` line plus help lines: for pipes,
    /// CI logs and editors.
    Plain,
}

impl Style {
    /// Rich on a terminal, plain when stderr is piped.
    pub fn detect() -> Style {
        use std::io::IsTerminal;
        if io::stderr().is_terminal() {
            Style::Rich
        } else {
            Style::Plain
        }
    }
}

/// The most diagnostics printed in one run: past that, one line says how
/// many more there are (the first ones are usually the cause of the rest,
/// and a wall of thousands helps nobody).
pub const MAX_SHOWN: usize = 200;

/// Writes the diagnostics to stderr in the chosen style: the first
/// [`MAX_SHOWN`], then "… and N more".
pub fn emit(diags: &[Diagnostic], files: &SourceMap, style: Style) -> io::Result<()> {
    let shown = &diags[..diags.len().min(MAX_SHOWN)];
    match style {
        Style::Plain => {
            let mut out = io::stderr().lock();
            out.write_all(render_plain(diags, files).as_bytes())
        }
        Style::Rich => {
            let stream = termcolor::StandardStream::stderr(termcolor::ColorChoice::Auto);
            let mut out = stream.lock();
            let config = term::Config::default();
            for d in shown {
                term::emit_to_write_style(&mut out, &config, files, &to_codespan(d))
                    .map_err(io::Error::other)?;
            }
            out.write_all(more_line(diags).as_bytes())
        }
    }
}

/// "… and N more problems" when some were not shown, else "".
fn more_line(diags: &[Diagnostic]) -> String {
    let rest = diags.len().saturating_sub(MAX_SHOWN);
    if rest == 0 {
        return String::new();
    }
    let errors = diags[MAX_SHOWN..].iter().filter(|d| d.is_error()).count();
    format!(
        "… and {rest} more ({errors} error{}, {} warning{}) not shown: fix the ones above first\n",
        if errors == 1 { "" } else { "s" },
        rest - errors,
        if rest - errors == 1 { "" } else { "s" },
    )
}

/// The plain form of a list of diagnostics (the first [`MAX_SHOWN`], then
/// "… and N more").
pub fn render_plain(diags: &[Diagnostic], files: &SourceMap) -> String {
    let mut s = String::new();
    for d in &diags[..diags.len().min(MAX_SHOWN)] {
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match &d.span {
            Some(span) => s.push_str(&format!(
                "{}: {kind}: {}\n",
                files.location(span),
                d.message
            )),
            None => s.push_str(&format!("{kind}: {}\n", d.message)),
        }
        for (span, label) in &d.related {
            s.push_str(&format!("  {}: note: {label}\n", files.location(span)));
        }
        if let Some(help) = &d.help {
            s.push_str(&format!("  help: {help}\n"));
        }
    }
    s.push_str(&more_line(diags));
    s
}

fn to_codespan(d: &Diagnostic) -> CsDiagnostic<u32> {
    let severity = match d.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
    };
    let mut labels = Vec::new();
    if let Some(span) = &d.span {
        labels.push(Label::primary(span.file.0, span.range.clone()));
    }
    for (span, label) in &d.related {
        labels.push(Label::secondary(span.file.0, span.range.clone()).with_message(label));
    }
    let mut out = CsDiagnostic::new(severity)
        .with_message(&d.message)
        .with_labels(labels);
    if let Some(help) = &d.help {
        out = out.with_notes(vec![format!("help: {help}")]);
    }
    out
}

impl<'a> Files<'a> for SourceMap {
    type FileId = u32;
    type Name = String;
    type Source = &'a str;

    fn name(&'a self, id: u32) -> Result<String, FilesError> {
        Ok(self.path(super::FileId(id)).display().to_string())
    }
    fn source(&'a self, id: u32) -> Result<&'a str, FilesError> {
        Ok(&self.get(super::FileId(id)).text)
    }
    fn line_index(&'a self, id: u32, byte_index: usize) -> Result<usize, FilesError> {
        let starts = self.get(super::FileId(id)).line_starts();
        Ok(starts
            .partition_point(|&s| s <= byte_index)
            .saturating_sub(1))
    }
    fn line_range(&'a self, id: u32, line_index: usize) -> Result<Range<usize>, FilesError> {
        let f = self.get(super::FileId(id));
        let starts = f.line_starts();
        let start = *starts.get(line_index).ok_or(FilesError::LineTooLarge {
            given: line_index,
            max: starts.len() - 1,
        })?;
        let end = starts.get(line_index + 1).copied().unwrap_or(f.text.len());
        Ok(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{SourceFile, Span};

    #[test]
    fn past_the_limit_one_line_says_how_many_more() {
        let mut files = SourceMap::new();
        let id = files.add(SourceFile::new("a.md".into(), "x\n".into()));
        let diags: Vec<_> = (0..MAX_SHOWN + 3)
            .map(|i| Diagnostic::error(Span::new(id, 0..0), format!("problem {i}")))
            .collect();
        let text = render_plain(&diags, &files);
        assert_eq!(text.lines().count(), MAX_SHOWN + 1);
        assert!(text.ends_with(
            "… and 3 more (3 errors, 0 warnings) not shown: fix the ones above first\n"
        ));
        assert!(!render_plain(&diags[..2], &files).contains("more"));
    }

    #[test]
    fn plain_names_file_line_column_and_help() {
        let mut files = SourceMap::new();
        let id = files.add(SourceFile::new(
            "data/libraries/jateng.yaml".into(),
            "- id: a\n  province: jawa-tengha\n".into(),
        ));
        let at = files.get(id).text.find("jawa-tengha").unwrap();
        let d = Diagnostic::error(Span::new(id, at..at + 11), "unknown province `jawa-tengha`")
            .with_help("did you mean `jawa-tengah`?");
        let text = render_plain(&[d], &files);
        assert_eq!(
            text,
            "data/libraries/jateng.yaml:2:13: error: unknown province `jawa-tengha`\n  help: did you mean `jawa-tengah`?\n"
        );
    }
}
