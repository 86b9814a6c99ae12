//! Tests of the protocol feature's `viewer` part.
