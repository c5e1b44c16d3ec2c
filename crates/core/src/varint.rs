//! LEB128 varints: 7 bits a byte, low bits first, the high bit set on every
//! byte but the last. The index postings and the packed fold table use them.

/// Appends `v`.
pub fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads a varint at `*at`; `None` at the end of `bytes` or on overflow.
pub fn get(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    let mut shift = 0;
    loop {
        let b = *bytes.get(*at)?;
        *at += 1;
        if shift > 63 {
            return None;
        }
        v |= ((b & 0x7f) as u64) << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
        shift += 7;
    }
}

/// [`get`] for a `u32`; `None` also when the value does not fit.
pub fn get_u32(bytes: &[u8], at: &mut usize) -> Option<u32> {
    get(bytes, at).and_then(|v| u32::try_from(v).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_errors() {
        let values = [0u64, 1, 127, 128, 300, u32::MAX as u64, u32::MAX as u64 + 1, u64::MAX];
        let mut out = Vec::new();
        for &v in &values {
            put(&mut out, v);
        }
        let mut at = 0;
        for &v in &values {
            assert_eq!(get(&out, &mut at), Some(v));
        }
        assert_eq!(at, out.len());
        assert_eq!(get(&out, &mut at), None, "end of input");
        let mut big = Vec::new();
        put(&mut big, u32::MAX as u64 + 1);
        assert_eq!(get_u32(&big, &mut 0), None, "does not fit a u32");
        assert_eq!(get(&[0x80, 0x80], &mut 0), None, "truncated");
        assert_eq!(get(&[0xff; 11], &mut 0), None, "too long");
    }
}
