//! Deterministic synthetic archives of Chinese newspaper pages.

pub mod date;
pub mod dict;
pub mod rng;
