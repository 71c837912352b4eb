//! The editor's fields against the record schema: names and order against
//! `FIELDS`/`NESTED`, required flags and value types against serde.

use super::*;
use crate::model::records::*;
use serde::de::DeserializeOwned;
use serde_json::{json, Map, Value};

fn choices() -> Choices {
    let c = |v: &str| Choice {
        label: v.to_uppercase(),
        value: v.to_string(),
    };
    Choices {
        provinces: vec![c("aceh"), c("jawa-tengah")],
        regencies: vec![c("Kabupaten Kudus")],
    }
}

/// Fields the editor leaves optional although serde requires them once
/// their parent is there: Decap would otherwise demand a map location for
/// every library (it checks an empty optional object's children).
const EDITOR_OPTIONAL: &[(&str, &str)] = &[("location", "lat"), ("location", "lon")];

/// A value of the type the widget writes.
fn sample(f: &Field) -> Value {
    match &f.widget {
        Widget::String { .. } | Widget::Text | Widget::Markdown | Widget::Image => json!("x"),
        Widget::Boolean => json!(true),
        Widget::Int { min } => json!(min.unwrap_or(1).max(1)),
        Widget::Float => json!(-6.5),
        Widget::Date => json!("2024-01-31"),
        Widget::Select { options, multiple } => {
            assert!(!options.is_empty(), "{}: a select needs options", f.name);
            let v = json!(options[0].value);
            if *multiple {
                json!([v])
            } else {
                v
            }
        }
        Widget::Relation { multiple: true, .. } | Widget::Strings => json!(["x"]),
        Widget::Relation { .. } => json!("x"),
        Widget::Object(fields) => Value::Object(full(fields)),
        Widget::Records { fields, .. } => json!([full(fields)]),
    }
}

fn full(fields: &[Field]) -> Map<String, Value> {
    fields
        .iter()
        .map(|f| (f.name.to_string(), sample(f)))
        .collect()
}

fn names(fields: &[Field]) -> Vec<&'static str> {
    fields.iter().map(|f| f.name).collect()
}

/// Every check for one record kind.
fn check<T: DeserializeOwned + Fields>(fields: &[Field]) {
    let kind = std::any::type_name::<T>();
    assert_eq!(
        names(fields),
        T::FIELDS,
        "{kind}: editor fields differ from FIELDS"
    );
    for (name, nested) in T::NESTED {
        let f = fields.iter().find(|f| f.name == *name).unwrap();
        assert_eq!(
            &names(f.children()),
            nested,
            "{kind}.{name}: editor fields differ from NESTED"
        );
    }
    let de = |m: &Map<String, Value>| serde_json::from_value::<T>(Value::Object(m.clone()));
    let all = full(fields);
    de(&all)
        .unwrap_or_else(|e| panic!("{kind}: a value of every widget's type does not load: {e}"));
    let minimal: Map<String, Value> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| (f.name.to_string(), sample(f)))
        .collect();
    de(&minimal).unwrap_or_else(|e| {
        panic!("{kind}: serde requires a field the editor leaves optional: {e}")
    });
    for f in fields {
        let mut without = all.clone();
        without.remove(f.name);
        assert_eq!(
            de(&without).is_err(),
            f.required,
            "{kind}.{}: required in editor = {}",
            f.name,
            f.required
        );
        // Nested records: the same, one child at a time.
        for child in f.children() {
            let mut item = full(f.children());
            item.remove(child.name);
            let mut m = all.clone();
            m.insert(
                f.name.into(),
                match &f.widget {
                    Widget::Records { .. } => json!([item]),
                    _ => Value::Object(item),
                },
            );
            let serde_requires = de(&m).is_err();
            let editor_optional = EDITOR_OPTIONAL.contains(&(f.name, child.name));
            assert_eq!(
                serde_requires && !editor_optional,
                child.required,
                "{kind}.{}.{}: required in editor = {}",
                f.name,
                child.name,
                child.required
            );
        }
    }
}

#[test]
fn every_record_field_has_its_widget() {
    let c = choices();
    check::<PostFrontMatter>(&post(&c));
    check::<StoryFrontMatter>(&story());
    check::<EventFrontMatter>(&event_fields(&c));
    check::<PageFrontMatter>(&page());
    check::<LibraryRecord>(&library_fields(&c));
    check::<AwardRecord>(&award(&c));
}

#[test]
fn the_check_catches_a_missing_field_and_a_wrong_flag() {
    let c = choices();
    let mut missing = post(&c);
    missing.retain(|f| f.name != "tags");
    assert!(std::panic::catch_unwind(|| check::<PostFrontMatter>(&missing)).is_err());
    let mut optional_title = post(&c);
    optional_title[0].required = false;
    assert!(std::panic::catch_unwind(|| check::<PostFrontMatter>(&optional_title)).is_err());
    let mut wrong_type = award(&c);
    wrong_type[0] = s("year", "Tahun").required();
    assert!(std::panic::catch_unwind(|| check::<AwardRecord>(&wrong_type)).is_err());
}

#[test]
fn closed_vocabularies_offer_exactly_their_values() {
    let c = choices();
    let lib = library_fields(&c);
    let values = |f: &Field| match &f.widget {
        Widget::Select { options, .. } => {
            options.iter().map(|o| o.value.clone()).collect::<Vec<_>>()
        }
        _ => panic!("{} is not a select", f.name),
    };
    assert_eq!(values(&lib[2]), LibraryLevel::NAMES);
    assert_eq!(values(&lib[3]), ["aceh", "jawa-tengah"]);
    assert_eq!(values(&lib[4]), ["Kabupaten Kudus"]);
    let kpi = lib.iter().find(|f| f.name == "kpi").unwrap();
    assert_eq!(values(&kpi.children()[1]), KpiCategory::NAMES);
    assert_eq!(values(&event_fields(&c)[1]), EventLevel::NAMES);
    for k in PARTICIPANT_KEYS {
        assert!(
            !participant_label(k).is_empty(),
            "participant key {k} has no label"
        );
    }
}
