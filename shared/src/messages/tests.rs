//! The codes on the wire, their round trip, and their text in each language.

use serde_json::json;

use super::*;
use crate::returns::{ReturnValue, validate, warnings};

fn cell(field: &str) -> Cell {
    field.parse().unwrap_or_else(|e| panic!("{field}: {e}"))
}

fn value(field: &str, value: f64) -> ReturnValue {
    let cell = cell(field);
    ReturnValue {
        indicator: cell.indicator,
        coop_type: cell.coop_type,
        sector: cell.sector,
        value,
    }
}

/// One of each code, in declaration order.
fn every_code() -> Vec<Code> {
    vec![
        Code::Negative,
        Code::TooLarge { max: 1e13 },
        Code::NotWhole,
        Code::TooManyDecimals { decimals: 2 },
        Code::DerivedIndicator {
            indicator: Indicator::WomenShare,
        },
        Code::Duplicate,
        Code::ExceedsWorkers {
            value: 12.0,
            workers: 10.0,
        },
        Code::NeedsWorkers {
            coop_type: CoopType::Social,
            sector: Sector::Services,
        },
        Code::LargeChange {
            value: 160.0,
            previous: 100.5,
            previous_year: 2023,
        },
        Code::Required,
        Code::TooLong { max: 2000 },
        Code::TooShort { min: 12 },
        Code::Between { min: 1, max: 366 },
        Code::ControlCharacters,
        Code::OneOf {
            values: vec!["en".into(), "fr".into()],
        },
        Code::CommonPassword,
        Code::ContainsEmail,
        Code::RepeatedCharacter,
        Code::WrongPassword,
        Code::WrongCode,
    ]
}

#[test]
fn every_code_reads_back_from_its_name_and_params() {
    let codes = every_code();
    let mut names: Vec<&str> = codes.iter().map(Code::name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), codes.len(), "names are distinct");
    for code in codes {
        let message = Message::at(cell("workers.worker.industry"), code);
        let error = message.field_error("workers.worker.industry");
        let name = error.code.as_deref().unwrap_or_default();
        assert_eq!(Message::parse(name, &error.params), Some(message.clone()));
        // Every language has a text for it, and English is the message.
        for lang in LANGUAGES {
            assert!(!message.render(lang).is_empty(), "{name} in {lang}");
        }
        assert_eq!(
            error.localised("en").as_deref(),
            Some(error.message.as_str())
        );
    }
}

#[test]
fn validation_gives_codes_and_params_beside_todays_english() {
    let errors = validate(&[
        value("workers.worker.industry", 10.0),
        value("women_workers.worker.industry", 12.0),
        value("permanent_contracts.social.services", 3.0),
        value("workers.other.construction", -1.0),
        value("coops_joined.worker.industry", 1.5),
        value("turnover_eur.worker.industry", 1.255),
        value("women_share.worker.industry", 5.0),
        value("cooperatives.worker.industry", 1.0),
        value("cooperatives.worker.industry", 2.0),
    ]);
    let coded: Vec<(&str, &str, serde_json::Value)> = errors
        .iter()
        .map(|e| {
            let params = serde_json::to_value(&e.params).unwrap_or_default();
            (
                e.field.as_str(),
                e.code.as_deref().unwrap_or_default(),
                params,
            )
        })
        .collect();
    assert_eq!(
        coded,
        [
            (
                "workers.other.construction",
                "negative",
                json!({"cell": "workers.other.construction"})
            ),
            (
                "coops_joined.worker.industry",
                "not_whole",
                json!({"cell": "coops_joined.worker.industry"})
            ),
            (
                "turnover_eur.worker.industry",
                "too_many_decimals",
                json!({"cell": "turnover_eur.worker.industry", "decimals": 2})
            ),
            (
                "women_share.worker.industry",
                "derived_indicator",
                json!({"cell": "women_share.worker.industry", "indicator": "women_share"})
            ),
            (
                "cooperatives.worker.industry",
                "duplicate",
                json!({"cell": "cooperatives.worker.industry"})
            ),
            (
                "women_workers.worker.industry",
                "exceeds_workers",
                json!({"cell": "women_workers.worker.industry", "value": 12, "workers": 10})
            ),
            (
                "permanent_contracts.social.services",
                "needs_workers",
                json!({"cell": "permanent_contracts.social.services",
                       "coop_type": "social", "sector": "services"})
            ),
        ]
    );
    assert_eq!(
        errors[6].message,
        "Permanent contracts of social cooperatives in services: give the number of workers \
         of social cooperatives in services as well"
    );
    assert_eq!(
        errors[3].message,
        "Women among workers (%) of worker cooperatives in industry: women_share is computed \
         from the other figures and cannot be reported"
    );
    let big = warnings(
        &[value("workers.worker.industry", 1600.0)],
        &[value("workers.worker.industry", 1000.0)],
        2023,
    );
    assert_eq!(big[0].code.as_deref(), Some("large_change"));
    assert_eq!(
        serde_json::to_value(&big[0].params).unwrap_or_default(),
        json!({"cell": "workers.worker.industry", "value": 1600, "previous": 1000,
               "previous_year": 2023})
    );
}

