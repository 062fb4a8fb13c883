//! One module per page; each sets its own `<title>` through `use_title`.

pub mod apply;
pub mod book;
pub mod bookings;
pub mod events;
pub mod guides;
pub mod home;
pub mod me;
pub mod messages;
pub mod my_data;
pub mod not_found;
pub mod programmes;
pub mod register;
pub mod reschedule;
pub mod sign_in;
pub mod staff;
pub mod surveys;
pub mod two_step;
