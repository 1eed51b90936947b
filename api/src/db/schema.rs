//! The database schema, shared by the SQLite and PostgreSQL backends: only
//! column types both support are used.

diesel::table! {
    members (id) {
        id -> BigInt,
        slug -> Text,
        name -> Text,
        acronym -> Nullable<Text>,
        country -> Text,
        kind -> Text,
        membership -> Nullable<Text>,
        status -> Text,
        joined_year -> Nullable<Integer>,
        website -> Nullable<Text>,
        description -> Text,
        sectors -> Text,
        illustrative -> Bool,
        source_url -> Nullable<Text>,
        figures_year -> Nullable<Integer>,
        cooperatives -> Nullable<BigInt>,
        workers -> Nullable<BigInt>,
        worker_members -> Nullable<BigInt>,
        turnover_eur -> Nullable<BigInt>,
        figures_provenance -> Nullable<Text>,
        figures_note -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        public_contact -> Nullable<Text>,
        network_contact -> Nullable<Text>,
    }
}

diesel::table! {
    users (id) {
        id -> BigInt,
        email -> Text,
        display_name -> Text,
        role -> Text,
        member_id -> Nullable<BigInt>,
        password_hash -> Text,
        disabled -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        language -> Text,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        family -> Text,
        token_hash -> Text,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        successor_sealed -> Nullable<Text>,
        used_by -> Nullable<Text>,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        at -> Timestamp,
        actor -> Nullable<Text>,
        action -> Text,
        target_type -> Nullable<Text>,
        target_id -> Nullable<Text>,
        subject -> Nullable<Text>,
        ip -> Nullable<Text>,
        user_agent -> Nullable<Text>,
        detail -> Nullable<Text>,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> BigInt,
        name -> Text,
        prefix -> Text,
        token_hash -> Text,
        scopes -> Text,
        member_id -> Nullable<BigInt>,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        survives_creator -> Bool,
    }
}

