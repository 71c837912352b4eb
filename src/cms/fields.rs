//! Decap CMS fields: the widget model and its YAML shape.
//!
//! A [`Field`] serializes exactly as Decap's `config.yml` expects a field
//! (`name`, `label`, `widget`, `required`, `hint`, then the widget's own
//! options), so `config.yml` reads in that order.

use serde::ser::{Serialize, SerializeMap, Serializer};

/// One field of a Decap collection.
#[derive(Debug, Clone)]
pub struct Field {
    pub name: &'static str,
    /// Shown above the input, in Indonesian.
    pub label: &'static str,
    pub widget: Widget,
    pub required: bool,
    /// Shown below the input: what to write, in an officer's words.
    pub hint: Option<&'static str>,
}

/// A `value` with the `label` an officer sees for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub label: String,
    pub value: String,
}

/// The Decap widgets warta uses, with their options.
#[derive(Debug, Clone)]
pub enum Widget {
    /// One line; `pattern` is a regular expression and its message.
    String {
        pattern: Option<(&'static str, &'static str)>,
    },
    /// Several lines of plain text.
    Text,
    Markdown,
    Boolean,
    /// A whole number, at least `min` when given.
    Int {
        min: Option<i64>,
    },
    Float,
    /// `YYYY-MM-DD`, the only date form warta reads.
    Date,
    Select {
        options: Vec<Choice>,
        multiple: bool,
    },
    /// A value taken from another collection's entries.
    Relation {
        collection: &'static str,
        value_field: &'static str,
        search_fields: &'static [&'static str],
        display_fields: &'static [&'static str],
        multiple: bool,
    },
    Image,
    /// A list of short texts (tags, themes, names).
    Strings,
    /// A record with fields of its own.
    Object(Vec<Field>),
    /// A list of records.
    Records {
        fields: Vec<Field>,
        /// The item's title in the collapsed list, e.g. `{{fields.name}}`.
        summary: &'static str,
    },
}

impl Field {
    pub fn new(name: &'static str, label: &'static str, widget: Widget) -> Field {
        Field {
            name,
            label,
            widget,
            required: false,
            hint: None,
        }
    }
    pub fn required(mut self) -> Field {
        self.required = true;
        self
    }
    pub fn hint(mut self, hint: &'static str) -> Field {
        self.hint = Some(hint);
        self
    }

    /// The Decap widget name.
    pub fn widget_name(&self) -> &'static str {
        match &self.widget {
            Widget::String { .. } => "string",
            Widget::Text => "text",
            Widget::Markdown => "markdown",
            Widget::Boolean => "boolean",
            Widget::Int { .. } | Widget::Float => "number",
            Widget::Date => "datetime",
            Widget::Select { .. } => "select",
            Widget::Relation { .. } => "relation",
            Widget::Image => "image",
            Widget::Strings | Widget::Records { .. } => "list",
            Widget::Object(_) => "object",
        }
    }

    /// Fields nested in this one (objects and lists of records).
    pub fn children(&self) -> &[Field] {
        match &self.widget {
            Widget::Object(f) | Widget::Records { fields: f, .. } => f,
            _ => &[],
        }
    }
}

impl Serialize for Field {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("name", self.name)?;
        m.serialize_entry("label", self.label)?;
        m.serialize_entry("widget", self.widget_name())?;
        m.serialize_entry("required", &self.required)?;
        if let Some(h) = self.hint {
            m.serialize_entry("hint", h)?;
        }
        match &self.widget {
            Widget::String {
                pattern: Some((re, msg)),
            } => {
                m.serialize_entry("pattern", &[re, msg])?;
            }
            Widget::String { pattern: None } | Widget::Text | Widget::Image => {}
            Widget::Markdown => {
                // Raw HTML is escaped by warta unless the site allows it;
                // the editor's HTML mode would only produce surprises.
                m.serialize_entry("buttons", MARKDOWN_BUTTONS)?;
                m.serialize_entry("editor_components", &["image"])?;
            }
            Widget::Boolean => m.serialize_entry("default", &false)?,
            Widget::Int { min } => {
                m.serialize_entry("value_type", "int")?;
                if let Some(min) = min {
                    m.serialize_entry("min", min)?;
                }
                m.serialize_entry("step", &1)?;
            }
            Widget::Float => {
                m.serialize_entry("value_type", "float")?;
                m.serialize_entry("step", &0.000001)?;
            }
            Widget::Date => {
                // Stored as `YYYY-MM-DD`, shown the Indonesian way.
                m.serialize_entry("format", "YYYY-MM-DD")?;
                m.serialize_entry("date_format", "DD-MM-YYYY")?;
                m.serialize_entry("time_format", &false)?;
                m.serialize_entry("picker_utc", &true)?;
            }
            Widget::Select { options, multiple } => {
                m.serialize_entry("multiple", multiple)?;
                m.serialize_entry("options", options)?;
            }
            Widget::Relation {
                collection,
                value_field,
                search_fields,
                display_fields,
                multiple,
            } => {
                m.serialize_entry("collection", collection)?;
                m.serialize_entry("value_field", value_field)?;
                m.serialize_entry("search_fields", search_fields)?;
                m.serialize_entry("display_fields", display_fields)?;
                m.serialize_entry("multiple", multiple)?;
                m.serialize_entry("options_length", &50)?;
            }
            Widget::Strings => {
                m.serialize_entry("allow_add", &true)?;
            }
            Widget::Object(fields) => {
                m.serialize_entry("collapsed", &true)?;
                m.serialize_entry("fields", fields)?;
            }
            Widget::Records { fields, summary } => {
                m.serialize_entry("collapsed", &true)?;
                m.serialize_entry("summary", summary)?;
                m.serialize_entry("fields", fields)?;
            }
        }
        m.end()
    }
}

impl Serialize for Choice {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("label", &self.label)?;
        m.serialize_entry("value", &self.value)?;
        m.end()
    }
}

const MARKDOWN_BUTTONS: &[&str] = &[
    "bold",
    "italic",
    "link",
    "heading-two",
    "heading-three",
    "quote",
    "bulleted-list",
    "numbered-list",
];

/// A slug as warta's `is_slug` accepts it, for Decap's `pattern`.
pub const SLUG_PATTERN: (&str, &str) = (
    "^[a-z0-9]+(-[a-z0-9]+)*$",
    "Hanya huruf kecil a–z, angka dan tanda hubung, mis. perpusdes-loram-wetan",
);

/// An `http(s)://` address, as warta's link rule accepts it.
pub const URL_PATTERN: (&str, &str) = (
    "^https?://[^\\s]+$",
    "Tulis alamat lengkap yang diawali https://",
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_serialize_in_decap_order() {
        let f = Field::new("date", "Tanggal", Widget::Date)
            .required()
            .hint("h");
        let yaml = crate::yaml::to_string(&f).unwrap();
        assert!(
            yaml.starts_with("name: date\nlabel: Tanggal\nwidget: datetime\nrequired: true\nhint: h\nformat: YYYY-MM-DD\n"),
            "{yaml}"
        );
        let s = Field::new("tags", "Tag", Widget::Strings);
        assert_eq!(s.widget_name(), "list");
        assert!(crate::yaml::to_string(&s)
            .unwrap()
            .contains("required: false"));
    }
}
