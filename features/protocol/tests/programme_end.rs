//! Tests of the protocol feature's `programme_end` part.
