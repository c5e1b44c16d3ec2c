//! Fuzz targets of 寻阅 Xunyue (see README.md); the properties they check are
//! in [`invariants`].
pub mod invariants;
