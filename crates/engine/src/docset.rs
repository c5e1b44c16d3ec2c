//! Sorted sets and runs: union and intersection of sorted doc lists, the
//! galloping lookup, and the k-way merge of sorted runs. Everything here is
//! on sorted `u32` doc ids or `u64` keys; nothing knows about text.

use std::cmp::Ordering;

/// The union of two sorted lists without repeats.
pub fn union(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// The intersection of two sorted lists without repeats.
pub fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Like `list.binary_search(&x)`, starting from `from`, where the last
/// lookup ended: when lookups come mostly in increasing order, galloping on
/// from there (steps 1, 2, 4 …, then a binary search in the last step)
/// costs the log of the distance instead of the log of the list.
pub fn gallop(list: &[u32], from: usize, x: u32) -> Result<usize, usize> {
    let c = from.min(list.len());
    if c > 0 && list[c - 1] >= x {
        return list.binary_search(&x);
    }
    // Everything before `lo` is before x.
    let mut lo = c;
    let mut step = 1;
    while lo + step - 1 < list.len() && list[lo + step - 1] < x {
        lo += step;
        step *= 2;
    }
    let hi = (lo + step).min(list.len());
    match list[lo..hi].binary_search(&x) {
        Ok(i) => Ok(lo + i),
        Err(i) => Err(lo + i),
    }
}

/// Gives the items of `all` ordered by key, ties by their place in `all`
/// (what a stable sort gives), where `all` is made of runs
/// (`all[runs[i]..runs[i + 1]]`) that are each sorted already: merged run
/// against run. `head` is scratch space. A run out of order falls back to a
/// stable sort of everything.
pub fn merge_runs<T: Copy>(all: &[(u64, T)], runs: &[usize], head: &mut Vec<usize>, emit: &mut dyn FnMut(u64, T)) {
    let ordered = runs.windows(2).all(|r| all[r[0]..r[1]].windows(2).all(|w| w[0].0 <= w[1].0));
    if !ordered {
        let mut sorted = all.to_vec();
        xunyue_core::sort::sort_by(&mut sorted, |a, b| a.0.cmp(&b.0));
        sorted.iter().for_each(|&(k, t)| emit(k, t));
        return;
    }
    head.clear();
    head.extend_from_slice(&runs[..runs.len().saturating_sub(1)]);
    loop {
        let mut next = usize::MAX;
        let mut key = 0u64;
        for (r, &h) in head.iter().enumerate() {
            if let Some(&(k, _)) = all.get(h).filter(|_| h < runs[r + 1]) {
                if next == usize::MAX || k < key {
                    next = r;
                    key = k;
                }
            }
        }
        let Some(h) = head.get_mut(next) else { break };
        let (k, t) = all[*h];
        emit(k, t);
        *h += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn union_and_intersection() {
        assert_eq!(union(&[1, 3, 5], &[2, 3, 6]), [1, 2, 3, 5, 6]);
        assert_eq!(intersect(&[1, 3, 5, 7], &[3, 4, 7]), [3, 7]);
        assert_eq!(union(&[], &[4]), [4]);
        assert!(intersect(&[1], &[]).is_empty());
    }

    #[test]
    fn lookups_in_any_order_equal_a_binary_search() {
        let list: Vec<u32> = (0..200).map(|d| d * 3 + 1).collect();
        let mut x = 99u32;
        let mut asks: Vec<u32> = (0..700).collect();
        asks.extend((0..700).rev());
        asks.extend((0..700).map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x % 700
        }));
        let mut from = 0;
        for doc in asks {
            let r = gallop(&list, from, doc);
            assert_eq!(r, list.binary_search(&doc), "{doc}");
            from = match r {
                Ok(i) | Err(i) => i,
            };
        }
    }

    #[test]
    fn merged_runs_equal_a_stable_sort() {
        let merged = |all: &[(u64, u16)], runs: &[usize]| {
            let mut out = Vec::new();
            merge_runs(all, runs, &mut Vec::new(), &mut |k, t| out.push((k, t)));
            out
        };
        let all = vec![(0, 0), (5, 0), (9, 0), (0, 1), (5, 1), (8, 1), (5, 2)];
        let mut want = all.clone();
        want.sort_by_key(|x| x.0);
        assert_eq!(merged(&all, &[0, 3, 6, 7]), want);
        // A run out of order falls back to the sort.
        let odd = vec![(3, 0), (1, 0), (0, 1)];
        let mut want = odd.clone();
        want.sort_by_key(|x| x.0);
        assert_eq!(merged(&odd, &[0, 2, 3]), want);
    }
}
