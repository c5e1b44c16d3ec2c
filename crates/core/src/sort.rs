//! Sorting through one small sort.
//!
//! Every `sort_by` with its own closure or element type is a new copy of the
//! standard library's sort in the wasm, 2–5 KB each: sixteen call sites made
//! 54 KB of code. These helpers sort a list of `u32` indices with a `dyn`
//! comparator instead (one merge sort), so the whole app carries
//! one copy, and then move the elements into that order. Stable: equal
//! elements keep their order.
//!
//! Use them for every sort that can run in the browser; build-time code
//! (ingest, analysis) may use the standard methods.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = {
        let items: &[T] = v;
        order(items.len(), &|a, b| cmp(&items[a], &items[b]))
    };
    apply(v, &order);
}

/// Sorts `v` by a key, stably.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order.
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// Sorts `v` and removes repeated elements.
pub fn sort_dedup<T: Ord>(v: &mut Vec<T>) {
    sort(v);
    v.dedup();
}

/// The indices `0..n` in the order `cmp` gives them, ties by index.
///
/// A bottom-up merge sort, stable by construction (of two equal elements the
/// left one is taken first): a few hundred bytes of wasm, where the standard
/// unstable sort and its helpers were 3.5 KB.
#[inline(never)]
fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let mut a: Vec<u32> = (0..n as u32).collect();
    let mut b = a.clone();
    let mut width = 1;
    while width < n {
        let mut i = 0;
        while i < n {
            let mid = (i + width).min(n);
            let end = (i + 2 * width).min(n);
            let (mut l, mut r) = (i, mid);
            for slot in &mut b[i..end] {
                let left = l < mid && (r >= end || cmp(a[l] as usize, a[r] as usize) != Ordering::Greater);
                if left {
                    *slot = a[l];
                    l += 1;
                } else {
                    *slot = a[r];
                    r += 1;
                }
            }
            i = end;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// Rearranges `v` so that `v[k]` becomes the old `v[order[k]]`.
pub fn apply<T>(v: &mut Vec<T>, order: &[u32]) {
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.iter().filter_map(|&i| slots.get_mut(i as usize).and_then(Option::take)));
}

/// Sorts pairs by their `u64` key, stably: least significant byte first,
/// skipping the bytes every key shares. Linear in the length: for the long
/// lists (the index build at load, the result order), where [`sort`] and its
/// `dyn` comparator are slow.
pub fn radix_sort(v: &mut Vec<(u64, u32)>) {
    let mut tmp = vec![(0u64, 0u32); v.len()];
    for shift in (0..64).step_by(8) {
        let mut count = [0usize; 256];
        for &(k, _) in v.iter() {
            count[(k >> shift) as usize & 0xFF] += 1;
        }
        if count.contains(&v.len()) {
            continue;
        }
        let mut at = 0;
        for c in count.iter_mut() {
            let n = *c;
            *c = at;
            at += n;
        }
        for &x in v.iter() {
            let b = (x.0 >> shift) as usize & 0xFF;
            tmp[count[b]] = x;
            count[b] += 1;
        }
        std::mem::swap(v, &mut tmp);
    }
}

/// Sorts a short list of positions (insertion sort; heap sort when long),
/// without another copy of the standard sort in the wasm.
pub fn sort_u32(v: &mut [u32]) {
    if v.len() <= 32 {
        for i in 1..v.len() {
            let x = v[i];
            let mut j = i;
            while j > 0 && v[j - 1] > x {
                v[j] = v[j - 1];
                j -= 1;
            }
            v[j] = x;
        }
        return;
    }
    fn sift(v: &mut [u32], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && v[child] < v[child + 1] {
                child += 1;
            }
            if v[root] >= v[child] {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    }
    for i in (0..v.len() / 2).rev() {
        sift(v, i, v.len());
    }
    for end in (1..v.len()).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn equals_the_standard_stable_sort(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std = v.clone();
            std.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn sort_dedup_equals_the_standard(v in proptest::collection::vec(any::<u8>(), 0..200)) {
            let mut ours = v.clone();
            sort_dedup(&mut ours);
            let mut std = v;
            std.sort_unstable();
            std.dedup();
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn sorts_owned_values_without_losing_any() {
        let mut v: Vec<String> = ["b", "a", "c", "a"].iter().map(|s| s.to_string()).collect();
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, ["c", "b", "a", "a"]);
    }

    #[test]
    fn radix_sort_equals_the_standard_stable_sort_by_key() {
        let mut v: Vec<(u64, u32)> =
            (0..3000u64).map(|i| ((i.wrapping_mul(0x9E37_79B9_7F4A_7C15) % 977) << (i % 40), i as u32)).collect();
        let mut sorted = v.clone();
        sorted.sort_by_key(|p| p.0);
        radix_sort(&mut v);
        assert_eq!(v, sorted);
    }

    #[test]
    fn short_and_long_lists_sort() {
        let mut x = 12345u32;
        for n in [0usize, 1, 2, 5, 32, 33, 100, 1000] {
            let mut v: Vec<u32> = (0..n)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 17;
                    x ^= x << 5;
                    x % 500
                })
                .collect();
            let mut want = v.clone();
            want.sort_unstable();
            sort_u32(&mut v);
            assert_eq!(v, want, "{n}");
        }
    }
}
