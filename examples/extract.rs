//! Prints one page's Article.
//!
//! ```text
//! cargo run --release --example extract -- [FILE] [--format json|markdown|text|html] [--url URL]
//! ```
//!
//! With no FILE it runs on the bundled demo page (`examples/pages/kyiv-independent.html`).

use std::process::ExitCode;

const DEMO_PAGE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/pages/kyiv-independent.html");

fn main() -> ExitCode {
    let mut file = None;
    let mut format = String::from("text");
    let mut options = dechaff::Options::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" => format = args.next().unwrap_or_default(),
            "--url" => options = options.url(args.next().unwrap_or_default()),
            "--explain" => options = options.explain(true),
            "--images" => options = options.include_images(true),
            "--links" => options = options.include_links(true),
            "-h" | "--help" => {
                println!(
                    "usage: extract [FILE] [--format json|markdown|text|html] [--url URL] [--explain] [--images] [--links]"
                );
                return ExitCode::SUCCESS;
            }
            _ if file.is_none() && !arg.starts_with("--") => file = Some(arg),
            _ => {
                eprintln!("extract: unknown argument {arg:?} (try --help)");
                return ExitCode::from(2);
            }
        }
    }
    let path = file.unwrap_or_else(|| DEMO_PAGE.to_string());
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("extract: cannot read {path}: {e}");
            return ExitCode::from(1);
        }
    };
    let article = match dechaff::extract_bytes(&bytes, &options) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("extract: {path}: {e}");
            return ExitCode::from(1);
        }
    };
    match format.as_str() {
        "json" => println!("{}", article.to_json()),
        "markdown" | "md" => print!("{}", article.markdown()),
        "html" => print!("{}", article.html()),
        "text" | "txt" => {
            if let Some(t) = &article.title {
                println!("{t}\n");
            }
            println!("{}", article.text());
        }
        other => {
            eprintln!("extract: unknown format {other:?} (json, markdown, text, html)");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
