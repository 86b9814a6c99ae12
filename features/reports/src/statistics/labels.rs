//! Localised labels of dimension values: reference lists, IHK district names, status texts.

use std::collections::HashMap;

use hih_i18n::Locale;
use hih_kernel::{AppError, Services};
use hih_reference::lists as selection_lists;
use hih_users::entities::institution;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use super::query::{Dim, Key, Subject};

/// Everything needed to name dimension values in one language.
pub struct Labels {
    services: Services,
    locale: Locale,
    /// IHK districts `(id, name)` in name order.
    pub districts: Vec<(i64, String)>,
    lists: HashMap<&'static str, Vec<(String, String)>>,
}

impl Labels {
    /// Loads the reference lists and districts.
    pub async fn load(services: &Services, locale: Locale) -> Result<Self, AppError> {
        let districts = institution::Entity::find()
            .filter(institution::Column::Kind.eq("ihk"))
            .order_by_asc(institution::Column::SortName)
            .all(&services.db)
            .await?
            .into_iter()
            .map(|i| (i.id, i.name))
            .collect();
        let mut lists = HashMap::new();
        for kind in ["industry", "outreach", "occupation", "country"] {
            lists.insert(
                kind,
                selection_lists::options(services, kind, locale).await?,
            );
        }
        Ok(Labels {
            services: services.clone(),
            locale,
            districts,
            lists,
        })
    }

    /// A text in the labels' language.
    pub fn t(&self, key: &str) -> String {
        self.services.texts.t(self.locale, key, &[])
    }

    /// A text with one string argument in the labels' language.
    pub fn t_with(&self, key: &str, name: &str, value: String) -> String {
        self.services
            .texts
            .t(self.locale, key, &[(name, hih_i18n::TextArg::Str(value))])
    }

    /// The options `(code, label)` of a reference list kind.
    pub fn list(&self, kind: &str) -> &[(String, String)] {
        self.lists.get(kind).map_or(&[], |v| v.as_slice())
    }

    /// The name of an IHK district.
    pub fn district(&self, id: i64) -> String {
        self.districts
            .iter()
            .find(|(i, _)| *i == id)
            .map_or_else(|| id.to_string(), |(_, n)| n.clone())
    }

    /// The label of a status code of a subject.
    pub fn status(&self, subject: Subject, code: &str) -> String {
        let list: &[(&str, &str)] = match subject {
            Subject::Companies => &hih_companies::service::STATUSES,
            Subject::Applicants => &hih_applicants::service::STATUSES,
            Subject::Placements => &hih_matching::service::STATUSES,
        };
        list.iter()
            .find(|(c, _)| *c == code)
            .map_or_else(|| code.to_string(), |(_, k)| self.t(k))
    }

    /// The label of one dimension value.
    pub fn of(&self, subject: Subject, dim: Dim, key: &Key) -> String {
        let code = key.text();
        match (dim, key) {
            (_, Key::Null) => self.t("reports-stat-unknown"),
            (Dim::District, Key::Int(id)) => self.district(*id),
            (Dim::Industry, _) => self.reference("industry", code),
            (Dim::Outreach, _) => self.reference("outreach", code),
            (Dim::Occupation, _) => self.reference("occupation", code),
            (Dim::Country, _) => self.reference("country", code),
            (Dim::Status, _) => self.status(subject, code),
            (Dim::SizeClass, _) => self.t(&format!("reports-stat-size-{code}")),
            (Dim::GermanLevel | Dim::Employed6 | Dim::Employed12, _) if code.is_empty() => {
                self.t("reports-stat-unknown")
            }
            (Dim::Employed6 | Dim::Employed12, _) => self.t(&format!("reports-stat-answer-{code}")),
            (
                Dim::Kmu | Dim::CourseStarted | Dim::CourseDropped | Dim::WorkStarted,
                Key::Int(i),
            ) => self.t(if *i == 1 {
                "reports-stat-answer-ja"
            } else {
                "reports-stat-answer-nein"
            }),
            (_, Key::Int(i)) => i.to_string(),
            _ => code.to_string(),
        }
    }

    fn reference(&self, kind: &str, code: &str) -> String {
        if code.is_empty() {
            return self.t("reports-stat-unknown");
        }
        selection_lists::label_of(self.list(kind), code)
    }
}
