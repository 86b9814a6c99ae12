//! The instance's branding as the layout uses it (R-OPR-4): the product name, the logo and a
//! small generated style sheet with the brand colours as CSS custom properties (the content
//! security policy forbids inline styles, so the colours come as a file). Loaded once at
//! start from `[branding]`; the logo and the style sheet are served like the built-in assets,
//! under `/static/<hash>/brand-logo` and `/static/<hash>/brand.css`.

use hih_kernel::{AppError, BrandingSettings, HexColour, logo_mime};
use sha2::{Digest, Sha256};

/// Asset name of the logo.
pub const LOGO_ASSET: &str = "brand-logo";
/// Asset name of the generated style sheet.
pub const CSS_ASSET: &str = "brand.css";

/// One generated or configured asset.
pub(crate) struct BrandAsset {
    pub(crate) hash: String,
    pub(crate) mime: &'static str,
    pub(crate) bytes: Vec<u8>,
}

impl BrandAsset {
    fn new(mime: &'static str, bytes: Vec<u8>) -> Self {
        let hash = hex::encode(&Sha256::digest(&bytes)[..6]);
        BrandAsset { hash, mime, bytes }
    }

    fn url(&self, name: &str) -> String {
        format!("/static/{}/{name}", self.hash)
    }
}

/// What the layout shows of the client organisation.
pub struct Branding {
    /// The configured product name (`None`: the text `app-name`).
    pub product_name: Option<String>,
    logo: Option<BrandAsset>,
    css: Option<BrandAsset>,
}

impl Branding {
    /// Reads the logo and builds the style sheet. The settings were validated at start; a logo
    /// that vanished since is refused here, before anything is served.
    pub fn load(settings: &BrandingSettings) -> Result<Self, AppError> {
        let logo = match &settings.logo_path {
            None => None,
            Some(path) => {
                let mime = logo_mime(path).ok_or_else(|| {
                    AppError::Internal(format!("branding.logo_path {path}: unknown type"))
                })?;
                let bytes = std::fs::read(path)
                    .map_err(|e| AppError::Internal(format!("branding.logo_path {path}: {e}")))?;
                Some(BrandAsset::new(mime, bytes))
            }
        };
        let css = style_sheet(settings.primary(), settings.accent())
            .map(|text| BrandAsset::new("text/css; charset=utf-8", text.into_bytes()));
        Ok(Branding {
            product_name: settings.name().map(str::to_string),
            logo,
            css,
        })
    }

    /// The cache-busting URL of the logo, if one is configured.
    pub fn logo_url(&self) -> Option<String> {
        self.logo.as_ref().map(|a| a.url(LOGO_ASSET))
    }

    /// The cache-busting URL of the colour style sheet, if a colour is configured.
    pub fn css_url(&self) -> Option<String> {
        self.css.as_ref().map(|a| a.url(CSS_ASSET))
    }

    /// The asset called `name`, for the static route.
    pub(crate) fn asset(&self, name: &str) -> Option<&BrandAsset> {
        match name {
            LOGO_ASSET => self.logo.as_ref(),
            CSS_ASSET => self.css.as_ref(),
            _ => None,
        }
    }
}

/// The style sheet for the configured colours (`None` when neither is set). The primary colour
/// becomes KERN's action colour (primary buttons, KERN links) and the header's top rule; the
/// accent colour the layout's `--hih-accent` (navigation links, focus outline, tiles). Loaded
/// after KERN and `app.css`, so these declarations win.
pub fn style_sheet(primary: Option<HexColour>, accent: Option<HexColour>) -> Option<String> {
    if primary.is_none() && accent.is_none() {
        return None;
    }
    let mut css = String::from("/* [branding] of this instance (R-OPR-4) */\n:root {\n");
    if let Some(p) = primary {
        css.push_str(&format!(
            "  --hih-brand-primary: {0};\n  --kern-color-action-default: {0};\n",
            p.css()
        ));
    }
    if let Some(a) = accent {
        css.push_str(&format!("  --hih-accent: {};\n", a.css()));
    }
    css.push_str("}\n");
    if primary.is_some() {
        css.push_str(".site-header { border-top: 4px solid var(--hih-brand-primary); }\n");
    }
    Some(css)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_style_sheet_carries_only_the_configured_colours() {
        assert_eq!(style_sheet(None, None), None);
        let accent = HexColour::parse("#1B6B2F");
        let only_accent = style_sheet(None, accent).unwrap_or_default();
        assert!(only_accent.contains("--hih-accent: #1b6b2f;"));
        assert!(!only_accent.contains("--kern-color-action-default"));
        let both = style_sheet(HexColour::parse("#7a1f3d"), accent).unwrap_or_default();
        assert!(both.contains("--kern-color-action-default: #7a1f3d;"));
        assert!(both.contains("border-top: 4px solid var(--hih-brand-primary)"));
    }
}
