//! Printing diagnostics: the one place they become text, in the run's
//! language ([`Catalog`]), each headed by its code (`error[unknown-field]`).

use super::{Catalog, Diagnostic, Severity, SourceMap};
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
pub fn emit(
    diags: &[Diagnostic],
    files: &SourceMap,
    style: Style,
    cat: &Catalog,
) -> io::Result<()> {
    let shown = &diags[..diags.len().min(MAX_SHOWN)];
    match style {
        Style::Plain => {
            let mut out = io::stderr().lock();
            out.write_all(render_plain(diags, files, cat).as_bytes())
        }
        Style::Rich => {
            let stream = termcolor::StandardStream::stderr(termcolor::ColorChoice::Auto);
            let mut out = stream.lock();
            let config = term::Config::default();
            for d in shown {
                term::emit_to_write_style(&mut out, &config, files, &to_codespan(d, cat))
                    .map_err(io::Error::other)?;
            }
            out.write_all(more_line(diags, cat).as_bytes())
        }
    }
}

/// "… and N more problems" when some were not shown, else "".
fn more_line(diags: &[Diagnostic], cat: &Catalog) -> String {
    let rest = diags.len().saturating_sub(MAX_SHOWN);
    if rest == 0 {
        return String::new();
    }
    let errors = diags[MAX_SHOWN..].iter().filter(|d| d.is_error()).count();
    let line = crate::msg!(
        "more-not-shown",
        rest = rest,
        errors = errors,
        warnings = rest - errors
    );
    format!("{}\n", cat.text(&line))
}

/// `error` or `warning`: the same word in every language, with the code,
/// so logs, editors and tests can match on it.
pub fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The plain form of a list of diagnostics (the first [`MAX_SHOWN`], then
/// "… and N more"): `file:line:col: error[code]: message`, then the notes
/// and the help, indented.
pub fn render_plain(diags: &[Diagnostic], files: &SourceMap, cat: &Catalog) -> String {
    let note = cat.text(&crate::msg!("label-note"));
    let help_word = cat.text(&crate::msg!("label-help"));
    let mut s = String::new();
    for d in &diags[..diags.len().min(MAX_SHOWN)] {
        let head = format!(
            "{}[{}]: {}",
            severity_word(d.severity),
            d.code(),
            cat.text(&d.message)
        );
        match &d.span {
            Some(span) => s.push_str(&format!("{}: {head}\n", files.location(span))),
            None => s.push_str(&format!("{head}\n")),
        }
        for (span, label) in &d.related {
            s.push_str(&format!(
                "  {}: {note}: {}\n",
                files.location(span),
                cat.text(label)
            ));
        }
        if let Some(help) = &d.help {
            s.push_str(&format!("  {help_word}: {}\n", cat.text(help)));
        }
    }
    s.push_str(&more_line(diags, cat));
    s
}

fn to_codespan(d: &Diagnostic, cat: &Catalog) -> CsDiagnostic<u32> {
    let severity = match d.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
    };
    let mut labels = Vec::new();
    if let Some(span) = &d.span {
        labels.push(Label::primary(span.file.0, span.range.clone()));
    }
    for (span, label) in &d.related {
        labels
            .push(Label::secondary(span.file.0, span.range.clone()).with_message(cat.text(label)));
    }
    let mut out = CsDiagnostic::new(severity)
        .with_code(d.code())
        .with_message(cat.text(&d.message))
        .with_labels(labels);
    if let Some(help) = &d.help {
        let word = cat.text(&crate::msg!("label-help"));
        out = out.with_notes(vec![format!("{word}: {}", cat.text(help))]);
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
    use crate::diag::{Lang, SourceFile, Span};
    use crate::msg;

    #[test]
    fn past_the_limit_one_line_says_how_many_more() {
        let mut files = SourceMap::new();
        let id = files.add(SourceFile::new("a.md".into(), "x\n".into()));
        let diags: Vec<_> = (0..MAX_SHOWN + 3)
            .map(|_| Diagnostic::error(Span::new(id, 0..0), msg!("front-matter-not-closed")))
            .collect();
        let en = Catalog::new(Lang::En);
        let text = render_plain(&diags, &files, &en);
        assert_eq!(text.lines().count(), MAX_SHOWN + 1);
        assert!(text.ends_with(
            "… and 3 more (3 errors, 0 warnings) not shown: fix the ones above first\n"
        ));
        assert!(!render_plain(&diags[..2], &files, &en).contains("more"));
        let id_text = render_plain(&diags, &files, &Catalog::new(Lang::Id));
        assert!(
            id_text.ends_with("… dan 3 lagi (3 error, 0 peringatan) tidak ditampilkan: perbaiki yang di atas dulu\n"),
            "{id_text}"
        );
    }

    #[test]
    fn plain_names_file_line_column_code_and_help_in_both_languages() {
        let mut files = SourceMap::new();
        let id = files.add(SourceFile::new(
            "data/libraries/jateng.yaml".into(),
            "- id: a\n  province: jawa-tengha\n".into(),
        ));
        let at = files.get(id).text.find("jawa-tengha").unwrap();
        let d = Diagnostic::error(
            Span::new(id, at..at + 11),
            msg!(
                "unknown-reference",
                what = msg!("ref-province"),
                key = "jawa-tengha"
            ),
        )
        .with_help(msg!("did-you-mean", suggestion = "jawa-tengah"));
        assert_eq!(
            render_plain(std::slice::from_ref(&d), &files, &Catalog::new(Lang::En)),
            "data/libraries/jateng.yaml:2:13: error[unknown-reference]: unknown province `jawa-tengha`\n  help: did you mean `jawa-tengah`?\n"
        );
        assert_eq!(
            render_plain(&[d], &files, &Catalog::new(Lang::Id)),
            "data/libraries/jateng.yaml:2:13: error[unknown-reference]: provinsi `jawa-tengha` tidak dikenal\n  saran: maksud Anda `jawa-tengah`?\n"
        );
    }
}
