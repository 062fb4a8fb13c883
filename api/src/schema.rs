//! Diesel's view of the tables; kept by hand in step with `migrations/` (both backends share it).
//! The migration tests check that every table here exists on both databases.

diesel::table! {
    libraries (id) {
        id -> Text,
        slug -> Text,
        name -> Text,
        phone -> Text,
        email -> Text,
        time_zone -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    branches (id) {
        id -> Text,
        library_id -> Text,
        name -> Text,
        is_main -> Bool,
        street_address -> Text,
        postal_code -> Text,
        city -> Text,
        phone -> Text,
        email -> Text,
        position -> Integer,
    }
}

diesel::table! {
    opening_hours (branch_id, weekday) {
        branch_id -> Text,
        weekday -> Integer,
        opens -> Text,
        closes -> Text,
    }
}

diesel::table! {
    users (id) {
        id -> Text,
        name -> Text,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        card_number -> Nullable<Text>,
        password_hash -> Nullable<Text>,
        pin_hash -> Nullable<Text>,
        created_at -> Timestamp,
        credentials_changed_at -> Timestamp,
    }
}

diesel::table! {
    memberships (user_id, library_id) {
        user_id -> Text,
        library_id -> Text,
        role -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    sessions (id) {
        id -> Text,
        user_id -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
        second_factor -> Bool,
    }
}

diesel::table! {
    second_factors (user_id) {
        user_id -> Text,
        secret -> Text,
        created_at -> Timestamp,
        enabled_at -> Nullable<Timestamp>,
        last_step -> Nullable<BigInt>,
    }
}

diesel::table! {
    recovery_codes (user_id, code_hash) {
        user_id -> Text,
        code_hash -> Text,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    refresh_tokens (token_hash) {
        token_hash -> Text,
        session_id -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    login_attempts (id) {
        id -> Text,
        account_key -> Text,
        client_ip -> Text,
        succeeded -> Bool,
        attempted_at -> Timestamp,
    }
}

diesel::table! {
    settings (key) {
        key -> Text,
        value -> Text,
    }
}

diesel::table! {
    services (id) {
        id -> Text,
        library_id -> Text,
        name_fi -> Text,
        name_sv -> Text,
        name_en -> Text,
        description_fi -> Text,
        description_sv -> Text,
        description_en -> Text,
        duration_minutes -> Integer,
        modes -> Text,
        buffer_before_minutes -> Integer,
        buffer_after_minutes -> Integer,
        min_notice_minutes -> Integer,
        booking_window_days -> Integer,
        cancellation_cutoff_minutes -> Integer,
        questions -> Text,
        ground_rules -> Nullable<Text>,
        active -> Bool,
        created_at -> Timestamp,
    }
}

diesel::table! {
    service_staff (service_id, staff_id) {
        service_id -> Text,
        staff_id -> Text,
    }
}

diesel::table! {
    availability_weekly (id) {
        id -> Text,
        library_id -> Text,
        staff_id -> Text,
        weekday -> Integer,
        start_minute -> Integer,
        end_minute -> Integer,
    }
}

diesel::table! {
    availability_exceptions (id) {
        id -> Text,
        library_id -> Text,
        staff_id -> Text,
        day -> Text,
        available -> Bool,
        start_minute -> Integer,
        end_minute -> Integer,
    }
}

diesel::table! {
    library_closures (library_id, day) {
        library_id -> Text,
        day -> Text,
        reason -> Text,
    }
}

diesel::table! {
    bookings (id) {
        id -> Text,
        library_id -> Text,
        service_id -> Text,
        staff_id -> Text,
        patron_id -> Nullable<Text>,
        guest_name -> Nullable<Text>,
        guest_email -> Nullable<Text>,
        guest_phone -> Nullable<Text>,
        manage_token_hash -> Nullable<Text>,
        mode -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        blocked_from -> Timestamp,
        blocked_until -> Timestamp,
        status -> Text,
        answers -> Text,
        meeting_room -> Nullable<Text>,
        language -> Text,
        booked_by_staff_id -> Nullable<Text>,
        internal_note -> Nullable<Text>,
        created_at -> Timestamp,
        cancelled_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(branches -> libraries (library_id));
diesel::joinable!(services -> libraries (library_id));
diesel::joinable!(bookings -> services (service_id));
diesel::joinable!(service_staff -> services (service_id));
diesel::joinable!(service_staff -> users (staff_id));
diesel::joinable!(opening_hours -> branches (branch_id));
diesel::joinable!(memberships -> users (user_id));
diesel::joinable!(memberships -> libraries (library_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(refresh_tokens -> sessions (session_id));
diesel::joinable!(second_factors -> users (user_id));
diesel::joinable!(events -> libraries (library_id));
diesel::joinable!(event_series -> libraries (library_id));
diesel::joinable!(event_registrations -> events (event_id));
diesel::joinable!(organisations -> libraries (library_id));
diesel::joinable!(organisations -> users (contact_user_id));
diesel::joinable!(programme_offers -> libraries (library_id));
diesel::joinable!(programme_times -> programme_offers (offer_id));
diesel::joinable!(programme_bookings -> programme_offers (offer_id));
diesel::joinable!(programme_bookings -> organisations (organisation_id));

diesel::table! {
    messages (id) {
        id -> Text,
        library_id -> Text,
        kind -> Text,
        subject_id -> Text,
        user_id -> Nullable<Text>,
        recipient_name -> Text,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        channel -> Text,
        language -> Text,
        subject -> Text,
        body -> Text,
        ics -> Nullable<Text>,
        secret -> Nullable<Text>,
        status -> Text,
        due_at -> Timestamp,
        attempts -> Integer,
        claim -> Nullable<Text>,
        claimed_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        sent_via -> Nullable<Text>,
        sent_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    message_templates (library_id, kind, language) {
        library_id -> Text,
        kind -> Text,
        language -> Text,
        subject -> Text,
        body -> Text,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
    }
}

diesel::table! {
    message_preferences (user_id) {
        user_id -> Text,
        channel -> Text,
        language -> Text,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(messages -> libraries (library_id));

diesel::table! {
    calendar_generation (id) {
        id -> Integer,
        value -> BigInt,
    }
}

diesel::table! {
    home_service_staff (library_id, user_id) {
        library_id -> Text,
        user_id -> Text,
        granted_at -> Timestamp,
    }
}

diesel::table! {
    home_service_applications (id) {
        id -> Text,
        library_id -> Text,
        status -> Text,
        relation -> Text,
        applicant_name -> Nullable<Text>,
        applicant_phone -> Nullable<Text>,
        applicant_email -> Nullable<Text>,
        name -> Text,
        street_address -> Text,
        postal_code -> Text,
        city -> Text,
        phone -> Text,
        reasons -> Text,
        temporary_until -> Nullable<Text>,
        formats -> Text,
        interests -> Nullable<Text>,
        avoid -> Nullable<Text>,
        frequency -> Text,
        days -> Text,
        day_part -> Text,
        visit_notes -> Nullable<Text>,
        language -> Text,
        consent_text -> Text,
        submitted_at -> Timestamp,
        decided_at -> Nullable<Timestamp>,
        decided_by -> Nullable<Text>,
        decline_reason -> Nullable<Text>,
        client_id -> Nullable<Text>,
    }
}

diesel::table! {
    home_service_clients (id) {
        id -> Text,
        library_id -> Text,
        application_id -> Text,
        status -> Text,
        paused_from -> Nullable<Text>,
        paused_until -> Nullable<Text>,
        name -> Text,
        street_address -> Text,
        postal_code -> Text,
        city -> Text,
        phone -> Text,
        reasons -> Text,
        temporary_until -> Nullable<Text>,
        formats -> Text,
        interests -> Nullable<Text>,
        avoid -> Nullable<Text>,
        frequency -> Text,
        days -> Text,
        day_part -> Text,
        visit_notes -> Nullable<Text>,
        language -> Text,
        chooser_id -> Nullable<Text>,
        chooser_name -> Nullable<Text>,
        deliverer_id -> Nullable<Text>,
        deliverer_name -> Nullable<Text>,
        contact_name -> Nullable<Text>,
        contact_phone -> Nullable<Text>,
        contact_email -> Nullable<Text>,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    home_service_erased_clients (id) {
        id -> Text,
        library_id -> Text,
        became_client_at -> Timestamp,
        erased_at -> Timestamp,
    }
}

diesel::table! {
    library_scenarios (library_id) {
        library_id -> Text,
        scenario -> Text,
        notice -> Nullable<Text>,
        since -> Timestamp,
        set_by -> Nullable<Text>,
    }
}

diesel::table! {
    write_budget (key) {
        key -> Text,
        window_start -> Timestamp,
        count -> Integer,
    }
}

diesel::table! {
    home_service_notices (key) {
        key -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    home_service_volunteers (library_id, user_id) {
        library_id -> Text,
        user_id -> Text,
        granted_at -> Timestamp,
    }
}

diesel::table! {
    home_service_visits (id) {
        id -> Text,
        library_id -> Text,
        client_id -> Text,
        day -> Text,
        status -> Text,
        planned_by -> Text,
        deliverer_id -> Nullable<Text>,
        deliverer_name -> Nullable<Text>,
        note -> Nullable<Text>,
        feedback -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
    }
}

diesel::table! {
    home_service_items (id) {
        id -> Text,
        visit_id -> Text,
        client_id -> Text,
        title -> Text,
        author -> Nullable<Text>,
        format -> Text,
        identifier -> Nullable<Text>,
        match_key -> Text,
        returned_visit_id -> Nullable<Text>,
        returned_on -> Nullable<Text>,
        chosen_by -> Nullable<Text>,
        chosen_at -> Timestamp,
    }
}

diesel::joinable!(home_service_applications -> libraries (library_id));
diesel::joinable!(home_service_visits -> libraries (library_id));
diesel::joinable!(home_service_items -> home_service_visits (visit_id));
diesel::joinable!(home_service_clients -> libraries (library_id));

diesel::table! {
    guides (id) {
        id -> Text,
        library_id -> Text,
        service -> Text,
        language -> Text,
        title -> Text,
        purpose -> Text,
        audience -> Text,
        steps -> Text,
        roles -> Text,
        equipment -> Text,
        how_to_get -> Text,
        variants -> Text,
        licence -> Text,
        published -> Bool,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        sources -> Text,
    }
}

diesel::table! {
    guide_revisions (guide_id, version) {
        guide_id -> Text,
        version -> Integer,
        content -> Text,
        note -> Text,
        edited_at -> Timestamp,
        edited_by -> Nullable<Text>,
        edited_by_name -> Text,
        published -> Bool,
    }
}

diesel::joinable!(guides -> libraries (library_id));
diesel::joinable!(guide_revisions -> guides (guide_id));

diesel::table! {
    surveys (id) {
        id -> Text,
        library_id -> Text,
        title -> Text,
        intro -> Text,
        audience -> Text,
        contact -> Text,
        opens_on -> Text,
        closes_on -> Nullable<Text>,
        published -> Bool,
        questions -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    survey_responses (id) {
        id -> Text,
        survey_id -> Text,
        submitted_at -> Timestamp,
        source -> Text,
        entered_by -> Nullable<Text>,
        language -> Text,
        contact_name -> Nullable<Text>,
        contact_email -> Nullable<Text>,
        contact_phone -> Nullable<Text>,
        answers -> Text,
    }
}

diesel::table! {
    survey_respondents (survey_id, respondent) {
        survey_id -> Text,
        respondent -> Text,
    }
}

diesel::table! {
    training_modules (id) {
        id -> Text,
        library_id -> Text,
        title -> Text,
        body -> Text,
        items -> Text,
        practice -> Bool,
        position -> Integer,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    training_module_services (module_id, service_id) {
        module_id -> Text,
        service_id -> Text,
    }
}

diesel::table! {
    training_ticks (module_id, user_id, item_key) {
        module_id -> Text,
        user_id -> Text,
        item_key -> Text,
        done_at -> Timestamp,
    }
}

diesel::table! {
    training_practices (id) {
        id -> Text,
        module_id -> Text,
        trainee_id -> Text,
        colleague_id -> Nullable<Text>,
        starts_at -> Timestamp,
        state -> Text,
        created_at -> Timestamp,
        recorded_at -> Nullable<Timestamp>,
        recorded_by -> Nullable<Text>,
    }
}

diesel::table! {
    competences (service_id, user_id) {
        service_id -> Text,
        user_id -> Text,
        signed_off_by -> Text,
        signed_off_at -> Timestamp,
    }
}

diesel::table! {
    training_confidence (user_id, service_id, phase) {
        user_id -> Text,
        service_id -> Text,
        phase -> Text,
        rating -> Integer,
        rated_at -> Timestamp,
    }
}

diesel::joinable!(surveys -> libraries (library_id));
diesel::joinable!(survey_responses -> surveys (survey_id));

diesel::table! {
    api_clients (id) {
        id -> Text,
        library_id -> Text,
        name -> Text,
        secret_hash -> Text,
        scopes -> Text,
        allowed_origins -> Text,
        rate_limit -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    api_client_tokens (token_hash) {
        token_hash -> Text,
        client_id -> Text,
        scopes -> Text,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    api_client_calls (id) {
        id -> Text,
        client_id -> Text,
        at -> Timestamp,
        method -> Text,
        route -> Text,
        status -> Integer,
    }
}

diesel::table! {
    library_branding (library_id) {
        library_id -> Text,
        brand_color -> Nullable<Text>,
        logo -> Nullable<Binary>,
        logo_type -> Nullable<Text>,
        logo_hash -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    webhooks (id) {
        id -> Text,
        client_id -> Text,
        url -> Text,
        kinds -> Text,
        secret -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> Text,
        webhook_id -> Text,
        kind -> Text,
        payload -> Text,
        created_at -> Timestamp,
        due_at -> Timestamp,
        attempts -> Integer,
        status -> Text,
        claim -> Nullable<Text>,
        claimed_until -> Nullable<Timestamp>,
        last_status -> Nullable<Integer>,
        delivered_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(webhooks -> api_clients (client_id));
diesel::joinable!(webhook_deliveries -> webhooks (webhook_id));
diesel::joinable!(api_clients -> libraries (library_id));
diesel::joinable!(api_client_tokens -> api_clients (client_id));
diesel::joinable!(api_client_calls -> api_clients (client_id));

diesel::allow_tables_to_appear_in_same_query!(
    api_clients,
    api_client_tokens,
    api_client_calls,
    library_branding,
    webhooks,
    webhook_deliveries,
    training_modules,
    training_module_services,
    training_ticks,
    training_practices,
    competences,
    training_confidence,
    surveys,
    survey_responses,
    survey_respondents,
    home_service_staff,
    home_service_applications,
    home_service_clients,
    home_service_visits,
    home_service_items,
    home_service_volunteers,
    home_service_erased_clients,
    home_service_notices,
    write_budget,
    library_scenarios,
    guides,
    guide_revisions,
    messages,
    message_templates,
    message_preferences,
    organisations,
    programme_offers,
    programme_times,
    programme_bookings,
    calendar_generation,
    events,
    event_series,
    event_registrations,
    second_factors,
    recovery_codes,
    libraries,
    branches,
    opening_hours,
    users,
    memberships,
    sessions,
    refresh_tokens,
    login_attempts,
    settings,
    audit_log,
    services,
    service_staff,
    availability_weekly,
    availability_exceptions,
    library_closures,
    bookings,
);

diesel::table! {
    events (id) {
        id -> Text,
        library_id -> Text,
        title -> Text,
        description -> Text,
        category -> Text,
        audience -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        mode -> Text,
        branch_id -> Nullable<Text>,
        room -> Nullable<Text>,
        join_url -> Nullable<Text>,
        join_visible_minutes -> Integer,
        on_site_capacity -> Integer,
        online_capacity -> Integer,
        max_seats_per_registration -> Integer,
        registration_required -> Bool,
        registration_opens_at -> Nullable<Timestamp>,
        registration_closes_at -> Nullable<Timestamp>,
        accessibility_note -> Nullable<Text>,
        status -> Text,
        created_at -> Timestamp,
        series_id -> Nullable<Text>,
    }
}

diesel::table! {
    event_series (id) {
        id -> Text,
        library_id -> Text,
        repeat_rule -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    event_registrations (id) {
        id -> Text,
        event_id -> Text,
        patron_id -> Nullable<Text>,
        guest_name -> Nullable<Text>,
        guest_email -> Nullable<Text>,
        guest_phone -> Nullable<Text>,
        manage_token_hash -> Nullable<Text>,
        seat_type -> Text,
        seats -> Integer,
        needs -> Nullable<Text>,
        status -> Text,
        waitlist_seq -> Nullable<BigInt>,
        booked_by_staff_id -> Nullable<Text>,
        language -> Text,
        created_at -> Timestamp,
        promoted_at -> Nullable<Timestamp>,
        cancelled_at -> Nullable<Timestamp>,
        attended -> Nullable<Bool>,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Text,
        at -> Timestamp,
        actor_user_id -> Nullable<Text>,
        action -> Text,
        subject_user_id -> Nullable<Text>,
        library_id -> Nullable<Text>,
        record_id -> Nullable<Text>,
    }
}

diesel::table! {
    organisations (id) {
        id -> Text,
        library_id -> Text,
        name -> Text,
        kind -> Text,
        address -> Nullable<Text>,
        phone -> Nullable<Text>,
        contact_user_id -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    programme_offers (id) {
        id -> Text,
        library_id -> Text,
        title -> Text,
        description -> Text,
        duration_minutes -> Integer,
        max_residents -> Nullable<Integer>,
        published -> Bool,
        created_at -> Timestamp,
    }
}

diesel::table! {
    programme_times (id) {
        id -> Text,
        offer_id -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
    }
}

diesel::table! {
    programme_bookings (id) {
        id -> Text,
        offer_id -> Text,
        organisation_id -> Text,
        time_id -> Nullable<Text>,
        status -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        proposed_starts_at -> Nullable<Timestamp>,
        message -> Nullable<Text>,
        residents -> Integer,
        equipment -> Text,
        onsite_contact_name -> Text,
        onsite_contact_phone -> Text,
        wishes -> Nullable<Text>,
        meeting_url -> Nullable<Text>,
        participants -> Nullable<Integer>,
        feedback -> Nullable<Text>,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}
