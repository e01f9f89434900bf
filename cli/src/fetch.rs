//! `http(s)://` inputs, fetched with ureq (blocking; one request per worker at a time).

use std::time::Duration;

use ureq::ResponseExt;

use crate::page::{Page, Reason, io_reason};
use crate::warc::{is_html, media_type};

/// An HTTP client with the batch's limits.
pub struct Fetcher {
    agent: ureq::Agent,
    limit: usize,
    timeout: f64,
    max_redirects: u32,
}

impl Fetcher {
    /// A client: `timeout` seconds for a whole request, at most `max_redirects` redirects,
    /// bodies of at most `limit` bytes (after content decoding).
    pub fn new(timeout: f64, max_redirects: u32, user_agent: &str, limit: usize) -> Self {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs_f64(timeout)))
            .max_redirects(max_redirects)
            .max_redirects_will_error(true)
            .http_status_as_error(false)
            .user_agent(user_agent)
            .build();
        Fetcher {
            agent: config.into(),
            limit,
            timeout,
            max_redirects,
        }
    }

    /// Fetches one page. Errors are one-line reasons: a status other than 2xx, a content
    /// type other than HTML, a timeout, too many redirects, a body over the limit, a
    /// network failure.
    pub fn fetch(&self, url: &str) -> Result<Page, Reason> {
        let mut response = self.agent.get(url).call().map_err(|e| self.reason(&e))?;
        let status = response.status();
        if !status.is_success() {
            return Err(format!("HTTP status {status}"));
        }
        let final_url = response.get_uri().to_string();
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let (essence, charset) = media_type(content_type.as_deref().unwrap_or(""));
        if !essence.is_empty() && !is_html(&essence) {
            return Err(format!("not HTML (content type {essence})"));
        }
        let bytes = response
            .body_mut()
            .with_config()
            .limit(u64::try_from(self.limit).unwrap_or(u64::MAX))
            .read_to_vec()
            .map_err(|e| self.reason(&e))?;
        Ok(Page {
            bytes,
            url: Some(final_url),
            charset,
        })
    }

    fn reason(&self, e: &ureq::Error) -> Reason {
        match e {
            ureq::Error::Timeout(_) => format!("timed out after {} s", self.timeout),
            ureq::Error::TooManyRedirects => {
                format!("more than {} redirects", self.max_redirects)
            }
            ureq::Error::BodyExceedsLimit(_) => {
                format!("body is larger than the limit of {} bytes", self.limit)
            }
            ureq::Error::Io(io) => io_reason(io),
            ureq::Error::StatusCode(code) => format!("HTTP status {code}"),
            other => other.to_string(),
        }
    }
}
