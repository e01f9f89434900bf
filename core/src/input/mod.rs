//! Input layer: refusing non-HTML, and turning bytes into text.

pub(crate) mod attributes;
pub(crate) mod encoding;
pub(crate) mod sniff;
