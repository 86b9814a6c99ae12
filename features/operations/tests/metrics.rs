//! Tests of the operations feature's `metrics` part.
