//! The public pages every page's footer links to: the accessibility statement (BITV 2.0
//! § 12b, with its feedback form "Barriere melden" in the admin feature), the legal notice,
//! the privacy notice (GDPR Art. 13) and "Datenquellen und Lizenzen" (the attribution the
//! shipped postcode table needs, and the licences of what is built into the binary). Their
//! words are editable texts (`i18n/<locale>/platform_legal.ftl`).

use minijinja::context;
use poem::handler;
use poem::web::Data;

use crate::{Ctx, WebResult};

/// Where "Datenquellen und Lizenzen" lives (public, no login).
pub const PATH: &str = "/lizenzen";

/// Where the accessibility statement lives (public, no login).
pub const ACCESSIBILITY_PATH: &str = "/barrierefreiheit";

/// Where the feedback form of the accessibility statement lives (admin feature).
pub const FEEDBACK_PATH: &str = "/barrierefreiheit/rueckmeldung";

/// One legal page: its public address and its template.
#[derive(Debug, Clone, Copy)]
pub struct LegalPage {
    /// The address (public, no login).
    pub path: &'static str,
    /// The template (`platform/legal_….html`).
    pub template: &'static str,
}

/// The legal pages, in the footer's order.
pub const PAGES: [LegalPage; 4] = [
    LegalPage {
        path: ACCESSIBILITY_PATH,
        template: "platform/legal_accessibility.html",
    },
    LegalPage {
        path: "/impressum",
        template: "platform/legal_imprint.html",
    },
    LegalPage {
        path: "/datenschutz",
        template: "platform/legal_privacy.html",
    },
    LegalPage {
        path: PATH,
        template: "platform/legal.html",
    },
];

/// Renders a legal page.
#[handler]
pub async fn page(ctx: Ctx, Data(page): Data<&LegalPage>) -> WebResult {
    ctx.render(
        page.template,
        context! { feedback_path => FEEDBACK_PATH, public_page => true },
    )
    .await
}
