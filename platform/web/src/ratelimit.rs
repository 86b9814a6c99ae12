use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

use governor::{DefaultKeyedRateLimiter, Quota};

/// Per-client-address limiter for login, reset and self-registration (R-NFR-6). In-memory per
/// instance; the account lockout (stored in the database) is the cross-instance protection.
#[derive(Clone)]
pub struct RateLimiter {
    inner: Arc<DefaultKeyedRateLimiter<(String, IpAddr)>>,
}

impl RateLimiter {
    /// Allows `per_minute` attempts per address and bucket.
    pub fn new(per_minute: u32) -> Self {
        let n = NonZeroU32::new(per_minute.max(1)).unwrap_or(NonZeroU32::MIN);
        RateLimiter {
            inner: Arc::new(governor::RateLimiter::keyed(Quota::per_minute(n))),
        }
    }

    /// Whether one more request in `bucket` is allowed now, whatever the address (the REST
    /// API's limit per token: `token:<id>`).
    pub fn check_key(&self, bucket: &str) -> bool {
        self.check(bucket, IpAddr::from([0, 0, 0, 0]))
    }

    /// Whether one more attempt in `bucket` from `addr` is allowed now.
    pub fn check(&self, bucket: &str, addr: IpAddr) -> bool {
        self.inner.check_key(&(bucket.to_string(), addr)).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_per_address_and_bucket() {
        let l = RateLimiter::new(3);
        let a: IpAddr = [10, 0, 0, 1].into();
        let b: IpAddr = [10, 0, 0, 2].into();
        assert!((0..3).all(|_| l.check("login", a)));
        assert!(!l.check("login", a), "fourth attempt in the minute refused");
        assert!(l.check("login", b), "other address unaffected");
        assert!(l.check("reset", a), "other bucket unaffected");
    }
}
