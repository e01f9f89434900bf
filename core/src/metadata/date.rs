//! Dates: parsing and validation.

/// Parses `YYYY-MM-DD` (exactly) into `(year, month, day)` when it is a real calendar date.
pub(crate) fn parse_ymd(s: &str) -> Option<(i32, u32, u32)> {
    let s = s.trim();
    let mut parts = s.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    is_valid(y, m, d).then_some((y, m, d))
}

/// `true` for a real calendar date.
pub(crate) fn is_valid(y: i32, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// Days in month `m` of year `y` (proleptic Gregorian).
pub(crate) fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ymd() {
        assert_eq!(parse_ymd("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_ymd("2023-02-29"), None);
        assert_eq!(parse_ymd("2023-2-1"), None);
        assert_eq!(parse_ymd("yesterday"), None);
    }
}
