//! Free space of the data directory (`statvfs`, through `rustix`: no unsafe code of ours).

use std::path::Path;

use serde::Serialize;

/// Space on the file system that holds a directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DiskSpace {
    /// Bytes an unprivileged process may still write.
    pub free_bytes: u64,
    /// Size of the file system in bytes.
    pub total_bytes: u64,
}

impl DiskSpace {
    /// Free space in whole mebibytes.
    pub fn free_mb(&self) -> u64 {
        self.free_bytes / (1024 * 1024)
    }

    /// Free space as a share of the total, in whole percent.
    pub fn free_percent(&self) -> u64 {
        if self.total_bytes == 0 {
            return 0;
        }
        ((self.free_bytes as u128 * 100) / self.total_bytes as u128) as u64
    }
}

/// The space of the file system holding `dir`.
pub fn space(dir: &Path) -> Result<DiskSpace, std::io::Error> {
    let s = rustix::fs::statvfs(dir)?;
    Ok(DiskSpace {
        free_bytes: s.f_bavail.saturating_mul(s.f_frsize),
        total_bytes: s.f_blocks.saturating_mul(s.f_frsize),
    })
}

/// A size for people: whole megabytes below 10 GB, else whole gigabytes (`950 MB`, `37 GB`).
pub fn human(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    const GB: u64 = 1024 * MB;
    if bytes >= 10 * GB {
        format!("{} GB", bytes / GB)
    } else {
        format!("{} MB", bytes / MB)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_directory_has_space() {
        let dir = std::env::temp_dir();
        let s = space(&dir).expect("statvfs of the temp dir");
        assert!(s.total_bytes > 0 && s.free_bytes <= s.total_bytes);
        assert!(s.free_percent() <= 100);
        assert!(space(Path::new("/gibt/es/nicht")).is_err());
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(human(950 * 1024 * 1024), "950 MB");
        assert_eq!(human(37 * 1024 * 1024 * 1024 + 5), "37 GB");
        let half = DiskSpace {
            free_bytes: 50,
            total_bytes: 100,
        };
        assert_eq!(half.free_percent(), 50);
    }
}
