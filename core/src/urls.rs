//! URL handling: the base URL, absolute links, and bounds on what is copied out.

use url::Url;

/// Longest URL copied into an `Article`; longer ones are dropped.
pub(crate) const MAX_URL_BYTES: usize = 8 * 1024;

/// Parses a caller-supplied base URL (http, https or file, absolute).
pub(crate) fn parse_base(s: &str) -> Result<Url, String> {
    if s.len() > MAX_URL_BYTES {
        return Err(format!("longer than {MAX_URL_BYTES} bytes"));
    }
    let u = Url::parse(s.trim()).map_err(|e| format!("{s:?} is not an absolute URL ({e})"))?;
    if u.cannot_be_a_base() {
        return Err(format!("{s:?} cannot be a base URL"));
    }
    Ok(u)
}

/// Resolves `href` against `base`; `None` for empty, `javascript:`, `data:` or over-long
/// values. Without a base, relative references are returned as written.
pub(crate) fn absolutize(base: Option<&Url>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() || href.len() > MAX_URL_BYTES {
        return None;
    }
    let lower_scheme: String = href
        .chars()
        .take(11)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower_scheme.starts_with("javascript:") || lower_scheme.starts_with("data:") {
        return None;
    }
    match base {
        Some(b) => b
            .join(href)
            .ok()
            .map(String::from)
            .filter(|s| s.len() <= MAX_URL_BYTES),
        None => Some(href.to_string()),
    }
}

/// The top-level domain of `url` (`"ru"`), for the encoding guess.
pub(crate) fn tld(url: &Url) -> Option<String> {
    let host = url.host_str()?;
    let last = host.rsplit('.').next()?;
    (!last.is_empty() && last.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| last.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_and_refuses() {
        let base = parse_base("https://example.com/news/a.html").unwrap();
        assert_eq!(
            absolutize(Some(&base), "../img/x.jpg").as_deref(),
            Some("https://example.com/img/x.jpg")
        );
        assert_eq!(absolutize(Some(&base), "javascript:void(0)"), None);
        assert_eq!(absolutize(Some(&base), "data:image/png;base64,AAA"), None);
        assert_eq!(absolutize(None, "/x"), Some("/x".to_string()));
        assert!(parse_base("not a url").is_err());
        assert_eq!(tld(&base).as_deref(), Some("com"));
    }
}
