//! Which library a row means: the one with the id (or alias) the row gives,
//! or the one with the same name in the same place. A row that could mean
//! several is an error, never a guess.

use super::row::Incoming;
use super::Entry;
use crate::diag::suggest::fold;
use crate::import::names::{self, Regions};
use crate::model::records::LibraryRecord;
use std::collections::HashMap;

/// The libraries known so far (those in `data/` and those the sheet adds),
/// indexed for matching rows.
pub(super) struct Known {
    /// Every id and alias → index into the entries.
    pub by_id: HashMap<String, usize>,
    /// Folded name → indices into the entries.
    by_name: HashMap<String, Vec<usize>>,
    /// The regency of each entry (index into `Regions::regencies`).
    pub regency: Vec<Option<usize>>,
}

impl Known {
    pub fn new(entries: &[Entry], regions: &Regions) -> Known {
        let mut by_id: HashMap<String, usize> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            for id in std::iter::once(&e.rec.id).chain(&e.rec.aliases) {
                by_id.entry(id.clone()).or_insert(i);
            }
        }
        let province_of = |slug: &str| regions.provinces.iter().position(|pr| pr.slug == slug);
        let regency_of = |e: &LibraryRecord| -> Option<usize> {
            regions.regency(&e.regency, province_of(&e.province)).ok()
        };
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        let mut regency: Vec<Option<usize>> = Vec::with_capacity(entries.len());
        for (i, e) in entries.iter().enumerate() {
            by_name.entry(fold(&e.rec.name)).or_default().push(i);
            regency.push(regency_of(&e.rec));
        }
        Known {
            by_id,
            by_name,
            regency,
        }
    }

    /// Records a library the sheet adds, as entry `i`.
    pub fn add(&mut self, i: usize, rec: &LibraryRecord, regency: Option<usize>) {
        self.by_id.insert(rec.id.clone(), i);
        self.by_name.entry(fold(&rec.name)).or_default().push(i);
        self.regency.push(regency);
    }

    /// The entry the row means: `Ok(None)` when it means none (a new
    /// library); `Err((message, help))` when it cannot be told.
    pub fn find(
        &self,
        inc: &Incoming,
        entries: &[Entry],
    ) -> Result<Option<usize>, (String, Option<String>)> {
        if let Some(id) = &inc.id {
            return Ok(self.by_id.get(id).copied());
        }
        let Some(name) = &inc.name else {
            return Err((
                "this row has neither a library name nor an id".into(),
                Some("fill in `Nama Perpustakaan` (or `ID`), or delete the row".into()),
            ));
        };
        let fv = inc.village.as_deref().map(fold).unwrap_or_default();
        let candidates: Vec<usize> = self
            .by_name
            .get(&fold(name))
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|&i| inc.regency.is_none() || self.regency[i] == inc.regency)
                    .filter(|&i| {
                        let ev = entries[i]
                            .rec
                            .village
                            .as_deref()
                            .map(fold)
                            .unwrap_or_default();
                        ev.is_empty() || fv.is_empty() || ev == fv
                    })
                    .collect()
            })
            .unwrap_or_default();
        match candidates.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(*one)),
            many => {
                let ids: Vec<&str> = many.iter().map(|&i| entries[i].rec.id.as_str()).collect();
                Err((
                    format!(
                        "`{name}` matches {} libraries: {}",
                        ids.len(),
                        names::or_list(&ids)
                    ),
                    Some("add an `ID` column saying which library each row is".into()),
                ))
            }
        }
    }
}
