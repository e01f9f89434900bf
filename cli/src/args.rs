//! Command-line flags. Every extraction default shown in `--help` is read from
//! [`dechaff::Options::default`]; nothing here has a default of its own except the
//! command's own knobs (format, jobs, HTTP client settings).

use std::path::PathBuf;

use clap::{Parser, ValueEnum};
use dechaff::{Favor, Limits, OnLimit, Options};

/// Clean article text and metadata from web pages: files, directories, gzip files, WARC
/// archives, standard input and http(s) URLs, in parallel.
#[derive(Debug, Parser)]
#[command(
    name = "dechaff",
    version = dechaff::VERSION,
    after_help = "Directories are read recursively, in name order: *.html, *.htm, *.xhtml, *.shtml \
(each optionally .gz) and *.warc / *.warc.gz. Pages come out in input order whatever -j is.\n\
Exit status: 0 when at least one page was extracted (with --strict: when none failed), \
1 when every page failed (or any did, with --strict), 2 on a usage error."
)]
pub struct Args {
    /// Inputs: files, directories, `-` for standard input, http(s):// URLs. A file may be
    /// gzip-compressed or a WARC archive (optionally .gz).
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<String>,

    /// Output format. `jsonl`: one JSON object per page with `id`, `source`, `author`
    /// (authors joined with "; "), `date` (= published) and every Article field.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Write one file per page into DIR, mirroring input names (`a/b.html` → `DIR/a/b.txt`),
    /// instead of standard output.
    #[arg(short, long, value_name = "DIR")]
    pub output_dir: Option<PathBuf>,

    /// Pages extracted at once [default: the number of cores].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Exit with status 1 when any page failed (not only when all did).
    #[arg(long)]
    pub strict: bool,

    /// Print no per-page failure lines, no skipped-record lines and no summary.
    #[arg(short, long)]
    pub quiet: bool,

    /// Base URL of a single input file: resolves relative links and images, and hints the
    /// encoding guess and dates.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,

    /// Precision / recall trade-off.
    #[arg(long, value_enum, default_value_t = FavorArg::from(Options::default().favor))]
    pub favor: FavorArg,

    /// Keep data tables.
    #[arg(long, overrides_with = "no_tables", help = on_off("Keep data tables", Options::default().include_tables))]
    pub tables: bool,
    /// Drop data tables.
    #[arg(long, overrides_with = "tables")]
    pub no_tables: bool,

    /// Keep images (figures with caption).
    #[arg(long, overrides_with = "no_images", help = on_off("Keep images (figures with caption)", Options::default().include_images))]
    pub images: bool,
    /// Drop images.
    #[arg(long, overrides_with = "images")]
    pub no_images: bool,

    /// Keep link targets (markdown links, `links` in JSON).
    #[arg(long, overrides_with = "no_links", help = on_off("Keep link targets (markdown links, `links` in JSON)", Options::default().include_links))]
    pub links: bool,
    /// Drop link targets.
    #[arg(long, overrides_with = "links")]
    pub no_links: bool,

    /// Keep the comment section, after the article.
    #[arg(long, overrides_with = "no_comments", help = on_off("Keep the comment section, after the article", Options::default().include_comments))]
    pub comments: bool,
    /// Drop the comment section.
    #[arg(long, overrides_with = "comments")]
    pub no_comments: bool,

    /// Record why each block was kept or dropped (`diagnostics.trace` in json/jsonl).
    #[arg(long, overrides_with = "no_explain", help = on_off("Record why each block was kept or dropped (`diagnostics.trace` in json/jsonl)", Options::default().explain))]
    pub explain: bool,
    /// Do not record the decision trace.
    #[arg(long, overrides_with = "explain")]
    pub no_explain: bool,

    /// Encoding label forced on every page (e.g. windows-1251); wins over an HTTP charset.
    /// A byte-order mark still wins [default: detected].
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,

