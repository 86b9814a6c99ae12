#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;

fn branding(primary: Option<&str>, accent: Option<&str>) -> BrandingSettings {
    BrandingSettings {
        primary_colour: primary.map(str::to_string),
        accent_colour: accent.map(str::to_string),
        ..BrandingSettings::default()
    }
}

#[test]
fn colours_parse_in_both_notations_and_normalise() {
    assert_eq!(HexColour::parse("#0B3D91").unwrap().css(), "#0b3d91");
    assert_eq!(HexColour::parse(" #abc ").unwrap().css(), "#aabbcc");
    for bad in [
        "0b3d91",
        "#0b3d9",
        "#0b3d9g",
        "#0b3d9100",
        "blue",
        "",
        "#",
        "#ééé",
    ] {
        assert_eq!(HexColour::parse(bad), None, "{bad:?}");
    }
}

#[test]
fn contrast_follows_wcag() {
    let black = HexColour::parse("#000").unwrap();
    let white = HexColour::parse("#fff").unwrap();
    assert!((black.contrast_with_white() - 21.0).abs() < 0.01);
    assert!((white.contrast_with_white() - 1.0).abs() < 0.01);
    // #767676 is the classic lightest grey with 4.5:1 on white.
    let grey = HexColour::parse("#767676").unwrap().contrast_with_white();
    assert!((4.5..4.6).contains(&grey), "{grey}");
}

#[test]
fn defaults_are_valid_and_change_nothing() {
    let b = BrandingSettings::default();
    assert!(b.validate().is_ok());
    assert_eq!(b.primary(), None);
    assert_eq!(b.name(), None);
}

#[test]
fn malformed_and_too_light_colours_are_refused_with_the_setting_named() {
    assert!(
        branding(Some("#0b3d91"), Some("#1b6b2f"))
            .validate()
            .is_ok()
    );
    let err = branding(Some("#12345"), None).validate().unwrap_err();
    assert_eq!(
        err,
        BrandingError::ColourFormat {
            field: "primary_colour",
            value: "#12345".into()
        }
    );
    assert!(
        err.to_string()
            .contains("branding.primary_colour = „#12345“ ist keine Farbe im Format #RRGGBB")
    );
    let err = branding(None, Some("#ffcc00")).validate().unwrap_err();
    assert!(matches!(
        err,
        BrandingError::ColourContrast {
            field: "accent_colour",
            ..
        }
    ));
    assert!(err.to_string().contains("zu hell"), "{err}");
    assert!(err.to_string().contains("4,5:1"), "{err}");
}

#[test]
fn the_product_name_must_be_a_short_line() {
    let named = |n: &str| BrandingSettings {
        product_name: Some(n.to_string()),
        ..BrandingSettings::default()
    };
    assert!(named(" IHK-Talentdatenbank ").validate().is_ok());
    assert_eq!(
        named(" IHK-Talentdatenbank ").name(),
        Some("IHK-Talentdatenbank")
    );
    assert_eq!(named("  ").validate(), Err(BrandingError::ProductName));
    assert_eq!(named("a\u{0}b").validate(), Err(BrandingError::ProductName));
    assert_eq!(
        named(&"x".repeat(PRODUCT_NAME_MAX + 1)).validate(),
        Err(BrandingError::ProductName)
    );
}

#[test]
fn the_logo_must_exist_be_an_image_and_be_small() {
    let dir = std::env::temp_dir().join(format!("hih-branding-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let logo = |name: &str| BrandingSettings {
        logo_path: Some(dir.join(name).display().to_string()),
        ..BrandingSettings::default()
    };
    std::fs::write(
        dir.join("logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .unwrap();
    std::fs::write(dir.join("logo.gif"), "GIF89a").unwrap();
    std::fs::write(
        dir.join("big.png"),
        vec![0u8; (LOGO_MAX_BYTES + 1) as usize],
    )
    .unwrap();
    assert!(logo("logo.svg").validate().is_ok());
    assert_eq!(logo_mime("a/Logo.PNG"), Some("image/png"));
    assert!(matches!(
        logo("logo.gif").validate(),
        Err(BrandingError::LogoType(_))
    ));
    assert!(matches!(
        logo("missing.png").validate(),
        Err(BrandingError::LogoMissing(_))
    ));
    assert!(matches!(
        logo("big.png").validate(),
        Err(BrandingError::LogoTooLarge(_))
    ));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn settings_validation_refuses_bad_branding_and_id_prefixes() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let mut s = crate::Settings::default();
    assert!(s.validate(today).is_ok());
    s.branding.primary_colour = Some("#12".into());
    let err = s.validate(today).unwrap_err();
    assert!(matches!(err, crate::SettingsError::Branding(_)));
    assert!(err.to_string().contains("branding.primary_colour"), "{err}");
    s.branding.primary_colour = Some("#0B3D91".into());
    assert!(s.validate(today).is_ok());
    for good in ["HIH", "PILOT", "IHK2", "A"] {
        assert!(crate::valid_id_prefix(good), "{good}");
    }
    for bad in ["", "hih", "HIH-", "H I", "2HIH", "ÄHK", "ABCDEFGHIJK"] {
        assert!(!crate::valid_id_prefix(bad), "{bad:?}");
        s.id_prefix = bad.into();
        assert_eq!(
            s.validate(today),
            Err(crate::SettingsError::IdPrefix(bad.into()))
        );
    }
}
