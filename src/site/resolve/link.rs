//! Reverse links (a province's libraries, a library's posts, an event's
//! awards, …), computed once from the forward references after resolve.

use crate::site::{
    AwardId, EventId, LibraryId, LibraryLevel, PostId, RegencyId, ReportId, Site, StoryId,
};

pub(super) fn dedup_sorted<T: Ord>(v: &mut Vec<T>) {
    v.sort();
    v.dedup();
}

/// Reverse links, computed once from the forward references.
pub(super) fn link(site: &mut Site) {
    for (i, r) in site.regencies.iter().enumerate() {
        site.provinces[r.province.index()]
            .regencies
            .push(RegencyId(i as u32));
    }
    for (i, l) in site.libraries.iter().enumerate() {
        let id = LibraryId(i as u32);
        site.regencies[l.regency.index()].libraries.push(id);
    }
    for p in site.provinces.iter_mut() {
        let mut groups = Vec::new();
        for &r in &p.regencies {
            let reg = &site.regencies[r.index()];
            if !reg.libraries.is_empty() {
                let mut libs = reg.libraries.clone();
                libs.sort_by(|a, b| {
                    site.libraries[a.index()]
                        .name
                        .cmp(&site.libraries[b.index()].name)
                });
                groups.push((r, libs));
            }
        }
        let mut all: Vec<LibraryId> = groups.iter().flat_map(|(_, l)| l.iter().copied()).collect();
        all.sort_by_key(|l| {
            let lib = &site.libraries[l.index()];
            (lib.level != LibraryLevel::Provinsi, lib.name.clone())
        });
        p.libraries = all;
        p.libraries_by_regency = groups;
    }
    for (i, post) in site.posts.iter().enumerate() {
        let id = PostId(i as u32);
        for &p in &post.provinces {
            site.provinces[p.index()].posts.push(id);
        }
        for &l in &post.libraries {
            site.libraries[l.index()].posts.push(id);
        }
        if let Some(e) = post.event {
            site.events[e.index()].posts.push(id);
            for &l in &post.libraries {
                site.events[e.index()].libraries.push(l);
                site.libraries[l.index()].events.push(e);
            }
        }
    }
    for (i, s) in site.stories.iter().enumerate() {
        let id = StoryId(i as u32);
        site.provinces[s.province.index()].stories.push(id);
        site.libraries[s.library.index()].stories.push(id);
    }
    for (i, e) in site.events.iter().enumerate() {
        for &p in &e.provinces {
            site.provinces[p.index()].events.push(EventId(i as u32));
        }
    }
    for (i, a) in site.awards.iter().enumerate() {
        let id = AwardId(i as u32);
        site.provinces[a.province.index()].awards.push(id);
        site.libraries[a.library.index()].awards.push(id);
        if let Some(e) = a.event {
            site.events[e.index()].awards.push(id);
        }
    }
    for (i, r) in site.reports.iter().enumerate() {
        let id = ReportId(i as u32);
        if let Some(p) = r.province {
            site.provinces[p.index()].reports.push(id);
        }
        if let Some(e) = r.event {
            site.events[e.index()].reports.push(id);
        }
    }
    for e in &mut site.events {
        dedup_sorted(&mut e.libraries);
    }
    for l in &mut site.libraries {
        dedup_sorted(&mut l.events);
    }
    let mut years: Vec<u16> = site.awards.iter().map(|a| a.year).collect();
    years.sort_by(|a, b| b.cmp(a));
    years.dedup();
    site.award_years = years;
}
