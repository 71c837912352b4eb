//! The message catalogues: Fluent files, one per language, compiled into
//! the binary. A run makes one [`Catalog`] (its language) and every text an
//! officer reads passes through [`Catalog::text`].

use super::message::{Arg, Message};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The language messages are written in: Indonesian unless the site says
/// `language: en` or the command line `--lang en`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Id,
    En,
}

/// Every catalogue, by language; the Indonesian one is the reference.
pub const CATALOGUES: [(Lang, &str); 2] = [
    (Lang::Id, include_str!("ftl/id.ftl")),
    (Lang::En, include_str!("ftl/en.ftl")),
];

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }
    /// `en` is English, anything else Indonesian (the site's default).
    pub fn from_code(code: &str) -> Lang {
        if code.trim().eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Id
        }
    }
}

/// One language's messages, ready to format.
pub struct Catalog {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Catalog({})", self.lang.code())
    }
}

impl Catalog {
    pub fn new(lang: Lang) -> Catalog {
        let source = CATALOGUES
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or("", |(_, s)| s);
        // The catalogues ship inside the binary and a unit test parses
        // them, so an error here is a bug caught before release.
        let resource = FluentResource::try_new(source.to_string())
            .unwrap_or_else(|(_, errors)| panic!("{}.ftl: {errors:?}", lang.code()));
        let id = lang.code().parse().expect("a valid language tag");
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // No invisible isolation marks around arguments: the text goes to
        // terminals and logs, and `shorten` already shows what is hidden.
        bundle.set_use_isolating(false);
        if let Err(errors) = bundle.add_resource(resource) {
            panic!("{}.ftl: {errors:?}", lang.code());
        }
        Catalog { lang, bundle }
    }
    pub fn lang(&self) -> Lang {
        self.lang
    }
    /// The message as text in this catalogue's language.
    pub fn text(&self, m: &Message) -> String {
        let Some(pattern) = self.bundle.get_message(m.id).and_then(|f| f.value()) else {
            debug_assert!(false, "`{}` is not in {}.ftl", m.id, self.lang.code());
            return m.id.to_string();
        };
        let mut args = FluentArgs::new();
        for (name, arg) in &m.args {
            let value = match arg {
                Arg::Text(t) => FluentValue::from(t.as_str()),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Message(inner) => FluentValue::from(self.text(inner)),
            };
            args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&args), &mut errors);
        debug_assert!(
            errors.is_empty(),
            "`{}` in {}.ftl: {errors:?}",
            m.id,
            self.lang.code()
        );
        text.into_owned()
    }
}
