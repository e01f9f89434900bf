//! Examples live in `extract.rs` and `corpus.rs`.
