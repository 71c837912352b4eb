//! Provinces, regencies and libraries: the frame everything hangs on.

use super::{Ctx, Refs};
use crate::diag::suggest::{closest, did_you_mean};
use crate::diag::{Diagnostic, Message};
use crate::load::Record;
use crate::model::{KpiCategory, LibraryLevel, RegencyKind};
use crate::msg;
use crate::site::index::RegencyMatch;
use crate::site::*;
use crate::yaml::Origin;
use std::collections::HashSet;

/// Provinces and regencies, each sorted by code.
pub(super) fn provinces_and_regencies(cx: &mut Ctx) -> (Vec<Province>, Vec<Regency>) {
    let mut recs: Vec<&Record<_>> = cx.loaded.provinces.iter().collect();
    recs.sort_by(|a, b| a.data.code.cmp(&b.data.code));
    let provinces: Vec<Province> = recs
        .iter()
        .map(|r| Province {
            code: r.data.code.clone(),
            slug: r.data.slug.clone(),
            name: r.data.name.clone(),
            short_name: r.data.short_name.clone(),
            name_en: r.data.name_en.clone(),
            regencies: Vec::new(),
            libraries_by_regency: Vec::new(),
            libraries: Vec::new(),
            posts: Vec::new(),
            stories: Vec::new(),
            events: Vec::new(),
            awards: Vec::new(),
            reports: Vec::new(),
        })
        .collect();
    let by_code = Refs::new(&provinces, &[]).province_by_code;

    let mut recs: Vec<&Record<_>> = cx.loaded.regencies.iter().collect();
    recs.sort_by(|a, b| a.data.code.cmp(&b.data.code));
    let mut regencies = Vec::new();
    for r in recs {
        let (d, o) = (&r.data, &r.origin);
        let province = cx.reference(&by_code, &d.province, o, "province", "province code");
        let kind = RegencyKind::parse(&d.kind);
        if kind.is_none() {
            cx.error(
                Diagnostic::error(
                    o.value("kind"),
                    msg!("unknown-regency-kind", kind = crate::diag::shorten(&d.kind)),
                )
                .with_help(msg!("unknown-regency-kind-help")),
            );
        }
        let (Some(province), Some(kind)) = (province, kind) else {
            continue;
        };
        let official_name = d.official(kind);
        regencies.push(Regency {
            code: d.code.clone(),
            province,
            name: d.name.clone(),
            kind,
            official_name,
            libraries: Vec::new(),
        });
    }
    (provinces, regencies)
}

/// Libraries sorted by id; each one's province, regency, level and KPI
/// resolved. A library that fails is left out and marked broken.
pub(super) fn libraries(
    cx: &mut Ctx,
    refs: &Refs,
    regencies: &[Regency],
    provinces: &[Province],
) -> Vec<Library> {
    let mut recs: Vec<&Record<_>> = cx.loaded.libraries.iter().collect();
    recs.sort_by(|a, b| a.data.id.cmp(&b.data.id));
    let mut out = Vec::with_capacity(recs.len());
    let mut seen = HashSet::new();
    for r in recs {
        let (d, o) = (&r.data, &r.origin);
        if !seen.insert(d.id.as_str()) {
            continue; // duplicate id: reported by validate
        }
        let province = cx.reference(
            &refs.province_by_slug,
            &d.province,
            o,
            "province",
            "province",
        );
        let level = LibraryLevel::parse(&d.level);
        if level.is_none() {
            cx.error(
                Diagnostic::error(
                    o.value("level"),
                    msg!(
                        "unknown-library-level",
                        level = crate::diag::shorten(&d.level)
                    ),
                )
                .with_help_opt(did_you_mean(&d.level, LibraryLevel::NAMES.iter().copied())),
            );
        }
        let regency =
            province.and_then(|p| regency(cx, refs, regencies, provinces, &d.regency, p, o));
        let kpi = kpi(cx, &d.kpi, o);
        let photo = d
            .photo
            .as_ref()
            .and_then(|p| cx.image(p, &d.photo_alt, "static", o, "photo"));
        let (Some(province), Some(regency), Some(level)) = (province, regency, level) else {
            for id in std::iter::once(&d.id).chain(&d.aliases) {
                cx.mark_broken(format!("library:{id}"));
            }
            continue;
        };
        out.push(Library {
            id: d.id.clone(),
            name: d.name.clone(),
            level,
            province,
            regency,
            district: super::text(&d.district),
            village: super::text(&d.village),
            joined: d.joined,
            address: super::text(&d.address),
            phone: super::text(&d.phone),
            email: super::text(&d.email),
            website: super::text(&d.website),
            social: d.social.clone(),
            location: d.location.map(|l| (l.lat, l.lon)),
            photo,
            summary: super::text(&d.summary),
            kpi,
            aliases: d.aliases.clone(),
            illustrative: d.illustrative,
            posts: Vec::new(),
            stories: Vec::new(),
            awards: Vec::new(),
            events: Vec::new(),
        });
    }
    out
}

