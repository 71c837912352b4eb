//! Verify mode (`WARTA_SERVE_VERIFY=1`, and the tests): a partial build
//! compared with a full render of the same site.

use super::make::sitemap_of;
use super::Engine;
use crate::render::incremental;
use crate::site::Site;
use bytes::Bytes;
use std::collections::HashMap;

impl Engine {
    /// Renders the whole site and compares it with what a partial build
    /// would serve; prints every difference to stderr.
    pub(super) fn verify_against_full(
        &self,
        site: &Site,
        partial: &[(String, Bytes)],
    ) -> Vec<String> {
        let mut mismatches = Vec::new();
        let (Some(prepared), Some(bodies)) = (self.prepared.as_ref(), self.bodies.bodies()) else {
            return mismatches;
        };
        let Ok(pages) = incremental::render_jobs(site, prepared, bodies, &incremental::jobs(site))
        else {
            return vec!["a full render fails".into()];
        };
        let urls = sitemap_of(&pages);
        let mut expected: HashMap<String, Vec<u8>> = pages
            .into_iter()
            .map(|p| (p.path, p.html.into_bytes()))
            .collect();
        for f in incremental::feeds(site, prepared, bodies, &urls)
            .into_iter()
            .chain(incremental::model_files(site, prepared.strings()))
        {
            expected.insert(f.path, f.bytes);
        }
        let served = self.served.read().unwrap_or_else(|e| e.into_inner());
        let partial: HashMap<&str, &Bytes> = partial.iter().map(|(k, v)| (k.as_str(), v)).collect();
        let mut bad = 0;
        for (path, bytes) in &expected {
            let got = partial
                .get(path.as_str())
                .copied()
                .or_else(|| served.files.get(path));
            if got.map(|b| &b[..]) != Some(&bytes[..]) {
                bad += 1;
                if bad <= 20 {
                    mismatches.push(format!("{path} differs from a full build"));
                    eprintln!("warta serve: verify: {path} differs from a full build");
                }
            }
        }
        if bad > 0 {
            eprintln!("warta serve: verify: {bad} files differ from a full build");
        }
        mismatches
    }
}
