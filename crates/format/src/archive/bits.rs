//! Golomb–Rice codes, least significant bit first: a value `v` with
//! parameter `r` is `v >> r` in unary (that many 1 bits, then a 0) and the
//! low `r` bits of `v`. For gaps between `k` positions spread over `n`,
//! `r = ⌊log2(n / k)⌋` makes each about `r + 2` bits: the near-optimal code
//! for such gaps, and half the bytes of varints.

/// Appends bits to a byte vector.
#[derive(Default)]
pub struct BitWriter {
    pub bytes: Vec<u8>,
    acc: u64,
    n: u32,
}

impl BitWriter {
    pub fn put(&mut self, v: u64, bits: u32) {
        debug_assert!(bits <= 32);
        self.acc |= (v & ((1u64 << bits) - 1)) << self.n;
        self.n += bits;
        while self.n >= 8 {
            self.bytes.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    pub fn rice(&mut self, v: u64, r: u32) {
        let mut q = v >> r;
        while q >= 32 {
            self.put(u64::from(u32::MAX), 32);
            q -= 32;
        }
        self.put((1u64 << q) - 1, q as u32);
        self.put(0, 1);
        self.put(v, r);
    }

    /// Pads to a whole byte and returns the bytes.
    pub fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.bytes.push(self.acc as u8);
        }
        self.bytes
    }
}

/// Reads bits written by [`BitWriter`]; `None` past the end.
pub struct BitReader<'a> {
    bytes: &'a [u8],
    at: usize,
    acc: u64,
    n: u32,
}

impl<'a> BitReader<'a> {
    pub fn new(bytes: &'a [u8]) -> BitReader<'a> {
        BitReader { bytes, at: 0, acc: 0, n: 0 }
    }

    fn fill(&mut self) {
        while self.n <= 56 && self.at < self.bytes.len() {
            self.acc |= u64::from(self.bytes[self.at]) << self.n;
            self.at += 1;
            self.n += 8;
        }
    }

    pub fn get(&mut self, bits: u32) -> Option<u64> {
        if bits == 0 {
            return Some(0);
        }
        if self.n < bits {
            self.fill();
            if self.n < bits {
                return None;
            }
        }
        let v = self.acc & ((1u64 << bits) - 1);
        self.acc >>= bits;
        self.n -= bits;
        Some(v)
    }

    pub fn rice(&mut self, r: u32) -> Option<u64> {
        let mut q = 0u64;
        loop {
            if self.n == 0 {
                self.fill();
                if self.n == 0 {
                    return None;
                }
            }
            let ones = (!self.acc).trailing_zeros().min(self.n);
            q += u64::from(ones);
            self.acc = self.acc.checked_shr(ones).unwrap_or(0);
            self.n -= ones;
            if self.n > 0 {
                // The terminating 0.
                self.acc >>= 1;
                self.n -= 1;
                break;
            }
            if q > 1 << 40 {
                return None;
            }
        }
        let low = self.get(r)?;
        q.checked_shl(r).map(|h| h | low)
    }

    /// Bytes consumed so far, counting a partly read byte as read.
    pub fn bytes_used(&self) -> usize {
        self.at - (self.n / 8) as usize
    }
}

/// The Rice parameter for `k` values spread over `n`.
pub fn rice_param(n: u64, k: u64) -> u32 {
    let mean = n / k.max(1);
    if mean <= 1 {
        0
    } else {
        (63 - mean.leading_zeros()).min(40)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rice_round_trips() {
        let values = [0u64, 1, 2, 3, 100, 1000, 65_535, 1 << 30, 7, 0, 123_456_789];
        for r in [0u32, 1, 3, 8, 16, 25] {
            let mut w = BitWriter::default();
            for &v in &values {
                w.rice(v, r);
                w.put(v & 3, 2);
            }
            let bytes = w.finish();
            let mut rd = BitReader::new(&bytes);
            for &v in &values {
                assert_eq!(rd.rice(r), Some(v), "r {r}");
                assert_eq!(rd.get(2), Some(v & 3));
            }
        }
        assert_eq!(BitReader::new(&[0xff]).rice(2), None, "no terminating zero");
        assert_eq!(BitReader::new(&[]).get(3), None);
        assert_eq!(rice_param(1000, 10), 6);
        assert_eq!(rice_param(10, 10), 0);
    }
}
