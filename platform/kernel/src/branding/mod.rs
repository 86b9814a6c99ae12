//! Branding of one instance (R-OPR-4): the same binary runs as a separate instance per client
//! organisation, each with its own product name, logo and colours. The settings live under
//! `[branding]`; [`BrandingSettings::validate`] refuses a wrong value at start, before anything
//! is served, with a German message naming the setting.

use std::path::Path;

use serde::Deserialize;

/// The largest logo file accepted (the header shows it at most 3 rem high).
pub const LOGO_MAX_BYTES: u64 = 512 * 1024;

/// The most characters of a product name.
pub const PRODUCT_NAME_MAX: usize = 80;

/// The least contrast a brand colour needs against white: it colours link text on white and
/// the background of buttons with white text (WCAG 2.1 AA, 1.4.3).
pub const MIN_CONTRAST: f64 = 4.5;

/// Logo file types by extension (lower case) and the MIME type they are served with.
pub const LOGO_TYPES: [(&str, &str); 5] = [
    ("svg", "image/svg+xml"),
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("webp", "image/webp"),
];

/// `[branding]`: what the layout shows of the client organisation. Everything is optional;
/// unset values keep the product's defaults (the text `app-name`, no logo, KERN's colours).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct BrandingSettings {
    /// Product name in the header and the window title; unset: the text `app-name` of the
    /// catalogue (which administrators may also edit in the text editor).
    pub product_name: Option<String>,
    /// A logo file (`.svg`, `.png`, `.jpg`, `.webp`, at most 512 KiB), read once at start and
    /// served as the asset `brand-logo` next to the product name.
    pub logo_path: Option<String>,
    /// Main colour `#RRGGBB`: primary buttons and the header's top rule.
    pub primary_colour: Option<String>,
    /// Accent colour `#RRGGBB`: navigation links, focus outline, highlighted tiles.
    pub accent_colour: Option<String>,
}

/// Why the branding settings are refused at start.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BrandingError {
    /// Not `#RRGGBB` or `#RGB`.
    #[error("branding.{field} = „{value}“ ist keine Farbe im Format #RRGGBB (z. B. #0b3d91)")]
    ColourFormat {
        /// The setting's name.
        field: &'static str,
        /// The value given.
        value: String,
    },
    /// Too light to read on white (or to carry white text).
    #[error(
        "branding.{field} = {value} ist zu hell: Kontrast zu Weiß {ratio}:1, nötig sind mindestens 4,5:1 (WCAG 2.1 AA) – bitte eine dunklere Farbe wählen"
    )]
    ColourContrast {
        /// The setting's name.
        field: &'static str,
        /// The value given.
        value: String,
        /// Its contrast ratio against white, German notation (`2,3`).
        ratio: String,
    },
    /// Empty, too long or with control characters.
    #[error(
        "branding.product_name darf nicht leer sein, höchstens 80 Zeichen und keine Steuerzeichen enthalten"
    )]
    ProductName,
    /// The logo file is missing or unreadable.
    #[error("branding.logo_path = „{0}“: die Datei fehlt oder ist nicht lesbar")]
    LogoMissing(String),
    /// Not one of the accepted image types.
    #[error("branding.logo_path = „{0}“: erlaubt sind .svg, .png, .jpg und .webp")]
    LogoType(String),
    /// Larger than [`LOGO_MAX_BYTES`].
    #[error("branding.logo_path = „{0}“ ist größer als 512 KiB")]
    LogoTooLarge(String),
}

/// A colour `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HexColour([u8; 3]);

impl HexColour {
    /// Parses `#RRGGBB` or `#RGB` (either case); anything else is `None`.
    pub fn parse(s: &str) -> Option<Self> {
        let hex = s.trim().strip_prefix('#')?;
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).ok();
        match hex.len() {
            3 => Some(HexColour([digit(0)? * 17, digit(1)? * 17, digit(2)? * 17])),
            6 => Some(HexColour([
                u8::from_str_radix(&hex[0..2], 16).ok()?,
                u8::from_str_radix(&hex[2..4], 16).ok()?,
                u8::from_str_radix(&hex[4..6], 16).ok()?,
            ])),
            _ => None,
        }
    }

    /// The CSS notation, `#rrggbb` in lower case.
    pub fn css(self) -> String {
        let [r, g, b] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    /// The WCAG relative luminance (0 black … 1 white).
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let [r, g, b] = self.0;
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    /// The WCAG contrast ratio against white (1 … 21).
    pub fn contrast_with_white(self) -> f64 {
        1.05 / (self.luminance() + 0.05)
    }
}

/// The MIME type of a logo path by its extension, if it is an accepted type.
pub fn logo_mime(path: &str) -> Option<&'static str> {
    let ext = Path::new(path).extension()?.to_str()?.to_ascii_lowercase();
    LOGO_TYPES
        .iter()
        .find(|(e, _)| *e == ext)
        .map(|(_, mime)| *mime)
}

impl BrandingSettings {
    /// The primary colour, if set (call [`BrandingSettings::validate`] first).
    pub fn primary(&self) -> Option<HexColour> {
        self.primary_colour.as_deref().and_then(HexColour::parse)
    }

    /// The accent colour, if set (call [`BrandingSettings::validate`] first).
    pub fn accent(&self) -> Option<HexColour> {
        self.accent_colour.as_deref().and_then(HexColour::parse)
    }

    /// The configured product name, trimmed; `None` when unset.
    pub fn name(&self) -> Option<&str> {
        self.product_name.as_deref().map(str::trim)
    }

    /// Refuses malformed or too light colours, an empty or overlong product name, and a logo
    /// that is missing, unreadable, of another type or too large.
    pub fn validate(&self) -> Result<(), BrandingError> {
        for (field, value) in [
            ("primary_colour", &self.primary_colour),
            ("accent_colour", &self.accent_colour),
        ] {
            let Some(value) = value else { continue };
            let colour = HexColour::parse(value).ok_or_else(|| BrandingError::ColourFormat {
                field,
                value: value.clone(),
            })?;
            let ratio = colour.contrast_with_white();
            if ratio < MIN_CONTRAST {
                return Err(BrandingError::ColourContrast {
                    field,
                    value: value.clone(),
                    ratio: format!("{ratio:.1}").replace('.', ","),
                });
            }
        }
        if let Some(name) = self.name()
            && (name.is_empty()
                || name.chars().count() > PRODUCT_NAME_MAX
                || name.chars().any(char::is_control))
        {
            return Err(BrandingError::ProductName);
        }
        if let Some(path) = &self.logo_path {
            if logo_mime(path).is_none() {
                return Err(BrandingError::LogoType(path.clone()));
            }
            let meta = std::fs::metadata(path)
                .ok()
                .filter(|m| m.is_file())
                .ok_or_else(|| BrandingError::LogoMissing(path.clone()))?;
            if meta.len() > LOGO_MAX_BYTES {
                return Err(BrandingError::LogoTooLarge(path.clone()));
            }
            std::fs::File::open(path).map_err(|_| BrandingError::LogoMissing(path.clone()))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
