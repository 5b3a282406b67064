//! A queue of dialogue steps that a timer releases one at a time.
//!
//! Learners follow a conversation better when it unfolds line by line than when a whole
//! reply lands at once. The queue is plain data, so its rules are tested natively and the
//! component only decides *when* to call [`Playback::step`].

use std::collections::VecDeque;

/// How many shown lines a dialogue keeps: a tab left open all afternoon must not grow
/// without bound. The page draws only the newest of them (see `terminal::dialogue`); the
/// rest stay for the transcript and for "Show earlier lines".
pub const KEPT: usize = 2_000;

/// What a step weighs against the limit of lines kept, and how many lines it stands for.
pub trait Weigh {
    /// Its weight against the limit (one line, or more for a step that holds many).
    fn weight(&self) -> usize {
        1
    }

    /// How many dialogue lines it stands for, to count what was let go.
    fn lines(&self) -> usize {
        1
    }
}

/// Steps already shown, and steps still waiting for their turn.
#[derive(Debug, Clone, PartialEq)]
pub struct Playback<T> {
    shown: Vec<T>,
    pending: VecDeque<T>,
    /// How much the shown steps may weigh; the oldest go first.
    limit: usize,
    /// What the shown steps weigh.
    weight: usize,
    /// How many shown lines were let go since the last clear, for the page to say so.
    dropped: usize,
}

impl<T: Weigh> Default for Playback<T> {
    fn default() -> Self {
        Playback::with_limit(KEPT)
    }
}

impl<T: Weigh> Playback<T> {
    pub fn with_limit(limit: usize) -> Playback<T> {
        Playback {
            shown: Vec::new(),
            pending: VecDeque::new(),
            limit: limit.max(1),
            weight: 0,
            dropped: 0,
        }
    }

    /// Lets the oldest shown steps go once they weigh a tenth more than the limit, so
    /// trimming costs one move of the kept steps per tenth, not per step. The newest step
    /// always stays, however much it weighs.
    fn trim(&mut self) {
        if self.weight <= self.limit + self.limit / 10 {
            return;
        }
        let mut extra = 0;
        while self.weight > self.limit && extra + 1 < self.shown.len() {
            self.weight -= self.shown[extra].weight();
            self.dropped += self.shown[extra].lines();
            extra += 1;
        }
        self.shown.drain(..extra);
    }

    fn show(&mut self, step: T) {
        self.weight += step.weight();
        self.shown.push(step);
    }

    /// How many of the oldest shown steps are no longer kept.
    pub fn dropped(&self) -> usize {
        self.dropped
    }

    /// Queues a step behind everything already waiting.
    pub fn enqueue(&mut self, step: T) {
        self.pending.push_back(step);
    }

    /// Shows the oldest waiting step. Returns false when there was nothing to show.
    pub fn step(&mut self) -> bool {
        match self.pending.pop_front() {
            Some(step) => {
                self.show(step);
                self.trim();
                true
            }
            None => false,
        }
    }

    /// Shows the oldest waiting step and the waiting steps that continue it: the lines of
    /// a message's content go with the line that announced them, so a downloaded message
    /// does not take a beat per line.
    pub fn step_with(&mut self, continues: impl Fn(&T) -> bool) -> bool {
        if !self.step() {
            return false;
        }
        while self.pending.front().is_some_and(&continues) {
            self.step();
        }
        true
    }

    /// Takes back the newest shown step, and the ones before it that it continues: they
    /// wait again, first in line.
    pub fn step_back_with(&mut self, continues: impl Fn(&T) -> bool) -> bool {
        let mut took = false;
        while let Some(step) = self.shown.pop() {
            took = true;
            self.weight -= step.weight();
            let more = continues(&step);
            self.pending.push_front(step);
            if !more {
                break;
            }
        }
        took
    }

    /// The newest step, waiting or shown.
    pub fn last_mut(&mut self) -> Option<&mut T> {
        match self.pending.back_mut() {
            Some(step) => Some(step),
            None => self.shown.last_mut(),
        }
    }

    /// The oldest waiting step.
    pub fn next_pending(&self) -> Option<&T> {
        self.pending.front()
    }

    /// Shows every waiting step at once, in order.
    pub fn skip_to_end(&mut self) {
        while let Some(step) = self.pending.pop_front() {
            self.show(step);
        }
        self.trim();
    }

    /// Forgets every step, shown or waiting: a clean page for what comes next.
    pub fn clear(&mut self) {
        self.shown.clear();
        self.pending.clear();
        self.weight = 0;
        self.dropped = 0;
    }

    pub fn shown(&self) -> &[T] {
        &self.shown
    }