fn kpi(cx: &mut Ctx, recs: &[crate::model::records::KpiRecord], o: &Origin) -> Vec<Kpi> {
    let mut out = Vec::new();
    for (i, k) in recs.iter().enumerate() {
        match KpiCategory::parse(&k.category) {
            Some(category) => out.push(Kpi {
                period: k.period.clone(),
                category,
                community_engagement: k.community_engagement,
                advocacy: k.advocacy,
                service_improvement: k.service_improvement,
            }),
            None => cx.error(
                Diagnostic::error(
                    o.value(&format!("kpi/{i}/category")),
                    msg!(
                        "unknown-kpi-category",
                        category = crate::diag::shorten(&k.category)
                    ),
                )
                .with_help(msg!(
                    "kpi-category-help",
                    suggestion = did_you_mean(&k.category, KpiCategory::NAMES.iter().copied())
                        .unwrap_or_else(|| msg!(
                            "expected-one-of",
                            values = KpiCategory::NAMES.join(", ")
                        ))
                )),
            ),
        }
    }
    out
}

/// "a, b or c", in the run's language.
fn or_list(items: &[String]) -> Message {
    match items {
        [] => msg!("expected-other", what = ""),
        [one] => msg!("expected-other", what = one),
        [first, rest @ ..] => msg!("list-or", first = first, rest = or_list(rest)),
    }
}

/// Resolves a library's `regency` within its province.
fn regency(
    cx: &mut Ctx,
    refs: &Refs,
    regencies: &[Regency],
    provinces: &[Province],
    text: &str,
    province: ProvinceId,
    o: &Origin,
) -> Option<RegencyId> {
    if cx.loaded.partial.contains("regency") {
        return None; // the regencies file failed to load: reported there
    }
    let at = o.value("regency");
    let pname = provinces[province.index()].display_name();
    match refs.regency.find(text) {
        RegencyMatch::Found(id) if regencies[id.index()].province == province => Some(id),
        RegencyMatch::Found(id) => {
            let r = &regencies[id.index()];
            let elsewhere = &provinces[r.province.index()].slug;
            cx.error(
                Diagnostic::error(
                    at,
                    msg!(
                        "regency-in-other-province",
                        regency = &r.official_name,
                        other = elsewhere,
                        province = pname
                    ),
                )
                .with_help(msg!(
                    "regency-in-other-province-help",
                    other = elsewhere,
                    province = pname
                )),
            );
            None
        }
        RegencyMatch::Ambiguous(ids) => {
            let names: Vec<String> = ids
                .iter()
                .map(|i| {
                    format!(
                        "`{}` ({})",
                        regencies[i.index()].official_name,
                        regencies[i.index()].code
                    )
                })
                .collect();
            cx.error(
                Diagnostic::error(
                    at,
                    msg!(
                        "regency-ambiguous",
                        regency = crate::diag::shorten(text),
                        choices = or_list(&names)
                    ),
                )
                .with_help(msg!("regency-ambiguous-help")),
            );
            None
        }
        RegencyMatch::NotFound => {
            let own: Vec<&str> = regencies
                .iter()
                .filter(|r| r.province == province)
                .map(|r| r.official_name.as_str())
                .collect();
            let help = match closest(text, own.iter().copied()) {
                Some(c) => msg!("did-you-mean", suggestion = c),
                None => msg!(
                    "regency-name-help",
                    province = pname,
                    example = own.first().copied().unwrap_or("Kabupaten …")
                ),
            };
            cx.error(
                Diagnostic::error(
                    at,
                    msg!(
                        "unknown-regency",
                        regency = crate::diag::shorten(text),
                        province = pname
                    ),
                )
                .with_help(help),
            );
            None
        }
    }
}
