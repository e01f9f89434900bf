//! The document model: bounded parsing, the flat `Doc`, tags, text helpers.

pub(crate) mod doc;
pub(crate) mod parse;
pub(crate) mod tags;
pub(crate) mod text;

pub(crate) use doc::{Doc, Kind, NodeIx, NodeVec};
pub(crate) use tags::Tag;
