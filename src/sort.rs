//! One sort for the whole engine.
//!
//! The standard library's sorts are generic over the element type and the comparison: each
//! `sort_by_key` closure and each element type is a copy of driftsort or ipnsort (1–5 KB of
//! code each) in the `.wasm`, and the first module had 43 such functions (docs/benchmarks.md,
//! "A small first module"). Here the elements are ordered through their indices, with the
//! comparison behind a `dyn` reference, so there is one copy of the sort; what stays generic
//! per element type is only the small loop that moves the elements into place.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping the order of elements that compare equal (like
/// [`slice::sort_by`], and with the same result).
pub(crate) fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = sorted_indices(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts `v` by the key `key` of each element, keeping the order of equal keys (like
/// [`slice::sort_by_key`]).
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order (like [`slice::sort`]; for the totally ordered values the
/// engine sorts, also like [`slice::sort_unstable`]).
pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The indices `0..n` ordered by `cmp`, equal ones by index: the one monomorphic sort.
fn sorted_indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
    order
}

/// Moves `v[order[k]]` to position `k` for every `k`, following each cycle of the permutation
/// with swaps; `order` marks the positions already filled.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start || from == at {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pseudo-random values with many repeats, so that stability is exercised.
    fn values(n: usize, seed: u64) -> Vec<(u8, usize)> {
        let mut x = seed | 1;
        (0..n)
            .map(|i| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                ((x % 7) as u8, i)
            })
            .collect()
    }

    #[test]
    fn agrees_with_the_standard_stable_sort() {
        for n in [0, 1, 2, 3, 5, 8, 20, 33, 100, 1000] {
            for seed in 1..6 {
                let v = values(n, seed);
                let mut want = v.clone();
                want.sort_by_key(|e| e.0);
                let mut got = v.clone();
                sort_by_key(&mut got, |e| e.0);
                assert_eq!(got, want, "n={n} seed={seed}");
                let mut want = v.clone();
                let cmp = |a: &(u8, usize), b: &(u8, usize)| {
                    (a.0 % 3).cmp(&(b.0 % 3)).then(b.0.cmp(&a.0))
                };
                want.sort_by(cmp);
                let mut got = v.clone();
                sort_by(&mut got, cmp);
                assert_eq!(got, want, "n={n} seed={seed} comparator");
                let mut want = v.clone();
                want.sort_unstable();
                let mut got = v;
                sort(&mut got);
                assert_eq!(got, want, "n={n} seed={seed} total");
            }
        }
    }
}
