//! Tests of the protocol feature's `retention` part.
