//! Median and mean of durations given as a histogram `days → count` (the grouped query's
//! result), so the median stays exact without reading single records.

/// Median and mean (days) of a histogram, and how many values it holds; `None` when empty.
pub fn median_mean(histogram: &[(i64, i64)]) -> Option<(f64, f64, i64)> {
    let mut h: Vec<(i64, i64)> = histogram.iter().copied().filter(|(_, c)| *c > 0).collect();
    h.sort_unstable();
    let n: i64 = h.iter().map(|(_, c)| c).sum();
    if n == 0 {
        return None;
    }
    let sum: i64 = h.iter().map(|(d, c)| d * c).sum();
    let nth = |k: i64| {
        let mut seen = 0;
        for (d, c) in &h {
            seen += c;
            if seen > k {
                return *d;
            }
        }
        0
    };
    let median = if n % 2 == 1 {
        nth(n / 2) as f64
    } else {
        (nth(n / 2 - 1) + nth(n / 2)) as f64 / 2.0
    };
    Some((median, sum as f64 / n as f64, n))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median_mean(&[]), None);
        assert_eq!(
            median_mean(&[(10, 1), (30, 1), (20, 1)]),
            Some((20.0, 20.0, 3))
        );
        assert_eq!(median_mean(&[(10, 2), (40, 2)]), Some((25.0, 25.0, 4)));
        assert_eq!(median_mean(&[(5, 3), (100, 1)]), Some((5.0, 28.75, 4)));
    }
}
