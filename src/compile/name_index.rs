//! Declared names (facts, roles, actions, statuses, messages, effects) and their positions.

/// The names of one kind, in declaration order, found by binary search.
///
/// Listed in declaration order so that a suggestion between two equally close names is the
/// first declared, on every load and in every runtime: a hash map lists its keys in an order
/// that differs from one map to the next. A policy declares at most a few thousand names of a
/// kind; a name past position 65,535 is not indexed.
#[derive(Debug, Clone, Default)]
pub(crate) struct NameIndex {
    /// The names, in declaration order.
    names: Vec<String>,
    /// Positions in `names`, sorted by name (and by position where a name is declared twice).
    sorted: Vec<u16>,
}

/// Up to this many names, a lookup walks them in order.
const LINEAR_SCAN_MAX: usize = 16;

impl NameIndex {
    /// The index of `names`, each at its position.
    pub fn new<'a>(names: impl IntoIterator<Item = &'a String>) -> NameIndex {
        NameIndex::of(names.into_iter().cloned().collect())
    }

    /// The index of `names`, which it keeps.
    pub fn of(names: Vec<String>) -> NameIndex {
        let mut by_name: Vec<(&str, u16)> = (names.iter().enumerate())
            .filter_map(|(i, n)| Some((n.as_str(), u16::try_from(i).ok()?)))
            .collect();
        crate::heapsort::sort(&mut by_name);
        let sorted = by_name.into_iter().map(|(_, i)| i).collect();
        NameIndex { names, sorted }
    }

    /// The position of `name`; of the first declared where a name is declared twice.
    pub fn get(&self, name: &str) -> Option<u16> {
        // A few names (a request's facts, roles, actions) are found sooner in declaration order,
        // most of them told apart by their length, than by a binary search comparing texts.
        if self.names.len() <= LINEAR_SCAN_MAX {
            let found = self.names.iter().position(|n| n.as_str() == name)?;
            return u16::try_from(found).ok();
        }
        let name_at = |i: u16| self.names.get(usize::from(i)).map_or("", String::as_str);
        let first = self.sorted.partition_point(|&i| name_at(i) < name);
        self.sorted
            .get(first)
            .copied()
            .filter(|&i| name_at(i) == name)
    }

    /// The names in declaration order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(String::as_str)
    }

    /// The names in declaration order, by position.
    pub fn as_slice(&self) -> &[String] {
        &self.names
    }
}

#[cfg(test)]
mod tests {
    use super::NameIndex;

    #[test]
    fn finds_each_name_at_its_position_and_lists_them_as_declared() {
        let declared: Vec<String> = ["shipped", "open", "paid", "cancelled"]
            .map(String::from)
            .to_vec();
        let index = NameIndex::new(&declared);
        for (i, name) in declared.iter().enumerate() {
            assert_eq!(index.get(name), Some(i as u16));
        }
        assert_eq!(index.get("ope"), None);
        assert_eq!(index.get("zzz"), None);
        assert_eq!(index.get(""), None);
        assert!(index.names().eq(declared.iter().map(String::as_str)));
    }

    #[test]
    fn a_name_declared_twice_is_found_at_its_first_position() {
        let declared: Vec<String> = ["a", "b", "a"].map(String::from).to_vec();
        assert_eq!(NameIndex::new(&declared).get("a"), Some(0));
    }

    #[test]
    fn short_and_long_lists_find_the_same_positions() {
        // Up to 16 names are walked in order, more are searched: both give the first position.
        for count in 1..40 {
            let mut declared: Vec<String> =
                (0..count).map(|i| format!("n{}", (i * 7) % 23)).collect();
            declared.push(String::from("n1"));
            let index = NameIndex::new(&declared);
            for name in &declared {
                let first = declared.iter().position(|d| d == name).map(|i| i as u16);
                assert_eq!(index.get(name), first, "{count} names, {name}");
            }
            for missing in ["", "n", "n100", "m1"] {
                assert_eq!(index.get(missing), None, "{count} names, {missing}");
            }
        }
    }
}
