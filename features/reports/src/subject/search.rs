//! `/auskunft`: finds the person of a data-subject request by name, e-mail, Bewerberkennung or
//! company name (GET form, the URL holds the query). Applicants and companies are listed
//! separately, deactivated records included; every search is written to the access log with
//! its query and result count (R-AUD-2).

use hih_applicants::entities::applicant;
use hih_companies::entities::company;
use hih_db::access::AccessAction;
use hih_db::fold::contains_all_words;
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebResult};
use poem::handler;
use poem::web::Query;
use sea_orm::{EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::{Deserialize, Serialize};

use super::person::{Kind, applicant_title};

/// Most hits shown per kind; a longer list asks for a more precise query.
const LIMIT: u64 = 50;

/// The search form's fields.
#[derive(Debug, Default, Deserialize)]
pub struct SearchParams {
    /// Name, e-mail, Bewerberkennung or company name.
    #[serde(default)]
    pub q: String,
}

/// One hit.
#[derive(Debug, Serialize)]
struct Hit {
    href: String,
    title: String,
    detail: String,
    email: String,
    active: bool,
}

/// The search page.
#[handler]
pub async fn search(ctx: Ctx, Query(params): Query<SearchParams>) -> WebResult {
    let q = params.q.trim().to_string();
    let searched = !q.is_empty();
    let (mut applicants, mut companies) = (Vec::new(), Vec::new());
    if searched {
        let db = &ctx.services().db;
        applicants = applicant::Entity::find()
            .filter(contains_all_words(applicant::Column::SearchText, &q))
            .order_by_asc(applicant::Column::SortName)
            .order_by_asc(applicant::Column::Id)
            .limit(LIMIT + 1)
            .all(db)
            .await?
            .into_iter()
            .map(|a| Hit {
                href: Kind::Applicant.href(a.id),
                title: applicant_title(&a),
                detail: a.birth_date.to_string(),
                email: a.email,
                active: a.active,
            })
            .collect();
        companies = company::Entity::find()
            .filter(contains_all_words(company::Column::SearchText, &q))
            .order_by_asc(company::Column::SortName)
            .order_by_asc(company::Column::Id)
            .limit(LIMIT + 1)
            .all(db)
            .await?
            .into_iter()
            .map(|c| Hit {
                href: Kind::Company.href(c.id),
                title: c.name,
                detail: format!("{} {}", c.contact_first_name, c.contact_last_name)
                    .trim()
                    .to_string(),
                email: if c.contact_email.is_empty() {
                    c.email
                } else {
                    c.contact_email
                },
                active: c.active,
            })
            .collect();
    }
    let more = applicants.len() as u64 > LIMIT || companies.len() as u64 > LIMIT;
    applicants.truncate(LIMIT as usize);
    companies.truncate(LIMIT as usize);
    if searched {
        ctx.log_access(
            AccessAction::Search,
            "data_subject",
            None,
            serde_json::json!({ "q": q, "applicants": applicants.len(), "companies": companies.len(), "more": more }),
            Some((applicants.len() + companies.len()) as i64),
        )
        .await;
    }
    ctx.render(
        "reports/subject/search.html",
        context! {
            q => q,
            searched => searched,
            more => more,
            limit => LIMIT,
            applicants => Serde(applicants),
            companies => Serde(companies),
        },
    )
    .await
}
