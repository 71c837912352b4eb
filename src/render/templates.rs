//! The theme's templates in Tera, and Tera's errors as diagnostics that name
//! the template file and line (see [`errors`]).

mod errors;
mod source;

use crate::diag::Diagnostic;
use crate::images::{Fit, Format, Plan, Resized};
use crate::load::theme::Theme;
use std::sync::mpsc;
use tera::{Kwargs, State, Tera, Value};

/// Compiles every template of the theme. Undefined variables are errors at
/// render time (Tera 2's behaviour), so a typo in a template fails the build.
/// Every mistake found is reported, each at its template and line.
pub fn compile(theme: &Theme) -> Result<Tera, Vec<Diagnostic>> {
    compile_with(theme, None)
}

/// [`compile`], with `resize` answered by the image pipeline through
/// `resize` (see `render_with`) when given. Without it (e.g. `warta
/// serve`), `resize` gives the original image: its URL and the requested
/// size.
pub fn compile_with(
    theme: &Theme,
    resize: Option<mpsc::Sender<ResizeRequest>>,
) -> Result<Tera, Vec<Diagnostic>> {
    let mut tera = Tera::default();
    // Only HTML is rendered through templates; feeds are written in Rust.
    tera.autoescape_on(vec![".html"]);
    // Functions must be known before the templates are compiled.
    match resize {
        Some(requests) => register_resize(&mut tera, requests),
        None => tera.register_function("resize", |kwargs: Kwargs, _: &State| {
            let req = ResizeArgs::parse(&kwargs)?;
            let url = match req.src.strip_prefix("static/") {
                Some(rest) => format!("/{rest}"),
                None => match req.src.strip_prefix("content/") {
                    Some(rest) => format!("/{rest}"),
                    None => req.src.clone(),
                },
            };
            Ok::<_, tera::Error>(resized_value(&Resized {
                url,
                width: req.width,
                height: req.height,
            }))
        }),
    }
    tera.add_raw_templates(
        theme
            .templates
            .iter()
            .map(|t| (t.name.as_str(), t.source.as_str())),
    )
    .map_err(|e| errors::compile(&e, theme))?;
    Ok(tera)
}

/// The arguments of the template function
/// `resize(src, width, height=0, fit="cover", format=…)` (docs/images.md).
#[derive(Debug, Clone)]
pub struct ResizeArgs {
    pub src: String,
    pub width: u32,
    pub height: u32,
    pub fit: Fit,
    pub format: Option<Format>,
}

impl ResizeArgs {
    fn parse(kwargs: &Kwargs) -> Result<ResizeArgs, tera::Error> {
        let src = kwargs.must_get::<&str>("src")?.to_string();
        let width = kwargs.must_get::<u32>("width")?;
        let height = kwargs.get::<u32>("height")?.unwrap_or(0);
        let fit = match kwargs.get::<&str>("fit")? {
            None => Fit::Cover,
            Some(f) => Fit::parse(f).ok_or_else(|| {
                tera::Error::message(format!(
                    "resize: unknown fit `{f}` (use \"cover\" or \"contain\")"
                ))
            })?,
        };
        let format = match kwargs.get::<&str>("format")? {
            None => None,
            Some(f) => Some(match f.to_ascii_lowercase().as_str() {
                "jpg" | "jpeg" => Format::Jpeg,
                "png" => Format::Png,
                "webp" => Format::WebP,
                _ => {
                    return Err(tera::Error::message(format!(
                        "resize: unknown format `{f}` (use \"jpg\", \"png\" or \"webp\")"
                    )))
                }
            }),
        };
        Ok(ResizeArgs {
            src,
            width,
            height,
            fit,
            format,
        })
    }
}

/// A `resize` call sent to the thread that holds the [`Plan`].
pub struct ResizeRequest {
    pub args: ResizeArgs,
    pub reply: mpsc::Sender<Result<Resized, String>>,
}

impl ResizeRequest {
    pub fn run(&self, plan: &Plan) -> Result<Resized, String> {
        let a = &self.args;
        plan.resize(&a.src, a.width, a.height, a.fit, a.format)
    }
}

/// Registers `resize` backed by the image pipeline: each call goes through
/// `requests` to the plan (see `render_with`).
fn register_resize(tera: &mut Tera, requests: mpsc::Sender<ResizeRequest>) {
    tera.register_function("resize", move |kwargs: Kwargs, _: &State| {
        let args = ResizeArgs::parse(&kwargs)?;
        let (reply, answer) = mpsc::channel();
        requests
            .send(ResizeRequest { args, reply })
            .map_err(|_| tera::Error::message("resize: the image pipeline is not running"))?;
        match answer.recv() {
            Ok(Ok(r)) => Ok(resized_value(&r)),
            Ok(Err(e)) => Err(tera::Error::message(format!("resize: {e}"))),
            Err(_) => Err(tera::Error::message(
                "resize: the image pipeline is not running",
            )),
        }
    });
}

fn resized_value(r: &Resized) -> Value {
    Value::from_serializable(r)
}

/// A Tera error (from rendering) at its template file and position.
pub fn diagnostic(err: &tera::Error, theme: &Theme) -> Diagnostic {
    errors::render(err, theme)
}

/// Adds a render error unless the same mistake is already there: a
/// template used by many pages fails on each, with the same message at the
/// same place (only the help, naming the page's values, may differ).
pub fn push_unique(diags: &mut Vec<Diagnostic>, d: Diagnostic) {
    if !diags
        .iter()
        .any(|x| x.span == d.span && x.message == d.message)
    {
        diags.push(d);
    }
}
