//! The app's background workers in a test: started on the test's database, stopped at the end.

use std::time::Duration;

use crate::TestApp;

/// The app's job workers (queue and the registered jobs, no cron), running until [`Workers::stop`].
pub struct Workers {
    stop: tokio::sync::watch::Sender<bool>,
    handle: tokio::task::JoinHandle<()>,
}

impl Workers {
    /// Starts the workers of `app`.
    pub fn start(app: &TestApp) -> Self {
        let (stop, rx) = tokio::sync::watch::channel(false);
        let handle = app
            .jobs
            .start(app.services().clone(), app.state.jobs.clone(), vec![], rx);
        Workers { stop, handle }
    }

    /// Stops them and waits (at most 15 s) until running jobs have finished.
    pub async fn stop(self) {
        // A closed channel means the workers are gone already.
        let _ = self.stop.send(true);
        let _ = tokio::time::timeout(Duration::from_secs(15), self.handle).await;
    }
}
