//! Tests of the protocol feature's `alerts` part.
