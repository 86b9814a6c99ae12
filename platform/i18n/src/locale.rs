use std::fmt;

/// A UI language. German is primary, English second (R-TXT-1); Portuguese (Brazil) and
/// Vietnamese are guest languages: the pages people in the partner countries see
/// (self-registration, counselling) are translated, staff pages are German and English only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Locale {
    /// German, the default for everything.
    #[default]
    De,
    /// English.
    En,
    /// Portuguese (Brazil), a guest language.
    Pt,
    /// Vietnamese, a guest language.
    Vi,
}

impl Locale {
    /// All supported locales, primary first.
    pub const ALL: [Locale; 4] = [Locale::De, Locale::En, Locale::Pt, Locale::Vi];

    /// The staff languages: every text exists in both (a test checks it).
    pub const STAFF: [Locale; 2] = [Locale::De, Locale::En];

    /// The languages of guest pages, in the order the language switch offers them.
    pub const GUEST: [Locale; 4] = Locale::ALL;

    /// The BCP 47 code (`de`, `en`, `pt`, `vi`), also used in `lang` attributes and file
    /// paths.
    pub fn code(self) -> &'static str {
        match self {
            Locale::De => "de",
            Locale::En => "en",
            Locale::Pt => "pt",
            Locale::Vi => "vi",
        }
    }

    /// Parses a code such as `de`, `en`, `en-GB`, `pt-BR`; unknown codes give `None`.
    pub fn parse(code: &str) -> Option<Locale> {
        let primary = code.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        match primary.as_str() {
            "de" => Some(Locale::De),
            "en" => Some(Locale::En),
            "pt" => Some(Locale::Pt),
            "vi" => Some(Locale::Vi),
            _ => None,
        }
    }

    /// Whether staff pages exist in this language (German and English).
    pub fn is_staff(self) -> bool {
        Locale::STAFF.contains(&self)
    }

    /// The language a staff page is shown in for someone who chose `self`: a guest language
    /// falls back to English.
    pub fn for_staff(self) -> Locale {
        if self.is_staff() { self } else { Locale::En }
    }

    /// Where a text missing in this language comes from: the guest languages fall back to
    /// English (a test keeps every text of a guest page translated, so this only covers texts
    /// of staff pages a guest language never shows).
    pub fn fallback(self) -> Option<Locale> {
        match self {
            Locale::De | Locale::En => None,
            Locale::Pt | Locale::Vi => Some(Locale::En),
        }
    }

    /// The language's own name, as the language switch shows it (not a text of the
    /// catalogue: a language is always offered in its own name).
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::De => "Deutsch",
            Locale::En => "English",
            Locale::Pt => "Português",
            Locale::Vi => "Tiếng Việt",
        }
    }

    /// The best guest language for an `Accept-Language` header (RFC 9110 § 12.5.4: ranges
    /// by weight, first listed wins a tie); `None` when no listed language is offered.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut best: Option<(f32, usize, Locale)> = None;
        for (index, part) in header.split(',').enumerate() {
            let mut pieces = part.split(';');
            let Some(range) = pieces.next().map(str::trim) else {
                continue;
            };
            let weight = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .map(|q| q.trim().parse::<f32>().unwrap_or(0.0))
                .unwrap_or(1.0);
            let Some(locale) = Locale::parse(range) else {
                continue;
            };
            if weight <= 0.0 {
                continue;
            }
            let better = match best {
                None => true,
                Some((w, i, _)) => weight > w || (weight == w && index < i),
            };
            if better {
                best = Some((weight, index, locale));
            }
        }
        best.map(|(_, _, locale)| locale)
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_heaviest_offered_language() {
        assert_eq!(
            Locale::from_accept_language("vi-VN,vi;q=0.9,en;q=0.8"),
            Some(Locale::Vi)
        );
        assert_eq!(
            Locale::from_accept_language("fr-FR, pt-BR;q=0.7, en;q=0.5"),
            Some(Locale::Pt)
        );
        assert_eq!(
            Locale::from_accept_language("en;q=0.4, de;q=0.9"),
            Some(Locale::De)
        );
        assert_eq!(Locale::from_accept_language("fr, es;q=0.5"), None);
        assert_eq!(
            Locale::from_accept_language("pt;q=0, en;q=0.1"),
            Some(Locale::En)
        );
        assert_eq!(Locale::from_accept_language(""), None);
        assert_eq!(Locale::from_accept_language(";;,,q=x"), None);
    }

    #[test]
    fn staff_pages_fall_back_to_english() {
        assert_eq!(Locale::Pt.for_staff(), Locale::En);
        assert_eq!(Locale::Vi.for_staff(), Locale::En);
        assert_eq!(Locale::De.for_staff(), Locale::De);
        assert_eq!(Locale::parse("pt-BR"), Some(Locale::Pt));
    }
}
