//! The search index of `warta serve`: built whole (it has no partial form
//! yet), after the pages, on its own thread; the previous index is served
//! until it is done.

use super::{Engine, SearchJob};
use crate::render::incremental;
use bytes::Bytes;
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

impl Engine {
    /// Builds and publishes the search index of the last good build when
    /// [`Engine::defer_search`] left it for later (waiting for one being
    /// built in the background); returns the time taken.
    pub fn finish_search(&mut self) -> Option<Duration> {
        let t = Instant::now();
        if let Some(job) = self.search_job.take() {
            let generation = job.generation;
            if let Ok(files) = job.handle.join() {
                if generation == self.generation && self.publish_search(files) {
                    return Some(t.elapsed());
                }
            }
        }
        if !self.search_due {
            return None;
        }
        let files =
            incremental::model_files(&self.good.as_ref()?.site, self.prepared.as_ref()?.strings());
        self.publish_search(files);
        Some(t.elapsed())
    }

    /// Starts building the search index in the background when one is due
    /// and none is being built. Its own thread, one core: a rebuild that
    /// comes meanwhile is not held up by it.
    pub fn start_search(&mut self) {
        if !self.search_due || self.search_job.is_some() {
            return;
        }
        let (Some(good), Some(prepared)) = (&self.good, &self.prepared) else {
            return;
        };
        let site = good.site.clone();
        let ui = prepared.strings().clone();
        let spawned = std::thread::Builder::new()
            .name("warta-search".into())
            .spawn(move || incremental::model_files(&site, &ui));
        if let Ok(handle) = spawned {
            self.search_job = Some(SearchJob {
                generation: self.generation,
                started: Instant::now(),
                handle,
            });
        }
    }

    /// Publishes the background search index when it is done and still of
    /// the last good build; returns how long it took. `None` while it runs
    /// (or when none runs).
    pub fn poll_search(&mut self) -> Option<Duration> {
        if !self.search_job.as_ref()?.handle.is_finished() {
            return None;
        }
        let job = self.search_job.take()?;
        let took = job.started.elapsed();
        let files = job.handle.join().ok()?;
        // An index of an older site is dropped; the due one starts next.
        (job.generation == self.generation && self.publish_search(files)).then_some(took)
    }

    /// Whether a search index is being built in the background.
    pub fn searching(&self) -> bool {
        self.search_job.is_some()
    }

    fn publish_search(&mut self, files: Vec<crate::render::OutFile>) -> bool {
        let Some(good) = self.good.as_mut() else {
            return false;
        };
        let set: BTreeSet<String> = files.iter().map(|f| f.path.clone()).collect();
        let mut served = self.served.write().unwrap_or_else(|e| e.into_inner());
        for gone in good.remade.search.iter().filter(|k| !set.contains(*k)) {
            served.files.remove(gone);
        }
        for f in files {
            served.files.insert(f.path, Bytes::from(f.bytes));
        }
        good.remade.search = set;
        self.search_due = false;
        true
    }
}
