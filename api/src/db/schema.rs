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
    }
}
