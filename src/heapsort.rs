//! An in-place heapsort for the few sorts a policy load does (an object's keys for the canonical
//! text, a calendar's holidays). The standard library's `sort_unstable` is faster on large inputs,
//! but each of its instantiations puts 3-8 KB of code into the WebAssembly module, which every
//! browser downloads and every cold start compiles; these sorts see at most a few thousand items,
//! once per load. Heapsort keeps O(n log n) for every input, so no document can make a load slow.

/// Sorts `items` in ascending order. Not stable: equal items may be reordered.
pub(crate) fn sort<T: Ord>(items: &mut [T]) {
    // Build a max-heap, then repeatedly move its top to the end of the shrinking heap.
    for start in (0..items.len() / 2).rev() {
        sift_down(items, start);
    }
    for end in (1..items.len()).rev() {
        items.swap(0, end);
        sift_down(&mut items[..end], 0);
    }
}

/// Restores the heap order below `node`, whose children are already heaps.
fn sift_down<T: Ord>(heap: &mut [T], mut node: usize) {
    loop {
        let left = 2 * node + 1;
        let Some(left_item) = heap.get(left) else {
            return;
        };
        let child = match heap.get(left + 1) {
            Some(right_item) if right_item > left_item => left + 1,
            _ => left,
        };
        if heap[node] >= heap[child] {
            return;
        }
        heap.swap(node, child);
        node = child;
    }
}

#[cfg(test)]
mod tests {
    use super::sort;
    use proptest::prelude::*;

    #[test]
    fn sorts_the_small_cases() {
        for mut case in [vec![], vec![1], vec![2, 1], vec![3, 1, 2], vec![1, 1, 0, 1]] {
            let mut expected = case.clone();
            expected.sort();
            sort(&mut case);
            assert_eq!(case, expected);
        }
    }

    proptest! {
        #[test]
        fn sorts_as_the_standard_library_does(mut items in prop::collection::vec(0u16..64, 0..300)) {
            let mut expected = items.clone();
            expected.sort();
            sort(&mut items);
            prop_assert_eq!(items, expected);
        }

        #[test]
        fn sorts_strings(mut items in prop::collection::vec("[a-c]{0,3}", 0..50)) {
            let mut expected = items.clone();
            expected.sort();
            sort(&mut items);
            prop_assert_eq!(items, expected);
        }
    }
}
