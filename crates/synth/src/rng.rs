//! The random numbers: xoshiro256** (Blackman and Vigna, 2018), seeded
//! through splitmix64, with integer-only helpers on top.
//!
//! Written out here (a few lines) rather than taken from a crate so that the
//! stream, and so the generated archive, stays the same byte for byte across
//! versions of anything else. Nothing in the generator uses floating point:
//! every choice is an integer draw, so the output is the same on every
//! platform too.

/// splitmix64 (Steele, Lea and Flood; Vigna's reference code): one 64-bit
/// state, used to expand a seed into a xoshiro state and to mix keys.
#[derive(Debug, Clone)]
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// Mixes a list of keys into one seed (each key goes through splitmix64).
pub fn mix(keys: &[u64]) -> u64 {
    let mut h = 0x243F_6A88_85A3_08D3u64;
    for &k in keys {
        h = SplitMix64(h ^ k).next_u64();
    }
    h
}

/// xoshiro256**: 256 bits of state, period 2^256 − 1.
#[derive(Debug, Clone)]
pub struct Rng {
    s: [u64; 4],
}

impl Rng {
    /// The state is four successive outputs of splitmix64 seeded with `seed`
    /// (never all zero).
    pub fn new(seed: u64) -> Rng {
        let mut sm = SplitMix64(seed);
        Rng { s: [sm.next_u64(), sm.next_u64(), sm.next_u64(), sm.next_u64()] }
    }

    pub fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// Uniform in `0..n` (`n > 0`), by Lemire's multiply-and-reject.
    pub fn below(&mut self, n: u64) -> u64 {
        debug_assert!(n > 0);
        let mut m = (self.next_u64() as u128) * (n as u128);
        if (m as u64) < n {
            let threshold = n.wrapping_neg() % n;
            while (m as u64) < threshold {
                m = (self.next_u64() as u128) * (n as u128);
            }
        }
        (m >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    /// Uniform index into a slice of length `n`.
    pub fn index(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }

    /// True with probability `per_mille` / 1000.
    pub fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    /// One item of a slice, uniformly.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.index(items.len())]
    }

    /// A reference to one item of a slice, uniformly.
    pub fn pick_ref<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }

    /// An index chosen with the given integer weights (not all zero).
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|&w| w as u64).sum();
        let mut r = self.below(total);
        for (i, &w) in weights.iter().enumerate() {
            if r < w as u64 {
                return i;
            }
            r -= w as u64;
        }
        unreachable!("weights sum to {total}")
    }

    /// A fresh generator for a sub-task, so that what one part draws does not
    /// shift what another part draws.
    pub fn fork(&mut self, key: u64) -> Rng {
        Rng::new(mix(&[self.next_u64(), key]))
    }
}

/// Items drawn with fixed integer weights: cumulative sums and a binary
/// search, O(log n) per draw.
#[derive(Debug, Clone, Default)]
pub struct Weighted {
    cum: Vec<u64>,
}

impl Weighted {
    pub fn new(weights: impl IntoIterator<Item = u64>) -> Weighted {
        let mut total = 0u64;
        let cum = weights
            .into_iter()
            .map(|w| {
                total += w;
                total
            })
            .collect();
        Weighted { cum }
    }

    /// Zipf-like weights over `n` ranks: rank r (from 0) weighs
    /// ⌊2^32 / (r + q)⌋ (`q` ≥ 1; a larger `q` flattens the head).
    pub fn zipf_from(n: usize, q: u64) -> Weighted {
        Weighted::new((0..n as u64).map(|r| (1u64 << 32) / (r + q)))
    }

    pub fn len(&self) -> usize {
        self.cum.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cum.is_empty()
    }

    pub fn total(&self) -> u64 {
        self.cum.last().copied().unwrap_or(0)
    }

    pub fn draw(&self, rng: &mut Rng) -> usize {
        let r = rng.below(self.total());
        self.cum.partition_point(|&c| c <= r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_reference_values() {
        // Vigna's splitmix64.c seeded with 0.
        let mut sm = SplitMix64(0);
        assert_eq!(sm.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(sm.next_u64(), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(sm.next_u64(), 0x06C4_5D18_8009_454F);
    }

    #[test]
    fn xoshiro_reference_values() {
        // xoshiro256** from state [1, 2, 3, 4] (Vigna's xoshiro256starstar.c).
        let mut r = Rng { s: [1, 2, 3, 4] };
        let got: Vec<u64> = (0..4).map(|_| r.next_u64()).collect();
        assert_eq!(got, [11520, 0, 1509978240, 1215971899390074240]);
    }

    #[test]
    fn below_stays_in_range_and_covers_it() {
        let mut r = Rng::new(7);
        let mut seen = [0u32; 7];
        for _ in 0..7000 {
            seen[r.below(7) as usize] += 1;
        }
        assert!(seen.iter().all(|&n| (800..1200).contains(&n)), "{seen:?}");
    }

    #[test]
    fn weighted_follows_weights() {
        let w = Weighted::new([1, 0, 3]);
        let mut r = Rng::new(1);
        let mut seen = [0u32; 3];
        for _ in 0..4000 {
            seen[w.draw(&mut r)] += 1;
        }
        assert_eq!(seen[1], 0);
        assert!((800..1200).contains(&seen[0]), "{seen:?}");
    }
}
