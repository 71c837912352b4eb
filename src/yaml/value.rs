//! warta's own YAML value: what a document holds after parsing, with no
//! type of a YAML crate in it (the backend is swapped in `src/yaml/` only).

/// A parsed YAML value. Mappings keep their keys in document order.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    /// A whole number that fits in 64 bits (signed or not).
    Int(i128),
    Float(f64),
    String(String),
    Seq(Vec<Value>),
    Map(Vec<(Value, Value)>),
}

impl Value {
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    /// The items of a list.
    pub fn items(&self) -> Option<&[Value]> {
        match self {
            Value::Seq(items) => Some(items),
            _ => None,
        }
    }
    /// The field `key` of a mapping.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.as_str() == Some(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }
    /// The keys of a mapping as text, in document order; `None` if the
    /// value is not a mapping.
    pub fn keys(&self) -> Option<Vec<String>> {
        match self {
            Value::Map(entries) => Some(entries.iter().map(|(k, _)| k.key_text()).collect()),
            _ => None,
        }
    }
    /// The value at `path` (`kpi/0/period`) below this one.
    pub fn at(&self, path: &str) -> Option<&Value> {
        let mut v = self;
        for part in path.split('/').filter(|p| !p.is_empty()) {
            v = match v {
                Value::Seq(items) => items.get(part.parse::<usize>().ok()?)?,
                Value::Map(_) => v.get(part)?,
                _ => return None,
            };
        }
        Some(v)
    }
    /// A key as text (`name`, `2024`, `true`).
    pub fn key_text(&self) -> String {
        match self {
            Value::Null => "~".into(),
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => f.to_string(),
            Value::String(s) => s.clone(),
            Value::Seq(_) => "[…]".into(),
            Value::Map(_) => "{…}".into(),
        }
    }
    /// A short name for the kind of a value, for messages.
    pub fn kind_name(&self) -> crate::diag::Message {
        match self {
            Value::Null => crate::msg!("kind-nothing"),
            Value::Bool(_) => crate::msg!("kind-boolean"),
            Value::Int(_) | Value::Float(_) => crate::msg!("expected-number"),
            Value::String(_) => crate::msg!("expected-text"),
            Value::Seq(_) => crate::msg!("expected-list"),
            Value::Map(_) => crate::msg!("expected-record"),
        }
    }
    /// The kind and, for a single value, the value itself shortened:
    /// "the text `dua ribu`", "the number `12`", "a list".
    pub fn describe(&self) -> crate::diag::Message {
        use crate::msg;
        match self {
            Value::Null => msg!("found-empty"),
            Value::Bool(b) => msg!("found-boolean", value = b.to_string()),
            Value::Int(i) => msg!("found-number", value = i.to_string()),
            Value::Float(f) => msg!("found-number", value = f.to_string()),
            Value::String(t) => msg!("found-text", value = crate::diag::shorten(t)),
            Value::Seq(_) | Value::Map(_) => self.kind_name(),
        }
    }
    /// The same value in the YAML crate's form, for its deserializer.
    pub(super) fn to_backend(&self) -> serde_yaml::Value {
        use serde_yaml::Value as B;
        match self {
            Value::Null => B::Null,
            Value::Bool(b) => B::Bool(*b),
            // `resolve` only makes `Int`s that fit in i64 or u64.
            Value::Int(i) => match i64::try_from(*i) {
                Ok(i) => B::Number(i.into()),
                Err(_) => B::Number((*i as u64).into()),
            },
            Value::Float(f) => B::Number((*f).into()),
            Value::String(s) => B::String(s.clone()),
            Value::Seq(items) => B::Sequence(items.iter().map(Value::to_backend).collect()),
            Value::Map(entries) => B::Mapping(
                entries
                    .iter()
                    .map(|(k, v)| (k.to_backend(), v.to_backend()))
                    .collect(),
            ),
        }
    }
}

/// What an unquoted scalar means under the YAML 1.2 core schema, exactly as
/// serde_yaml read it before (tested below against serde_yaml itself):
/// empty, `~`, `null` → nothing; `true`/`false` → true/false; decimal,
/// `0x`, `0o`, `0b` numbers (a leading zero such as `0812…` stays text);
/// floats and `.inf`/`.nan`; everything else text. One difference: a whole
/// number too big for 64 bits stays text (serde_yaml refused the file).
pub fn resolve_plain(s: &str) -> Value {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    match parse_int(s) {
        Some(Some(i)) => return Value::Int(i),
        Some(None) => return Value::String(s.to_string()),
        None => {}
    }
    if !digits_but_not_number(s) {
        if let Some(f) = parse_float(s) {
            return Value::Float(f);
        }
    }
    Value::String(s.to_string())
}

