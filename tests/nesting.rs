//! No recursion over the DOM anywhere: a page nested 10 000 elements deep is extracted on a
//! thread with a 256 KiB stack, with the depth cap lifted so every pass sees the whole depth.

use dechaff::{Limits, Options};

const STACK_BYTES: usize = 256 * 1024;
const DEPTH: usize = 10_000;

fn deep_page(tag: &str) -> String {
    let mut html = String::from("<html><body><article>");
    let text = "The paragraph at the bottom of a very deep page, long enough to be content, \
                with a comma or two, as real sentences have.";
    for _ in 0..DEPTH {
        html.push_str(&format!("<{tag}>"));
    }
    html.push_str(&format!("<p>{text}</p><p>{text}</p>"));
    for _ in 0..DEPTH {
        html.push_str(&format!("</{tag}>"));
    }
    html.push_str("</article></body></html>");
    html
}

fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(STACK_BYTES)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("extraction thread overflowed or panicked")
}

#[test]
fn ten_thousand_nested_divs_on_a_small_stack() {
    let article = on_small_stack(|| {
        let options = Options::default().limits(Limits::unlimited().max_depth(2 * DEPTH));
        dechaff::extract(&deep_page("div"), &options).unwrap()
    });
    assert!(
        article.diagnostics.max_depth >= DEPTH,
        "depth {}",
        article.diagnostics.max_depth
    );
    assert!(!article.diagnostics.truncated);
    assert!(article.text().contains("The paragraph at the bottom"));
    // Every renderer walks the blocks iteratively too.
    assert!(article.markdown().contains("The paragraph at the bottom"));
    assert!(article.html().contains("The paragraph at the bottom"));
}

#[test]
fn ten_thousand_nested_spans_and_sections_on_a_small_stack() {
    for tag in ["span", "section"] {
        let page = deep_page(tag);
        let article = on_small_stack(move || {
            let options = Options::default().limits(Limits::unlimited().max_depth(2 * DEPTH));
            dechaff::extract(&page, &options).unwrap()
        });
        assert!(article.diagnostics.max_depth >= DEPTH, "{tag}");
    }
}

#[test]
fn default_depth_cap_truncates_and_says_so() {
    let article =
        on_small_stack(|| dechaff::extract(&deep_page("div"), &Options::default()).unwrap());
    assert!(article.diagnostics.truncated);
    assert_eq!(article.diagnostics.limits_hit, vec!["depth".to_string()]);
    assert!(article.diagnostics.max_depth <= 512 + 16 * 1024);
}
