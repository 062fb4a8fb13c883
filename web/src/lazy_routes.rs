//! Pages whose code is fetched when one of them is first opened. `cargo xtask build-web` splits each
//! `#[lazy]` function below into a wasm file of its own (see `xtask/src/web.rs`), so the front page
//! downloads only what it shows. Pages are grouped, patrons' pages (events too) in one file and staff pages in
//! another: a file per page would share code in dozens of small chunk files, each one more request.
//!
//! The router waits for a page's code before it leaves the current page. Each page loads its own data.
// The only unsafe code here is the glue `#[lazy]` generates for the splitter (wasm imports of the
// loaders and an export per split function).
#![allow(unsafe_code)]

use leptos::prelude::*;
use leptos_router::LazyRoute;

use crate::pages;

/// A route struct whose view is one of the lazily loaded pages.
macro_rules! lazy_page {
    ($(#[$doc:meta])* $name:ident => $load:ident($page:expr)) => {
        $(#[$doc])*
        pub struct $name;

        impl LazyRoute for $name {
            fn data() -> Self {
                $name
            }

            fn view(_: Self) -> impl Future<Output = AnyView> {
                $load($page)
            }
        }
    };
}

/// The patron pages, loaded together.
#[derive(Clone, Copy)]
enum PatronPage {
    Book,
    MyBookings,
    ManageBooking,
    Reschedule,
    Me,
    Register,
    Events,
    Event,
    ManageRegistration,
    Programmes,
    Apply,
    Guides,
    Guide,
    Surveys,
    Survey,
}

/// Renders one of the patron pages; its code is in the patron pages' file.
#[lazy]
fn patron_page(page: PatronPage) -> AnyView {
    match page {
        PatronPage::Book => view! { <pages::book::BookPage /> }.into_any(),
        PatronPage::MyBookings => view! { <pages::bookings::MyBookings /> }.into_any(),
        PatronPage::ManageBooking => view! { <pages::bookings::ManageBooking /> }.into_any(),
        PatronPage::Reschedule => view! { <pages::reschedule::Reschedule /> }.into_any(),
        PatronPage::Me => view! { <pages::me::MePage /> }.into_any(),
        PatronPage::Register => view! { <pages::register::Register /> }.into_any(),
        PatronPage::Events => view! { <pages::events::EventsPage /> }.into_any(),
        PatronPage::Event => view! { <pages::events::EventPage /> }.into_any(),
        PatronPage::ManageRegistration => {
            view! { <pages::events::ManageRegistration /> }.into_any()
        }
        PatronPage::Programmes => view! { <pages::programmes::ProgrammesPage /> }.into_any(),
        PatronPage::Apply => view! { <pages::apply::ApplyPage /> }.into_any(),
        PatronPage::Guides => view! { <pages::guides::GuidesPage /> }.into_any(),
        PatronPage::Guide => view! { <pages::guides::GuidePage /> }.into_any(),
        PatronPage::Surveys => view! { <pages::surveys::SurveysPage /> }.into_any(),
        PatronPage::Survey => view! { <pages::surveys::SurveyPage /> }.into_any(),
    }
}

/// The staff pages, loaded together.
#[derive(Clone, Copy)]
enum StaffPage {
    Staff,
    TwoStep,
    Programmes,
    Messages,
    Events,
    Offers,
    Organisations,
    HomeService,
    Audit,
    Guides,
    Surveys,
    Training,
    ApiClients,
}

/// Renders one of the staff pages; its code is in the staff pages' file.
#[lazy]
fn staff_page(page: StaffPage) -> AnyView {
    match page {
        StaffPage::Staff => view! { <pages::staff::Staff /> }.into_any(),
        StaffPage::TwoStep => view! { <pages::two_step::TwoStep /> }.into_any(),
        StaffPage::Programmes => view! { <pages::staff::programmes::StaffProgrammes /> }.into_any(),
        StaffPage::Messages => view! { <pages::staff::messages::StaffMessages /> }.into_any(),
        StaffPage::Events => view! { <pages::staff::events::StaffEventsPage /> }.into_any(),
        StaffPage::Offers => view! { <pages::staff::offers::StaffOffers /> }.into_any(),
        StaffPage::Organisations => {
            view! { <pages::staff::organisations::StaffOrganisations /> }.into_any()
        }
        StaffPage::HomeService => {
            view! { <pages::staff::home_service::StaffHomeService /> }.into_any()
        }
        StaffPage::Audit => view! { <pages::staff::audit::StaffAudit /> }.into_any(),
        StaffPage::Guides => view! { <pages::staff::guides::StaffGuides /> }.into_any(),
        StaffPage::Surveys => view! { <pages::staff::surveys::StaffSurveys /> }.into_any(),
        StaffPage::Training => view! { <pages::staff::training::StaffTraining /> }.into_any(),
        StaffPage::ApiClients => {
            view! { <pages::staff::api_clients::StaffApiClients /> }.into_any()
        }
    }
}

lazy_page!(
    /// Booking a session: the session types, times and the form.
    BookRoute => patron_page(PatronPage::Book)
);
lazy_page!(
    /// A patron's own bookings.
    MyBookingsRoute => patron_page(PatronPage::MyBookings)
);
lazy_page!(
    /// One booking, opened by its owner, by a guest with the manage link, or by staff.
    ManageBookingRoute => patron_page(PatronPage::ManageBooking)
);
lazy_page!(
    /// Changing a booking's time.
    RescheduleRoute => patron_page(PatronPage::Reschedule)
);
lazy_page!(
    /// The patron's own page: details, password, data download and deletion.
    MeRoute => patron_page(PatronPage::Me)
);
lazy_page!(
    /// Creating an account.
    RegisterRoute => patron_page(PatronPage::Register)
);
lazy_page!(
    /// The coming events with their filters.
    EventsRoute => patron_page(PatronPage::Events)
);
lazy_page!(
    /// One event and registering for it.
    EventRoute => patron_page(PatronPage::Event)
);
lazy_page!(
    /// One event registration, for a guest with its manage link or its signed-in owner.
    ManageRegistrationRoute => patron_page(PatronPage::ManageRegistration)
);
lazy_page!(
    /// Care-home programmes: the offers, and a unit's bookings and booking form.
    ProgrammesRoute => patron_page(PatronPage::Programmes)
);
lazy_page!(
    /// Applying for the home-delivery service, step by step.
    ApplyRoute => patron_page(PatronPage::Apply)
);
lazy_page!(
    /// The operating models of the remote services.
    GuidesRoute => patron_page(PatronPage::Guides)
);
lazy_page!(
    /// One operating model.
    GuideRoute => patron_page(PatronPage::Guide)
);
lazy_page!(
    /// The library's open surveys.
    SurveysRoute => patron_page(PatronPage::Surveys)
);
lazy_page!(
    /// Answering one survey (also staff entering paper and phone answers).
    SurveyRoute => patron_page(PatronPage::Survey)
);
lazy_page!(
    /// The staff's surveys and their results.
    StaffSurveysRoute => staff_page(StaffPage::Surveys)
);
lazy_page!(
    /// The staff's training, competence and the team's readiness.
    StaffTrainingRoute => staff_page(StaffPage::Training)
);
lazy_page!(
    /// Staff handling care-home programme bookings.
    StaffProgrammesRoute => staff_page(StaffPage::Programmes)
);
lazy_page!(
    /// The staff's messages: sent, pending and failed, sending again, and the library's wording.
    StaffMessagesRoute => staff_page(StaffPage::Messages)
);
lazy_page!(
    /// The staff's events: participants, attendance, the list, a message to all, cancelling.
    StaffEventsRoute => staff_page(StaffPage::Events)
);
lazy_page!(
    /// The staff's programme offers: publishing and changing them and their times.
    StaffOffersRoute => staff_page(StaffPage::Offers)
);
lazy_page!(
    /// The units the library serves and their contact people.
    StaffOrganisationsRoute => staff_page(StaffPage::Organisations)
);
lazy_page!(
    /// The home-delivery service: applications, visits and the printable round.
    StaffHomeServiceRoute => staff_page(StaffPage::HomeService)
);
lazy_page!(
    /// Writing the library's operating models.
    StaffGuidesRoute => staff_page(StaffPage::Guides)
);
lazy_page!(
    /// The admins' partner systems (API clients).
    StaffApiClientsRoute => staff_page(StaffPage::ApiClients)
);
lazy_page!(
    /// The admins' audit log of personal data.
    StaffAuditRoute => staff_page(StaffPage::Audit)
);
lazy_page!(
    /// The staff dashboard: the calendar of sessions and booking for a patron.
    StaffRoute => staff_page(StaffPage::Staff)
);
lazy_page!(
    /// Setting up and managing two-step sign-in.
    TwoStepRoute => staff_page(StaffPage::TwoStep)
);