/// `None` when `s` is not written as a whole number; `Some(None)` when it
/// is one but does not fit in 64 bits.
fn parse_int(s: &str) -> Option<Option<i128>> {
    let (neg, unsigned) = match s.as_bytes().first()? {
        b'+' => (false, &s[1..]),
        b'-' => (true, &s[1..]),
        _ => (false, s),
    };
    let (radix, digits) = if let Some(r) = unsigned.strip_prefix("0x") {
        (16, r)
    } else if let Some(r) = unsigned.strip_prefix("0o") {
        (8, r)
    } else if let Some(r) = unsigned.strip_prefix("0b") {
        (2, r)
    } else if digits_but_not_number(s) {
        return None;
    } else {
        (10, unsigned)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let value = i128::from_str_radix(digits, radix)
        .ok()
        .map(|m| if neg { -m } else { m });
    let fits = |v: &i128| {
        if neg {
            *v >= i128::from(i64::MIN)
        } else {
            *v <= i128::from(u64::MAX)
        }
    };
    Some(value.filter(fits))
}

fn parse_float(s: &str) -> Option<f64> {
    let unsigned = match s.strip_prefix('+') {
        Some(u) if u.starts_with(['+', '-']) => return None,
        Some(u) => u,
        None => s,
    };
    match unsigned {
        ".inf" | ".Inf" | ".INF" => return Some(f64::INFINITY),
        _ => {}
    }
    match s {
        "-.inf" | "-.Inf" | "-.INF" => return Some(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Some(f64::NAN),
        _ => {}
    }
    unsigned.parse::<f64>().ok().filter(|f| f.is_finite())
}

/// A leading zero followed by digits is text in YAML 1.2 (`0812…`).
fn digits_but_not_number(s: &str) -> bool {
    let s = s.strip_prefix(['-', '+']).unwrap_or(s);
    s.len() > 1 && s.starts_with('0') && s[1..].bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scalars resolve as serde_yaml resolved them when it parsed.
    #[test]
    fn plain_scalars_mean_what_they_meant_before() {
        for s in [
            "",
            "~",
            "null",
            "Null",
            "NULL",
            "nULL",
            "true",
            "True",
            "TRUE",
            "tRUE",
            "false",
            "FALSE",
            "yes",
            "no",
            "on",
            "y",
            "0",
            "-0",
            "+0",
            "12",
            "+12",
            "-12",
            "012",
            "-012",
            "0812345678",
            "00",
            "0x1F",
            "0x",
            "-0x1F",
            "0o17",
            "0b101",
            "+0x1F",
            "0x-1",
            "1_000",
            "1.5",
            "-1.5",
            "+1.5",
            ".5",
            "5.",
            "1e3",
            "1E3",
            "-1e-3",
            ".inf",
            "-.inf",
            "+.inf",
            ".Inf",
            ".NAN",
            "inf",
            "nan",
            "NaN",
            "infinity",
            "1.2.3",
            "2024-01-02",
            "12:30",
            "18446744073709551615",
            "-9223372036854775808",
            "9223372036854775808",
            "2023-S2",
            "+-1",
            "--1",
            "0.0",
            "+",
            ".",
            "1e400",
            "Kudus",
            "0o",
            "0b",
        ] {
            let theirs: serde_yaml::Value =
                serde_yaml::from_str(&format!("k: {s}\n")).unwrap_or_else(|e| panic!("{s}: {e}"));
            let theirs = theirs.get("k").unwrap().clone();
            let ours = resolve_plain(s).to_backend();
            let same = match (&ours, &theirs) {
                (serde_yaml::Value::Number(a), serde_yaml::Value::Number(b))
                    if a.is_nan() && b.is_nan() =>
                {
                    true
                }
                _ => ours == theirs,
            };
            assert!(same, "{s:?}: ours {ours:?}, serde_yaml {theirs:?}");
        }
    }

    #[test]
    fn numbers_too_big_for_64_bits_stay_text() {
        assert_eq!(
            resolve_plain("123456789012345678901234567890"),
            Value::String("123456789012345678901234567890".into())
        );
        assert_eq!(
            resolve_plain("-9223372036854775809"),
            Value::String("-9223372036854775809".into())
        );
    }

    #[test]
    fn paths_reach_nested_values() {
        let v = Value::Map(vec![(
            Value::String("kpi".into()),
            Value::Seq(vec![Value::Map(vec![(
                Value::String("period".into()),
                Value::String("2024".into()),
            )])]),
        )]);
        assert_eq!(v.at("kpi/0/period").and_then(Value::as_str), Some("2024"));
        assert!(v.at("kpi/1").is_none());
        assert_eq!(v.keys(), Some(vec!["kpi".to_string()]));
    }
}
