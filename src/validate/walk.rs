//! Every text of a record, with its field name and its path, through the
//! record's `Serialize` form: a field added to a record is covered without
//! a line here. A small serde `Serializer` that copies nothing (the
//! length pass runs over every record of every check).

use serde::ser::{self, Impossible, Serialize};
use std::fmt;

/// One text of a record.
pub struct Text<'a> {
    /// The record field it belongs to (`title`, `period` inside `kpi`, or
    /// `social` for a network name and its address).
    pub field: &'a str,
    /// Where it is, as `Origin` paths go: `kpi/0/period`, `social/facebook`.
    pub path: &'a str,
    pub value: &'a str,
    /// A key of a map field (a network name in `social`), not a value.
    pub is_key: bool,
}

/// Calls `f` with every text of `record` (values, and keys of map fields).
pub fn texts<T: Serialize>(record: &T, f: &mut dyn FnMut(Text<'_>)) {
    let mut w = Walker {
        path: String::new(),
        field: "",
        key: None,
        f,
    };
    // The walker never fails; records are plain data.
    let _ = record.serialize(&mut w);
}

struct Walker<'f> {
    path: String,
    field: &'static str,
    /// Set while a map key is serialized: the key is kept here.
    key: Option<String>,
    f: &'f mut dyn FnMut(Text<'_>),
}

impl Walker<'_> {
    /// Serializes `value` under the path segment `segment` (and the field
    /// name `field`, when it starts a new field), then restores both.
    fn nested<V: Serialize + ?Sized>(
        &mut self,
        segment: &str,
        field: Option<&'static str>,
        value: &V,
    ) {
        let (len, outer) = (self.path.len(), self.field);
        if !self.path.is_empty() {
            self.path.push('/');
        }
        self.path.push_str(segment);
        self.field = field.unwrap_or(outer);
        let _ = value.serialize(&mut *self);
        self.field = outer;
        self.path.truncate(len);
    }
}

#[derive(Debug)]
pub struct Never;
impl fmt::Display for Never {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unreachable")
    }
}
impl std::error::Error for Never {}
impl ser::Error for Never {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Never
    }
}

macro_rules! ignore {
    ($($name:ident: $t:ty),*) => {
        $(fn $name(self, _: $t) -> Result<(), Never> { Ok(()) })*
    };
}

impl<'a, 'f> ser::Serializer for &'a mut Walker<'f> {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = Seq<'a, 'f>;
    type SerializeTuple = Seq<'a, 'f>;
    type SerializeTupleStruct = Impossible<(), Never>;
    type SerializeTupleVariant = Impossible<(), Never>;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), Never>;

    fn serialize_str(self, v: &str) -> Result<(), Never> {
        if self.key.is_some() {
            self.key = Some(v.to_string());
        } else {
            (self.f)(Text {
                field: self.field,
                path: &self.path,
                value: v,
                is_key: false,
            });
        }
        Ok(())
    }
    ignore!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_f32: f32, serialize_f64: f64, serialize_char: char,
        serialize_bytes: &[u8], serialize_unit_struct: &'static str);
    fn serialize_none(self) -> Result<(), Never> {
        Ok(())
    }
    fn serialize_unit(self) -> Result<(), Never> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Never> {
        v.serialize(self)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Never> {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Never> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        v: &T,
    ) -> Result<(), Never> {
        v.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Seq<'a, 'f>, Never> {
        Ok(Seq { w: self, next: 0 })
    }
    fn serialize_tuple(self, _: usize) -> Result<Seq<'a, 'f>, Never> {
        Ok(Seq { w: self, next: 0 })
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Never> {
        Err(Never)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Never> {
        Err(Never)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Never> {
        Err(Never)
    }
}

pub struct Seq<'a, 'f> {
    w: &'a mut Walker<'f>,
    next: usize,
}

impl ser::SerializeSeq for Seq<'_, '_> {
    type Ok = ();
    type Error = Never;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Never> {
        self.w.nested(&self.next.to_string(), None, v);
        self.next += 1;
        Ok(())
    }
    fn end(self) -> Result<(), Never> {
        Ok(())
    }
}

impl ser::SerializeTuple for Seq<'_, '_> {
    type Ok = ();
    type Error = Never;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Never> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result<(), Never> {
        Ok(())
    }
}

impl ser::SerializeStruct for &mut Walker<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Never> {
        self.nested(key, Some(key), v);
        Ok(())
    }
    fn end(self) -> Result<(), Never> {
        Ok(())
    }
}

/// A map field (`social`, `participants`): its keys are names, and its
/// values belong to the map's field.
impl ser::SerializeMap for &mut Walker<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Never> {
        self.key = Some(String::new());
        let _ = key.serialize(&mut **self);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Never> {
        let key = self.key.take().unwrap_or_default();
        let len = self.path.len();
        if !self.path.is_empty() {
            self.path.push('/');
        }
        self.path.push_str(&key);
        (self.f)(Text {
            field: self.field,
            path: &self.path,
            value: &key,
            is_key: true,
        });
        self.path.truncate(len);
        self.nested(&key, None, v);
        Ok(())
    }
    fn end(self) -> Result<(), Never> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::records::{KpiRecord, LibraryRecord};

    #[test]
    fn visits_every_text_with_its_field_and_path() {
        let mut l = LibraryRecord::new(
            "a".into(),
            "A".into(),
            "desa".into(),
            "p".into(),
            "r".into(),
        );
        l.aliases = vec!["b".into()];
        l.social.insert("facebook".into(), "https://f".into());
        l.kpi.push(KpiRecord {
            period: "2024".into(),
            category: "tinggi".into(),
            community_engagement: Some(3),
            advocacy: None,
            service_improvement: None,
        });
        let mut seen = Vec::new();
        texts(&l, &mut |t| {
            seen.push(format!("{} {} {} {}", t.field, t.path, t.value, t.is_key))
        });
        assert_eq!(
            seen,
            [
                "id id a false",
                "name name A false",
                "level level desa false",
                "province province p false",
                "regency regency r false",
                "social social/facebook facebook true",
                "social social/facebook https://f false",
                "period kpi/0/period 2024 false",
                "category kpi/0/category tinggi false",
                "aliases aliases/0 b false",
            ]
        );
    }
}