    /// The day pages are read (YYYY-MM-DD): latest accepted date, anchor of relative dates
    /// [default: today].
    #[arg(long, value_name = "DATE")]
    pub reference_date: Option<String>,

    /// The earliest accepted date (YYYY-MM-DD) [default: 1995-01-01].
    #[arg(long, value_name = "DATE")]
    pub earliest_date: Option<String>,

    /// Largest page accepted, in bytes (after decompression); also the download limit.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_input_bytes)]
    pub max_input_bytes: usize,

    /// Most elements parsed per page.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_nodes)]
    pub max_nodes: usize,

    /// Deepest element nesting parsed.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_depth)]
    pub max_depth: usize,

    /// What to do when a page exceeds --max-nodes or --max-depth: extract what was parsed
    /// (degrade), or fail the page (error).
    #[arg(long, value_enum, default_value_t = OnLimitArg::from(Limits::default().on_limit))]
    pub on_limit: OnLimitArg,

    /// URLs: seconds allowed for a whole request (connect, headers and body).
    #[arg(long, value_name = "SECS", default_value_t = 30.0)]
    pub timeout: f64,

    /// URLs: most redirects followed.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub max_redirects: u32,

    /// URLs: the User-Agent header sent.
    #[arg(long, value_name = "UA", default_value_t = default_user_agent())]
    pub user_agent: String,
}

/// The `help` text of a boolean flag pair, with the default read from core.
fn on_off(what: &str, default: bool) -> String {
    format!("{what} [default: {}]", if default { "on" } else { "off" })
}

fn default_user_agent() -> String {
    format!(
        "dechaff/{} (+https://github.com/dechaff/dechaff)",
        dechaff::VERSION
    )
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The title, a blank line, then the body text.
    Text,
    /// YAML front matter of the metadata, then the article as Markdown.
    Markdown,
    /// The Article as one line of JSON (the library's `to_json()`).
    Json,
    /// One JSON line per page, with `id`, `source`, `author` and `date` added.
    Jsonl,
    /// A small clean HTML document per page.
    Html,
}

impl Format {
    /// File extension used with `--output-dir`.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Json | Format::Jsonl => "json",
            Format::Html => "html",
        }
    }
}

/// [`Favor`] as a command-line value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FavorArg {
    /// Drop doubtful blocks.
    Precision,
    /// The default trade-off.
    Balanced,
    /// Keep doubtful blocks.
    Recall,
}

impl From<Favor> for FavorArg {
    fn from(f: Favor) -> Self {
        match f {
            Favor::Precision => FavorArg::Precision,
            Favor::Balanced => FavorArg::Balanced,
            Favor::Recall => FavorArg::Recall,
        }
    }
}

impl From<FavorArg> for Favor {
    fn from(f: FavorArg) -> Self {
        match f {
            FavorArg::Precision => Favor::Precision,
            FavorArg::Balanced => Favor::Balanced,
            FavorArg::Recall => Favor::Recall,
        }
    }
}

impl std::fmt::Display for FavorArg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(Favor::from(*self).as_str())
    }
}

/// [`OnLimit`] as a command-line value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnLimitArg {
    /// Extract from what was parsed; the article says it was truncated.
    Degrade,
    /// Fail the page.
    Error,
}

impl From<OnLimit> for OnLimitArg {
    fn from(o: OnLimit) -> Self {
        match o {
            OnLimit::Degrade => OnLimitArg::Degrade,
            OnLimit::Error => OnLimitArg::Error,
        }
    }
}

impl From<OnLimitArg> for OnLimit {
    fn from(o: OnLimitArg) -> Self {
        match o {
            OnLimitArg::Degrade => OnLimit::Degrade,
            OnLimitArg::Error => OnLimit::Error,
        }
    }
}

impl std::fmt::Display for OnLimitArg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            OnLimitArg::Degrade => "degrade",
            OnLimitArg::Error => "error",
        })
    }
}

