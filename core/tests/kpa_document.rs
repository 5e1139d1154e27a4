//! Placeholder until the documents land.
