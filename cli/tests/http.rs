//! URL inputs against a small HTTP server on 127.0.0.1 run by the test: a redirect, a
//! redirect loop, a 404, a slow response past the timeout, an oversized body, a non-HTML
//! body, a KOI8-R page named only by its `Content-Type` charset, and the User-Agent sent.

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

use common::*;

/// Starts the server; it answers at most 64 connections and its threads end with the test.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for s in listener.incoming().take(64).flatten() {
            std::thread::spawn(move || answer(s));
        }
    });
    base
}

fn russian_article() -> String {
    article_html(
        "Новости дня",
        "Переговоры в Стамбуле продолжились во вторник, сообщили представители обеих сторон",
    )
    // The page declares no charset: only the HTTP header says KOI8-R.
    .replace("<meta charset=utf-8>", "")
}

fn answer(mut s: TcpStream) {
    let _ = s.set_read_timeout(Some(Duration::from_secs(5)));
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    let user_agent = head
        .lines()
        .find_map(|l| {
            l.strip_prefix("user-agent: ")
                .or_else(|| l.strip_prefix("User-Agent: "))
        })
        .unwrap_or("")
        .to_string();
    let html = "text/html; charset=utf-8";
    let (status, content_type, extra, body): (&str, &str, String, Vec<u8>) = match path.as_str() {
        "/article" => (
            "200 OK",
            html,
            String::new(),
            article_html("Served page", "Served words").into_bytes(),
        ),
        "/redirect" => (
            "302 Found",
            html,
            "Location: /article\r\n".into(),
            Vec::new(),
        ),
        "/loop" => ("302 Found", html, "Location: /loop\r\n".into(), Vec::new()),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(6));
            (
                "200 OK",
                html,
                String::new(),
                article_html("Late", "Too late").into_bytes(),
            )
        }
        "/big" => {
            let mut page = article_html("Big", "Big words");
            page.push_str(&" ".repeat(300_000));
            ("200 OK", html, String::new(), page.into_bytes())
        }
        "/koi8" => {
            let page = russian_article();
            let bytes = encoding_rs::KOI8_R.encode(&page).0.into_owned();
            ("200 OK", "text/html; charset=koi8-r", String::new(), bytes)
        }
        "/image" => (
            "200 OK",
            "image/png",
            String::new(),
            b"\x89PNG\r\n\x1a\n".to_vec(),
        ),
        "/ua" => (
            "200 OK",
            html,
            String::new(),
            article_html("Agent", &format!("The agent was {user_agent}")).into_bytes(),
        ),
        _ => (
            "404 Not Found",
            html,
            String::new(),
            b"<p>not here</p>".to_vec(),
        ),
    };
    let mut response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{extra}Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    response.extend_from_slice(&body);
    let _ = s.write_all(&response);
}

#[test]
fn urls_fetched_with_limits_and_reported_failures() {
    let base = serve();
    let urls: Vec<String> = [
        "/redirect",
        "/missing",
        "/slow",
        "/big",
        "/koi8",
        "/loop",
        "/image",
    ]
    .iter()
    .map(|p| format!("{base}{p}"))
    .collect();
    let mut args = vec![
        "-f",
        "jsonl",
        "-j",
        "3",
        "--timeout",
        "2",
        "--max-redirects",
        "3",
        "--max-input-bytes",
        "100000",
    ];
    args.extend(urls.iter().map(String::as_str));
    let o = run(&args, None);
    assert_eq!(code(&o), 0, "two pages succeeded: {}", stderr(&o));
    let lines = jsonl(&o);
    assert_eq!(lines.len(), 7, "{}", stdout(&o));
    for (line, url) in lines.iter().zip(&urls) {
        assert_eq!(line["id"], url.as_str());
        assert_eq!(line["source"], url.as_str());
    }
    // The redirect was followed.
    assert_eq!(lines[0]["title"], "Served page");
    assert!(lines[0]["text"].as_str().unwrap().contains("Served words"));
    // The KOI8-R page was decoded with the header's charset.
    assert_eq!(lines[4]["diagnostics"]["encoding"], "KOI8-R");
    assert_eq!(lines[4]["diagnostics"]["encoding_source"], "hint");
    assert!(
        lines[4]["text"]
            .as_str()
            .unwrap()
            .contains("Переговоры в Стамбуле")
    );
    assert_eq!(lines[4]["title"], "Новости дня");
    let err = stderr(&o);
    for (path, reason) in [
        ("/missing", "HTTP status 404"),
        ("/slow", "timed out after 2 s"),
        ("/big", "larger than the limit of 100000 bytes"),
        ("/loop", "more than 3 redirects"),
        ("/image", "not HTML (content type image/png)"),
    ] {
        let line = err
            .lines()
            .find(|l| l.starts_with(&format!("dechaff: {base}{path}: ")))
            .unwrap_or_else(|| panic!("{path} not reported: {err}"));
        assert!(line.contains(reason), "{line}");
        let i = urls.iter().position(|u| u.ends_with(path)).unwrap();
        assert!(
            lines[i]["error"]["message"]
                .as_str()
                .unwrap()
                .contains(reason)
        );
    }
    assert!(
        err.contains("7 pages: 2 with content, 0 empty, 5 failed"),
        "{err}"
    );
}

#[test]
fn the_user_agent_is_sent() {
    let base = serve();
    let url = format!("{base}/ua");
    let o = run(&["--user-agent", "TestBot/1.0 (+tests)", &url], None);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stdout(&o).contains("The agent was TestBot/1.0 (+tests)"),
        "{}",
        stdout(&o)
    );
    let o = run(&[&url], None);
    assert!(stdout(&o).contains(&format!("The agent was dechaff/{}", dechaff::VERSION)));
}