/// Resolves a `--x` / `--no-x` pair: the flag given last wins, neither keeps the default.
fn pair(on: bool, off: bool, default: bool) -> bool {
    if on {
        true
    } else if off {
        false
    } else {
        default
    }
}

impl Args {
    /// The extraction options: `Options::default()` with every flag given applied.
    pub fn options(&self) -> Options {
        let d = Options::default();
        let mut o = Options::default()
            .favor(self.favor.into())
            .include_tables(pair(self.tables, self.no_tables, d.include_tables))
            .include_images(pair(self.images, self.no_images, d.include_images))
            .include_links(pair(self.links, self.no_links, d.include_links))
            .include_comments(pair(self.comments, self.no_comments, d.include_comments))
            .explain(pair(self.explain, self.no_explain, d.explain))
            .limits(
                Limits::default()
                    .max_input_bytes(self.max_input_bytes)
                    .max_nodes(self.max_nodes)
                    .max_depth(self.max_depth)
                    .on_limit(self.on_limit.into()),
            );
        if let Some(u) = &self.url {
            o = o.url(u.clone());
        }
        if let Some(e) = &self.encoding {
            o = o.encoding(e.clone());
        }
        if let Some(d) = &self.reference_date {
            o = o.reference_date(d.clone());
        }
        if let Some(d) = &self.earliest_date {
            o = o.earliest_date(d.clone());
        }
        o
    }

    /// Worker threads: `-j`, else every core.
    pub fn jobs(&self) -> usize {
        match self.jobs {
            Some(n) => usize::from(n),
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Args::command().debug_assert();
    }

    #[test]
    fn no_flags_means_core_defaults() {
        let args = Args::parse_from(["dechaff", "x.html"]);
        assert_eq!(args.options(), Options::default());
    }

    #[test]
    fn flags_reach_the_options() {
        let args = Args::parse_from([
            "dechaff",
            "--favor",
            "precision",
            "--no-tables",
            "--images",
            "--links",
            "--comments",
            "--explain",
            "--encoding",
            "koi8-r",
            "--reference-date",
            "2024-05-01",
            "--earliest-date",
            "2001-01-01",
            "--max-input-bytes",
            "1000",
            "--max-nodes",
            "99",
            "--max-depth",
            "40",
            "--on-limit",
            "error",
            "--url",
            "https://example.com/a",
            "x.html",
        ]);
        let o = args.options();
        assert_eq!(o.favor, Favor::Precision);
        assert!(!o.include_tables && o.include_images && o.include_links);
        assert!(o.include_comments && o.explain);
        assert_eq!(o.encoding.as_deref(), Some("koi8-r"));
        assert_eq!(o.reference_date.as_deref(), Some("2024-05-01"));
        assert_eq!(o.earliest_date.as_deref(), Some("2001-01-01"));
        assert_eq!(o.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(o.limits.max_input_bytes, 1000);
        assert_eq!(o.limits.max_nodes, 99);
        assert_eq!(o.limits.max_depth, 40);
        assert_eq!(o.limits.on_limit, OnLimit::Error);
    }

    #[test]
    fn the_last_of_a_flag_pair_wins() {
        let a = Args::parse_from(["dechaff", "--no-tables", "--tables", "x"]);
        assert!(a.options().include_tables);
        let a = Args::parse_from(["dechaff", "--tables", "--no-tables", "x"]);
        assert!(!a.options().include_tables);
    }

    #[test]
    fn every_flag_is_documented_in_help() {
        let mut cmd = Args::command();
        let help = cmd.render_long_help().to_string();
        for arg in cmd.get_arguments() {
            if let Some(long) = arg.get_long() {
                assert!(help.contains(&format!("--{long}")), "--{long} missing");
                assert!(
                    arg.get_help().is_some() || arg.get_long_help().is_some(),
                    "--{long} has no help text"
                );
            }
        }
    }
}
