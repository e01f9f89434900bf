//! The adversarial suite: every hostile shape of `dechaff_examples::adversarial` (deep
//! nesting of every kind, floods of elements, huge attributes and text, broken encodings,
//! binary input, size limits, …) must end with its expected result class, without a panic,
//! abort or stack overflow, within a time and memory bound relative to a plain parse.
//!
//! Each case runs in a child process (`stress --check`, built in release by this test), which
//! itself runs the extraction in a grandchild on a 256 KiB-stack thread, and the reference
//! parses (`scraper::Html::parse_document` of the same input, and of an ordinary page of the
//! same size; the smaller is the reference) in their own processes. A crash or stack overflow
//! therefore shows up as a failed case instead of killing the test runner.
//!
//! The bounds are generous on purpose (the machine is shared and timings are noisy): they
//! catch quadratic blow-ups, which are orders of magnitude, not constant factors. The exact
//! figures are printed by `stress --suite` (see docs/robustness.md).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// Extraction may take this many times the reference parse (CPU time), plus [`FLOOR_MS`]. dechaff's
/// passes walk text character by character, which costs tens of times html5ever's
/// tokenizer on prose; a quadratic pass costs thousands of times.
const TIME_FACTOR: f64 = 100.0;
const FLOOR_MS: f64 = 2000.0;
/// Peak RSS may be this many times the reference parse's, plus [`FLOOR_RSS_MB`].
const RSS_FACTOR: f64 = 8.0;
const FLOOR_RSS_MB: f64 = 128.0;

