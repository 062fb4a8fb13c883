//! Slot listings kept in memory for a few seconds, under the calendar generation.
//!
//! Computing a listing reads six tables and walks every staff calendar of the range; many patrons ask
//! for the same listing (a session type's next weeks). A cached listing is served only while
//! `calendar_generation` still holds the number it was computed under: database triggers move that
//! number on with every write to a table slots are made of, whichever server process wrote. The
//! number read is trusted for [`GENERATION_TRUSTED_FOR`] unless this process writes meanwhile, so
//! the busy path needs no database at all: this process never serves a listing after its own write,
//! and another process's booking, availability change or closing day shows at most a second later
//! (the booking itself is checked against the database either way). A listing also
//! depends on the clock (minimum notice, booking window), so an entry is used for at most
//! [`FRESH_FOR`]; the booking itself is always checked against the database.

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

use actix_web::web::Bytes;
use diesel::{QueryDsl, QueryResult, RunQueryDsl};

use crate::{db::DbConnection, schema::calendar_generation};

/// How long a listing is served for at most, even with no writes.
pub const FRESH_FOR: Duration = Duration::from_secs(5);

/// At most this many listings are kept; when full, stale ones go, then all.
const CAPACITY: usize = 1024;

/// How long a generation read from the database is trusted without reading it again. This process's
/// own writes forget it at once (see [`SlotCache::forget_generation`]); another process's writes are
/// seen at most this much later.
pub const GENERATION_TRUSTED_FOR: Duration = Duration::from_secs(1);

/// Cached slot listings, keyed by session type and query string.
#[derive(Default)]
pub struct SlotCache {
    entries: Mutex<HashMap<(String, String), Entry>>,
    generation: Mutex<Known>,
}

/// The last generation read, when, and how many times this process has written since it started.
#[derive(Default)]
struct Known {
    value: Option<(i64, Instant)>,
    writes: u64,
}

struct Entry {
    generation: i64,
    made: Instant,
    body: Bytes,
}

/// The current calendar generation.
pub fn generation(conn: &mut DbConnection) -> QueryResult<i64> {
    calendar_generation::table
        .select(calendar_generation::value)
        .first(conn)
}

impl SlotCache {
    /// The generation read within [`GENERATION_TRUSTED_FOR`] with no write by this process since.
    pub fn known_generation(&self) -> Option<i64> {
        let known = self.generation.lock().unwrap_or_else(|e| e.into_inner());
        known
            .value
            .filter(|(_, read)| read.elapsed() < GENERATION_TRUSTED_FOR)
            .map(|(g, _)| g)
    }

    /// A mark to take before reading the generation; pass it to [`Self::note_generation`].
    pub fn writes_so_far(&self) -> u64 {
        self.generation
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .writes
    }

    /// Remembers a generation read from the database, unless this process wrote since `mark` (the
    /// read may then predate the write).
    pub fn note_generation(&self, generation: i64, mark: u64) {
        let mut known = self.generation.lock().unwrap_or_else(|e| e.into_inner());
        // A slower reader must not put back an older number than one noted meanwhile.
        if known.writes == mark && known.value.is_none_or(|(g, _)| g <= generation) {
            known.value = Some((generation, Instant::now()));
        }
    }

    /// Called after every request that may have written: the next listing reads the generation.
    pub fn forget_generation(&self) {
        let mut known = self.generation.lock().unwrap_or_else(|e| e.into_inner());
        known.writes += 1;
        known.value = None;
    }

    /// The listing cached for `key` under `generation`, if still fresh.
    pub fn get(&self, key: &(String, String), generation: i64) -> Option<Bytes> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries
            .get(key)
            .filter(|e| e.generation == generation && e.made.elapsed() < FRESH_FOR)
            .map(|e| e.body.clone())
    }

    /// Keeps a listing computed under `generation` (read before the listing's own queries).
    pub fn put(&self, key: (String, String), generation: i64, body: Bytes) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() >= CAPACITY && !entries.contains_key(&key) {
            entries.retain(|_, e| e.generation == generation && e.made.elapsed() < FRESH_FOR);
            if entries.len() >= CAPACITY {
                entries.clear();
            }
        }
        entries.insert(
            key,
            Entry {
                generation,
                made: Instant::now(),
                body,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(q: &str) -> (String, String) {
        ("service".into(), q.into())
    }

    #[test]
    fn a_listing_is_served_only_under_its_generation() {
        let cache = SlotCache::default();
        cache.put(key("a"), 7, Bytes::from_static(b"[1]"));
        assert_eq!(cache.get(&key("a"), 7), Some(Bytes::from_static(b"[1]")));
        assert_eq!(cache.get(&key("a"), 8), None, "a write happened since");
        assert_eq!(cache.get(&key("b"), 7), None, "another query");
    }

    #[test]
    fn a_write_in_this_process_forgets_the_generation_even_mid_read() {
        let cache = SlotCache::default();
        assert_eq!(cache.known_generation(), None);
        let mark = cache.writes_so_far();
        cache.note_generation(4, mark);
        assert_eq!(cache.known_generation(), Some(4));
        cache.forget_generation();
        assert_eq!(cache.known_generation(), None, "forgotten after a write");
        // A read that began before a write must not be remembered after it.
        let mark = cache.writes_so_far();
        cache.forget_generation();
        cache.note_generation(4, mark);
        assert_eq!(cache.known_generation(), None);
    }

    #[test]
    fn a_full_cache_drops_stale_entries_first() {
        let cache = SlotCache::default();
        for i in 0..CAPACITY {
            cache.put(key(&i.to_string()), 1, Bytes::new());
        }
        cache.put(key("new"), 2, Bytes::from_static(b"x"));
        let entries = cache.entries.lock().unwrap();
        assert_eq!(
            entries.len(),
            1,
            "entries of generation 1 can never be served again"
        );
        assert!(entries.contains_key(&key("new")));
    }
}
