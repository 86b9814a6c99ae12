//! Tests of the operations feature's `status` part.
