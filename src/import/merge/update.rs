//! Applying a row to a library record, field by field, recording each
//! change for the report; a field the row leaves empty stays as it is.

use super::cells::clean;
use super::row::Incoming;
use super::Change;
use crate::diag::Message;
use crate::import::names::{LevelText, Regions};
use crate::model::records::{KpiRecord, LibraryRecord, LocationRecord};
use crate::model::{KpiCategory, LibraryLevel, RegencyKind};
use crate::msg;

pub(super) fn level_of(inc: &Incoming, regions: &Regions) -> Option<LibraryLevel> {
    match inc.level? {
        LevelText::Is(l) => Some(l),
        LevelText::OfRegency => inc.regency.map(|r| match regions.regencies[r].kind {
            RegencyKind::Kabupaten => LibraryLevel::Kabupaten,
            RegencyKind::Kota => LibraryLevel::Kota,
        }),
    }
}

/// Applies the values a row carries to `rec`; returns the changes, or
/// `None` (with the reason) when the row cannot apply.
pub(super) fn apply(
    rec: &mut LibraryRecord,
    inc: &Incoming,
    regions: &Regions,
    current_regency: Option<usize>,
    err: &mut dyn FnMut(Message, Option<Message>),
) -> Option<Vec<Change>> {
    let mut changes = Vec::new();
    if let Some(name) = &inc.name {
        if !same(&rec.name, name, false) {
            changes.push(Change {
                field: "name".into(),
                old: rec.name.clone(),
                new: name.clone(),
            });
            rec.name = name.clone();
        }
    }
    if let Some(level) = level_of(inc, regions) {
        if LibraryLevel::parse(&rec.level) != Some(level) {
            changes.push(Change {
                field: "level".into(),
                old: rec.level.clone(),
                new: level.as_str().into(),
            });
            rec.level = level.as_str().into();
        }
    }
    if let Some(pr) = inc.province {
        let slug = &regions.provinces[pr].slug;
        if rec.province != *slug {
            if inc.regency.is_none() {
                err(
                    msg!(
                        "import-move-no-regency",
                        id = &rec.id,
                        province = &regions.provinces[pr].name
                    ),
                    Some(msg!("import-move-no-regency-help")),
                );
                return None;
            }
            changes.push(Change {
                field: "province".into(),
                old: rec.province.clone(),
                new: slug.clone(),
            });
            rec.province = slug.clone();
        }
    }
    if let Some(r) = inc.regency {
        if current_regency != Some(r) {
            let official = regions.regencies[r].official.clone();
            changes.push(Change {
                field: "regency".into(),
                old: rec.regency.clone(),
                new: official.clone(),
            });
            rec.regency = official;
        }
    }
    set(
        "district",
        &mut rec.district,
        &inc.district,
        false,
        &mut changes,
    );
    set(
        "village",
        &mut rec.village,
        &inc.village,
        false,
        &mut changes,
    );
    if let Some(y) = inc.joined {
        if rec.joined != Some(y) {
            changes.push(Change {
                field: "joined".into(),
                old: show(&rec.joined),
                new: y.to_string(),
            });
            rec.joined = Some(y);
        }
    }
    set(
        "address",
        &mut rec.address,
        &inc.address,
        false,
        &mut changes,
    );
    set("phone", &mut rec.phone, &inc.phone, false, &mut changes);
    set("email", &mut rec.email, &inc.email, false, &mut changes);
    set(
        "website",
        &mut rec.website,
        &inc.website,
        false,
        &mut changes,
    );
    for (net, url) in &inc.social {
        let old = rec.social.get(net).cloned();
        if !old.as_deref().is_some_and(|o| same(o, url, false)) {
            changes.push(Change {
                field: format!("social.{net}"),
                old: show(&old),
                new: url.clone(),
            });
            rec.social.insert(net.clone(), url.clone());
        }
    }
    if let Some((lat, lon)) = inc.location {
        let old = rec.location.map(|l| (l.lat, l.lon));
        if old != Some((lat, lon)) {
            changes.push(Change {
                field: "location".into(),
                old: old.map(|(a, b)| format!("{a}, {b}")).unwrap_or_default(),
                new: format!("{lat}, {lon}"),
            });
            rec.location = Some(LocationRecord { lat, lon });
        }
    }
    set(
        "summary",
        &mut rec.summary,
        &inc.summary,
        true,
        &mut changes,
    );
    if let Some(period) = &inc.kpi_period {
        kpi_changes(rec, period, inc, &mut changes, err)?;
    }
    Some(changes)
}

fn kpi_changes(
    rec: &mut LibraryRecord,
    period: &str,
    inc: &Incoming,
    changes: &mut Vec<Change>,
    err: &mut dyn FnMut(Message, Option<Message>),
) -> Option<()> {
    let pos = rec.kpi.iter().position(|k| k.period == period);
    let k = match pos {
        Some(i) => &mut rec.kpi[i],
        None => {
            let Some(c) = inc.kpi_category else {
                err(
                    msg!("import-kpi-no-category", period = period),
                    Some(msg!("import-kpi-no-category-help")),
                );
                return None;
            };
            rec.kpi.push(KpiRecord {
                period: period.to_string(),
                category: c.as_str().into(),
                community_engagement: None,
                advocacy: None,
                service_improvement: None,
            });
            rec.kpi.sort_by(|a, b| a.period.cmp(&b.period));
            changes.push(Change {
                field: format!("kpi {period}"),
                old: String::new(),
                new: c.as_str().into(),
            });
            let i = rec.kpi.iter().position(|k| k.period == period)?;
            &mut rec.kpi[i]
        }
    };
    if let Some(c) = inc.kpi_category {
        if KpiCategory::parse(&k.category) != Some(c) {
            changes.push(Change {
                field: format!("kpi {period} category"),
                old: k.category.clone(),
                new: c.as_str().into(),
            });
            k.category = c.as_str().into();
        }
    }
    let slots = [
        ("community_engagement", &mut k.community_engagement),
        ("advocacy", &mut k.advocacy),
        ("service_improvement", &mut k.service_improvement),
    ];
    for ((name, slot), new) in slots.into_iter().zip(inc.kpi_counts) {
        if let Some(v) = new {
            if *slot != Some(v) {
                if pos.is_some() {
                    changes.push(Change {
                        field: format!("kpi {period} {name}"),
                        old: show(slot),
                        new: v.to_string(),
                    });
                }
                *slot = Some(v);
            }
        }
    }
    Some(())
}

/// Whether a value in `data/` is the cell's value: the same once its
/// spaces are tidied as the import tidies cells (line breaks kept when
/// `multiline`). A value differing only in spacing is kept as it is.
fn same(old: &str, new: &str, multiline: bool) -> bool {
    old == new || clean(old, multiline).as_deref() == Some(new)
}

/// Sets a text field the row carries, recording the change.
fn set(
    field: &str,
    slot: &mut Option<String>,
    new: &Option<String>,
    multiline: bool,
    changes: &mut Vec<Change>,
) {
    if let Some(v) = new {
        if !slot.as_deref().is_some_and(|o| same(o, v, multiline)) {
            changes.push(Change {
                field: field.into(),
                old: show(slot),
                new: v.clone(),
            });
            *slot = Some(v.clone());
        }
    }
}

fn show<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}
