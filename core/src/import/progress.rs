//! How far an import has got, for the window's and the command line's progress bars. A large
//! file takes seconds to check and to save, in two stages of one line or one record at a time;
//! this module says which stage and how far, and tells of it sparingly. It decides nothing
//! about what is imported.

use serde::Serialize;

/// A stage of an import that goes through the file one line or record at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Each line of the file read against the register (`plan`).
    Checking,
    /// Each new or changed staff member written (`Store::import_staff_with_progress`).
    Saving,
}

impl Stage {
    /// What the stage does, as a progress bar names it.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Checking => "lines checked",
            Stage::Saving => "staff saved",
        }
    }
}

/// `done` of the stage's `total` lines (checking) or staff members (saving).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub stage: Stage,
    pub done: usize,
    pub total: usize,
}

/// How many times at most a stage is told of between its start and its end. Each word to the
/// window is an event it draws, so 10,000 lines are told of a hundred times, not 10,000.
const STEPS: usize = 100;

/// Tells `told` of one stage: at its start, each hundredth of the way, and at its end.
pub(crate) struct Ticker<'a> {
    told: &'a mut dyn FnMut(Progress),
    stage: Stage,
    total: usize,
    every: usize,
}

impl<'a> Ticker<'a> {
    /// Starts a stage of `total` steps, telling of it at 0.
    pub(crate) fn start(stage: Stage, total: usize, told: &'a mut dyn FnMut(Progress)) -> Self {
        told(Progress {
            stage,
            done: 0,
            total,
        });
        Ticker {
            told,
            stage,
            total,
            every: total.div_ceil(STEPS).max(1),
        }
    }

    /// Step `done` (from 1 to `total`) is finished.
    pub(crate) fn reached(&mut self, done: usize) {
        if done == self.total || done.is_multiple_of(self.every) {
            (self.told)(Progress {
                stage: self.stage,
                done,
                total: self.total,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn told_of(total: usize) -> Vec<usize> {
        let mut seen = Vec::new();
        let mut told = |p: Progress| seen.push(p.done);
        let mut ticker = Ticker::start(Stage::Checking, total, &mut told);
        for done in 1..=total {
            ticker.reached(done);
        }
        seen
    }

    #[test]
    fn a_stage_is_told_of_at_its_start_each_hundredth_and_its_end() {
        let seen = told_of(10_000);
        assert_eq!(seen.len(), 101);
        assert_eq!(seen[..3], [0, 100, 200]);
        assert_eq!(seen.last(), Some(&10_000));
        assert!(seen.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_short_stage_is_told_of_every_step_and_an_uneven_one_ends_on_its_total() {
        assert_eq!(told_of(3), [0, 1, 2, 3]);
        assert_eq!(told_of(0), [0]);
        let seen = told_of(250);
        assert_eq!(seen[..3], [0, 3, 6]);
        assert_eq!(seen.last(), Some(&250));
    }
}
