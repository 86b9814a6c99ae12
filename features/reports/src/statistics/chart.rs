//! Server-rendered accessible SVG charts (R-STA-3): horizontal bars with a `<title>` and a
//! `<desc>` naming every value, referenced by `aria-labelledby`; colours as SVG attributes
//! only (the CSP forbids inline styles), dark text on white (contrast well above 4.5:1).

use hih_i18n::Locale;

use super::{ChartKind, Topic};

/// Width of the drawing.
const WIDTH: u32 = 640;
/// Where the bars start (the labels are right-aligned before it).
const BAR_X: u32 = 220;
/// Longest bar.
const BAR_MAX: f64 = 330.0;
/// Height of one row.
const ROW: u32 = 28;
/// Bar thickness.
const BAR_H: u32 = 18;
/// Bar colour (KERN blue, 8.6:1 on white).
const BAR_FILL: &str = "#1d4f91";
/// Track of percentage bars.
const TRACK_FILL: &str = "#e3e7ed";
/// Text colour.
const TEXT_FILL: &str = "#1a1a1a";
/// Longest label drawn in full (the table and the description hold it in full).
const LABEL_MAX: usize = 30;

/// Escapes text for XML content and attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A number as people in `locale` write it: thousands grouped, one decimal when not whole.
pub fn number(v: f64, locale: Locale) -> String {
    let (group, decimal) = match locale {
        Locale::En => (',', '.'),
        // Brazilian Portuguese and Vietnamese write numbers as German does.
        Locale::De | Locale::Pt | Locale::Vi => ('.', ','),
    };
    let rounded = (v * 10.0).round() / 10.0;
    let negative = rounded < 0.0;
    let abs = rounded.abs();
    let whole = abs.trunc() as u64;
    let tenth = ((abs - abs.trunc()) * 10.0).round() as u64;
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(group);
        }
        grouped.push(ch);
    }
    let mut out = if negative {
        format!("-{grouped}")
    } else {
        grouped
    };
    if tenth > 0 {
        out.push(decimal);
        out.push_str(&tenth.to_string());
    }
    out
}

fn short(label: &str) -> String {
    if label.chars().count() <= LABEL_MAX {
        label.to_string()
    } else {
        let cut: String = label.chars().take(LABEL_MAX - 1).collect();
        format!("{cut}…")
    }
}

