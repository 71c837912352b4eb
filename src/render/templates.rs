//! The theme's templates in Tera, and Tera's errors as diagnostics that name
//! the template file and line.

use crate::diag::{Diagnostic, Span};
use crate::load::theme::Theme;
use tera::{ErrorKind, Tera};

/// Compiles every template of the theme. Undefined variables are errors at
/// render time (Tera 2's behaviour), so a typo in a template fails the build.
pub fn compile(theme: &Theme) -> Result<Tera, Diagnostic> {
    let mut tera = Tera::default();
    // Only HTML is rendered through templates; feeds are written in Rust.
    tera.autoescape_on(vec![".html"]);
    tera.add_raw_templates(
        theme
            .templates
            .iter()
            .map(|t| (t.name.as_str(), t.source.as_str())),
    )
    .map_err(|e| diagnostic(&e, theme))?;
    Ok(tera)
}

/// A Tera error pointing at its template file and position.
pub fn diagnostic(err: &tera::Error, theme: &Theme) -> Diagnostic {
    let file_of = |name: &str| {
        theme
            .templates
            .iter()
            .find(|t| t.name == name)
            .map(|t| t.file)
    };
    match err.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => {
            let what = if matches!(err.kind(), ErrorKind::SyntaxError(_)) {
                "template syntax error"
            } else {
                "template error"
            };
            let message = format!("{what}: {}", r.message());
            match file_of(r.filename()) {
                Some(file) => Diagnostic::error(Span::new(file, r.span().range.clone()), message),
                None => Diagnostic::global(format!("{message} (in template {})", r.filename())),
            }
            .with_help(
                "fix the template, or delete the site's override in templates/ to use the theme's",
            )
        }
        ErrorKind::MissingParent { current, parent } => {
            let d = format!("template `{current}` extends `{parent}`, which does not exist");
            match file_of(current) {
                Some(file) => Diagnostic::error(Span::file_start(file), d),
                None => Diagnostic::global(d),
            }
        }
        ErrorKind::TemplateNotFound(name) => Diagnostic::global(format!(
            "the theme `{}` has no template `{name}`",
            theme.name
        ))
        .with_help(format!(
            "add templates/{name} to the site or to themes/{}/templates/",
            theme.name
        )),
        other => {
            let mut msg = format!("template error: {other}");
            let mut src = std::error::Error::source(err);
            while let Some(s) = src {
                msg.push_str(&format!(": {s}"));
                src = s.source();
            }
            Diagnostic::global(msg)
        }
    }
}
