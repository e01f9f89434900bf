//! Shared by the fuzz targets: encoding labels and the checks every result must pass.
#![allow(dead_code)] // Each target uses a part of this module.

/// One label per encoding of the WHATWG Encoding Standard (all that `encoding_rs` knows),
/// plus a few aliases and junk labels, which must give `InvalidOption`, never a panic.
pub const LABELS: &[&str] = &[
    "utf-8", "ibm866", "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-6",
    "iso-8859-7", "iso-8859-8", "iso-8859-8-i", "iso-8859-10", "iso-8859-13", "iso-8859-14",
    "iso-8859-15", "iso-8859-16", "koi8-r", "koi8-u", "macintosh", "windows-874",
    "windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254",
    "windows-1255", "windows-1256", "windows-1257", "windows-1258", "x-mac-cyrillic", "gbk",
    "gb18030", "big5", "euc-jp", "iso-2022-jp", "shift_jis", "euc-kr", "replacement",
    "utf-16be", "utf-16le", "x-user-defined", "latin1", "ascii", "cp1251", "sjis",
    " UTF-8 ", "", "no-such-encoding", "utf-7",
];

/// What must hold for every successful extraction: rendering works and is deterministic,
/// and the limits were respected.
pub fn check(article: &dechaff::Article, options: &dechaff::Options) {
    let json = article.to_json();
    assert!(!json.contains('\0') || json.contains("\\u0000"));
    let _ = article.text();
    let _ = article.markdown();
    let _ = article.html();
    assert!(article.diagnostics.nodes <= options.limits.max_nodes);
    assert!(article.diagnostics.max_depth <= options.limits.max_depth);
}
