//! Content hashes for file names: the first hex digits of xxh3-128, the
//! same on every platform and release. Every content-hashed name warta
//! writes (the stylesheet under `/aset/`, the search files under
//! `/cari/i/`, the image variants under `/img/`) comes from [`hex`].

use xxhash_rust::xxh3::{xxh3_128, Xxh3};

/// The first `digits` (at most 32) hex digits of the xxh3-128 of `bytes`.
pub fn hex(bytes: &[u8], digits: usize) -> String {
    digits_of(xxh3_128(bytes), digits)
}

/// [`hex`] of the parts one after the other, without joining them.
pub fn hex_of_parts<'a>(parts: impl IntoIterator<Item = &'a [u8]>, digits: usize) -> String {
    let mut h = Xxh3::new();
    for p in parts {
        h.update(p);
    }
    digits_of(h.digest128(), digits)
}

fn digits_of(hash: u128, digits: usize) -> String {
    let mut s = format!("{hash:032x}");
    s.truncate(digits);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_prefixes_of_one_stable_hash() {
        // xxh3-128 of no bytes, as published with the algorithm: a crate
        // update that changed it would rename every cached file.
        assert_eq!(hex(b"", 32), "99aa06d3014798d86001c324468d497f");
        assert_eq!(hex(b"warta", 10), hex(b"warta", 32)[..10]);
        assert_ne!(hex(b"warta", 10), hex(b"warte", 10));
        let parts: [&[u8]; 3] = [b"wa", b"", b"rta"];
        assert_eq!(hex_of_parts(parts, 10), hex(b"warta", 10));
    }
}
