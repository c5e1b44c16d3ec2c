//! Result order: tier down, then score down, then doc up.

use super::matching::Tier;

/// A hit as matching and ranking leave it.
#[derive(Default)]
pub(crate) struct Ranked {
    pub doc: u32,
    pub tier: Tier,
    pub score: f32,
    /// Its hit count (`u32::MAX` until counted with positions).
    pub hits: u32,
    pub missing: Vec<u16>,
    pub matched: u16,
    /// The lists its spans come from: (term id, needle index).
    pub lists: Vec<(u16, u16)>,
}

/// Hits in result order: tier down, then score down, then doc up.
pub(crate) fn in_rank_order(mut hits: Vec<Ranked>) -> Vec<Ranked> {
    if hits.iter().any(|h| h.doc >= 1 << 30) {
        xunyue_core::sort::sort_by(&mut hits, |a, b| {
            b.tier.cmp(&a.tier).then(b.score.total_cmp(&a.score)).then(a.doc.cmp(&b.doc))
        });
        return hits;
    }
    // The same order as one number per hit: 2 bits of tier, 32 of score (its
    // bits mapped to their total order), 30 of doc; sorted by radix.
    let mut keys: Vec<(u64, u32)> = hits
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let bits = h.score.to_bits();
            let up = if bits >> 31 == 1 { !bits } else { bits | 1 << 31 };
            let key = ((3 - h.tier as u64) << 62) | ((!up) as u64) << 30 | h.doc as u64;
            (key, i as u32)
        })
        .collect();
    xunyue_core::sort::radix_sort(&mut keys);
    let order: Vec<u32> = keys.iter().map(|&(_, i)| i).collect();
    xunyue_core::sort::apply(&mut hits, &order);
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rank_order_is_tier_then_score_then_doc() {
        let tiers = [Tier::Partial, Tier::Words, Tier::Terms, Tier::Exact];
        let scores = [1.5f32, -0.0, 0.0, -2.0, 1.5, f32::INFINITY, 7.25, 1e-30, 3.0, 3.0];
        let hits: Vec<Ranked> = scores
            .iter()
            .enumerate()
            .map(|(i, &score)| Ranked { doc: (i * 7919 % 1000) as u32, tier: tiers[i % 4], score, ..Ranked::default() })
            .collect();
        let mut want: Vec<(u32, Tier, f32)> = hits.iter().map(|h| (h.doc, h.tier, h.score)).collect();
        want.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0)));
        let got: Vec<(u32, Tier, f32)> = in_rank_order(hits).iter().map(|h| (h.doc, h.tier, h.score)).collect();
        assert_eq!(got, want);
    }
}
