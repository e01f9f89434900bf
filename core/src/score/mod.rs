//! Scoring text containers and selecting the article among them.

pub(crate) mod lead;
pub(crate) mod paragraphs;
pub(crate) mod select;
