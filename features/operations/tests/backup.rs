//! Tests of the operations feature's `backup` part.
