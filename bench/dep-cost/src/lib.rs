//! Folds one char the way the engine does, with only the selected features.
#![allow(unused_mut)]

#[no_mangle]
pub extern "C" fn fold(c: u32, out: *mut u32) -> u32 {
    let Some(c) = char::from_u32(c) else { return 0 };
    let mut s = String::new();
    #[cfg(feature = "nfkc")]
    {
        use unicode_normalization::UnicodeNormalization;
        s.extend(std::iter::once(c).nfkc());
    }
    #[cfg(not(feature = "nfkc"))]
    s.push(c);
    #[cfg(feature = "lower")]
    {
        s = s.chars().flat_map(char::to_lowercase).collect();
    }
    #[cfg(feature = "t2s")]
    {
        s = fast2s::convert(&s);
    }
    let mut n = 0;
    for ch in s.chars() {
        // SAFETY: the caller passes room for 18 chars (the longest NFKC expansion).
        unsafe { *out.add(n) = ch as u32 };
        n += 1;
    }
    n as u32
}
