//! Which library a row means: the one with the id (or alias) the row gives,
//! or the one with the same name in the same place (regency, and district
//! and village where both sides name them). A row that could mean several
//! is an error, never a guess, and its help names the column that decides.

use super::row::Incoming;
use super::{Entry, Planner};
use crate::diag::suggest::fold;
use crate::diag::Message;
use crate::import::columns::Field;
use crate::import::names::{self, Regions};
use crate::model::records::LibraryRecord;
use crate::msg;
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
    /// library).
    pub fn find(&self, inc: &Incoming, entries: &[Entry]) -> Result<Option<usize>, Miss> {
        if let Some(id) = &inc.id {
            return Ok(self.by_id.get(id).copied());
        }
        let Some(name) = &inc.name else {
            return Err(Miss::Unnamed);
        };
        let fv = inc.village.as_deref().map(fold).unwrap_or_default();
        let fd = inc
            .district
            .as_deref()
            .map(district_key)
            .unwrap_or_default();
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
                    .filter(|&i| {
                        let ed = entries[i]
                            .rec
                            .district
                            .as_deref()
                            .map(district_key)
                            .unwrap_or_default();
                        ed.is_empty() || fd.is_empty() || ed == fd
                    })
                    .collect()
            })
            .unwrap_or_default();
        match candidates.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(*one)),
            many => Err(Miss::Ambiguous(many.to_vec())),
        }
    }
}

/// Why a row names no one library.
#[derive(Debug)]
pub(super) enum Miss {
    /// Neither a name nor an id.
    Unnamed,
    /// Several libraries (entry indices) have the row's name and place.
    Ambiguous(Vec<usize>),
}

impl Planner<'_> {
    /// The message and help for a row that names no one library.
    pub(super) fn miss(
        &self,
        miss: &Miss,
        inc: &Incoming,
        entries: &[Entry],
    ) -> (Message, Message) {
        let id = self.header(&Field::Id);
        match miss {
            Miss::Unnamed => (
                msg!("import-row-unnamed"),
                msg!(
                    "import-row-unnamed-help",
                    name = self.header(&Field::Name),
                    id = id
                ),
            ),
            Miss::Ambiguous(many) => {
                let ids: Vec<&str> = many.iter().map(|&i| entries[i].rec.id.as_str()).collect();
                let list = names::or_list(&ids);
                let name = inc.name.as_deref().unwrap_or_default();
                (
                    msg!(
                        "import-row-ambiguous",
                        name = name,
                        count = ids.len(),
                        ids = list.clone()
                    ),
                    self.fill_id(msg!("import-fill-id-which", ids = list)),
                )
            }
        }
    }

    /// The help for two rows that mean the same library (`by_id`: the
    /// second row gives its id).
    pub(super) fn same_library(&self, by_id: bool) -> Message {
        if by_id {
            return msg!("import-same-library-one-row");
        }
        let place: Vec<String> = [Field::District, Field::Village]
            .iter()
            .map(|f| self.header(f))
            .collect();
        msg!(
            "import-same-library-help",
            place = names::or_list(&place),
            fill = self.fill_id(msg!("import-fill-id-own"))
        )
    }

    /// "fill in the `ID` column (A) <what>", or how to add the column.
    fn fill_id(&self, what: Message) -> Message {
        match self.column(&Field::Id) {
            Some(j) => msg!(
                "import-fill-id",
                header = self.header(&Field::Id),
                column = crate::import::columns::letter(self.sheet, j),
                what = what
            ),
            None => msg!("import-add-id", what = what),
        }
    }
}

/// A district compared without its "Kecamatan"/"Kec." prefix, folded.
pub(super) fn district_key(s: &str) -> String {
    fold(without_kecamatan(s))
}

/// "Kec. Jati" → "Jati".
pub(super) fn without_kecamatan(s: &str) -> &str {
    let t = s.trim();
    for p in ["kecamatan ", "kec. ", "kec."] {
        if t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)) && t.len() > p.len() {
            return t[p.len()..].trim_start();
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn districts_compare_without_their_prefix() {
        assert_eq!(district_key("Kec. Jati"), "jati");
        assert_eq!(district_key("KECAMATAN  Jati"), "jati");
        assert_eq!(district_key("Jati"), "jati");
        assert_eq!(district_key("Kecubung"), "kecubung");
        assert_eq!(without_kecamatan("Kecamatan"), "Kecamatan");
    }
}
