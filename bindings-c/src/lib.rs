//! C bindings (placeholder until the C issue).
