//! Arbitrary `Options` plus arbitrary HTML. Options are built field by field from an
//! `arbitrary` mirror struct (core does not depend on `arbitrary`); its `Debug` output is a
//! reproducer. Invalid options must give `InvalidOption` from `Extractor::new`, and valid
//! ones must extract without panicking, within the limits they set.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

#[derive(Debug, Arbitrary)]
struct Input {
    favor: u8,
    include_tables: bool,
    include_images: bool,
    include_links: bool,
    include_comments: bool,
    explain: bool,
    url: Option<String>,
    encoding: Option<u8>,
    reference_date: Option<String>,
    earliest_date: Option<String>,
    max_input_bytes: u32,
    max_nodes: u16,
    max_depth: u16,
    on_limit_error: bool,
    html: String,
}

fuzz_target!(|input: Input| {
    let mut o = dechaff::Options::default()
        .favor(match input.favor % 3 {
            0 => dechaff::Favor::Precision,
            1 => dechaff::Favor::Balanced,
            _ => dechaff::Favor::Recall,
        })
        .include_tables(input.include_tables)
        .include_images(input.include_images)
        .include_links(input.include_links)
        .include_comments(input.include_comments)
        .explain(input.explain);
    if let Some(u) = input.url {
        o = o.url(u);
    }
    if let Some(e) = input.encoding {
        o = o.encoding(common::LABELS.get(e as usize % common::LABELS.len()).copied().unwrap_or(""));
    }
    if let Some(d) = input.reference_date {
        o = o.reference_date(d);
    }
    if let Some(d) = input.earliest_date {
        o = o.earliest_date(d);
    }
    let limits = dechaff::Limits::default()
        .max_input_bytes(input.max_input_bytes as usize)
        .max_nodes(input.max_nodes as usize)
        // Work grows with the square of the depth cap (html5ever's tree builder and the
        // passes walk ancestors), which is why the default is 512: a fuzzed cap of 30 000 on
        // a 2 700-deep page took seconds under ASan (fuzz/RUNS.md). Keep caps of realistic
        // size so that a timeout means a bug, not a documented cost.
        .max_depth(input.max_depth as usize % 2048)
        .on_limit(if input.on_limit_error {
            dechaff::OnLimit::Error
        } else {
            dechaff::OnLimit::Degrade
        });
    o = o.limits(limits);
    let extractor = match dechaff::Extractor::new(o.clone()) {
        Ok(x) => x,
        Err(e) => {
            assert_eq!(e.kind(), "invalid_option", "{e}");
            assert!(o.validate().is_err());
            return;
        }
    };
    match extractor.extract(&input.html, None) {
        Ok(article) => {
            common::check(&article, &o);
            assert!(input.html.len() <= o.limits.max_input_bytes);
        }
        Err(dechaff::Error::InputTooLarge { size, limit }) => {
            assert_eq!(size, input.html.len());
            assert!(size > limit);
        }
        Err(dechaff::Error::TooComplex { .. }) => assert!(input.on_limit_error),
        Err(e) => assert_eq!(e.kind(), "not_html", "{e}"),
    }
});
