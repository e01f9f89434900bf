//! Child-process harness for hostile pages (the adversarial suite and the robustness figures).
//!
//! ```text
//! cargo build --release --example stress
//! stress --list                                  # the cases (name, test n, bench n, about)
//! stress --case NAME [--n N] [--limits default|raised|error] [--plain]
//!        # one run in this process: generate, then extract on a 256 KiB-stack thread
//!        # (or, with --plain, scraper::Html::parse_document on a large stack); one JSON line
//! stress --check NAME [--n N] [--limits L] [--always-ref]
//!        # the case in a child process, plus the reference: a plain parse of the same input
//!        # and of an ordinary page of the same size, each in its own child; one JSON line
//! stress --suite                                 # --check for every case at its test size
//! stress --scaling [--runs R]                    # every bench case at n and 4n: exponent k
//! stress --measure DIR...                        # corpus figures: bytes, elements, depth
//! ```
//!
//! A run prints `{"case","n","limits","mode","bytes","class","ms","rss_kb","hash",...}` where
//! `class` is `ok`, `ok-empty` (either with `[attributes]` when a tag's attributes were
//! capped), `degraded[nodes|depth]` or `error(kind[:reason])`, `ms` is the
//! time of the extraction call alone, and `rss_kb` is the peak resident set of the process
//! (`VmHWM`, Linux; 0 elsewhere). An abort or stack overflow in the child is reported by
//! the parent as `crash(...)`, a run past its deadline as `timeout`.

use std::io::Read;
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use dechaff_examples::adversarial::{self, LimitsKind};
use serde_json::{Value, json};

/// Stack of the extraction thread: small on purpose, so recursion shows up as a crash.
const EXTRACT_STACK: usize = 256 * 1024;
/// Stack of the reference parse (it is the yardstick, not the subject).
const PLAIN_STACK: usize = 256 * 1024 * 1024;
/// Deadline of one extraction child.
const EXTRACT_DEADLINE: Duration = Duration::from_secs(120);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| args.iter().any(|a| a == name);
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let limits = match value("--limits").as_deref().map(LimitsKind::parse) {
        None => LimitsKind::Default,
        Some(Some(l)) => l,
        Some(None) => return usage("unknown --limits"),
    };
    let n = value("--n").and_then(|s| s.parse::<usize>().ok());
    if flag("--list") {
        for c in adversarial::cases() {
            println!("{}\t{}\t{}\t{}", c.name, c.test_n, c.bench_n, c.about);
        }
        return ExitCode::SUCCESS;
    }
    if let Some(name) = value("--case") {
        let Some(case) = adversarial::find(&name) else {
            return usage("unknown case");
        };
        let n = n.unwrap_or(case.test_n);
        let out = if flag("--plain") {
            run_plain(&case, n)
        } else {
            run_extract(&case, n, limits)
        };
        println!("{out}");
        return ExitCode::SUCCESS;
    }
    if let Some(name) = value("--check") {
        let Some(case) = adversarial::find(&name) else {
            return usage("unknown case");
        };
        let n = n.unwrap_or(case.test_n);
        println!("{}", check(&case, n, limits, flag("--always-ref")));
        return ExitCode::SUCCESS;
    }
    if flag("--suite") {
        return suite();
    }
    if flag("--scaling") {
        let runs = value("--runs").and_then(|s| s.parse().ok()).unwrap_or(3);
        return scaling(runs);
    }
    if let Some(i) = args.iter().position(|a| a == "--measure") {
        return measure(args.get(i + 1..).unwrap_or(&[]));
    }
    usage("no mode given")
}

fn usage(why: &str) -> ExitCode {
    eprintln!(
        "stress: {why}\nusage: stress --list | --case NAME [--n N] [--limits L] [--plain] | \
         --check NAME [--n N] [--limits L] [--always-ref] | --suite | --scaling [--runs R] | \
         --measure DIR..."
    );
    ExitCode::from(2)
}

