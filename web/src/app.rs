//! The root component: provides the preferences, the session, the library's details and the note of
//! a booking just moved, and maps each address in [`Page`] to its page (most of them lazy: their code
//! is fetched when first opened, see [`crate::lazy_routes`]).

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{Lazy, ParamSegment, StaticSegment};

use crate::components::layout::Layout;
use crate::lazy_routes::{
    ApplyRoute, BookRoute, EventRoute, EventsRoute, GuideRoute, GuidesRoute, ManageBookingRoute,
    ManageRegistrationRoute, MeRoute, MyBookingsRoute, ProgrammesRoute, RegisterRoute,
    RescheduleRoute, StaffApiClientsRoute, StaffAuditRoute, StaffEventsRoute, StaffGuidesRoute,
    StaffHomeServiceRoute, StaffMessagesRoute, StaffOffersRoute, StaffOrganisationsRoute,
    StaffProgrammesRoute, StaffRoute, StaffSurveysRoute, StaffTrainingRoute, SurveyRoute,
    SurveysRoute, TwoStepRoute,
};
use crate::library::LibraryInfo;
use crate::pages::{home::Home, not_found::NotFound, reschedule::Moved, sign_in::SignIn};
use crate::prefs::Prefs;
use crate::routes::{
    Page, REGISTRATIONS, RESCHEDULE, STAFF_API_CLIENTS, STAFF_AUDIT, STAFF_EVENTS, STAFF_GUIDES,
    STAFF_HOME_SERVICE, STAFF_MESSAGES, STAFF_OFFERS, STAFF_ORGANISATIONS, STAFF_PROGRAMMES,
    STAFF_SURVEYS, STAFF_TRAINING,
};
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
                    <Route path=StaticSegment(Page::Register.segment()) view={Lazy::<RegisterRoute>::new()} />
                    <Route path=StaticSegment(Page::Me.segment()) view={Lazy::<MeRoute>::new()} />
                    <Route path=StaticSegment(Page::Staff.segment()) view={Lazy::<StaffRoute>::new()} />
                    <Route path=StaticSegment(Page::Book.segment()) view={Lazy::<BookRoute>::new()} />
                    <Route path=StaticSegment(Page::MyBookings.segment()) view={Lazy::<MyBookingsRoute>::new()} />
                    <Route path=StaticSegment(Page::TwoStep.segment()) view={Lazy::<TwoStepRoute>::new()} />
                    <Route path=StaticSegment(Page::Events.segment()) view={Lazy::<EventsRoute>::new()} />
                    <Route path=(StaticSegment(Page::Events.segment()), ParamSegment("id")) view={Lazy::<EventRoute>::new()} />
                    <Route path=(StaticSegment(Page::Events.segment()), ParamSegment("id"), StaticSegment(REGISTRATIONS), ParamSegment("rid")) view={Lazy::<ManageRegistrationRoute>::new()} />
                    <Route path=StaticSegment(Page::Programmes.segment()) view={Lazy::<ProgrammesRoute>::new()} />
                    <Route path=StaticSegment(Page::HomeService.segment()) view={Lazy::<ApplyRoute>::new()} />
                    <Route path=StaticSegment(Page::Guides.segment()) view={Lazy::<GuidesRoute>::new()} />
                    <Route path=(StaticSegment(Page::Guides.segment()), ParamSegment("id")) view={Lazy::<GuideRoute>::new()} />
                    <Route path=StaticSegment(Page::Surveys.segment()) view={Lazy::<SurveysRoute>::new()} />
                    <Route path=(StaticSegment(Page::Surveys.segment()), ParamSegment("id")) view={Lazy::<SurveyRoute>::new()} />
                    <Route path=(StaticSegment(Page::Staff.segment()), StaticSegment(STAFF_PROGRAMMES)) view={Lazy::<StaffProgrammesRoute>::new()} />
                    <Route path=(StaticSegment(Page::Staff.segment()), StaticSegment(STAFF_MESSAGES)) view={Lazy::<StaffMessagesRoute>::new()} />
                    <Route path=(StaticSegment(Page::Staff.segment()), StaticSegment(STAFF_EVENTS)) view={Lazy::<StaffEventsRoute>::new()} />
                    <Route path=(StaticSegment(Page::Staff.segment()), StaticSegment(STAFF_OFFERS)) view={Lazy::<StaffOffersRoute>::new()} />
                    <Route path=(StaticSegment(Page::Staff.segment()), StaticSegment(STAFF_ORGANISATIONS)) view={Lazy::<StaffOrganisationsRoute>::new()} />
                    <Route path=(StaticSegment(Page::Staff.segment()), StaticSegment(STAFF_HOME_SERVICE)) view={Lazy::<StaffHomeServiceRoute>::new()} />
                    <Route path=(StaticSegment(Page::Staff.segment()), StaticSegment(STAFF_AUDIT)) view={Lazy::<StaffAuditRoute>::new()} />
                    <Route path=(StaticSegment(Page::Staff.segment()), StaticSegment(STAFF_API_CLIENTS)) view={Lazy::<StaffApiClientsRoute>::new()} />
                    <Route path=(StaticSegment(Page::Staff.segment()), StaticSegment(STAFF_GUIDES)) view={Lazy::<StaffGuidesRoute>::new()} />
                    <Route path=(StaticSegment(Page::Staff.segment()), StaticSegment(STAFF_SURVEYS)) view={Lazy::<StaffSurveysRoute>::new()} />
                    <Route path=(StaticSegment(Page::Staff.segment()), StaticSegment(STAFF_TRAINING)) view={Lazy::<StaffTrainingRoute>::new()} />
                    <Route path=(StaticSegment(Page::MyBookings.segment()), ParamSegment("id")) view={Lazy::<ManageBookingRoute>::new()} />
                    <Route path=(StaticSegment(Page::MyBookings.segment()), ParamSegment("id"), StaticSegment(RESCHEDULE)) view={Lazy::<RescheduleRoute>::new()} />
                </Routes>
            </Layout>
        </Router>
    }
}
