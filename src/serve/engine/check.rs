//! The front of a rebuild: the edited posts and stories patched into the
//! last good site, or the whole site checked again.

use super::{front, Engine, Outcome};
use crate::diag::Diagnostic;
use crate::render::incremental;
use crate::site::patch::{self, Touched};
use crate::site::Site;
use std::sync::Arc;
use std::time::Instant;

/// What a check leaves to render.
pub(super) struct Checked {
    /// The records a patch replaced (`None`: the whole site was checked).
    pub touched: Option<Vec<Touched>>,
    /// Of the patched records, those whose card in the lists is the same.
    pub same_card: Vec<(bool, usize)>,
    /// The site of a whole check.
    pub new_site: Option<Site>,
}

impl Engine {
    /// Patches the last good site when every pending change allows it,
    /// else checks the whole site. `None` when the site has errors (they
    /// are in `out`).
    pub(super) fn check(&mut self, out: &mut Outcome, theme_paths: bool) -> Option<Checked> {
        let t = Instant::now();
        let mut touched: Option<Vec<Touched>> = None;
        let mut same_card: Vec<(bool, usize)> = Vec::new();
        let mut new_site: Option<Site> = None;
        let attempt = match &self.good {
            Some(_) if !self.structural && !theme_paths => front::edits(&self.cache, &self.pending),
            Some(_) => Err("files came or went, or the theme changed".to_string()),
            None => Err("first build".to_string()),
        };
        let mut why_full = None;
        match attempt {
            Ok((edits, paths)) => {
                let good = self.good.as_mut().expect("checked above");
                let (planned, diags) =
                    front::patch(&good.site, &self.cache, self.opts, &edits, &paths);
                if diags.iter().any(Diagnostic::is_error) {
                    out.timings.check = t.elapsed();
                    out.diags.push(self.site_diags(diags));
                    return None;
                }
                match planned {
                    Ok(p) => {
                        // What the lists show of each record, before and after.
                        let targets = p.targets();
                        let cards = |site: &Site| -> Vec<String> {
                            match (&self.prepared, self.bodies.bodies()) {
                                (Some(pr), Some(b)) => targets
                                    .iter()
                                    .map(|&(story, i)| incremental::card(site, pr, b, story, i))
                                    .collect(),
                                _ => Vec::new(),
                            }
                        };
                        let before = cards(&good.site);
                        touched = Some(patch::apply(Arc::make_mut(&mut good.site), p));
                        let after = cards(&good.site);
                        same_card = targets
                            .iter()
                            .zip(before.iter().zip(&after))
                            .filter(|(_, (a, b))| a == b)
                            .map(|(t, _)| *t)
                            .collect();
                        for p in &paths {
                            self.pending.remove(p);
                        }
                        if !diags.is_empty() {
                            out.diags.push(self.site_diags(diags));
                        }
                    }
                    Err(why) => why_full = Some(why),
                }
            }
            Err(why) => why_full = Some(why),
        }
        if touched.is_none() {
            let (site, diags) = front::full(&self.cache, self.opts);
            let errors = diags.iter().any(Diagnostic::is_error);
            if !diags.is_empty() {
                out.diags.push(self.site_diags(diags));
            }
            if errors {
                out.timings.check = t.elapsed();
                return None;
            }
            new_site = Some(site);
        }
        out.timings.check = t.elapsed();
        out.patched = touched.is_some();
        out.full_check = why_full;
        if let (true, Some(g)) = (self.verify && out.patched, &self.good) {
            out.mismatches
                .extend(front::verify(&g.site, &self.cache, self.opts));
        }
        Some(Checked {
            touched,
            same_card,
            new_site,
        })
    }
}