/// Peak resident set of this process in KiB (`VmHWM`), 0 where unavailable.
fn peak_rss_kb() -> u64 {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return 0;
    };
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// CPU time this thread has run, in milliseconds (`/proc/thread-self/schedstat`, Linux), or
/// `None` where unavailable. Unlike wall time it does not grow when the machine is busy.
fn thread_cpu_ms() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e6)
}

fn fnv1a(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The result class of an extraction.
fn class_of(result: &Result<dechaff::Article, dechaff::Error>) -> String {
    match result {
        Ok(a) if a.diagnostics.truncated => {
            format!("degraded[{}]", a.diagnostics.limits_hit.join(","))
        }
        Ok(a) => {
            let base = if a.has_content() { "ok" } else { "ok-empty" };
            if a.diagnostics.limits_hit.is_empty() {
                base.to_string()
            } else {
                format!("{base}[{}]", a.diagnostics.limits_hit.join(","))
            }
        }
        Err(dechaff::Error::NotHtml(r)) => format!("error(not_html:{})", r.as_str()),
        Err(dechaff::Error::TooComplex { what, .. }) => format!("error(too_complex:{what})"),
        Err(e) => format!("error({})", e.kind()),
    }
}

fn run_extract(case: &adversarial::Case, n: usize, limits: LimitsKind) -> Value {
    let input = (case.generate)(n);
    let bytes = input.len();
    let options = limits.options();
    let worker = std::thread::Builder::new()
        .stack_size(EXTRACT_STACK)
        .spawn(move || {
            let cpu = thread_cpu_ms();
            let t = Instant::now();
            let result = dechaff::extract_bytes(&input, &options);
            let ms = t.elapsed().as_secs_f64() * 1e3;
            let cpu_ms = cpu.zip(thread_cpu_ms()).map_or(ms, |(a, b)| b - a);
            let class = class_of(&result);
            let (hash, nodes, depth, words) = match &result {
                Ok(a) => (
                    fnv1a(a.to_json().as_bytes()),
                    a.diagnostics.nodes,
                    a.diagnostics.max_depth,
                    a.word_count,
                ),
                Err(e) => (fnv1a(e.to_string().as_bytes()), 0, 0, 0),
            };
            drop(result);
            drop(input);
            (ms, cpu_ms, class, hash, nodes, depth, words)
        });
    let (ms, cpu_ms, class, hash, nodes, depth, words) = match worker.map(|h| h.join()) {
        Ok(Ok(r)) => r,
        _ => (0.0, 0.0, "panic".to_string(), String::new(), 0, 0, 0),
    };
    json!({
        "case": case.name, "n": n, "limits": limits.as_str(), "mode": "dechaff",
        "bytes": bytes, "class": class, "ms": round(ms), "cpu_ms": round(cpu_ms),
        "rss_kb": peak_rss_kb(),
        "hash": hash, "nodes": nodes, "max_depth": depth, "words": words,
    })
}

fn run_plain(case: &adversarial::Case, n: usize) -> Value {
    let input = (case.generate)(n);
    let bytes = input.len();
    let worker = std::thread::Builder::new()
        .stack_size(PLAIN_STACK)
        .spawn(move || {
            let text = String::from_utf8_lossy(&input);
            let cpu = thread_cpu_ms();
            let t = Instant::now();
            let html = scraper::Html::parse_document(&text);
            let ms = t.elapsed().as_secs_f64() * 1e3;
            let cpu_ms = cpu.zip(thread_cpu_ms()).map_or(ms, |(a, b)| b - a);
            let nodes = html.tree.nodes().count();
            drop(html);
            (ms, cpu_ms, nodes)
        });
    let (ms, cpu_ms, nodes) = match worker.map(|h| h.join()) {
        Ok(Ok(r)) => r,
        _ => (0.0, 0.0, 0),
    };
    json!({
        "case": case.name, "n": n, "mode": "plain", "bytes": bytes,
        "ms": round(ms), "cpu_ms": round(cpu_ms), "rss_kb": peak_rss_kb(), "nodes": nodes,
    })
}

fn round(ms: f64) -> f64 {
    (ms * 10.0).round() / 10.0
}

/// Runs this executable with `args`; the JSON line it prints, or why there is none.
fn child(args: &[String], deadline: Duration) -> Result<Value, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut proc = Command::new(exe)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let start = Instant::now();
    loop {
        match proc.try_wait() {
            Ok(Some(status)) => {
                let mut out = String::new();
                let mut err = String::new();
                if let Some(mut s) = proc.stdout.take() {
                    let _ = s.read_to_string(&mut out);
                }
                if let Some(mut s) = proc.stderr.take() {
                    let _ = s.read_to_string(&mut err);
                }
                if !status.success() {
                    let tail: String = err.lines().rev().take(3).collect::<Vec<_>>().join(" | ");
                    return Err(format!("crash({status}: {tail})"));
                }
                return serde_json::from_str(out.trim()).map_err(|e| format!("bad output: {e}"));
            }
            Ok(None) if start.elapsed() > deadline => {
                let _ = proc.kill();
                let _ = proc.wait();
                return Err("timeout".to_string());
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(e.to_string()),
        }
    }
}

/// Time and memory figures below these are within bounds whatever the reference is, so the
/// reference parse is skipped for them (unless `--always-ref`).
const FLOOR_MS: f64 = 1000.0;
const FLOOR_RSS_KB: f64 = 128.0 * 1024.0;

fn check(case: &adversarial::Case, n: usize, limits: LimitsKind, always_ref: bool) -> Value {
    let s = |x: &str| x.to_string();
    let mut args = vec![s("--case"), s(case.name), s("--n"), n.to_string()];
    args.extend([s("--limits"), s(limits.as_str())]);
    let run = match child(&args, EXTRACT_DEADLINE) {
        Ok(v) => v,
        Err(why) => {
            return json!({"case": case.name, "n": n, "limits": limits.as_str(), "class": why});
        }
    };
    let ms = run["cpu_ms"].as_f64().unwrap_or(0.0);
    let rss = run["rss_kb"].as_f64().unwrap_or(0.0);
    let bytes = run["bytes"].as_u64().unwrap_or(0) as usize;
    let mut out = run.clone();
    if !always_ref && ms <= FLOOR_MS && rss <= FLOOR_RSS_KB {
        return out;
    }
    // Reference 1: an ordinary page of the same size, parsed plainly.
    let control = child(
        &[
            s("--case"),
            s("control"),
            s("--n"),
            bytes.to_string(),
            s("--plain"),
        ],
        Duration::from_secs(300),
    );
    let (c_ms, c_rss) = match &control {
        Ok(v) => (
            v["cpu_ms"].as_f64().unwrap_or(0.0),
            v["rss_kb"].as_f64().unwrap_or(0.0),
        ),
        Err(_) => (f64::INFINITY, f64::INFINITY),
    };
    // Reference 2: the same input, parsed plainly. Cut off once it is clearly slower than
    // the control, since the reference is the smaller of the two.
    let same_is_control = (case.generate)(n) == adversarial::page_bytes(bytes);
    let plain = if same_is_control {
        control.clone()
    } else {
        let cutoff = Duration::from_secs_f64((c_ms.min(60_000.0) * 2.0 + 2000.0) / 1e3);
        child(
            &[
                s("--case"),
                s(case.name),
                s("--n"),
                n.to_string(),
                s("--plain"),
            ],
            cutoff,
        )
    };
    let (p_ms, p_rss) = match &plain {
        Ok(v) => (
            v["cpu_ms"].as_f64().unwrap_or(0.0),
            v["rss_kb"].as_f64().unwrap_or(0.0),
        ),
        Err(_) => (f64::INFINITY, f64::INFINITY),
    };
    let ref_ms = p_ms.min(c_ms);
    let ref_rss = p_rss.min(c_rss);
    let obj = out.as_object_mut();
    if let Some(o) = obj {
        o.insert("plain_ms".into(), num(p_ms));
        o.insert("plain_rss_kb".into(), num(p_rss));
        o.insert("control_ms".into(), num(c_ms));
        o.insert("control_rss_kb".into(), num(c_rss));
        o.insert("ref_ms".into(), num(ref_ms));
        o.insert("ref_rss_kb".into(), num(ref_rss));
        o.insert("time_ratio".into(), num(round(ms / ref_ms.max(1.0))));
        o.insert("rss_ratio".into(), num(round(rss / ref_rss.max(1.0))));
    }
    out
}

fn num(x: f64) -> Value {
    if x.is_finite() { json!(x) } else { Value::Null }
}

/// The cases the suite runs, with their limits: every case with defaults, plus the 50 MB page
/// with a raised input limit and the deep page with `on_limit = error`.
pub fn suite_runs() -> Vec<(adversarial::Case, LimitsKind)> {
    let mut runs: Vec<_> = adversarial::cases()
        .into_iter()
        .filter(|c| c.name != "control")
        .map(|c| (c, LimitsKind::Default))
        .collect();
    for (name, l) in [
        ("page_50mb", LimitsKind::Raised),
        ("deep_div", LimitsKind::Error),
        ("tiny_elements", LimitsKind::Error),
    ] {
        if let Some(c) = adversarial::find(name) {
            runs.push((c, l));
        }
    }
    runs
}

fn suite() -> ExitCode {
    println!(
        "{:<24} {:>8} {:>10} {:<26} {:>9} {:>9} {:>9} {:>7} {:>7}",
        "case", "limits", "bytes", "class", "cpu_ms", "ref_ms", "rss_MB", "t/ref", "m/ref"
    );
    let mut worst_t: f64 = 0.0;
    let mut worst_m: f64 = 0.0;
    let mut worst_ms: f64 = 0.0;
    let mut worst_rss: f64 = 0.0;
    let mut total = 0;
    let mut bad = 0;
    let mut lines = Vec::new();
    for (case, limits) in suite_runs() {
        let v = check(&case, case.test_n, limits, true);
        total += 1;
        let class = v["class"].as_str().unwrap_or("?").to_string();
        if class.starts_with("crash") || class == "timeout" || class == "panic" {
            bad += 1;
        }
        let f = |k: &str| v[k].as_f64().unwrap_or(f64::NAN);
        worst_t = worst_t.max(f("time_ratio").min(1e9));
        worst_m = worst_m.max(f("rss_ratio").min(1e9));
        worst_ms = worst_ms.max(f("cpu_ms"));
        worst_rss = worst_rss.max(f("rss_kb"));
        println!(
            "{:<24} {:>8} {:>10} {:<26} {:>9.1} {:>9.1} {:>9.1} {:>7.2} {:>7.2}",
            case.name,
            limits.as_str(),
            v["bytes"].as_u64().unwrap_or(0),
            class,
            f("cpu_ms"),
            f("ref_ms"),
            f("rss_kb") / 1024.0,
            f("time_ratio"),
            f("rss_ratio"),
        );
        lines.push(v);
    }
    println!(
        "{total} inputs, {bad} panics/crashes/timeouts; worst time {worst_ms:.0} ms, worst peak RSS \
         {:.0} MB; worst time/ref {worst_t:.2}, worst RSS/ref {worst_m:.2}",
        worst_rss / 1024.0
    );
    for v in lines {
        eprintln!("{v}");
    }
    if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn scaling(runs: usize) -> ExitCode {
    println!(
        "{:<24} {:>10} {:>10} {:>10} {:>10} {:>6}  {:<20}",
        "case", "n", "cpu_ms(n)", "cpu_ms(4n)", "bytes(4n)", "k", "class(4n)"
    );
    let mut worst: f64 = 0.0;
    for case in adversarial::cases() {
        if case.bench_n == 0 {
            continue;
        }
        // Runs at n and 4n alternate, so a burst of load on the machine hits both.
        let mut t1 = f64::INFINITY;
        let mut t4 = f64::INFINITY;
        let mut class = String::new();
        let mut bytes = 0;
        for _ in 0..runs {
            for (n, best) in [(case.bench_n, &mut t1), (case.bench_n * 4, &mut t4)] {
                let args = ["--case", case.name, "--n", &n.to_string()].map(str::to_string);
                match child(&args, EXTRACT_DEADLINE) {
                    Ok(v) => {
                        *best = best.min(v["cpu_ms"].as_f64().unwrap_or(f64::INFINITY));
                        class = v["class"].as_str().unwrap_or("?").to_string();
                        bytes = v["bytes"].as_u64().unwrap_or(0);
                    }
                    Err(why) => class = why,
                }
            }
        }
        // CPU time is read with scheduler-tick resolution (a few ms), so small times are
        // noise: floor both at 20 ms.
        let k = (t4.max(20.0) / t1.max(20.0)).ln() / 4f64.ln();
        worst = worst.max(k);
        println!(
            "{:<24} {:>10} {:>10.1} {:>10.1} {:>10} {:>6.2}  {:<20}",
            case.name, case.bench_n, t1, t4, bytes, k, class
        );
    }
    println!("max exponent k = {worst:.2}");
    ExitCode::SUCCESS
}

/// Corpus figures: per page bytes, elements and depth (parsed without limits), and whether
/// the default limits change anything.
fn measure(dirs: &[String]) -> ExitCode {
    let unlimited = dechaff::Options::default().limits(dechaff::Limits::unlimited());
    let defaults = dechaff::Options::default();
    let mut bytes = Vec::new();
    let mut elements = Vec::new();
    let mut depths = Vec::new();
    let mut hit = Vec::new();
    let mut errors = 0;
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(std::path::Path::new(dir).join("html")) else {
            eprintln!("stress: cannot read {dir}/html");
            return ExitCode::from(1);
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let name = path.to_string_lossy().to_string();
            let Ok(raw) = std::fs::read(&path) else {
                continue;
            };
            let page = if name.ends_with(".html.gz") {
                let mut out = Vec::new();
                if flate2::read::GzDecoder::new(&raw[..])
                    .read_to_end(&mut out)
                    .is_err()
                {
                    continue;
                }
                out
            } else if name.ends_with(".html") {
                raw
            } else {
                continue;
            };
            bytes.push(page.len() as f64);
            match dechaff::extract_bytes(&page, &unlimited) {
                Ok(a) => {
                    elements.push(a.diagnostics.nodes as f64);
                    depths.push(a.diagnostics.max_depth as f64);
                }
                Err(e) => {
                    errors += 1;
                    eprintln!("{name}: {e}");
                }
            }
            match dechaff::extract_bytes(&page, &defaults) {
                Ok(a) if !a.diagnostics.limits_hit.is_empty() => {
                    hit.push(format!("{name}: {:?}", a.diagnostics.limits_hit));
                }
                Ok(_) => {}
                Err(e) if e.kind() != "not_html" => hit.push(name),
                Err(_) => {}
            }
        }
    }
    let pages = bytes.len();
    println!("pages: {pages} (errors without limits: {errors})");
    println!(
        "{:<10} {:>12} {:>12} {:>12} {:>12}",
        "", "p50", "p99", "p99.9", "max"
    );
    for (label, v) in [
        ("bytes", &mut bytes),
        ("elements", &mut elements),
        ("depth", &mut depths),
    ] {
        v.sort_by(f64::total_cmp);
        let q = |p: f64| {
            if v.is_empty() {
                return 0.0;
            }
            // Nearest-rank percentile.
            let rank = ((p / 100.0) * v.len() as f64).ceil().max(1.0) as usize;
            v.get(rank - 1).copied().unwrap_or(0.0)
        };
        println!(
            "{label:<10} {:>12.0} {:>12.0} {:>12.0} {:>12.0}",
            q(50.0),
            q(99.0),
            q(99.9),
            q(100.0)
        );
    }
    println!(
        "pages hitting a default limit: {} of {pages} ({:.2}%)",
        hit.len(),
        100.0 * hit.len() as f64 / pages.max(1) as f64
    );
    for h in hit {
        println!("  {h}");
    }
    ExitCode::SUCCESS
}
