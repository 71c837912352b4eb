//! Shrinking a failing case to a small reproducer: drop whole files, try
//! the minimal base and the cheaper mode, then delete chunks of lines and
//! of bytes (halving, as in delta debugging) while the same finding stays.

use super::case::{Base, Case, Mode};

/// Returns the smallest case found within `budget` runs for which
/// `still_fails` holds.
pub fn reduce(case: &Case, budget: usize, still_fails: &mut dyn FnMut(&Case) -> bool) -> Case {
    let mut best = case.clone();
    let mut tries = 0;
    let mut attempt = |c: &Case, tries: &mut usize| -> bool {
        if *tries >= budget {
            return false;
        }
        *tries += 1;
        still_fails(c)
    };
    let mut i = 0;
    while best.files.len() > 1 && i < best.files.len() {
        let mut c = best.clone();
        c.files.remove(i);
        if attempt(&c, &mut tries) {
            best = c;
        } else {
            i += 1;
        }
    }
    if best.base == Base::Example {
        let c = Case {
            base: Base::Minimal,
            ..best.clone()
        };
        if attempt(&c, &mut tries) {
            best = c;
        }
    }
    if best.mode == Mode::Make || best.drafts {
        let c = Case {
            mode: if best.mode == Mode::Make {
                Mode::Check
            } else {
                best.mode
            },
            drafts: false,
            ..best.clone()
        };
        if attempt(&c, &mut tries) {
            best = c;
        }
    }
    for f in 0..best.files.len() {
        // Whole lines first, then bytes.
        for unit in [Unit::Lines, Unit::Bytes] {
            loop {
                let pieces = split(&best.files[f].1, unit);
                let mut chunk = (pieces.len() / 2).max(1);
                let mut shrunk = false;
                while chunk >= 1 && pieces.len() > 1 {
                    let mut start = 0;
                    while start < pieces.len() {
                        let end = (start + chunk).min(pieces.len());
                        let mut c = best.clone();
                        c.files[f].1 = [&pieces[..start], &pieces[end..]].concat().concat();
                        if attempt(&c, &mut tries) {
                            best = c;
                            shrunk = true;
                            break;
                        }
                        start = end;
                    }
                    if shrunk || chunk == 1 || tries >= budget {
                        break;
                    }
                    chunk /= 2;
                    // Byte by byte only for small files: 2 MB would never end.
                    if unit == Unit::Bytes && pieces.len() / chunk > 4_000 {
                        break;
                    }
                }
                if !shrunk || tries >= budget {
                    break;
                }
            }
        }
    }
    best
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Lines,
    Bytes,
}

fn split(bytes: &[u8], unit: Unit) -> Vec<Vec<u8>> {
    match unit {
        Unit::Lines => bytes
            .split_inclusive(|&b| b == b'\n')
            .map(<[u8]>::to_vec)
            .collect(),
        // Runs of 64 bytes once the file is big, single bytes when small.
        Unit::Bytes => {
            let size = if bytes.len() > 4_096 {
                bytes.len() / 1_024
            } else {
                1
            };
            bytes.chunks(size.max(1)).map(<[u8]>::to_vec).collect()
        }
    }
}
