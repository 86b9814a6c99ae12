//! A poll strategy that wakes the worker every period.
//!
//! apalis' own interval strategy re-arms its timer without polling it, so when the fetch that
//! follows completes in the same poll the wake-up is lost and the worker sleeps until the 30 s
//! heartbeat. This one always ends on `Pending` with the timer's waker registered.

use std::task::{Context, Poll};
use std::time::Duration;

use apalis::prelude::{PollSnapshot, PollStrategy};

/// Polls the jobs table every `period`.
pub struct PollEvery {
    period: Duration,
    timer: Option<tokio::time::Interval>,
}

impl PollEvery {
    /// A strategy with the given period.
    pub fn new(period: Duration) -> Self {
        PollEvery {
            period,
            timer: None,
        }
    }
}

impl PollStrategy for PollEvery {
    fn poll_drive(&mut self, cx: &mut Context<'_>, _: &PollSnapshot) -> Poll<Option<()>> {
        let period = self.period;
        let timer = self.timer.get_or_insert_with(|| {
            let mut t = tokio::time::interval(period);
            t.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            t
        });
        let mut fired = false;
        while timer.poll_tick(cx).is_ready() {
            fired = true;
        }
        if fired {
            Poll::Ready(Some(()))
        } else {
            Poll::Pending
        }
    }
}
