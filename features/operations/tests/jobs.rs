//! Tests of the operations feature's `jobs` part.
