//! The views of the app.

pub mod chart;
pub mod facets;
pub mod kwic;
pub mod reader;
pub mod results;
pub mod search_box;
