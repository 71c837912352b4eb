//! Awards and reported figures.

use super::{Ctx, Refs};
use crate::diag::Diagnostic;
use crate::model::records::FIGURE_KEYS;
use crate::site::*;

pub(super) fn awards(cx: &mut Ctx, refs: &Refs, libraries: &[Library]) -> Vec<Award> {
    let mut out = Vec::new();
    for r in &cx.loaded.awards {
        let (d, o) = (&r.data, &r.origin);
        let province = cx.reference(
            &refs.province_by_slug,
            &d.province,
            o,
            "province",
            "province",
        );
        let library = cx.reference(&refs.library_by_id, &d.library, o, "library", "library");
        let event = d
            .event
            .as_ref()
            .and_then(|e| cx.reference(&refs.event_by_slug, e, o, "event", "event"));
        let (Some(province), Some(library)) = (province, library) else {
            continue;
        };
        if libraries[library.index()].province != province {
            cx.error(
                Diagnostic::error(
                    o.value("library"),
                    crate::msg!(
                        "award-library-province",
                        library = crate::diag::shorten(&d.library),
                        province = crate::diag::shorten(&d.province)
                    ),
                )
                .with_help(crate::msg!("award-library-province-help")),
            );
            continue;
        }
        out.push(Award {
            year: d.year,
            province,
            category: d.category.clone(),
            rank: d.rank,
            library,
            event,
            note: super::text(&d.note),
            illustrative: d.illustrative,
        });
    }
    out.sort_by(|a, b| {
        b.year
            .cmp(&a.year)
            .then(a.province.cmp(&b.province))
            .then_with(|| a.category.cmp(&b.category))
            .then(a.rank.cmp(&b.rank))
    });
    out
}

pub(super) fn reports(cx: &mut Ctx, refs: &Refs) -> Vec<Report> {
    let mut out = Vec::new();
    for r in &cx.loaded.reports {
        let (d, o) = (&r.data, &r.origin);
        let province = match &d.province {
            Some(p) => match cx.reference(&refs.province_by_slug, p, o, "province", "province") {
                Some(id) => Some(id),
                None => continue,
            },
            None => None,
        };
        let event = d
            .event
            .as_ref()
            .and_then(|e| cx.reference(&refs.event_by_slug, e, o, "event", "event"));
        let Some(date) = cx.date(&d.date, o, "date") else {
            continue;
        };
        out.push(Report {
            id: d.id.clone(),
            title: d.title.clone(),
            province,
            period: d.period.clone(),
            date,
            event,
            source_title: d.source.as_ref().map(|s| s.title.clone()),
            source_url: d.source.as_ref().and_then(|s| s.url.clone()),
            figures: FIGURE_KEYS
                .iter()
                .filter_map(|k| d.figures.get(*k).map(|v| (k.to_string(), *v)))
                .collect(),
            note: super::text(&d.note),
            illustrative: d.illustrative,
        });
    }
    out.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
    out
}
