//! The client address behind trusted reverse proxies (R-NFR-6): rate limits and logs key on
//! the person's address, not on the proxy's. `X-Forwarded-For` is believed only when the
//! connection comes from a configured trusted proxy (`security.trusted_proxies`, default
//! none), and only as far back as the chain passes through trusted proxies: a client cannot
//! choose its address by sending the header itself.

use std::net::IpAddr;

use ipnet::IpNet;
use serde::{Deserialize, Deserializer};

/// One trusted reverse proxy: an address (`10.0.0.5`) or a network (`10.0.0.0/8`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrustedProxy(pub IpNet);

impl std::str::FromStr for TrustedProxy {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        s.parse::<IpNet>()
            .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
            .map(TrustedProxy)
            .map_err(|_| format!("not an IP address or network: {s}"))
    }
}

impl<'de> Deserialize<'de> for TrustedProxy {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

fn is_trusted(addr: &IpAddr, trusted: &[TrustedProxy]) -> bool {
    trusted.iter().any(|t| t.0.contains(addr))
}

/// The client's address: the socket peer, unless the peer is a trusted proxy — then the
/// right-most address of the `X-Forwarded-For` chain (all header values in order) that is not
/// itself a trusted proxy. A malformed entry ends the walk at the last address known good.
pub fn client_addr(
    peer: Option<IpAddr>,
    forwarded_for: &[&str],
    trusted: &[TrustedProxy],
) -> Option<IpAddr> {
    let peer = peer?;
    if !is_trusted(&peer, trusted) {
        return Some(peer);
    }
    let chain: Vec<&str> = forwarded_for
        .iter()
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let mut client = peer;
    for hop in chain.iter().rev() {
        match hop.parse::<IpAddr>() {
            Ok(addr) => {
                client = addr;
                if !is_trusted(&addr, trusted) {
                    break;
                }
            }
            Err(_) => break,
        }
    }
    Some(client)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        s.parse().ok()
    }

    #[test]
    fn the_header_counts_only_from_trusted_proxies() {
        let proxies: Vec<TrustedProxy> = ["10.0.0.5", "192.168.0.0/16"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        // Direct client: the header is ignored (it could be forged).
        assert_eq!(
            client_addr(ip("203.0.113.9"), &["1.2.3.4"], &proxies),
            ip("203.0.113.9")
        );
        // Through the proxy: the address the proxy saw.
        assert_eq!(
            client_addr(ip("10.0.0.5"), &["203.0.113.9"], &proxies),
            ip("203.0.113.9")
        );
        // A forged entry on the left is not believed; proxy chains are walked.
        assert_eq!(
            client_addr(
                ip("10.0.0.5"),
                &["6.6.6.6, 203.0.113.9", "192.168.1.1"],
                &proxies
            ),
            ip("203.0.113.9")
        );
        // Garbage ends the walk at the last good address.
        assert_eq!(
            client_addr(ip("10.0.0.5"), &["203.0.113.9, nonsense"], &proxies),
            ip("10.0.0.5")
        );
        // No proxies configured (the default): always the peer.
        assert_eq!(
            client_addr(ip("10.0.0.5"), &["203.0.113.9"], &[]),
            ip("10.0.0.5")
        );
        assert!("not-an-ip".parse::<TrustedProxy>().is_err());
    }
}
