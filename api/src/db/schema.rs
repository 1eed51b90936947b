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
    }
}

diesel::joinable!(users -> members (member_id));
diesel::joinable!(api_tokens -> members (member_id));
diesel::joinable!(refresh_tokens -> users (user_id));
diesel::allow_tables_to_appear_in_same_query!(
    members,
    users,
    refresh_tokens,
    audit_log,
    api_tokens
);
