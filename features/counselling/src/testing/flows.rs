//! Fixtures of the shared flow tests (`hih_testkit::flows`): the staff exchange's new topic.

use hih_testkit::flows::FlowFixture;

/// This feature's flow fixtures.
pub fn fixtures() -> Vec<FlowFixture> {
    super::forum::fixtures()
}
