//! The root component: provides the preferences, the session, the library's details and the note of
//! a booking just moved, and maps each address in [`Page`] to its page.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{ParamSegment, StaticSegment};

use crate::components::layout::Layout;
use crate::library::LibraryInfo;
use crate::pages::{
    book::BookPage,
    bookings::{ManageBooking, MyBookings},
    home::Home,
    me::MePage,
    not_found::NotFound,
    register::Register,
    reschedule::{Moved, Reschedule},
    sign_in::SignIn,
    staff::Staff,
    two_step::TwoStep,
};
use crate::prefs::Prefs;
use crate::routes::{Page, RESCHEDULE};
use crate::session::Session;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let prefs = Prefs::provide();
    let session = Session::provide();
    // The language only sets `Accept-Language` on these calls; their answers do not depend on it,
    // so they are not repeated when the language changes.
    let lang = prefs.lang.get_untracked();
    LibraryInfo::provide(lang);
    session.restore(lang);
    Moved::provide();

    view! {
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=StaticSegment(Page::Home.segment()) view=Home />
                    <Route path=StaticSegment(Page::SignIn.segment()) view=SignIn />
                    <Route path=StaticSegment(Page::Register.segment()) view=Register />
                    <Route path=StaticSegment(Page::Me.segment()) view=MePage />
                    <Route path=StaticSegment(Page::Staff.segment()) view=Staff />
                    <Route path=StaticSegment(Page::Book.segment()) view=BookPage />
                    <Route path=StaticSegment(Page::MyBookings.segment()) view=MyBookings />
                    <Route path=StaticSegment(Page::TwoStep.segment()) view=TwoStep />
                    <Route path=(StaticSegment(Page::MyBookings.segment()), ParamSegment("id")) view=ManageBooking />
                    <Route path=(StaticSegment(Page::MyBookings.segment()), ParamSegment("id"), StaticSegment(RESCHEDULE)) view=Reschedule />
                </Routes>
            </Layout>
        </Router>
    }
}