/// `(case, limits, accepted result classes)` for every case the suite runs.
const EXPECTED: &[(&str, &str, &[&str])] = &[
    ("deep_div", "default", &["degraded[depth]"]),
    ("deep_div", "error", &["error(too_complex:depth)"]),
    ("deep_div_unclosed", "default", &["degraded[depth]"]),
    ("deep_ul_li", "default", &["degraded[depth]"]),
    ("deep_table", "default", &["degraded[depth]"]),
    ("deep_b", "default", &["degraded[depth]"]),
    ("deep_a_i", "default", &["degraded[depth]"]),
    ("adoption_a_i", "default", &["degraded[depth]"]),
    ("deep_b_distinct", "default", &["degraded[depth]"]),
    ("reconstruct", "default", &["degraded[nodes]"]),
    ("lexbor_b_i", "default", &["degraded[depth]"]),
    ("deep_template", "default", &["degraded[depth]"]),
    ("deep_svg", "default", &["degraded[depth]"]),
    ("deep_math", "default", &["degraded[depth]"]),
    ("deep_mixed", "default", &["degraded[depth]"]),
    ("deep_select", "default", &["degraded[depth]"]),
    ("table_template", "default", &["degraded[depth]"]),
    ("svg_flat", "default", &["ok"]),
    ("tiny_elements", "default", &["degraded[nodes]"]),
    ("tiny_elements", "error", &["error(too_complex:nodes)"]),
    ("br_flood", "default", &["degraded[nodes]"]),
    ("span_flood", "default", &["degraded[nodes]"]),
    ("wide_table", "default", &["degraded[nodes]"]),
    ("sibling_paragraphs", "default", &["ok"]),
    ("colspan", "default", &["ok"]),
    ("wide_lists", "default", &["ok", "ok-empty"]),
    ("many_attrs", "default", &["ok[attributes]"]),
    (
        "many_attrs_tags",
        "default",
        &["ok[attributes]", "ok-empty[attributes]"],
    ),
    (
        "many_attrs_dup",
        "default",
        &["ok[attributes]", "ok-empty[attributes]"],
    ),
    ("huge_attr", "default", &["ok"]),
    ("huge_class_words", "default", &["ok"]),
    ("huge_href", "default", &["ok"]),
    ("huge_style", "default", &["ok"]),
    ("data_uri_img", "default", &["ok"]),
    ("huge_text", "default", &["ok"]),
    ("huge_text_words", "default", &["ok"]),
    ("huge_pre", "default", &["ok"]),
    ("entities", "default", &["ok"]),
    ("numeric_refs", "default", &["ok"]),
    ("nul_sparse", "default", &["ok"]),
    (
        "nul_dense",
        "default",
        &["ok", "ok-empty", "error(not_html:binary)"],
    ),
    ("invalid_utf8", "default", &["ok"]),
    ("utf16le_bom", "default", &["ok"]),
    ("utf16be_bom", "default", &["ok"]),
    ("utf16le_nobom", "default", &["ok"]),
    ("utf16be_nobom", "default", &["ok"]),
    ("declared_utf8_is_1251", "default", &["ok"]),
    ("declared_sjis_is_utf8", "default", &["ok"]),
    ("declared_utf16", "default", &["ok"]),
    ("declared_bogus", "default", &["ok"]),
    ("meta_late", "default", &["ok"]),
    ("empty", "default", &["ok-empty"]),
    ("whitespace", "default", &["ok-empty"]),
    ("html_only", "default", &["ok-empty"]),
    ("script_only", "default", &["ok-empty"]),
    ("unclosed_script", "default", &["ok-empty"]),
    ("unclosed_title", "default", &["ok-empty"]),
    ("unclosed_textarea", "default", &["ok-empty", "ok"]),
    ("plaintext", "default", &["ok", "ok-empty"]),
    ("unclosed_comment", "default", &["ok-empty"]),
    ("comment_flood", "default", &["degraded[nodes]"]),
    ("frameset", "default", &["ok-empty"]),
    ("noscript_images", "default", &["ok-empty"]),
    ("jsonld_many", "default", &["ok"]),
    ("jsonld_deep", "default", &["ok"]),
    ("jsonld_huge", "default", &["ok", "ok-empty"]),
    ("jsonld_wide", "default", &["ok"]),
    ("binary_garbage", "default", &["error(not_html:binary)"]),
    ("truncated_gzip", "default", &["error(not_html:compressed)"]),
    ("png", "default", &["error(not_html:image)"]),
    ("pdf", "default", &["error(not_html:pdf)"]),
    ("zip", "default", &["error(not_html:archive)"]),
    ("page_50mb", "default", &["error(input_too_large)"]),
    ("page_50mb", "raised", &["ok", "degraded[nodes]"]),
    ("boundary_over", "default", &["error(input_too_large)"]),
    ("boundary_at", "default", &["ok"]),
];

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Builds the stress example in release (debug html5ever is too slow for megabyte pages) and
/// returns its path.
fn stress_binary() -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let status = Command::new(cargo)
        .current_dir(workspace())
        .args([
            "build",
            "--quiet",
            "--release",
            "-p",
            "dechaff-examples",
            "--example",
            "stress",
        ])
        .status()
        .expect("cargo runs");
    assert!(status.success(), "building the stress example failed");
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("target"));
    target.join("release/examples/stress")
}

