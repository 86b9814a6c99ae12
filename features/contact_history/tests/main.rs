//! Integration tests of the contact history.
