//! What a diagnostic says, kept as a message id of the catalogue
//! (`src/diag/ftl/*.ftl`) with its arguments, and made into text only when
//! printed ([`super::Catalog`]), in the language of the run. The id is the
//! diagnostic's code (`error[unknown-field]`), the same in every language.

/// A message to an officer: an id of the catalogue and its arguments.
/// Write it with [`msg!`](crate::msg).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// An argument of a message.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arg {
    /// Text shown as it is (names, values, paths; quote them with `shorten`).
    Text(String),
    /// A count: the catalogue chooses singular or plural on it.
    Number(i64),
    /// Another message, put into this one in the same language.
    Message(Box<Message>),
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }
    /// The text argument `name`, if any (for tests and for code that looks
    /// at what a message is about, never at its wording).
    pub fn text_arg(&self, name: &str) -> Option<&str> {
        self.args.iter().find_map(|(n, a)| match a {
            Arg::Text(t) if *n == name => Some(t.as_str()),
            _ => None,
        })
    }
    /// This message as text in `lang`. Builds a catalogue for each call: for
    /// tests and one-off texts; a run renders through its one [`super::Catalog`].
    pub fn text(&self, lang: super::Lang) -> String {
        super::Catalog::new(lang).text(self)
    }
    /// English text, for tests that assert English wording.
    pub fn en(&self) -> String {
        self.text(super::Lang::En)
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}
impl From<std::borrow::Cow<'_, str>> for Arg {
    fn from(s: std::borrow::Cow<'_, str>) -> Arg {
        Arg::Text(s.into_owned())
    }
}
impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Message(Box::new(m))
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(n as i64)
            }
        }
    )*};
}
number_arg!(usize, u64, u32, u16, u8, i64, i32);

/// `msg!("unknown-field", field = name, suggestion = s)`: a [`Message`]
/// with the catalogue id and named arguments. Ids are literals so the
/// catalogue test can find every one in the source.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::diag::Message::new($id)$(.arg(stringify!($name), $value))*
    };
}
