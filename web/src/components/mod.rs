//! Reusable parts of pages: the page frame, the header switches and form parts.

pub mod form;
pub mod layout;
pub mod switches;
