//! The cache against a fresh load, after every kind of change.
use super::*;
use crate::synth::{self, SynthOptions};

/// What a `Loaded` holds, without file ids and span tables (a fresh
/// load numbers files by position, the cache keeps the ids files had;
/// span tables print in hash order).
fn shape(l: &Loaded) -> String {
    fn content<F: std::fmt::Debug>(v: &[super::super::Content<F>]) -> String {
        v.iter()
            .map(|c| {
                format!(
                    "{:?} {} {} {} {}\n",
                    c.front, c.slug, c.dir, c.body, c.body_offset
                )
            })
            .collect()
    }
    fn records<T: std::fmt::Debug>(v: &[super::super::Record<T>]) -> String {
        v.iter().map(|r| format!("{:?}\n", r.data)).collect()
    }
    [
        format!("{:?}", l.config.as_ref().map(|c| &c.data)),
        records(&l.provinces),
        records(&l.regencies),
        records(&l.libraries),
        records(&l.awards),
        records(&l.reports),
        content(&l.posts),
        content(&l.stories),
        content(&l.events),
        content(&l.pages),
        format!("{:?} {:?} {:?}", l.assets, l.unloaded, l.partial),
    ]
    .join("\n")
}

fn fresh(root: &Path) -> (String, usize) {
    let (l, _, d) = super::super::load_site(root);
    (shape(&l), d.iter().count())
}

/// Every loaded post file's index points at its own record.
fn indexes_agree(cache: &LoadCache, posts: &[String]) {
    for p in posts {
        if let Some(i) = cache.record_index(p) {
            assert_eq!(
                Some(cache.loaded().posts[i].origin.file),
                cache.file_id(p),
                "{p}"
            );
        }
    }
}

#[test]
fn refreshes_equal_a_fresh_load() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let opts = SynthOptions {
        libraries: 20,
        posts: 30,
        stories: 5,
        seed: 7,
    };
    synth::write(root, &opts).unwrap();
    let mut cache = LoadCache::new(root);
    let r = cache.rescan();
    assert!(r.rescanned && r.added.len() > 30);
    assert_eq!(shape(cache.loaded()), fresh(root).0);

    let mut posts: Vec<String> = std::fs::read_dir(root.join("content/berita"))
        .unwrap()
        .map(|e| {
            format!(
                "content/berita/{}",
                e.unwrap().file_name().to_string_lossy()
            )
        })
        .collect();
    posts.sort();
    let edit = &posts[4];
    let text = std::fs::read_to_string(root.join(edit)).unwrap();
    std::fs::write(
        root.join(edit),
        text.replacen("title:", "title: Disunting", 1),
    )
    .unwrap();
    let r = cache.update(std::slice::from_ref(edit));
    assert_eq!(r.modified, vec![edit.clone()]);
    assert!(r.only_modified());
    assert_eq!(shape(cache.loaded()), fresh(root).0);

    // Broken, then fixed again: the record leaves and comes back.
    std::fs::write(root.join(edit), "---\ntitle: [\n---\n").unwrap();
    cache.update(std::slice::from_ref(edit));
    assert_eq!(cache.file_diags(edit).len(), 1);
    let (want, n) = fresh(root);
    assert_eq!(shape(cache.loaded()), want);
    assert_eq!(cache.diags().len(), n);
    indexes_agree(&cache, &posts);
    std::fs::write(root.join(edit), &text).unwrap();
    cache.update(std::slice::from_ref(edit));
    assert_eq!(shape(cache.loaded()), fresh(root).0);
    indexes_agree(&cache, &posts);
    // A later file, edited in place at its (moved and moved back) index.
    let later = &posts[9];
    let t = std::fs::read_to_string(root.join(later)).unwrap();
    std::fs::write(root.join(later), t.replacen("title:", "title: Lagi", 1)).unwrap();
    let r = cache.update(std::slice::from_ref(later));
    assert!(r.only_modified());
    assert_eq!(shape(cache.loaded()), fresh(root).0);

    // Added, removed, an asset, a misplaced file, a new folder.
    let added = "content/berita/aaa-baru.md".to_string();
    std::fs::write(
        root.join(&added),
        "---\ntitle: Baru\ndate: 2030-01-01\n---\nIsi.\n",
    )
    .unwrap();
    std::fs::remove_file(root.join(&posts[7])).unwrap();
    std::fs::write(root.join("static/x.txt"), "x").unwrap();
    let r = cache.update(&[added.clone(), posts[7].clone(), "static/x.txt".into()]);
    assert_eq!(
        (r.added, r.removed, r.assets),
        (vec![added], vec![posts[7].clone()], true)
    );
    assert_eq!(shape(cache.loaded()), fresh(root).0);
    std::fs::write(root.join("content/beritaa.txt"), "x").unwrap();
    std::fs::create_dir_all(root.join("content/kisah/baru")).unwrap();
    std::fs::write(root.join("content/kisah/baru/index.md"), "---\n---\n").unwrap();
    let r = cache.update(&["content/beritaa.txt".into(), "content/kisah/baru".into()]);
    assert!(r.rescanned);
    let (want, n) = fresh(root);
    assert_eq!(shape(cache.loaded()), want);
    assert_eq!(cache.diags().len(), n);
}

#[test]
fn source_map_holds_the_files_diagnostics_name() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("data")).unwrap();
    std::fs::create_dir_all(root.join("content/berita")).unwrap();
    std::fs::write(root.join("content/berita/a.md"), "---\ntitle: [\n---\n").unwrap();
    let mut cache = LoadCache::new(root);
    cache.rescan();
    let mut diags: Vec<Diagnostic> = cache
        .diags()
        .into_iter()
        .filter(|d| d.span.is_some())
        .collect();
    assert_eq!(diags.len(), 1);
    let map = cache.source_map(&mut diags);
    assert_eq!(map.len(), 1);
    let loc = map.location(diags[0].span.as_ref().unwrap());
    assert!(loc.starts_with("content/berita/a.md:"), "{loc}");
}
