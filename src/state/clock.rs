//! The page's clock. In the browser it is the system's. Natively (the state's own tests)
//! there is no JavaScript to ask: the clock stands at a fixed time that tests move on, so
//! they are repeatable.

use facteur_protocols::Timestamp;

#[cfg(target_arch = "wasm32")]
pub fn now() -> Timestamp {
    crate::browser::now()
}

/// The time of day, as the header of a connection shows it (`17:14`), in the learner's
/// own time zone.
#[cfg(target_arch = "wasm32")]
pub fn time_of_day() -> String {
    let d = js_sys::Date::new_0();
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

/// Today's date in the learner's time zone (`2026-12-05`), as a saved file names its day.
#[cfg(target_arch = "wasm32")]
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    /// 2026-09-01 08:30 UTC, a school morning.
    static NOW: std::cell::Cell<i64> = const { std::cell::Cell::new(1_788_251_400) };
}

#[cfg(not(target_arch = "wasm32"))]
pub fn now() -> Timestamp {
    Timestamp(NOW.with(std::cell::Cell::get))
}

#[cfg(not(target_arch = "wasm32"))]
pub fn today() -> String {
    let c = now().civil();
    format!("{:04}-{:02}-{:02}", c.year, c.month, c.day)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn time_of_day() -> String {
    let seconds = now().0.rem_euclid(86_400);
    format!("{:02}:{:02}", seconds / 3600, seconds % 3600 / 60)
}

/// Moves the native clock on, as time passing in the browser would.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub fn advance(seconds: i64) {
    NOW.with(|t| t.set(t.get() + seconds));
}
