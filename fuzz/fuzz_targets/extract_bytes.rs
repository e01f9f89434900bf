//! Raw bytes through `Extractor::extract_bytes`, with a caller encoding hint drawn from the
//! WHATWG labels (first byte), as an HTTP header would give it.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, html)) = data.split_first() else {
        return;
    };
    let options = dechaff::Options::default();
    let extractor = dechaff::Extractor::new(options.clone()).expect("default options are valid");
    let hint = match pick as usize {
        i if i < common::LABELS.len() => common::LABELS.get(i).copied(),
        _ => None,
    };
    match extractor.extract_bytes(html, None, hint) {
        Ok(article) => {
            common::check(&article, &options);
            // Same input, same output (checked on small inputs, to keep the run fast).
            if html.len() > 64 * 1024 {
                return;
            }
            let again = extractor.extract_bytes(html, None, hint).expect("succeeded once");
            assert_eq!(article.to_json(), again.to_json());
        }
        Err(e) => {
            let _ = e.kind();
            let _ = e.to_string();
        }
    }
});