diesel::table! {
    story_consents (id) {
        id -> BigInt,
        given_at -> Timestamp,
        given_by -> Text,
        wording -> Text,
        withdrawn_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    content_items (id) {
        id -> BigInt,
        item_type -> Text,
        slug -> Text,
        kind -> Nullable<Text>,
        status -> Text,
        visibility -> Text,
        publish_at -> Timestamp,
        default_lang -> Text,
        country -> Nullable<Text>,
        eu_funded -> Bool,
        illustrative -> Bool,
        attachments -> Text,
        starts_at -> Nullable<Timestamp>,
        ends_at -> Nullable<Timestamp>,
        time_zone -> Nullable<Text>,
        venue -> Nullable<Text>,
        city -> Nullable<Text>,
        online_url -> Nullable<Text>,
        registration_url -> Nullable<Text>,
        organisers -> Text,
        cooperative -> Nullable<Text>,
        sector -> Nullable<Text>,
        quote -> Nullable<Text>,
        photo -> Nullable<Text>,
        consent_id -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> BigInt,
        source_version -> BigInt,
        first_published_at -> Nullable<Timestamp>,
        publish_zone -> Nullable<Text>,
        updated_by -> Nullable<BigInt>,
    }
}

diesel::table! {
    content_translations (content_id, lang) {
        content_id -> BigInt,
        lang -> Text,
        title -> Text,
        summary -> Text,
        body -> Text,
        body_html -> Text,
        written_version -> BigInt,
    }
}

diesel::table! {
    content_revisions (content_id, number) {
        content_id -> BigInt,
        number -> BigInt,
        action -> Text,
        status -> Text,
        saved_by -> Nullable<BigInt>,
        saved_at -> Timestamp,
        document -> Text,
        changed -> Text,
    }
}

diesel::table! {
    member_descriptions (member_id, lang) {
        member_id -> BigInt,
        lang -> Text,
        description -> Text,
    }
}

diesel::table! {
    preview_links (id) {
        id -> BigInt,
        token_hash -> Text,
        content_id -> BigInt,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    content_redirects (item_type, old_slug) {
        item_type -> Text,
        old_slug -> Text,
        content_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    content_themes (content_id, theme) {
        content_id -> BigInt,
        theme -> Text,
    }
}

diesel::table! {
    content_tags (content_id, tag) {
        content_id -> BigInt,
        tag -> Text,
    }
}

diesel::table! {
    content_members (content_id, member_id) {
        content_id -> BigInt,
        member_id -> BigInt,
    }
}

diesel::table! {
    campaigns (id) {
        id -> BigInt,
        year -> Integer,
        opens_on -> Date,
        closes_on -> Date,
        state -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    data_returns (id) {
        id -> BigInt,
        campaign_id -> BigInt,
        member_id -> BigInt,
        state -> Text,
        reason -> Nullable<Text>,
        illustrative -> Bool,
        submitted_at -> Nullable<Timestamp>,
        reviewed_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        packed_values -> Text,
    }
}

diesel::table! {
    return_values (return_id, indicator, coop_type, sector) {
        return_id -> BigInt,
        indicator -> Text,
        coop_type -> Text,
        sector -> Text,
        amount -> BigInt,
        cell_workers -> Nullable<BigInt>,
    }
}

diesel::table! {
    return_revisions (id) {
        id -> BigInt,
        return_id -> BigInt,
        at -> Timestamp,
        actor -> Text,
        actor_name -> Nullable<Text>,
        action -> Text,
        from_state -> Nullable<Text>,
        to_state -> Text,
        reason -> Nullable<Text>,
        changes -> Text,
    }
}

diesel::table! {
    login_throttles (account, source) {
        account -> Text,
        source -> Text,
        failures -> Integer,
        window_start -> Timestamp,
        last_at -> Timestamp,
        next_at -> Timestamp,
    }
}

diesel::table! {
    sessions (family) {
        family -> Text,
        public_id -> Text,
        user_id -> BigInt,
        created_at -> Timestamp,
        last_used_at -> Timestamp,
        user_agent -> Nullable<Text>,
        address -> Nullable<Text>,
    }
}

diesel::table! {
    rate_windows (key, window_start) {
        key -> Text,
        window_start -> BigInt,
        count -> BigInt,
    }
}

diesel::table! {
    mail_outbox (id) {
        id -> BigInt,
        kind -> Text,
        recipient -> Text,
        subject -> Text,
        body -> Nullable<Text>,
        created_at -> Timestamp,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        claimed_until -> Nullable<Timestamp>,
        failed_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
    }
}

diesel::table! {
    password_resets (id) {
        id -> BigInt,
        user_id -> BigInt,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    invitations (id) {
        id -> BigInt,
        email -> Text,
        display_name -> Text,
        role -> Text,
        member_id -> Nullable<BigInt>,
        language -> Text,
        token_hash -> Text,
        invited_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        accepted_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    two_factor (user_id) {
        user_id -> BigInt,
        sealed_secret -> Text,
        created_at -> Timestamp,
        confirmed_at -> Nullable<Timestamp>,
        last_step -> BigInt,
    }
}

diesel::table! {
    recovery_codes (code_hash) {
        code_hash -> Text,
        user_id -> BigInt,
        created_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    media (id) {
        id -> BigInt,
        sha256 -> Text,
        kind -> Text,
        content_type -> Text,
        size -> BigInt,
        width -> Nullable<Integer>,
        height -> Nullable<Integer>,
        colour -> Nullable<Text>,
        variants -> Text,
        variant_format -> Nullable<Text>,
        file_name -> Text,
        title -> Text,
        credit -> Nullable<Text>,
        licence -> Nullable<Text>,
        visibility -> Text,
        member_id -> Nullable<BigInt>,
        uploaded_by -> Nullable<BigInt>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    media_alts (media_id, lang) {
        media_id -> BigInt,
        lang -> Text,
        alt -> Text,
    }
}

diesel::joinable!(users -> members (member_id));
diesel::joinable!(media -> members (member_id));
diesel::joinable!(media -> users (uploaded_by));
diesel::joinable!(media_alts -> media (media_id));
diesel::joinable!(data_returns -> campaigns (campaign_id));
diesel::joinable!(data_returns -> members (member_id));
diesel::joinable!(return_values -> data_returns (return_id));
diesel::joinable!(return_revisions -> data_returns (return_id));
diesel::joinable!(api_tokens -> members (member_id));
diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(password_resets -> users (user_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(two_factor -> users (user_id));
diesel::joinable!(recovery_codes -> users (user_id));
diesel::joinable!(invitations -> members (member_id));
diesel::joinable!(content_items -> story_consents (consent_id));
diesel::joinable!(content_translations -> content_items (content_id));
diesel::joinable!(content_revisions -> content_items (content_id));
diesel::joinable!(content_revisions -> users (saved_by));
diesel::joinable!(content_redirects -> content_items (content_id));
diesel::joinable!(preview_links -> content_items (content_id));
diesel::joinable!(member_descriptions -> members (member_id));
diesel::joinable!(content_themes -> content_items (content_id));
diesel::joinable!(content_tags -> content_items (content_id));
diesel::joinable!(content_members -> content_items (content_id));
diesel::joinable!(content_members -> members (member_id));
diesel::allow_tables_to_appear_in_same_query!(
    members,
    media,
    media_alts,
    users,
    refresh_tokens,
    audit_log,
    api_tokens,
    story_consents,
    content_items,
    content_translations,
    content_themes,
    content_tags,
    content_members,
    content_revisions,
    content_redirects,
    preview_links,
    member_descriptions,
    campaigns,
    data_returns,
    return_values,
    return_revisions,
    mail_outbox,
    password_resets,
    invitations,
    sessions,
    rate_windows,
    two_factor,
    recovery_codes
);
