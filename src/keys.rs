//! The key map: which key does what, as a pure function of the key and of
//! where the reader is (the app's one keydown handler carries it out).
//!
//! `/` search · ↑/↓ through the results · Enter opens (a link's own) · Esc
//! leaves the search box, then the reader · `n`/`N` next/previous hit.

/// What a key press asks for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Key {
    /// Focus the search box.
    Search,
    /// Leave the search box, keeping what is typed (a search input's own
    /// Esc would empty it).
    LeaveSearch,
    /// Close the reader.
    Close,
    /// Next (`1`) or previous (`-1`) hit of the open article.
    Step(isize),
    /// Focus the next (`true`) or previous result.
    Move(bool),
}

/// Where the key was pressed.
#[derive(Clone, Copy, Default, Debug)]
pub struct At {
    /// Ctrl, Meta or Alt held: the browser's or the system's shortcut.
    pub modifier: bool,
    /// Focus in a text field or a select.
    pub in_input: bool,
    /// Focus in the search box.
    pub in_search: bool,
    /// An article is open in the reader.
    pub reading: bool,
    /// Hits of the open article.
    pub hits: usize,
}

/// The action of `key` (a `KeyboardEvent.key`) pressed at `at`.
pub fn key(key: &str, at: At) -> Option<Key> {
    if at.modifier {
        return None;
    }
    Some(match key {
        "/" if !at.in_input => Key::Search,
        "Escape" if at.in_search => Key::LeaveSearch,
        "Escape" if at.reading => Key::Close,
        "n" if !at.in_input && at.reading && at.hits > 0 => Key::Step(1),
        "N" if !at.in_input && at.reading && at.hits > 0 => Key::Step(-1),
        "ArrowDown" if !at.reading => Key::Move(true),
        "ArrowUp" if !at.reading => Key::Move(false),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_map() {
        let list = At::default();
        let search = At { in_input: true, in_search: true, ..At::default() };
        let reader = At { reading: true, hits: 3, ..At::default() };
        assert_eq!(key("/", list), Some(Key::Search));
        assert_eq!(key("/", search), None, "a slash typed into the box is text");
        assert_eq!(key("/", At { modifier: true, ..list }), None);
        // Esc: first out of the box (keeping the query), then out of the reader.
        assert_eq!(key("Escape", search), Some(Key::LeaveSearch));
        assert_eq!(key("Escape", At { reading: true, ..search }), Some(Key::LeaveSearch));
        assert_eq!(key("Escape", reader), Some(Key::Close));
        assert_eq!(key("Escape", list), None);
        assert_eq!(key("n", reader), Some(Key::Step(1)));
        assert_eq!(key("N", reader), Some(Key::Step(-1)));
        assert_eq!(key("n", At { hits: 0, ..reader }), None);
        assert_eq!(key("n", At { in_input: true, ..reader }), None);
        assert_eq!(key("n", list), None);
        assert_eq!(key("ArrowDown", search), Some(Key::Move(true)));
        assert_eq!(key("ArrowUp", list), Some(Key::Move(false)));
        assert_eq!(key("ArrowDown", reader), None);
        assert_eq!(key("Enter", list), None);
    }
}
