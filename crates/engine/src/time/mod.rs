//! An archive through time, over either shape, from the layout alone (the
//! root of a sharded archive: no text, no article record is read):
//!
//! - [`timeline`]: issues, articles, chars and matching articles per bucket
//!   of a day, an ISO week, a month or a year ([`xunyue_core::date::Grain`]);
//! - [`terms`]: hits of one to four terms per bucket, the search's own
//!   counts, beside the chars printed in each bucket;
//! - [`by_date`]: results kept to a date range, sorted by date, and the
//!   whole archive browsed by date;
//! - [`pages`]: the page as printed — its articles in reading order, the
//!   pages around it in its issue, the same page of the issues around it,
//!   and a date's pages.

pub mod by_date;
pub mod pages;
pub mod terms;
pub mod timeline;

pub use by_date::Order;
pub use pages::PageView;
pub use terms::{Series, TermsOverTime, MAX_TERMS};
pub use timeline::{Bucket, Timeline};
