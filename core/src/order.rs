//! Stable sorting with one copy of the sort algorithm for the whole program.
//!
//! The standard library's sort is generic over the element and the comparison, so every
//! `sort_by` on another type or with another closure links its own copy of driftsort, and the
//! site sorts many ways per bundle (README "Performance").
//! Here the algorithm runs once, on positions, with the comparison behind a `dyn` call; each call
//! site only adds the small loop that moves its elements into place. Same result as
//! [`slice::sort_by`]: stable, O(n log n) comparisons, plus O(n) moves and one `Vec<usize>`.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal elements in their order (like [`slice::sort_by`]).
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let mut order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    // `order[k]` is the position whose element belongs at `k`: follow each cycle of the
    // permutation once, marking a position done by pointing it at itself.
    for start in 0..order.len() {
        let mut k = start;
        loop {
            let from = order[k];
            order[k] = k;
            if from == start {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
}

/// Sorts `items` by the key `key` gives, keeping equal keys in their order (like
/// [`slice::sort_by_key`]).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..len` in the order `compare` puts them: the one monomorphic sort.
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    // The one call of the standard sort the program links (clippy.toml disallows the others).
    #[allow(clippy::disallowed_methods)]
    positions.sort_by(|&a, &b| compare(a, b));
    positions
}

#[cfg(test)]
mod tests {
    use super::{sort_by, sort_by_key};
    use crate::rng::SplitMix64;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_equal_elements_in_order() {
        let mut rng = SplitMix64::new(7);
        for len in [0usize, 1, 2, 3, 5, 17, 64, 1000] {
            for _ in 0..20 {
                // Few distinct keys, so that stability is tested; the second field is the
                // original position.
                let items: Vec<(u64, usize)> = (0..len).map(|i| (rng.next_u64() % 7, i)).collect();
                let mut ours = items.clone();
                sort_by_key(&mut ours, |p| p.0);
                let mut std = items;
                #[allow(clippy::disallowed_methods)]
                std.sort_by_key(|p| p.0);
                assert_eq!(ours, std, "len {len}");
            }
        }
    }

    #[test]
    fn reverses_and_rotates() {
        let mut v: Vec<u32> = (0..100).rev().collect();
        sort_by(&mut v, Ord::cmp);
        assert_eq!(v, (0..100).collect::<Vec<_>>());
        let mut r: Vec<u32> = (50..100).chain(0..50).collect();
        sort_by(&mut r, |a, b| b.cmp(a));
        assert_eq!(r, (0..100).rev().collect::<Vec<_>>());
    }
}
