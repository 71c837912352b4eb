//! The generator's randomness: a seeded splitmix64 (no global state, no
//! clock) and the dates it draws.

/// splitmix64: tiny, fast, good enough to spread test data.
#[derive(Debug, Clone)]
pub(super) struct Rng(u64);

impl Rng {
    pub(super) fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5EED_CAFE_F00D_D00D)
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (`n > 0`).
    pub(super) fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % n as u64) as usize
    }
    /// Uniform in `lo..=hi`.
    pub(super) fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }
    /// True with probability `percent`/100.
    pub(super) fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// Up to `k` distinct items of `items`, in the order drawn.
    pub(super) fn sample<T: Copy>(&mut self, items: &[T], k: usize) -> Vec<T> {
        let mut idx: Vec<usize> = (0..items.len()).collect();
        let k = k.min(items.len());
        for i in 0..k {
            let j = i + self.below(idx.len() - i);
            idx.swap(i, j);
        }
        idx[..k].iter().map(|&i| items[i]).collect()
    }
    /// Between `min` and `max` distinct items of `items`.
    pub(super) fn some<T: Copy>(&mut self, items: &[T], min: u32, max: u32) -> Vec<T> {
        let k = self.range(min, max) as usize;
        self.sample(items, k)
    }
    pub(super) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
    /// A date from 2019-01-01 to 2025-12-31 (days 1–28, always real).
    pub(super) fn date(&mut self) -> Ymd {
        Ymd(self.range(2019, 2025), self.range(1, 12), self.range(1, 28))
    }
}

/// A date as written in front matter; days stay ≤ 28 so +3 days is simple.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Ymd(pub(super) u32, pub(super) u32, pub(super) u32);

impl Ymd {
    /// A few days later, staying in the same month when it can, and never
    /// past 2025-12-31.
    pub(super) fn plus_days(self, n: u32) -> Ymd {
        let Ymd(y, m, d) = self;
        if d + n <= 28 {
            Ymd(y, m, d + n)
        } else if m < 12 {
            Ymd(y, m + 1, d + n - 28)
        } else if y < 2025 {
            Ymd(y + 1, 1, d + n - 28)
        } else {
            Ymd(2025, 12, 31)
        }
    }
}

impl std::fmt::Display for Ymd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.0, self.1, self.2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rng_is_uniform_enough_and_dates_real() {
        let mut r = Rng::new(1);
        let mut counts = [0usize; 10];
        for _ in 0..10_000 {
            counts[r.below(10)] += 1;
        }
        assert!(
            counts.iter().all(|&c| (800..1200).contains(&c)),
            "{counts:?}"
        );
        for _ in 0..1000 {
            let d = r.date().plus_days(r.range(0, 7));
            assert!(crate::model::Date::parse(&d.to_string()).is_ok(), "{d}");
            assert!(d <= Ymd(2025, 12, 31));
        }
    }
}