    pub fn pending(&self) -> impl Iterator<Item = &T> {
        self.pending.iter()
    }

    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Weigh for i32 {}
    impl Weigh for &str {}

    /// A step that stands for `.0` lines and weighs at most 5.
    #[derive(Debug, Clone, Copy, PartialEq)]
    struct Many(usize);

    impl Weigh for Many {
        fn weight(&self) -> usize {
            self.0.min(5)
        }
        fn lines(&self) -> usize {
            self.0
        }
    }

    #[test]
    fn a_step_that_holds_many_lines_weighs_more_and_the_newest_always_stays() {
        let mut p = Playback::with_limit(10);
        for n in [1, 1, 1000, 1, 1] {
            p.enqueue(Many(n));
        }
        p.skip_to_end();
        assert_eq!(p.shown(), [Many(1), Many(1), Many(1000), Many(1), Many(1)]);
        p.enqueue(Many(3000));
        p.step();
        assert_eq!(p.shown(), [Many(1), Many(1), Many(3000)]);
        assert_eq!(p.dropped(), 1002);
        p.enqueue(Many(9000));
        p.step();
        assert_eq!(p.shown(), [Many(3000), Many(9000)]);
        assert_eq!(p.dropped(), 1004);
    }

    #[test]
    fn a_long_dialogue_keeps_its_newest_steps_and_counts_the_others() {
        let mut p = Playback::with_limit(100);
        for i in 0..1_000 {
            p.enqueue(i);
            p.step();
        }
        assert!(p.shown().len() <= 110, "kept {}", p.shown().len());
        assert_eq!(p.shown().last(), Some(&999));
        assert_eq!(p.dropped() + p.shown().len(), 1_000);
        (0..500).for_each(|i| p.enqueue(i));
        p.skip_to_end();
        assert!(p.shown().len() <= 110);
        p.clear();
        assert_eq!((p.dropped(), p.shown().len()), (0, 0));
    }

    #[test]
    fn steps_come_out_one_at_a_time_in_order() {
        let mut p = Playback::default();
        p.enqueue("EHLO");
        p.enqueue("MAIL FROM:<alice@example.test>");
        assert!(
            p.shown().is_empty(),
            "nothing is shown before the timer fires"
        );
        assert!(p.step());
        assert_eq!(p.shown(), ["EHLO"]);
        assert!(p.has_pending());
        assert!(p.step());
        assert_eq!(p.shown(), ["EHLO", "MAIL FROM:<alice@example.test>"]);
        assert!(!p.has_pending());
        assert!(
            !p.step(),
            "an empty queue reports that it had nothing to show"
        );
    }

    #[test]
    fn a_step_queued_while_playing_waits_behind_the_others() {
        let mut p = Playback::default();
        p.enqueue(1);
        p.enqueue(2);
        p.step();
        p.enqueue(3);
        assert_eq!(p.pending().copied().collect::<Vec<_>>(), [2, 3]);
    }

    #[test]
    fn stepping_back_puts_the_step_first_in_line_again() {
        let mut p = Playback::default();
        p.enqueue(1);
        p.enqueue(2);
        p.step();
        p.step();
        let single = |_: &i32| false;
        assert!(p.step_back_with(single));
        assert_eq!(p.shown(), [1]);
        assert_eq!(p.pending().copied().collect::<Vec<_>>(), [2]);
        p.step_back_with(single);
        assert!(!p.step_back_with(single), "nothing left to take back");
        assert_eq!(p.next_pending(), Some(&1));
        *p.last_mut().expect("a step") = 20;
        assert_eq!(p.pending().copied().collect::<Vec<_>>(), [1, 20]);
    }

    #[test]
    fn content_lines_come_and_go_with_the_line_that_announced_them() {
        // Negative numbers stand for lines of message content.
        let content = |n: &i32| *n < 0;
        let mut p = Playback::default();
        for n in [1, 2, -1, -2, -3, 3] {
            p.enqueue(n);
        }
        p.step_with(content);
        assert_eq!(p.shown(), [1]);
        p.step_with(content);
        assert_eq!(p.shown(), [1, 2, -1, -2, -3]);
        p.step_with(content);
        assert!(p.step_back_with(content));
        assert_eq!(p.shown(), [1, 2, -1, -2, -3]);
        assert!(p.step_back_with(content));
        assert_eq!(p.shown(), [1], "the content goes back with its line");
    }

    #[test]
    fn skip_to_end_shows_everything_in_order() {
        let mut p = Playback::default();
        for n in 0..5 {
            p.enqueue(n);
        }
        p.step();
        p.skip_to_end();
        assert_eq!(p.shown(), [0, 1, 2, 3, 4]);
        assert!(!p.has_pending());
    }
}
