//! Examples live in `extract.rs` and `corpus.rs`.
//!
//! The library part holds what several examples and tests share: [`adversarial`], the
//! generators of hostile pages used by the `stress` example and `tests/adversarial.rs`.

pub mod adversarial;