/// The SVG of a topic's chart. `title_id`/`desc_id` are the ids of its `<title>`/`<desc>`;
/// `unit` is appended to percentage values (`%`); `empty` is drawn when there is nothing.
pub fn svg(topic: &Topic, locale: Locale, empty: &str) -> String {
    let rows = topic.chart_rows();
    let (column, percent) = match topic.chart {
        ChartKind::Bars { column } => (column, false),
        ChartKind::Percent { column } => (column, true),
    };
    let value = |i: usize| rows[i].values.get(column).copied().flatten();
    let max = if percent {
        100.0
    } else {
        (0..rows.len()).filter_map(value).fold(0.0_f64, f64::max)
    };
    let shown = |v: f64| {
        if percent {
            format!("{} %", number(v, locale))
        } else {
            number(v, locale)
        }
    };
    let title_id = format!("chart-{}-title", topic.slug);
    let desc_id = format!("chart-{}-desc", topic.slug);
    let desc: Vec<String> = (0..rows.len())
        .map(|i| {
            let v = value(i).map_or_else(|| "–".to_string(), shown);
            format!("{}: {v}", rows[i].label)
        })
        .collect();
    let desc = if desc.is_empty() {
        empty.to_string()
    } else {
        desc.join("; ")
    };
    let height = ROW * (rows.len().max(1) as u32) + 8;
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"{title_id} {desc_id}\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" class=\"stat-chart\"><title id=\"{title_id}\">{}</title><desc id=\"{desc_id}\">{}</desc>",
        escape(&topic.title),
        escape(&desc)
    );
    if rows.is_empty() {
        s.push_str(&format!(
            "<text x=\"8\" y=\"22\" font-size=\"14\" fill=\"{TEXT_FILL}\">{}</text>",
            escape(empty)
        ));
    }
    for (i, row) in rows.iter().enumerate() {
        let y = 4 + ROW * i as u32;
        let text_y = y + BAR_H - 4;
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{text_y}\" font-size=\"13\" text-anchor=\"end\" fill=\"{TEXT_FILL}\">{}</text>",
            BAR_X - 8,
            escape(&short(&row.label))
        ));
        if percent {
            s.push_str(&format!(
                "<rect x=\"{BAR_X}\" y=\"{y}\" width=\"{BAR_MAX}\" height=\"{BAR_H}\" fill=\"{TRACK_FILL}\"/>"
            ));
        }
        let v = value(i);
        let w = match v {
            Some(v) if max > 0.0 => (v.clamp(0.0, max) / max * BAR_MAX).round(),
            _ => 0.0,
        };
        if w > 0.0 {
            s.push_str(&format!(
                "<rect x=\"{BAR_X}\" y=\"{y}\" width=\"{w}\" height=\"{BAR_H}\" fill=\"{BAR_FILL}\"/>"
            ));
        }
        let text_x = if percent {
            f64::from(BAR_X) + BAR_MAX + 6.0
        } else {
            f64::from(BAR_X) + w + 6.0
        };
        s.push_str(&format!(
            "<text x=\"{text_x}\" y=\"{text_y}\" font-size=\"13\" fill=\"{TEXT_FILL}\">{}</text>",
            escape(&v.map_or_else(|| "–".to_string(), shown))
        ));
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::super::TopicRow;
    use super::*;

    fn topic(chart: ChartKind, rows: &[(&str, Option<f64>)], total_row: bool) -> Topic {
        Topic {
            slug: "demo",
            title: "Bewerber <nach> Land".into(),
            description: String::new(),
            notes: Vec::new(),
            row_header: "Land".into(),
            columns: vec!["Anzahl".into()],
            rows: rows
                .iter()
                .map(|(l, v)| TopicRow {
                    label: (*l).into(),
                    values: vec![*v],
                })
                .collect(),
            total_row,
            chart,
        }
    }

    #[test]
    fn bars_are_scaled_to_the_largest_and_described() {
        let t = topic(
            ChartKind::Bars { column: 0 },
            &[
                ("Vietnam", Some(10.0)),
                ("Indien", Some(5.0)),
                ("Gesamt", Some(15.0)),
            ],
            true,
        );
        let s = svg(&t, Locale::De, "keine Daten");
        assert!(s.starts_with("<svg"));
        assert!(s.contains("role=\"img\""));
        assert!(s.contains("aria-labelledby=\"chart-demo-title chart-demo-desc\""));
        assert!(s.contains("<title id=\"chart-demo-title\">Bewerber &lt;nach&gt; Land</title>"));
        assert!(s.contains("<desc id=\"chart-demo-desc\">Vietnam: 10; Indien: 5</desc>"));
        assert!(
            s.contains(&format!("width=\"{BAR_MAX}\"")),
            "largest bar is full length"
        );
        assert!(s.contains("width=\"165\""), "half as long");
        assert!(!s.contains("Gesamt"), "the total is not drawn");
        assert!(!s.contains("style="), "no inline styles (CSP)");
    }

    #[test]
    fn percentages_are_capped_and_labelled() {
        let t = topic(
            ChartKind::Percent { column: 0 },
            &[
                ("Ziel A", Some(150.0)),
                ("Ziel B", Some(12.5)),
                ("Ziel C", None),
            ],
            false,
        );
        let s = svg(&t, Locale::De, "keine Daten");
        assert!(s.contains("Ziel A: 150 %; Ziel B: 12,5 %; Ziel C: –"));
        assert_eq!(
            s.matches(&format!("width=\"{BAR_MAX}\"")).count(),
            4,
            "3 tracks + capped bar"
        );
    }

    #[test]
    fn empty_charts_say_so() {
        let t = topic(ChartKind::Bars { column: 0 }, &[], false);
        assert!(svg(&t, Locale::De, "keine Daten").contains(">keine Daten</text>"));
    }

    #[test]
    fn numbers_follow_the_locale() {
        assert_eq!(number(1234567.0, Locale::De), "1.234.567");
        assert_eq!(number(12.25, Locale::De), "12,3");
        assert_eq!(number(1234.5, Locale::En), "1,234.5");
        assert_eq!(number(0.0, Locale::De), "0");
    }
}