#[test]
fn a_cell_error_reads_in_each_language() {
    let error = Message::at(
        cell("women_workers.worker.industry"),
        Code::ExceedsWorkers {
            value: 1200.0,
            workers: 1000.0,
        },
    )
    .field_error("women_workers.worker.industry");
    let texts: Vec<String> = LANGUAGES.iter().map(|l| error.text(l)).collect();
    assert_eq!(
        texts,
        [
            "Women workers of worker cooperatives in industry: 1,200 is more than the 1,000 \
             workers in the same cooperatives",
            "Travailleuses des coopératives de travail dans l’industrie\u{a0}: 1\u{202f}200 \
             dépasse les 1\u{202f}000 travailleurs des mêmes coopératives",
            "Trabajadoras de las cooperativas de trabajo en la industria: 1200 supera los 1000 \
             trabajadores de las mismas cooperativas",
            "Lavoratrici delle cooperative di lavoro nell’industria: 1.200 supera i 1.000 \
             lavoratori delle stesse cooperative",
        ]
    );
    assert_eq!(
        error.localised_bare("fr").as_deref(),
        Some("1\u{202f}200 dépasse les 1\u{202f}000 travailleurs des mêmes coopératives")
    );
    let missing = Message::at(
        cell("worker_members.self_employed_producers.construction"),
        Code::NeedsWorkers {
            coop_type: CoopType::SelfEmployedProducers,
            sector: Sector::Construction,
        },
    );
    assert_eq!(
        missing.render_bare("es"),
        "indique también el número de trabajadores de las cooperativas de productores \
         autónomos en la construcción"
    );
    assert_eq!(
        missing.render("it"),
        "Soci lavoratori delle cooperative di produttori autonomi nelle costruzioni: indicare \
         anche il numero di lavoratori delle cooperative di produttori autonomi nelle costruzioni"
    );
}

#[test]
fn form_errors_read_in_each_language() {
    let too_long = Code::TooLong { max: 2000 }.field_error("description");
    assert_eq!(too_long.message, "must be at most 2,000 characters");
    let texts: Vec<String> = LANGUAGES.iter().map(|l| too_long.text(l)).collect();
    assert_eq!(
        texts,
        [
            "must be at most 2,000 characters",
            "doit compter au plus 2\u{202f}000 caractères",
            "debe tener como máximo 2000 caracteres",
            "deve avere al massimo 2.000 caratteri",
        ]
    );
    let short = Code::TooShort { min: 12 }.field_error("password");
    assert_eq!(short.text("es"), "debe tener al menos 12 caracteres");
    let change = Code::LargeChange {
        value: 1250.5,
        previous: 100.0,
        previous_year: 2023,
    };
    assert_eq!(
        change.to_string(),
        "1,250.5 against 100 in 2023, a change of more than 50 %"
    );
    assert_eq!(
        Message {
            cell: None,
            code: change
        }
        .render("it"),
        "1.250,5 contro 100 nel 2023, una variazione di oltre il 50%"
    );
}

#[test]
fn unknown_codes_and_missing_params_fall_back_to_the_message() {
    let unknown = FieldError::coded("x", "no_such_code", Params::new(), "is odd");
    assert_eq!(unknown.localised("fr"), None);
    assert_eq!(unknown.text("fr"), "is odd");
    let incomplete = FieldError::coded("x", "too_long", Params::new(), "is too long");
    assert_eq!(incomplete.text("it"), "is too long");
    let plain = FieldError::new("x", "is odd");
    assert_eq!(plain.text("es"), "is odd");
    assert_eq!(
        render("required", &Params::new(), "fr").as_deref(),
        Some("est obligatoire")
    );
    // A language without translations reads English.
    assert_eq!(
        render("required", &Params::new(), "de").as_deref(),
        Some("is required")
    );
}

#[test]
fn an_error_without_a_code_serialises_as_before() {
    let plain = FieldError::new("per_page", "must be between 1 and 100");
    assert_eq!(
        serde_json::to_string(&plain).unwrap_or_default(),
        r#"{"field":"per_page","message":"must be between 1 and 100"}"#
    );
    let coded = Code::Required.field_error("q");
    assert_eq!(
        serde_json::to_string(&coded).unwrap_or_default(),
        r#"{"field":"q","message":"is required","code":"required"}"#
    );
    let back: FieldError = serde_json::from_str(r#"{"field":"q","message":"is required"}"#)
        .unwrap_or_else(|_| FieldError::new("", ""));
    assert_eq!(back, FieldError::new("q", "is required"));
}

#[test]
fn numbers_follow_each_language() {
    let cases = [
        ("en", ["1,250.5", "12,500", "999", "-3"]),
        ("fr", ["1\u{202f}250,5", "12\u{202f}500", "999", "-3"]),
        ("es", ["1250,5", "12.500", "999", "-3"]),
        ("it", ["1.250,5", "12.500", "999", "-3"]),
    ];
    for (lang, expected) in cases {
        let got: Vec<String> = [1250.5, 12_500.0, 999.0, -3.0]
            .iter()
            .map(|v| format_number_in(*v, lang))
            .collect();
        assert_eq!(got, expected, "{lang}");
    }
}
