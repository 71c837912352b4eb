//! The QR mask each profile URL was given, remembered between builds.
//!
//! Choosing a QR code's mask means scoring all eight (fast_qr does it in
//! ~0.1 ms a code); placing the modules with a known mask takes ~0.01 ms
//! (qrcodegen). A site of 5,000 libraries spent ~10 % of a warm build
//! scoring masks it had scored the build before. `warta build` keeps the
//! chosen masks in `.warta-cache/qr-masks` (`pipeline` reads and writes
//! the file: render never touches the disk); `warta serve` keeps them in
//! memory between saves.
//!
//! A remembered mask can never make a wrong code: every mask gives a valid
//! symbol, and a stale or colliding entry only picks a less well-scored
//! one. So the file is read without trust: anything unexpected (another
//! format, a wrong length, a mask above 7, a file over the size bound) is
//! the same as no file.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError, RwLock};

/// The first line of the file; a new layout gets a new number.
const HEADER: &[u8] = b"warta-qr-masks 1\n";
/// 8 bytes of key, 1 byte of mask.
const ENTRY: usize = 9;
/// The file is not read above this size (a million URLs).
pub const MAX_FILE: u64 = (HEADER.len() + ENTRY * 1_000_000) as u64;

/// Masks by a hash of the encoded text (xxh3).
#[derive(Debug, Default)]
pub struct QrMasks {
    known: RwLock<HashMap<u64, u8>>,
    /// Keys asked for since this memo was made, in any order: what a build
    /// saves, so entries of URLs that are gone are dropped.
    used: Mutex<Vec<u64>>,
    /// Whether a mask was learnt that the file did not hold.
    learnt: AtomicBool,
    /// How many masks the file held.
    loaded: usize,
}

fn key(text: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(text.as_bytes())
}

impl QrMasks {
    /// The masks of a saved file; none when it is not warta's (a file
    /// over [`MAX_FILE`] is not to be read at all).
    pub fn parse(bytes: &[u8]) -> QrMasks {
        let mut memo = QrMasks::default();
        let Some(body) = bytes.strip_prefix(HEADER) else {
            return memo;
        };
        if body.len() % ENTRY != 0 {
            return memo;
        }
        let mut known = HashMap::with_capacity(body.len() / ENTRY);
        for entry in body.chunks_exact(ENTRY) {
            let (k, m) = entry.split_at(8);
            if m[0] > 7 {
                return memo;
            }
            let k = u64::from_le_bytes(k.try_into().unwrap_or_default());
            known.insert(k, m[0]);
        }
        memo.loaded = known.len();
        memo.known = RwLock::new(known);
        memo
    }

    /// The mask remembered for `text`.
    pub fn get(&self, text: &str) -> Option<u8> {
        let k = key(text);
        self.used
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(k);
        let known = self.known.read().unwrap_or_else(PoisonError::into_inner);
        known.get(&k).copied()
    }

    /// Remembers the mask chosen for `text`.
    pub fn learn(&self, text: &str, mask: u8) {
        let mut known = self.known.write().unwrap_or_else(PoisonError::into_inner);
        if known.insert(key(text), mask) != Some(mask) {
            self.learnt.store(true, Ordering::Relaxed);
        }
    }

    /// The file's bytes: the masks of the texts asked for, sorted by key
    /// (the same memo gives the same bytes). `None` when that is what the
    /// file already holds (nothing learnt, nothing dropped).
    pub fn to_bytes(&self) -> Option<Vec<u8>> {
        let mut used =
            std::mem::take(&mut *self.used.lock().unwrap_or_else(PoisonError::into_inner));
        used.sort_unstable();
        used.dedup();
        let known = self.known.read().unwrap_or_else(PoisonError::into_inner);
        used.retain(|k| known.contains_key(k));
        let learnt = self.learnt.load(Ordering::Relaxed);
        if !learnt && used.len() == self.loaded {
            return None;
        }
        let mut out = Vec::with_capacity(HEADER.len() + used.len() * ENTRY);
        out.extend_from_slice(HEADER);
        for k in used {
            out.extend_from_slice(&k.to_le_bytes());
            out.push(known[&k]);
        }
        Some(out)
    }

    /// How many masks the memo holds.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.known
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_masks_are_read_back_and_unused_ones_dropped() {
        let memo = QrMasks::parse(&[]);
        assert_eq!(memo.len(), 0, "no file, no masks");
        for (i, text) in ["a", "b", "c"].iter().enumerate() {
            assert_eq!(memo.get(text), None);
            memo.learn(text, i as u8 + 5);
        }
        let before = memo.to_bytes().unwrap();

        let again = QrMasks::parse(&before);
        assert_eq!(again.len(), 3);
        assert_eq!((again.get("a"), again.get("c")), (Some(5), Some(7)));
        let after = again.to_bytes().unwrap();
        assert_eq!(
            after.len(),
            HEADER.len() + 2 * ENTRY,
            "`b` was not asked for"
        );
        assert_ne!(before, after);

        let third = QrMasks::parse(&after);
        assert_eq!(
            (third.get("a"), third.get("b"), third.get("c")),
            (Some(5), None, Some(7))
        );
    }

    #[test]
    fn a_file_that_is_not_warta_s_is_no_memo() {
        let good = {
            let mut b = HEADER.to_vec();
            b.extend_from_slice(&key("x").to_le_bytes());
            b.push(3);
            b
        };
        assert_eq!(QrMasks::parse(&good).get("x"), Some(3));
        let mut bad_mask = good.clone();
        *bad_mask.last_mut().unwrap() = 8;
        let mut short = good.clone();
        short.pop();
        let mut other = good.clone();
        other[0] = b'W';
        for bytes in [bad_mask, short, other, Vec::new()] {
            assert_eq!(QrMasks::parse(&bytes).len(), 0);
        }
    }

    #[test]
    fn nothing_is_written_when_nothing_changed() {
        let memo = QrMasks::default();
        memo.get("a");
        memo.learn("a", 2);
        let bytes = memo.to_bytes().expect("a mask was learnt");
        let same = QrMasks::parse(&bytes);
        assert_eq!(same.get("a"), Some(2));
        assert_eq!(same.to_bytes(), None, "no write");
    }
}
