use std::fmt;

/// A UI language. German is primary, English second (R-TXT-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Locale {
    /// German, the default for everything.
    #[default]
    De,
    /// English.
    En,
}

impl Locale {
    /// All supported locales, primary first.
    pub const ALL: [Locale; 2] = [Locale::De, Locale::En];

    /// The BCP 47 code (`de`, `en`), also used in `lang` attributes and file paths.
    pub fn code(self) -> &'static str {
        match self {
            Locale::De => "de",
            Locale::En => "en",
        }
    }

    /// Parses a code such as `de`, `en`, `en-GB`; unknown codes give `None`.
    pub fn parse(code: &str) -> Option<Locale> {
        let primary = code.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        match primary.as_str() {
            "de" => Some(Locale::De),
            "en" => Some(Locale::En),
            _ => None,
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
