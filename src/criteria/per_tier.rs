//! One value per criterion of every tier, kept in one list.

use std::ops::{Index, IndexMut};

use smallvec::SmallVec;

/// One value per criterion of each tier (a verdict column, a criterion's result), tier after
/// tier in one list: `values[t]` is tier `t`'s, in the set's order of criteria. One list
/// rather than one per tier spares every commune read or scored an allocation per tier; the
/// tier boundaries stay inline for sets of up to four tiers.
#[derive(Debug, Clone, PartialEq)]
pub struct PerTier<T> {
    values: Vec<T>,
    /// Where each tier's values end in `values`.
    ends: SmallVec<[usize; 4]>,
}

impl<T> Default for PerTier<T> {
    fn default() -> PerTier<T> {
        PerTier::with_capacity(0)
    }
}

impl<T> PerTier<T> {
    /// An empty list with room for `values` values in all.
    #[must_use]
    pub fn with_capacity(values: usize) -> PerTier<T> {
        PerTier {
            values: Vec::with_capacity(values),
            ends: SmallVec::new(),
        }
    }

    /// Adds a value to the tier being built, which [`PerTier::end_tier`] ends.
    pub fn push(&mut self, value: T) {
        self.values.push(value);
    }

    /// Ends the tier being built: the values pushed since the last tier ended are its.
    pub fn end_tier(&mut self) {
        self.ends.push(self.values.len());
    }

    /// Adds the next tier's values.
    pub fn push_tier(&mut self, values: impl IntoIterator<Item = T>) {
        self.values.extend(values);
        self.ends.push(self.values.len());
    }

    /// The number of tiers.
    #[must_use]
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are no tiers.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Each tier's values, lowest tier first.
    #[must_use]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &[T]> + DoubleEndedIterator {
        (0..self.len()).map(|t| &self[t])
    }

    /// Each tier's values, to change, lowest tier first.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut [T]> {
        let mut rest: &mut [T] = &mut self.values;
        let mut start = 0;
        self.ends.iter().map(move |&end| {
            let (tier, tail) = std::mem::take(&mut rest).split_at_mut(end - start);
            rest = tail;
            start = end;
            tier
        })
    }

    /// Every tier's values, tier after tier.
    #[must_use]
    pub fn all(&self) -> &[T] {
        &self.values
    }

    fn range(&self, tier: usize) -> std::ops::Range<usize> {
        let start = if tier == 0 { 0 } else { self.ends[tier - 1] };
        start..self.ends[tier]
    }
}

impl<T> Index<usize> for PerTier<T> {
    type Output = [T];

    /// Tier `tier`'s values. Panics when there is no such tier, as a slice does.
    fn index(&self, tier: usize) -> &[T] {
        &self.values[self.range(tier)]
    }
}

impl<T> IndexMut<usize> for PerTier<T> {
    fn index_mut(&mut self, tier: usize) -> &mut [T] {
        let range = self.range(tier);
        &mut self.values[range]
    }
}

impl<'a, T> IntoIterator for &'a mut PerTier<T> {
    type Item = &'a mut [T];
    type IntoIter = Box<dyn Iterator<Item = &'a mut [T]> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter_mut())
    }
}

impl<T> FromIterator<Vec<T>> for PerTier<T> {
    fn from_iter<I: IntoIterator<Item = Vec<T>>>(tiers: I) -> PerTier<T> {
        let mut per_tier = PerTier::default();
        for tier in tiers {
            per_tier.push_tier(tier);
        }
        per_tier
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers_are_cut_from_one_list() {
        let mut t: PerTier<u8> = [vec![1, 2, 3], vec![], vec![4, 5]].into_iter().collect();
        assert_eq!(t.len(), 3);
        assert_eq!(&t[0], &[1, 2, 3]);
        assert!(t[1].is_empty());
        t[2][1] = 9;
        assert_eq!(&t[2], &[4, 9]);
        assert_eq!(t.all(), &[1, 2, 3, 4, 9]);
        let lens: Vec<usize> = t.iter().map(<[u8]>::len).collect();
        assert_eq!(lens, [3, 0, 2]);
        for tier in &mut t {
            for v in tier {
                *v += 1;
            }
        }
        assert_eq!(t.all(), &[2, 3, 4, 5, 10]);
        // more tiers than fit inline
        let many: PerTier<usize> = (0..9).map(|i| vec![i; i]).collect();
        assert_eq!(many.len(), 9);
        assert_eq!(&many[8], &[8; 8]);
        assert!(PerTier::<u8>::with_capacity(4).is_empty());
    }

    #[test]
    fn tiers_pushed_value_by_value_are_the_tiers_collected() {
        let mut pushed = PerTier::with_capacity(0);
        for tier in [vec![1, 2, 3], vec![], vec![4, 5]] {
            for value in tier {
                pushed.push(value);
            }
            pushed.end_tier();
        }
        let collected: PerTier<u8> = [vec![1, 2, 3], vec![], vec![4, 5]].into_iter().collect();
        assert_eq!(pushed, collected);
    }
}
