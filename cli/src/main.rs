//! `dechaff`: the command-line front end of the dechaff library.
//!
//! ```text
//! dechaff page.html                                  # title and text
//! dechaff --format jsonl crawl/ pages.warc.gz > out.jsonl
//! dechaff --format markdown -o out/ https://example.com/story
//! ```
//!
//! Every extraction rule and default lives in the library; this crate reads inputs, runs
//! the library over them in parallel and writes the results in input order.

mod args;
mod batch;
mod fetch;
mod inputs;
mod output;
mod page;
mod warc;

use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

use crate::args::Args;

/// Exit status of a usage error (clap's convention).
const USAGE: u8 = 2;

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(a) => a,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!(
                "dechaff: {} (try --help)",
                one_line(&e.render().to_string())
            );
            return ExitCode::from(USAGE);
        }
    };
    if let Err(message) = check(&args) {
        eprintln!("dechaff: {message}");
        return ExitCode::from(USAGE);
    }
    let options = args.options();
    let limit = options.limits.max_input_bytes;
    let extractor = match dechaff::Extractor::new(options) {
        Ok(x) => x,
        Err(dechaff::Error::InvalidOption { name, reason }) => {
            eprintln!("dechaff: invalid --{}: {reason}", name.replace('_', "-"));
            return ExitCode::from(USAGE);
        }
        Err(e) => {
            eprintln!("dechaff: {e}");
            return ExitCode::from(USAGE);
        }
    };
    let settings = batch::Settings {
        format: args.format,
        output_dir: args.output_dir.clone(),
        jobs: args.jobs(),
        quiet: args.quiet,
        forced_encoding: args.encoding.is_some(),
        limit,
        fetcher: fetch::Fetcher::new(args.timeout, args.max_redirects, &args.user_agent, limit),
    };
    let summary = batch::run(args.inputs.clone(), extractor, settings);
    if summary.output_closed {
        // A closed pipe (`dechaff … | head`) is the reader's choice, not an error.
        std::process::exit(0);
    }
    let total = summary.pages() + summary.skipped;
    if !args.quiet && total != 1 {
        eprintln!("dechaff: {}", summary.line());
    }
    let all_failed = summary.pages() > 0 && summary.failed == summary.pages();
    if all_failed || (args.strict && summary.failed > 0) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Checks the flags clap cannot check alone.
fn check(args: &Args) -> Result<(), String> {
    if !(args.timeout.is_finite() && args.timeout > 0.0) {
        return Err(format!(
            "invalid --timeout: {} is not a positive number of seconds",
            args.timeout
        ));
    }
    if args.url.is_some() {
        let single_file = match args.inputs.as_slice() {
            [one] => one == "-" || (!inputs::is_url(one) && !std::path::Path::new(one).is_dir()),
            _ => false,
        };
        if !single_file {
            return Err("--url gives the address of a single file (or `-`); \
                        it cannot be used with several inputs, a directory or a URL"
                .to_string());
        }
    }
    Ok(())
}

/// clap's error message on one line: its first paragraph without the `error:` prefix.
fn one_line(rendered: &str) -> String {
    let first = rendered.split("\n\n").next().unwrap_or(rendered);
    let joined = first.split_whitespace().collect::<Vec<_>>().join(" ");
    joined
        .strip_prefix("error: ")
        .unwrap_or(&joined)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn parse_error(argv: &[&str]) -> String {
        let e = Args::command().try_get_matches_from(argv).unwrap_err();
        one_line(&e.render().to_string())
    }

    #[test]
    fn usage_errors_fit_on_one_line() {
        let unknown = parse_error(&["dechaff", "--bogus", "x"]);
        assert_eq!(unknown, "unexpected argument '--bogus' found");
        let bad_value = parse_error(&["dechaff", "--format", "xml", "x"]);
        assert!(
            bad_value.starts_with("invalid value 'xml' for '--format"),
            "{bad_value}"
        );
        assert!(bad_value.contains("jsonl"), "{bad_value}");
        let missing = parse_error(&["dechaff"]);
        assert!(missing.contains("<INPUT>"), "{missing}");
        for m in [unknown, bad_value, missing] {
            assert!(!m.contains('\n'));
        }
    }

    #[test]
    fn url_needs_a_single_file() {
        let ok = Args::parse_from(["dechaff", "--url", "https://e.com/", "a.html"]);
        assert!(check(&ok).is_ok());
        let two = Args::parse_from(["dechaff", "--url", "https://e.com/", "a.html", "b.html"]);
        assert!(check(&two).is_err());
        let url = Args::parse_from(["dechaff", "--url", "https://e.com/", "https://e.com/x"]);
        assert!(check(&url).is_err());
        let t = Args::parse_from(["dechaff", "--timeout", "0", "a.html"]);
        assert!(check(&t).is_err());
    }
}
