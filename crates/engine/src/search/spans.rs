//! Hit spans: the occurrences of a hit's lists, mapped from folded positions
//! to text positions, merged in text order, overlaps dropped.

use super::doc::Doc;
use crate::docset::merge_runs;
use crate::rank;

/// Buffers reused from one article to the next.
#[derive(Default)]
pub(crate) struct Scratch {
    pub rank: rank::Scratch,
    all: Vec<(u64, u16)>,
    runs: Vec<usize>,
    head: Vec<usize>,
}

/// A span as one number that orders by start, then longer first.
fn span_key(s: u32, e: u32) -> u64 {
    ((s as u64) << 32) | !e as u64
}

/// The occurrences of one needle in one article, for its spans: the term
/// id they get, the needle's length, its folded start positions (sorted, not
/// overlapping).
pub(crate) struct SpanList<'a> {
    pub id: u16,
    pub len: u32,
    pub starts: &'a [u32],
}

/// Spans in the article text, sorted and not overlapping, with their ids.
pub(crate) fn spans(d: &Doc, lists: &[SpanList], sc: &mut Scratch) -> (Vec<(u32, u32)>, Vec<u16>) {
    {
        let total = lists.iter().map(|l| l.starts.len()).sum();
        let mut spans = Vec::with_capacity(total);
        let mut ids = Vec::with_capacity(total);
        let mut end = 0u32;
        // In order of start, longer first, ties in list order (a stable
        // sort); a span overlapping a kept one goes.
        let mut keep = |(s, e, id): (u32, u32, u16)| {
            if s < end || s >= e {
                return;
            }
            spans.push((s, e));
            ids.push(id);
            end = e;
        };
        if let [l] = lists {
            for &p in l.starts {
                let (s, e) = d.span(p, l.len);
                keep((s, e, l.id));
            }
            return (spans, ids);
        }
        // Each list's spans in turn: runs, each in text order.
        let Scratch { all, runs, head, .. } = sc;
        all.clear();
        runs.clear();
        for l in lists {
            runs.push(all.len());
            all.extend(l.starts.iter().map(|&p| {
                let (s, e) = d.span(p, l.len);
                (span_key(s, e), l.id)
            }));
        }
        runs.push(all.len());
        merge_runs(all, runs, head, &mut |k, id| keep(((k >> 32) as u32, !(k as u32), id)));
        (spans, ids)
    }
}

/// How many spans lists of folded positions make, overlaps dropped as
/// [`spans`] drops them (the count of a hit whose text is not read).
pub(crate) fn count_spans(lists: &[SpanList], sc: &mut Scratch) -> u32 {
    if let [l] = lists {
        return l.starts.len() as u32;
    }
    let Scratch { all, runs, head, .. } = sc;
    all.clear();
    runs.clear();
    for l in lists {
        runs.push(all.len());
        all.extend(l.starts.iter().map(|&p| (span_key(p, p + l.len), l.id)));
    }
    runs.push(all.len());
    let (mut end, mut n) = (0u32, 0u32);
    merge_runs(all, runs, head, &mut |k, _| {
        let (s, e) = ((k >> 32) as u32, !(k as u32));
        if s >= end && s < e {
            n += 1;
            end = e;
        }
    });
    n
}