fn run(stress: &Path, args: &[&str]) -> String {
    let out = Command::new(stress)
        .args(args)
        .output()
        .expect("stress runs");
    assert!(
        out.status.success(),
        "stress {args:?}: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn every_hostile_page_ends_typed_and_bounded() {
    let stress = stress_binary();

    // Every generated case has an expectation, and every expectation a case.
    let listed: Vec<String> = run(&stress, &["--list"])
        .lines()
        .filter_map(|l| l.split('\t').next().map(str::to_string))
        .filter(|n| n != "control")
        .collect();
    for name in &listed {
        assert!(
            EXPECTED.iter().any(|(c, _, _)| c == name),
            "case {name} has no expectation in tests/adversarial.rs"
        );
    }
    assert!(listed.len() >= 70, "only {} cases", listed.len());

    let mut failures = Vec::new();
    for (case, limits, accepted) in EXPECTED {
        assert!(listed.iter().any(|n| n == case), "unknown case {case}");
        let line = run(&stress, &["--check", case, "--limits", limits]);
        let v: Value = serde_json::from_str(line.trim()).expect("one JSON line");
        let class = v["class"].as_str().unwrap_or("?");
        let f = |k: &str| v[k].as_f64();
        // CPU time of the extraction thread: unlike wall time, it does not grow when the
        // machine is busy with other work.
        let ms = f("cpu_ms").unwrap_or(f64::INFINITY);
        let rss_mb = f("rss_kb").unwrap_or(f64::INFINITY) / 1024.0;
        eprintln!(
            "{case:<22} {limits:<8} {class:<28} {ms:>9.1} ms {rss_mb:>8.1} MB  ref {:?} ms {:?} KB",
            f("ref_ms"),
            f("ref_rss_kb")
        );
        if !accepted.contains(&class) {
            failures.push(format!(
                "{case} ({limits}): class {class}, expected {accepted:?}"
            ));
            continue;
        }
        // Without a reference the run was under both floors (see `stress --check`).
        let ref_ms = f("ref_ms").unwrap_or(0.0);
        let ref_rss_mb = f("ref_rss_kb").unwrap_or(0.0) / 1024.0;
        let max_ms = TIME_FACTOR * ref_ms + FLOOR_MS;
        let max_rss = RSS_FACTOR * ref_rss_mb + FLOOR_RSS_MB;
        if ms > max_ms {
            failures.push(format!("{case} ({limits}): {ms:.0} ms > {max_ms:.0} ms"));
        }
        if rss_mb > max_rss {
            failures.push(format!(
                "{case} ({limits}): {rss_mb:.0} MB > {max_rss:.0} MB"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The exact 20 MB boundary and the 256 KiB stack hold in-process too (no child), so a plain
/// `cargo test` run in debug also exercises the limits' edges.
#[test]
fn input_size_limit_is_exact() {
    let options = dechaff::Options::default().max_input_bytes(1000);
    let page = dechaff_examples::adversarial::page_bytes(1001);
    match dechaff::extract_bytes(&page, &options) {
        Err(dechaff::Error::InputTooLarge { size, limit }) => {
            assert_eq!((size, limit), (1001, 1000));
        }
        other => panic!("expected InputTooLarge, got {other:?}"),
    }
    let page = dechaff_examples::adversarial::page_bytes(1000);
    assert!(dechaff::extract_bytes(&page, &options).is_ok());
}

#[test]
fn deep_pages_are_safe_on_a_small_stack() {
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            let html = "<div>".repeat(20_000) + "deep";
            let a = dechaff::extract(&html, &dechaff::Options::default()).expect("degrades");
            assert!(a.diagnostics.truncated);
            assert_eq!(a.diagnostics.limits_hit, ["depth"]);
            assert!(a.diagnostics.max_depth <= 512);
        })
        .expect("thread starts");
    handle.join().expect("no panic, no overflow");
}

/// Regression of the fuzz `options` target (fuzz/regressions/options/, round 2): 2 700 nested
/// `<div>`s with a caller-raised depth cap of 30 313 took over 10 s under AddressSanitizer,
/// because the work grows with the square of the depth cap. It must still complete, without
/// truncation; with the default cap of 512 the same page degrades at once.
#[test]
fn fuzz_regression_deep_page_with_raised_depth_cap() {
    let html = "<div>".repeat(2700);
    let raised = dechaff::Options::default().limits(
        dechaff::Limits::default()
            .max_nodes(25_660)
            .max_depth(30_313),
    );
    let a = dechaff::extract(&html, &raised).expect("extracts");
    assert!(!a.diagnostics.truncated);
    assert_eq!(a.diagnostics.max_depth, 2702);
    let a = dechaff::extract(&html, &dechaff::Options::default()).expect("extracts");
    assert_eq!(a.diagnostics.limits_hit, ["depth"]);
    assert_eq!(a.diagnostics.max_depth, 512);
}
