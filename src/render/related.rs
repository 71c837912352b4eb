//! "Berita terkait" under a news post: a few posts of the same event,
//! then of the same libraries, then of the same provinces, the nearest in
//! time first. Each list is searched, not scanned (the site's reverse
//! links are sorted by post id, which is date order), so a post costs the
//! same however many posts its province has.

use crate::site::{PostId, Site};

/// Posts shown.
pub const COUNT: usize = 4;
/// How far from the post, in each list it shares, related posts are
/// looked for. `warta serve` renders again the posts this close to an
/// edited one (`serve::plan`).
pub const REACH: usize = 4;
/// Libraries and provinces of a post looked at (a post naming dozens
/// costs no more than one naming a few).
const LISTS: usize = 8;

/// The related posts of `id`, best first.
pub fn posts(site: &Site, id: PostId) -> Vec<PostId> {
    let p = &site.posts[id.index()];
    let lists = p
        .event
        .iter()
        .map(|&e| site.event(e).posts.as_slice())
        .chain(
            p.libraries
                .iter()
                .take(LISTS)
                .map(|&l| site.library(l).posts.as_slice()),
        )
        .chain(
            p.provinces
                .iter()
                .take(LISTS)
                .map(|&pr| site.province(pr).posts.as_slice()),
        );
    let mut chosen: Vec<PostId> = Vec::with_capacity(COUNT);
    for list in lists {
        let at = list.partition_point(|x| *x < id);
        let after = list[at..].partition_point(|x| *x <= id) + at;
        // Newer (before `at`) and older (from `after`), nearest first.
        for d in 0..REACH {
            let newer = at.checked_sub(d + 1).map(|i| list[i]);
            let older = list.get(after + d).copied();
            for c in newer.into_iter().chain(older) {
                if chosen.len() < COUNT && c != id && !chosen.contains(&c) {
                    chosen.push(c);
                }
            }
        }
        if chosen.len() == COUNT {
            break;
        }
    }
    chosen
}
