//! Video appointments (R-CNS-2): staff propose a time in a conversation, the guest accepts or
//! declines; once accepted, both see a link to a room with a random name on the configured
//! Jitsi server ([`jitsi`]; optionally with a signed token). Without `counselling.jitsi_url`
//! the option is hidden and its routes answer 404. Appointments go with their conversation.

pub mod entity;
pub mod jitsi;
mod routes;
pub mod service;

use hih_kernel::{Access, Registry};
use poem::{EndpointExt, get, post};

/// Registers the appointment pages and templates.
pub(crate) fn register(r: &mut Registry) {
    hih_kernel::templates!(
        r,
        "counselling/",
        "../../templates/",
        [
            "appointment_form.html",
            "appointment_staff.html",
            "appointment_guest.html"
        ]
    );
    r.audit_entity("counselling_appointment");
    r.route(
        "/beratung/:id/termin",
        Access::Permission(crate::permissions::COUNSEL),
        get(routes::propose_form).post(routes::propose).boxed(),
    );
    r.route(
        "/beratung/gast/:token/termin",
        Access::Public,
        post(routes::answer).boxed(),
    );
}
