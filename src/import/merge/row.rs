//! One sheet row read into typed values matched to the official lists;
//! every problem in a cell is reported with its row and column.

use super::cells::{clean, coordinate, coordinates, count, year};
use super::Planner;
use crate::import::columns::{self, Field};
use crate::import::names::{self, LevelText};
use crate::import::sheet::{Cell, Row};
use crate::import::Problem;
use crate::model::{is_slug, slugify, KpiCategory};
use crate::msg;

/// The values of one row, typed and matched to the official lists.
#[derive(Debug, Default)]
pub(super) struct Incoming {
    pub row: usize,
    pub id: Option<String>,
    pub name: Option<String>,
    pub level: Option<LevelText>,
    pub province: Option<usize>,
    pub regency: Option<usize>,
    pub district: Option<String>,
    pub village: Option<String>,
    pub joined: Option<u16>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub summary: Option<String>,
    pub location: Option<(f64, f64)>,
    pub kpi_period: Option<String>,
    pub kpi_category: Option<KpiCategory>,
    pub kpi_counts: [Option<u32>; 3],
    pub social: Vec<(String, String)>,
}

impl Planner<'_> {
    /// The one value of `field` in `row`: `None` when its cells are empty;
    /// an error when two columns give different values.
    fn value(&self, row: &Row, field: &Field, errors: &mut Vec<Problem>) -> Option<(usize, Cell)> {
        let mut found: Option<(usize, Cell)> = None;
        for (j, f) in &self.columns.fields {
            if f != field {
                continue;
            }
            let Some(cell) = row.cells.get(*j) else {
                continue;
            };
            if let Cell::Error(e) = cell {
                self.error(
                    errors,
                    row.number,
                    Some(*j),
                    msg!("import-cell-error", error = e),
                    Some(msg!("import-cell-error-help")),
                );
                continue;
            }
            if clean(&cell.text(), true).is_none() {
                continue;
            }
            match &found {
                None => found = Some((*j, cell.clone())),
                Some((j0, c0)) if clean(&c0.text(), true) != clean(&cell.text(), true) => {
                    self.error(
                        errors,
                        row.number,
                        Some(*j),
                        msg!(
                            "import-columns-disagree",
                            first = columns::letter(self.sheet, *j0),
                            second = columns::letter(self.sheet, *j),
                            field = field.name(),
                            one = c0.text().trim(),
                            other = cell.text().trim()
                        ),
                        Some(msg!("import-columns-disagree-help")),
                    );
                }
                Some(_) => {}
            }
        }
        found
    }

    fn text(&self, row: &Row, field: Field, errors: &mut Vec<Problem>) -> Option<(usize, String)> {
        let multiline = field == Field::Summary;
        self.value(row, &field, errors)
            .and_then(|(j, c)| clean(&c.text(), multiline).map(|t| (j, t)))
    }

    /// Reads one row into typed values; problems go to `errors`/`notes`.
    pub(super) fn incoming(
        &self,
        row: &Row,
        errors: &mut Vec<Problem>,
        notes: &mut Vec<Problem>,
    ) -> Incoming {
        let n = row.number;
        let mut inc = Incoming {
            row: n,
            ..Incoming::default()
        };
        if let Some((j, id)) = self.text(row, Field::Id, errors) {
            if is_slug(&id) {
                inc.id = Some(id);
            } else {
                self.error(
                    errors,
                    n,
                    Some(j),
                    msg!("import-bad-id", id = &id),
                    Some(msg!("import-bad-id-help", slug = slugify(&id))),
                );
            }
        }
        inc.name = self.text(row, Field::Name, errors).map(|(_, t)| t);
        if let Some((j, t)) = self.text(row, Field::Level, errors) {
            inc.level = names::level(&t);
            if inc.level.is_none() {
                self.error(
                    errors,
                    n,
                    Some(j),
                    msg!("import-unknown-level", level = &t),
                    Some(msg!("import-unknown-level-help")),
                );
            }
        }
        let mut province_failed = false;
        if let Some((j, t)) = self.text(row, Field::Province, errors) {
            match self.regions.province(&t) {
                Ok(p) => inc.province = Some(p),
                Err(e) => {
                    province_failed = true;
                    self.error(errors, n, Some(j), e.message, Some(e.help));
                }
            }
        }
        if let Some((j, t)) = self.text(row, Field::Regency, errors) {
            if !province_failed {
                match self.regions.regency(&t, inc.province) {
                    Ok(r) => {
                        inc.regency = Some(r);
                        inc.province
                            .get_or_insert(self.regions.regencies[r].province);
                    }
                    Err(e) => self.error(errors, n, Some(j), e.message, Some(e.help)),
                }
            }
        }
        inc.district = self.text(row, Field::District, errors).map(|(_, t)| t);
        inc.village = self.text(row, Field::Village, errors).map(|(_, t)| t);
        inc.address = self.text(row, Field::Address, errors).map(|(_, t)| t);
        inc.summary = self.text(row, Field::Summary, errors).map(|(_, t)| t);
        if let Some((j, c)) = self.value(row, &Field::Joined, errors) {
            match year(&c) {
                Some(y) => inc.joined = Some(y),
                None => self.error(
                    errors,
                    n,
                    Some(j),
                    msg!("import-not-year", value = c.text().trim()),
                    Some(msg!("import-not-year-help")),
                ),
            }
        }
        if let Some((j, c)) = self.value(row, &Field::Phone, errors) {
            inc.phone = match c {
                Cell::Number(x) if x.fract() == 0.0 && x > 0.0 => {
                    let digits = format!("{}", x as u64);
                    if digits.starts_with('8') && (8..=12).contains(&digits.len()) {
                        let (row, col) = self.at(n, Some(j));
                        notes.push(Problem {
                            file: self.sheet.label.clone(),
                            row,
                            col,
                            message: msg!("import-phone-number", phone = format!("0{digits}")),
                            help: Some(msg!("import-phone-number-help")),
                        });
                        Some(format!("0{digits}"))
                    } else {
                        Some(digits)
                    }
                }
                other => clean(&other.text(), false),
            };
        }
        if let Some((j, t)) = self.text(row, Field::Email, errors) {
            let e = t.strip_prefix("mailto:").unwrap_or(&t).to_string();
            let ok = e.split_once('@').is_some_and(|(u, h)| {
                !u.is_empty() && h.contains('.') && !e.contains(char::is_whitespace)
            });
            if ok {
                inc.email = Some(e);
            } else {
                self.error(
                    errors,
                    n,
                    Some(j),
                    msg!("import-not-email", value = &t),
                    Some(msg!("import-not-email-help")),
                );
            }
        }
        if let Some((j, t)) = self.text(row, Field::Website, errors) {
            inc.website = self.web_address(&t, n, j, errors, notes);
        }
        let social: Vec<(usize, String)> = self
            .columns
            .fields
            .iter()
            .filter_map(|(j, f)| match f {
                Field::Social(net) => Some((*j, net.clone())),
                _ => None,
            })
            .collect();
        for (j, net) in social {
            let Some(t) = row.cells.get(j).and_then(|c| clean(&c.text(), false)) else {
                continue;
            };
            if let Some(url) = self.web_address(&t, n, j, errors, notes) {
                inc.social.retain(|(k, _)| *k != net);
                inc.social.push((net, url));
            }
        }
        self.location(row, &mut inc, errors);
        self.kpi(row, &mut inc, errors);
        inc
    }

    /// A web address, `https://` added to a bare domain (with a note).
    fn web_address(
        &self,
        t: &str,
        n: usize,
        j: usize,
        errors: &mut Vec<Problem>,
        notes: &mut Vec<Problem>,
    ) -> Option<String> {
        if (t.starts_with("https://") || t.starts_with("http://"))
            && t.len() > 8
            && !t.contains(char::is_whitespace)
        {
            return Some(t.to_string());
        }
        let bare_domain = !t.contains("://")
            && !t.contains(char::is_whitespace)
            && !t.starts_with('@')
            && t.split('/').next().is_some_and(|host| {
                host.contains('.')
                    && host
                        .chars()
                        .all(|c| c.is_alphanumeric() || ".-".contains(c))
            });
        if bare_domain {
            let url = format!("https://{t}");
            let (row, col) = self.at(n, Some(j));
            notes.push(Problem {
                file: self.sheet.label.clone(),
                row,
                col,
                message: msg!("import-no-https", value = t, url = &url),
                help: None,
            });
            return Some(url);
        }
        self.error(
            errors,
            n,
            Some(j),
            msg!("import-not-web", value = t),
            Some(msg!("import-not-web-help")),
        );
        None
    }

    fn location(&self, row: &Row, inc: &mut Incoming, errors: &mut Vec<Problem>) {
        let n = row.number;
        let lat = self.value(row, &Field::Lat, errors);
        let lon = self.value(row, &Field::Lon, errors);
        let both = self.value(row, &Field::Coordinates, errors);
        let (pair, j) = match (lat, lon, both) {
            (None, None, None) => return,
            (_, _, Some((j, c))) => (coordinates(&c.text()), j),
            (Some((j, a)), Some((_, b)), None) => (coordinate(&a).zip(coordinate(&b)), j),
            (Some((j, _)), None, None) | (None, Some((j, _)), None) => {
                self.error(
                    errors,
                    n,
                    Some(j),
                    msg!("import-location-half"),
                    Some(msg!("import-location-half-help")),
                );
                return;
            }
        };
        let Some((lat, lon)) = pair else {
            self.error(
                errors,
                n,
                Some(j),
                msg!("import-location-not-numbers"),
                Some(msg!("import-location-not-numbers-help")),
            );
            return;
        };
        let inside = |a: f64, b: f64| (-11.5..=6.5).contains(&a) && (94.5..=141.5).contains(&b);
        if !inside(lat, lon) {
            let help = if inside(lon, lat) {
                msg!("import-location-swapped")
            } else {
                msg!("import-location-outside-help")
            };
            self.error(
                errors,
                n,
                Some(j),
                msg!(
                    "import-location-outside",
                    lat = lat.to_string(),
                    lon = lon.to_string()
                ),
                Some(help),
            );
            return;
        }
        inc.location = Some((lat, lon));
    }

    fn kpi(&self, row: &Row, inc: &mut Incoming, errors: &mut Vec<Problem>) {
        let n = row.number;
        let period = self.value(row, &Field::KpiPeriod, errors);
        let category = self.text(row, Field::KpiCategory, errors);
        let mut any_count = None;
        for (i, f) in [Field::KpiCommunity, Field::KpiAdvocacy, Field::KpiService]
            .into_iter()
            .enumerate()
        {
            if let Some((j, c)) = self.value(row, &f, errors) {
                any_count.get_or_insert(j);
                match count(&c) {
                    Some(k) => inc.kpi_counts[i] = Some(k),
                    None => self.error(
                        errors,
                        n,
                        Some(j),
                        msg!("import-not-count", value = c.text().trim()),
                        Some(msg!("import-not-count-help")),
                    ),
                }
            }
        }
        if let Some((j, t)) = &category {
            match names::kpi_category(t) {
                Some(c) => inc.kpi_category = Some(c),
                None => self.error(
                    errors,
                    n,
                    Some(*j),
                    msg!("import-unknown-kpi-category", category = t),
                    Some(msg!("import-unknown-kpi-category-help")),
                ),
            }
        }
        inc.kpi_period = period.as_ref().and_then(|(_, c)| clean(&c.text(), false));
        if inc.kpi_period.is_none() {
            if let Some(j) = category.as_ref().map(|(j, _)| *j).or(any_count) {
                self.error(
                    errors,
                    n,
                    Some(j),
                    msg!("import-kpi-no-period"),
                    Some(msg!("import-kpi-no-period-help")),
                );
            }
        }
    }
}
