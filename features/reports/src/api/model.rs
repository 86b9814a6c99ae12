//! The answers of the statistics operations: the statistics page's figures and the cross-tab
//! as the pages compute them, with numbers as numbers (the pages format them for reading).

use chrono::{DateTime, NaiveDate, Utc};
use hih_kernel::KeyFigure;
use poem_openapi::Object;

use crate::statistics::crosstab::CrossTable;
use crate::statistics::{Period, Topic};

/// Die Zahlen der Seite „Statistik“ im eigenen Zuständigkeitsbereich.
#[derive(Debug, Object)]
#[oai(skip_serializing_if_is_none)]
pub(super) struct StatisticsOut {
    /// Wessen Zahlen (wie auf der Seite, z. B. „Zahlen für IHK-Bezirk IHK Erfurt“).
    pub scope: String,
    /// Zeitpunkt der Berechnung.
    pub as_of: DateTime<Utc>,
    /// Der Zeitraum nach Eingangsmonat, falls einer angegeben wurde (ganze Monate).
    #[oai(skip_serializing_if_is_none)]
    pub period: Option<PeriodOut>,
    /// Die Projektziele (Stand insgesamt, ohne Zeitraum), wie oben auf der Seite.
    pub targets: Vec<TargetOut>,
    /// Die Themen der Seite in ihrer Reihenfolge, je eine Tabelle.
    pub topics: Vec<TopicOut>,
}

/// Ein Zeitraum (beide Tage eingeschlossen).
#[derive(Debug, Object)]
pub(super) struct PeriodOut {
    /// Erster Tag.
    pub from: NaiveDate,
    /// Letzter Tag.
    pub to: NaiveDate,
}

/// Ein Projektziel: der erreichte Stand und der Zielwert.
#[derive(Debug, Object)]
#[oai(skip_serializing_if_is_none)]
pub(super) struct TargetOut {
    /// Stabiler Schlüssel des Ziels (Textschlüssel der Bezeichnung).
    pub key: String,
    /// Bezeichnung.
    pub label: String,
    /// Erreichter Stand.
    pub value: i64,
    /// Zielwert.
    #[oai(skip_serializing_if_is_none)]
    pub target: Option<i64>,
}

/// Ein Thema der Statistik: eine Tabelle (die Seite zeigt dazu ein Diagramm).
#[derive(Debug, Object)]
pub(super) struct TopicOut {
    /// Stabiler Kurzname (`by-country` …).
    pub slug: String,
    /// Überschrift.
    pub title: String,
    /// Was die Zahlen bedeuten.
    pub description: String,
    /// Hinweise zu den Zahlen (z. B. fehlende Monatszahlen).
    pub notes: Vec<String>,
    /// Kopf der ersten Spalte (was die Zeilen sind).
    pub row_header: String,
    /// Köpfe der Wertspalten.
    pub columns: Vec<String>,
    /// Die Zeilen; eine Summenzeile ist als `total` gekennzeichnet.
    pub rows: Vec<TopicRowOut>,
}

/// Eine Zeile eines Themas.
#[derive(Debug, Object)]
pub(super) struct TopicRowOut {
    /// Bezeichnung der Zeile.
    pub label: String,
    /// Ein Wert je Spalte: eine Zahl, oder `null`, wo er nicht berechenbar ist (z. B. ein
    /// Median ohne Werte; die Seite zeigt dort „–“).
    pub values: Vec<serde_json::Value>,
    /// Ob dies die Summenzeile ist.
    pub total: bool,
}

/// Eine Kreuztabelle wie auf der Seite „Kreuztabelle“.
#[derive(Debug, Object)]
pub(super) struct CrossTabOut {
    /// Wessen Zahlen (wie auf der Seite).
    pub scope: String,
    /// Bezeichnung des Merkmals der Zeilen.
    pub row_header: String,
    /// Bezeichnung des Merkmals der Spalten.
    pub col_header: String,
    /// Die Spaltenköpfe (Ausprägungen des Spaltenmerkmals).
    pub columns: Vec<String>,
    /// Die Zeilen mit ihren Zellen und Zeilensummen.
    pub rows: Vec<CrossRowOut>,
    /// Die Spaltensummen.
    pub column_totals: Vec<i64>,
    /// Die Gesamtzahl der gezählten Datensätze.
    pub total: i64,
}

/// Eine Zeile der Kreuztabelle.
#[derive(Debug, Object)]
pub(super) struct CrossRowOut {
    /// Ausprägung des Zeilenmerkmals.
    pub label: String,
    /// Eine Anzahl je Spalte.
    pub cells: Vec<i64>,
    /// Zeilensumme.
    pub total: i64,
}

impl From<Period> for PeriodOut {
    fn from(p: Period) -> Self {
        PeriodOut {
            from: p.from,
            to: p.to,
        }
    }
}

impl TargetOut {
    /// A start-page figure with its label in the request's language.
    pub fn of(f: KeyFigure, label: String) -> Self {
        TargetOut {
            key: f.label_key.to_string(),
            label,
            value: f.value,
            target: f.target,
        }
    }
}

impl From<&Topic> for TopicOut {
    fn from(t: &Topic) -> Self {
        let last = t.rows.len().saturating_sub(1);
        TopicOut {
            slug: t.slug.to_string(),
            title: t.title.clone(),
            description: t.description.clone(),
            notes: t.notes.clone(),
            row_header: t.row_header.clone(),
            columns: t.columns.clone(),
            rows: t
                .rows
                .iter()
                .enumerate()
                .map(|(i, r)| TopicRowOut {
                    label: r.label.clone(),
                    values: r
                        .values
                        .iter()
                        .map(|v| v.map_or(serde_json::Value::Null, serde_json::Value::from))
                        .collect(),
                    total: t.total_row && i == last,
                })
                .collect(),
        }
    }
}

impl CrossTabOut {
    /// The table with the headers and scope text the page shows.
    pub fn of(table: CrossTable, scope: String, row_header: String, col_header: String) -> Self {
        CrossTabOut {
            scope,
            row_header,
            col_header,
            columns: table.columns,
            rows: table
                .rows
                .into_iter()
                .map(|r| CrossRowOut {
                    label: r.label,
                    cells: r.cells,
                    total: r.total,
                })
                .collect(),
            column_totals: table.column_totals,
            total: table.total,
        }
    }
}
