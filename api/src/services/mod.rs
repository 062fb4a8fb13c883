//! Bookable one-to-one session types, who delivers them, staff availability and bookable slots.

pub mod rules;
