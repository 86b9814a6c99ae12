//! The e-mail distribution list of all active users, grouped by institution (R-USR-7): always
//! current (computed on request), copyable addresses, a `mailto:` link (addresses in BCC),
//! CSV and XLSX downloads.

use hih_db::access::AccessAction;
use hih_db::fold::fold;
use hih_web::export::{CSV, Cell, XLSX, csv_bytes, download, xlsx_bytes};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebResult};
use poem::handler;
use poem::web::Path;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Serialize;

use crate::entities::user_account;
use crate::service::{self, SALUTATIONS};

#[derive(Serialize, Clone)]
struct Entry {
    name: String,
    salutation_key: String,
    first_name: String,
    last_name: String,
    email: String,
}

#[derive(Serialize)]
struct Group {
    institution: String,
    entries: Vec<Entry>,
    mailto: String,
}

async fn groups(ctx: &Ctx) -> WebResult<Vec<Group>> {
    let institutions = service::institutions(ctx.services()).await?;
    let users = user_account::Entity::find()
        .filter(user_account::Column::Active.eq(true))
        .all(&ctx.services().db)
        .await?;
    let mut out = Vec::new();
    for inst in institutions {
        let mut entries: Vec<Entry> = users
            .iter()
            .filter(|u| u.institution_id == inst.id)
            .map(|u| Entry {
                name: u.display_name(),
                salutation_key: SALUTATIONS
                    .iter()
                    .find(|(v, _)| *v == u.salutation)
                    .map(|(_, k)| k.to_string())
                    .unwrap_or_default(),
                first_name: u.first_name.clone(),
                last_name: u.last_name.clone(),
                email: u.email.clone(),
            })
            .collect();
        if entries.is_empty() {
            continue;
        }
        entries.sort_by_key(|e| (fold(&e.last_name), fold(&e.first_name)));
        let mailto = format!(
            "mailto:?bcc={}",
            entries
                .iter()
                .map(|e| e.email.as_str())
                .collect::<Vec<_>>()
                .join(",")
        );
        out.push(Group {
            institution: inst.name,
            entries,
            mailto,
        });
    }
    Ok(out)
}

/// The page.
#[handler]
pub async fn page(ctx: Ctx) -> WebResult {
    let groups = groups(&ctx).await?;
    let all = groups
        .iter()
        .flat_map(|g| g.entries.iter().map(|e| e.email.clone()))
        .collect::<Vec<_>>();
    ctx.render(
        "users/distribution.html",
        context! {
            groups => Serde(groups),
            all_mailto => format!("mailto:?bcc={}", all.join(",")),
            all_addresses => all.join(", "),
            count => all.len(),
        },
    )
    .await
}

/// CSV or XLSX download (`verteiler.csv`, `verteiler.xlsx`).
#[handler]
pub async fn download_file(ctx: Ctx, Path(file): Path<String>) -> WebResult {
    let groups = groups(&ctx).await?;
    let header: Vec<String> = [
        "users-col-institution",
        "users-field-salutation",
        "users-field-first-name",
        "users-field-last-name",
        "users-field-email",
    ]
    .iter()
    .map(|k| ctx.t(k))
    .collect();
    let rows: Vec<Vec<Cell>> = groups
        .iter()
        .flat_map(|g| {
            g.entries.iter().map(|e| {
                vec![
                    Cell::Text(g.institution.clone()),
                    Cell::Text(ctx.t(&e.salutation_key)),
                    Cell::Text(e.first_name.clone()),
                    Cell::Text(e.last_name.clone()),
                    Cell::Text(e.email.clone()),
                ]
            })
        })
        .collect();
    let count = rows.len() as i64;
    let resp = match file.as_str() {
        "verteiler.csv" => download(
            csv_bytes(&header, &rows, ctx.services().settings.export.csv_bom)?,
            "verteiler.csv",
            CSV,
        ),
        "verteiler.xlsx" => download(
            xlsx_bytes(&ctx.t("users-distribution-sheet"), &header, &rows)?,
            "verteiler.xlsx",
            XLSX,
        ),
        _ => return Err(hih_web::WebError(hih_kernel::AppError::NotFound)),
    };
    ctx.log_access(
        AccessAction::Export,
        "user",
        None,
        serde_json::json!({ "list": "distribution", "file": file }),
        Some(count),
    )
    .await;
    Ok(resp)
}
