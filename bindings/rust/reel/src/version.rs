//! The version of the loaded libreel and of the header this crate was built against.
use reel_sys as sys;

/// A Reel version: `REEL_VERSION_MAJOR.MINOR.PATCH`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version {
    /// Major version; 0 while the API is young (docs/ABI.md: minors only append).
    pub major: u32,
    /// Minor version.
    pub minor: u32,
    /// Patch version.
    pub patch: u32,
}

impl Version {
    /// Unpacks a `REEL_MAKE_VERSION` value (10 bits major, 10 minor, 12 patch).
    pub const fn from_packed(packed: u32) -> Version {
        Version { major: packed >> 22, minor: (packed >> 12) & 0x3FF, patch: packed & 0xFFF }
    }

    /// Whether a library of this version serves a host built against `header`: the same
    /// major and, while the major is 0, a minor at least the header's (docs/ABI.md).
    pub const fn serves(self, header: Version) -> bool {
        self.major == header.major && (header.major != 0 || self.minor >= header.minor)
    }
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// The version of the loaded libreel (`reel_version()`).
pub fn library_version() -> Version {
    // SAFETY: reel_version takes nothing, never fails and is safe from any thread.
    Version::from_packed(unsafe { sys::reel_version() })
}

/// The version of reel.h this crate was built against (`REEL_API_VERSION`).
pub const fn header_version() -> Version {
    Version::from_packed(sys::REEL_API_VERSION)
}
