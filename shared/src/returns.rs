//! The yearly data collection: campaigns, the indicator catalogue, member
//! federations' data returns, and the rules a return's values must obey.
//!
//! Validation lives here so the API and the SPA's data-entry grid give the
//! same message for the same value ([`validate`]).

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::{FieldError, MemberRef, string_enum};

string_enum!(
    /// A figure of the data collection. The first nine are reported by
    /// members; the `*_share` ones are computed from them (percent).
    Indicator {
        Cooperatives => "cooperatives",
        Workers => "workers",
        WorkerMembers => "worker_members",
        WomenWorkers => "women_workers",
        WorkersWithDisabilities => "workers_with_disabilities",
        PermanentContracts => "permanent_contracts",
        TurnoverEur => "turnover_eur",
        CoopsJoined => "coops_joined",
        CoopsLeft => "coops_left",
        /// Women workers as a percentage of workers.
        WomenShare => "women_share",
        /// Worker-members as a percentage of workers.
        WorkerMemberShare => "worker_member_share",
        /// Permanent contracts as a percentage of workers.
        PermanentContractShare => "permanent_contract_share",
        /// Workers with disabilities as a percentage of workers.
        DisabilityShare => "disability_share",
    }
);

string_enum!(
    /// What an indicator's numbers count.
    Unit {
        /// Cooperatives (enterprises).
        Enterprises => "enterprises",
        /// People.
        People => "people",
        /// Euros.
        Eur => "eur",
        /// Percent of workers.
        Percent => "percent",
    }
);

impl Indicator {
    /// The indicators members report, in the order forms show them.
    pub const REPORTED: &'static [Self] = &[
        Self::Cooperatives,
        Self::Workers,
        Self::WorkerMembers,
        Self::WomenWorkers,
        Self::WorkersWithDisabilities,
        Self::PermanentContracts,
        Self::TurnoverEur,
        Self::CoopsJoined,
        Self::CoopsLeft,
    ];

    /// True for a share computed from reported indicators.
    pub fn is_derived(self) -> bool {
        self.share_of().is_some()
    }

    /// For a share, the reported indicator it divides by `workers`.
    pub fn share_of(self) -> Option<Self> {
        match self {
            Self::WomenShare => Some(Self::WomenWorkers),
            Self::WorkerMemberShare => Some(Self::WorkerMembers),
            Self::PermanentContractShare => Some(Self::PermanentContracts),
            Self::DisabilityShare => Some(Self::WorkersWithDisabilities),
            _ => None,
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            Self::Cooperatives | Self::CoopsJoined | Self::CoopsLeft => Unit::Enterprises,
            Self::TurnoverEur => Unit::Eur,
            Self::WomenShare
            | Self::WorkerMemberShare
            | Self::PermanentContractShare
            | Self::DisabilityShare => Unit::Percent,
            _ => Unit::People,
        }
    }

    /// Decimal places a value may have: two for euros, none for counts.
    pub fn decimals(self) -> u32 {
        match self.unit() {
            Unit::Eur => 2,
            Unit::Percent => 1,
            _ => 0,
        }
    }

    /// Reported indicators that may not exceed `workers` in the same cell.
    pub fn bounded_by_workers(self) -> bool {
        matches!(
            self,
            Self::WorkerMembers
                | Self::WomenWorkers
                | Self::WorkersWithDisabilities
                | Self::PermanentContracts
        )
    }

    /// The indicator's name in `lang` (en, fr, es or it; English otherwise).
    pub fn name(self, lang: &str) -> &'static str {
        let [en, fr, es, it] = self.names();
        match lang {
            "fr" => fr,
            "es" => es,
            "it" => it,
            _ => en,
        }
    }

    fn names(self) -> [&'static str; 4] {
        match self {
            Self::Cooperatives => [
                "Cooperatives",
                "Coopératives",
                "Cooperativas",
                "Cooperative",
            ],
            Self::Workers => ["Workers", "Travailleurs", "Trabajadores", "Lavoratori"],
            Self::WorkerMembers => [
                "Worker-members",
                "Travailleurs associés",
                "Socios trabajadores",
                "Soci lavoratori",
            ],
            Self::WomenWorkers => [
                "Women workers",
                "Travailleuses",
                "Trabajadoras",
                "Lavoratrici",
            ],
            Self::WorkersWithDisabilities => [
                "Workers with disabilities",
                "Travailleurs handicapés",
                "Trabajadores con discapacidad",
                "Lavoratori con disabilità",
            ],
            Self::PermanentContracts => [
                "Permanent contracts",
                "Contrats à durée indéterminée",
                "Contratos indefinidos",
                "Contratti a tempo indeterminato",
            ],
            Self::TurnoverEur => [
                "Turnover (EUR)",
                "Chiffre d'affaires (EUR)",
                "Volumen de negocio (EUR)",
                "Fatturato (EUR)",
            ],
            Self::CoopsJoined => [
                "Cooperatives joined",
                "Coopératives adhérentes",
                "Cooperativas incorporadas",
                "Cooperative aderite",
            ],
            Self::CoopsLeft => [
                "Cooperatives left",
                "Coopératives sorties",
                "Cooperativas salientes",
                "Cooperative uscite",
            ],
            Self::WomenShare => [
                "Women among workers (%)",
                "Part des femmes (%)",
                "Proporción de mujeres (%)",
                "Quota di donne (%)",
            ],
            Self::WorkerMemberShare => [
                "Workers who are members (%)",
                "Part des travailleurs associés (%)",
                "Proporción de socios trabajadores (%)",
                "Quota di soci lavoratori (%)",
            ],
            Self::PermanentContractShare => [
                "Permanent contracts (%)",
                "Part des CDI (%)",
                "Proporción de contratos indefinidos (%)",
                "Quota di contratti a tempo indeterminato (%)",
            ],
            Self::DisabilityShare => [
                "Workers with disabilities (%)",
                "Part des travailleurs handicapés (%)",
                "Proporción de trabajadores con discapacidad (%)",
                "Quota di lavoratori con disabilità (%)",
            ],
        }
    }

    /// What the indicator counts, in `lang` (en, fr, es or it; English
    /// otherwise): the survey's definition, served by `/indicators`.
    pub fn description(self, lang: &str) -> &'static str {
        pick(lang, self.descriptions())
    }

    fn descriptions(self) -> [&'static str; 4] {
        match self {
            Self::Cooperatives => [
                "Cooperatives affiliated to the member on 31 December.",
                "Coopératives affiliées au membre au 31 décembre.",
                "Cooperativas afiliadas al miembro a 31 de diciembre.",
                "Cooperative aderenti al membro al 31 dicembre.",
            ],
            Self::Workers => [
                "People working in those cooperatives on 31 December, members or not.",
                "Personnes travaillant dans ces coopératives au 31 décembre, associées ou non.",
                "Personas que trabajan en esas cooperativas a 31 de diciembre, socias o no.",
                "Persone che lavorano in quelle cooperative al 31 dicembre, socie o no.",
            ],
            Self::WorkerMembers => [
                "Workers who are also members (owners) of their cooperative.",
                "Travailleurs qui sont aussi associés (propriétaires) de leur coopérative.",
                "Trabajadores que también son socios (propietarios) de su cooperativa.",
                "Lavoratori che sono anche soci (proprietari) della loro cooperativa.",
            ],
            Self::WomenWorkers => [
                "Workers who are women.",
                "Travailleurs qui sont des femmes.",
                "Trabajadores que son mujeres.",
                "Lavoratori che sono donne.",
            ],
            Self::WorkersWithDisabilities => [
                "Workers with a recognised disability.",
                "Travailleurs ayant un handicap reconnu.",
                "Trabajadores con una discapacidad reconocida.",
                "Lavoratori con una disabilità riconosciuta.",
            ],
            Self::PermanentContracts => [
                "Workers on permanent (open-ended) contracts.",
                "Travailleurs en contrat à durée indéterminée.",
                "Trabajadores con contrato indefinido.",
                "Lavoratori con contratto a tempo indeterminato.",
            ],
            Self::TurnoverEur => [
                "The cooperatives' turnover over the year, in euros.",
                "Chiffre d'affaires des coopératives sur l'année, en euros.",
                "Volumen de negocio de las cooperativas en el año, en euros.",
                "Fatturato delle cooperative nell'anno, in euro.",
            ],
            Self::CoopsJoined => [
                "Cooperatives that joined the member during the year.",
                "Coopératives qui ont adhéré au membre pendant l'année.",
                "Cooperativas que se afiliaron al miembro durante el año.",
                "Cooperative che hanno aderito al membro durante l'anno.",
            ],
            Self::CoopsLeft => [
                "Cooperatives that left the member during the year.",
                "Coopératives qui ont quitté le membre pendant l'année.",
                "Cooperativas que dejaron el miembro durante el año.",
                "Cooperative che hanno lasciato il membro durante l'anno.",
            ],
            Self::WomenShare => [
                "Women workers as a percentage of workers, over the cells reporting both.",
                "Travailleuses en pourcentage des travailleurs, sur les cases qui déclarent les deux.",
                "Trabajadoras como porcentaje de los trabajadores, en las casillas que declaran ambos.",
                "Lavoratrici in percentuale dei lavoratori, nelle celle che riportano entrambi.",
            ],
            Self::WorkerMemberShare => [
                "Worker-members as a percentage of workers, over the cells reporting both.",
                "Travailleurs associés en pourcentage des travailleurs, sur les cases qui déclarent les deux.",
                "Socios trabajadores como porcentaje de los trabajadores, en las casillas que declaran ambos.",
                "Soci lavoratori in percentuale dei lavoratori, nelle celle che riportano entrambi.",
            ],
            Self::PermanentContractShare => [
                "Permanent contracts as a percentage of workers, over the cells reporting both.",
                "CDI en pourcentage des travailleurs, sur les cases qui déclarent les deux.",
                "Contratos indefinidos como porcentaje de los trabajadores, en las casillas que declaran ambos.",
                "Contratti a tempo indeterminato in percentuale dei lavoratori, nelle celle che riportano entrambi.",
            ],
            Self::DisabilityShare => [
                "Workers with disabilities as a percentage of workers, over the cells reporting both.",
                "Travailleurs handicapés en pourcentage des travailleurs, sur les cases qui déclarent les deux.",
                "Trabajadores con discapacidad como porcentaje de los trabajadores, en las casillas que declaran ambos.",
                "Lavoratori con disabilità in percentuale dei lavoratori, nelle celle che riportano entrambi.",
            ],
        }
    }
}

string_enum!(
    /// The kind of cooperative a figure is about.
    CoopType {
        Worker => "worker",
        Social => "social",
        SelfEmployedProducers => "self_employed_producers",
        Other => "other",
    }
);

string_enum!(
    /// The economic sector a figure is about.
    Sector {
        Industry => "industry",
        Construction => "construction",
        Services => "services",
    }
);

impl CoopType {
    pub fn name(self, lang: &str) -> &'static str {
        let [en, fr, es, it] = match self {
            Self::Worker => [
                "Worker cooperatives",
                "Coopératives de travail",
                "Cooperativas de trabajo",
                "Cooperative di lavoro",
            ],
            Self::Social => [
                "Social cooperatives",
                "Coopératives sociales",
                "Cooperativas sociales",
                "Cooperative sociali",
            ],
            Self::SelfEmployedProducers => [
                "Cooperatives of self-employed producers",
                "Coopératives de producteurs indépendants",
                "Cooperativas de productores autónomos",
                "Cooperative di produttori autonomi",
            ],
            Self::Other => ["Other", "Autres", "Otras", "Altre"],
        };
        pick(lang, [en, fr, es, it])
    }
}

impl Sector {
    pub fn name(self, lang: &str) -> &'static str {
        let names = match self {
            Self::Industry => ["Industry", "Industrie", "Industria", "Industria"],
            Self::Construction => [
                "Construction",
                "Construction",
                "Construcción",
                "Costruzioni",
            ],
            Self::Services => ["Services", "Services", "Servicios", "Servizi"],
        };
        pick(lang, names)
    }
}

fn pick(lang: &str, [en, fr, es, it]: [&'static str; 4]) -> &'static str {
    match lang {
        "fr" => fr,
        "es" => es,
        "it" => it,
        _ => en,
    }
}

string_enum!(
    /// Where a data collection is in its year. Returns can be edited only
    /// while their campaign is `open`; statistics come only from
    /// `published` campaigns.
    CampaignState {
        Planned => "planned",
        Open => "open",
        Closed => "closed",
        Published => "published",
    }
);

impl CampaignState {
    /// The states an admin may move a campaign to from this one.
    pub fn next(self) -> &'static [Self] {
        match self {
            Self::Planned => &[Self::Open],
            Self::Open => &[Self::Closed],
            Self::Closed => &[Self::Open, Self::Published],
            Self::Published => &[Self::Closed],
        }
    }
}

string_enum!(
    /// Where a data return is in its review.
    ReturnState {
        /// Being filled in by the member; not yet sent.
        Draft => "draft",
        /// Sent for review; the member can no longer edit it.
        Submitted => "submitted",
        /// Accepted by CECOP staff; locked, and counted in statistics.
        Approved => "approved",
        /// Sent back to the member with a reason, to correct and resubmit.
        Returned => "returned",
    }
);

/// Something done to a return that changes its state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    Submit,
    Approve,
    Return,
    Reopen,
}

impl Transition {
    pub fn verb(self) -> &'static str {
        match self {
            Self::Submit => "submit",
            Self::Approve => "approve",
            Self::Return => "return",
            Self::Reopen => "reopen",
        }
    }

    /// The state a return in `from` moves to, or `None` when the transition
    /// is illegal from there.
    pub fn apply(self, from: ReturnState) -> Option<ReturnState> {
        use ReturnState::*;
        match (self, from) {
            (Self::Submit, Draft | Returned) => Some(Submitted),
            (Self::Approve, Submitted) => Some(Approved),
            (Self::Return, Submitted) => Some(Returned),
            (Self::Reopen, Approved) => Some(Returned),
            _ => None,
        }
    }
}

impl ReturnState {
    /// True when the member may change the values.
    pub fn editable(self) -> bool {
        matches!(self, Self::Draft | Self::Returned)
    }
}

/// A yearly data collection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Campaign {
    /// The reference year the figures are about.
    pub year: i32,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub state: CampaignState,
    pub updated_at: DateTime<Utc>,
}

/// `POST /api/v1/campaigns` and `PUT /api/v1/campaigns/{year}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CampaignRequest {
    /// The reference year (2000–2100); for `PUT`, the year in the path.
    #[cfg_attr(feature = "server", schema(minimum = 2000, maximum = 2100))]
    #[serde(deserialize_with = "whole_year")]
    pub year: i32,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    /// Defaults to `planned` on creation.
    #[serde(default)]
    pub state: Option<CampaignState>,
}

/// JSON Schema counts `2024.0` as an integer; so does this field.
fn whole_year<'de, D: serde::Deserializer<'de>>(d: D) -> Result<i32, D::Error> {
    let v = f64::deserialize(d)?;
    if v.fract() == 0.0 && (f64::from(i32::MIN)..=f64::from(i32::MAX)).contains(&v) {
        // Whole and in range, so the conversion is exact.
        Ok(v as i32)
    } else {
        Err(serde::de::Error::custom("must be a whole number"))
    }
}

/// One number of a return: an indicator for one cooperative type in one sector.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReturnValue {
    pub indicator: Indicator,
    pub coop_type: CoopType,
    pub sector: Sector,
    /// A non-negative whole number; for `turnover_eur`, euros with at most two decimals.
    #[cfg_attr(feature = "server", schema(minimum = 0))]
    pub value: f64,
}

impl ReturnValue {
    pub fn cell(&self) -> Cell {
        Cell {
            indicator: self.indicator,
            coop_type: self.coop_type,
            sector: self.sector,
        }
    }
}

/// Where a value sits in a return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Cell {
    pub indicator: Indicator,
    pub coop_type: CoopType,
    pub sector: Sector,
}

impl Cell {
    /// How errors name the cell: `women_workers.worker.industry`.
    pub fn field(&self) -> String {
        format!("{}.{}.{}", self.indicator, self.coop_type, self.sector)
    }

    /// The cell in words, for messages.
    pub fn describe(&self) -> String {
        format!(
            "{} of {} in {}",
            self.indicator.name("en").to_lowercase(),
            self.coop_type.name("en").to_lowercase(),
            self.sector.name("en").to_lowercase()
        )
    }

    /// Every cell of a return, in form order.
    pub fn all() -> impl Iterator<Item = Self> {
        Indicator::REPORTED.iter().flat_map(|&indicator| {
            CoopType::ALL.iter().flat_map(move |&coop_type| {
                Sector::ALL.iter().map(move |&sector| Self {
                    indicator,
                    coop_type,
                    sector,
                })
            })
        })
    }
}

/// The largest value accepted, far above any real figure (and exact in f64).
pub const MAX_VALUE: f64 = 1e13;

/// Checks one value on its own: the problem with it, if any.
pub fn check_value(indicator: Indicator, value: f64) -> Option<String> {
    if indicator.is_derived() {
        return Some(format!(
            "{indicator} is computed from the other figures and cannot be reported"
        ));
    }
    if !value.is_finite() || value < 0.0 {
        return Some("must be a number of zero or more".into());
    }
    if value > MAX_VALUE {
        return Some("is implausibly large (more than 10,000,000,000,000)".into());
    }
    let scale = 10f64.powi(indicator.decimals() as i32);
    let scaled = value * scale;
    // A decimal such as 1234567890.07 has no exact binary value: allow the
    // error of the conversion (relative), not a real extra decimal (>= 0.1).
    let tolerance = (scaled.abs() * 1e-14).max(1e-6);
    if (scaled - scaled.round()).abs() > tolerance {
        return Some(if indicator.decimals() == 0 {
            "must be a whole number".into()
        } else {
            "must have at most two decimals".into()
        });
    }
    None
}

/// Every problem with a set of values, one per value, each naming the
/// indicator, type and sector. An empty list means the set may be saved.
pub fn validate(values: &[ReturnValue]) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut seen: HashMap<Cell, f64> = HashMap::new();
    for value in values {
        let cell = value.cell();
        if let Some(problem) = check_value(value.indicator, value.value) {
            errors.push(FieldError {
                field: cell.field(),
                message: format!("{}: {problem}", capitalise(&cell.describe())),
            });
        } else if seen.insert(cell, value.value).is_some() {
            errors.push(FieldError {
                field: cell.field(),
                message: format!("{}: is given more than once", capitalise(&cell.describe())),
            });
        }
    }
    errors.extend(
        cross_cell_problems_of(&seen)
            .into_iter()
            .map(|(cell, message)| FieldError {
                field: cell.field(),
                message,
            }),
    );
    errors
}

/// Changes of more than 50 % against the member's previous approved year,
/// cell by cell: worth a second look, but not errors.
pub fn warnings(
    values: &[ReturnValue],
    previous: &[ReturnValue],
    previous_year: i32,
) -> Vec<FieldError> {
    let before: HashMap<Cell, f64> = previous.iter().map(|v| (v.cell(), v.value)).collect();
    let mut out = Vec::new();
    for value in values {
        let cell = value.cell();
        let Some(&old) = before.get(&cell) else {
            continue;
        };
        let changed = if old == 0.0 {
            value.value > 0.0
        } else {
            ((value.value - old) / old).abs() > 0.5
        };
        if changed {
            out.push(FieldError {
                field: cell.field(),
                message: format!(
                    "{}: {} against {} in {previous_year}, a change of more than 50 %",
                    capitalise(&cell.describe()),
                    format_number(value.value),
                    format_number(old)
                ),
            });
        }
    }
    out
}

/// The rules across cells (worker-members, women, workers with disabilities
/// and permanent contracts each at most the workers of the same cell), as
/// (cell, message) pairs. Assumes each cell appears once.
pub fn cross_cell_problems(values: &[ReturnValue]) -> Vec<(Cell, String)> {
    cross_cell_problems_of(&values.iter().map(|v| (v.cell(), v.value)).collect())
}

fn cross_cell_problems_of(seen: &HashMap<Cell, f64>) -> Vec<(Cell, String)> {
    let mut problems = Vec::new();
    for (cell, value) in sorted(seen) {
        if !cell.indicator.bounded_by_workers() {
            continue;
        }
        let workers = seen.get(&Cell {
            indicator: Indicator::Workers,
            ..cell
        });
        match workers {
            Some(&workers) if value > workers => problems.push((
                cell,
                format!(
                    "{}: {} is more than the {} workers in the same cooperatives",
                    capitalise(&cell.describe()),
                    format_number(value),
                    format_number(workers)
                ),
            )),
            None if value > 0.0 => problems.push((
                cell,
                format!(
                    "{}: give the number of workers of {} in {} as well",
                    capitalise(&cell.describe()),
                    cell.coop_type.name("en").to_lowercase(),
                    cell.sector.name("en").to_lowercase()
                ),
            )),
            _ => {}
        }
    }
    problems
}

fn sorted(map: &HashMap<Cell, f64>) -> Vec<(Cell, f64)> {
    let mut cells: Vec<_> = map.iter().map(|(c, v)| (*c, *v)).collect();
    cells.sort_by_key(|(c, _)| *c);
    cells
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A number with thousands separators and no needless decimals: `12,500`, `1,250.5`.
pub fn format_number(value: f64) -> String {
    let negative = value < 0.0;
    let rounded = (value.abs() * 100.0).round() / 100.0;
    let whole = rounded.trunc() as u64;
    let cents = ((rounded - rounded.trunc()) * 100.0).round() as u64;
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let mut out = if negative {
        format!("-{grouped}")
    } else {
        grouped
    };
    if cents > 0 {
        if cents.is_multiple_of(10) {
            out.push_str(&format!(".{}", cents / 10));
        } else {
            out.push_str(&format!(".{cents:02}"));
        }
    }
    out
}

/// `PUT /api/v1/my/returns/{year}`: the complete set of values. Cells left
/// out are not reported (and removed if they were).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReturnValuesUpdate {
    pub values: Vec<ReturnValue>,
}

/// `POST …/return` and `POST …/reopen`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReasonRequest {
    /// Why, for the member (1–2,000 characters, not only spaces).
    #[cfg_attr(
        feature = "server",
        schema(min_length = 1, max_length = 2000, pattern = r"\S")
    )]
    pub reason: String,
}

/// One value that a change altered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ValueChange {
    pub indicator: Indicator,
    pub coop_type: CoopType,
    pub sector: Sector,
    /// The value before; `null` when the cell was not reported.
    pub old: Option<f64>,
    /// The value after; `null` when the cell was removed.
    pub new: Option<f64>,
}

string_enum!(
    /// What a revision of a return records.
    RevisionAction {
        /// Values changed through the form or the JSON API.
        Edited => "edited",
        /// Values changed by a CSV import.
        Imported => "imported",
        Submitted => "submitted",
        Approved => "approved",
        Returned => "returned",
        Reopened => "reopened",
    }
);

/// One entry of a return's history: who did what, when, and what changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Revision {
    pub at: DateTime<Utc>,
    /// Who: `user:<id>` or `token:<prefix>` (or `cli` for the command line).
    pub actor: String,
    /// The person's name, when the actor is a user.
    pub actor_name: Option<String>,
    pub action: RevisionAction,
    pub from_state: Option<ReturnState>,
    pub to_state: ReturnState,
    pub reason: Option<String>,
    pub changes: Vec<ValueChange>,
}

/// A member's values for an earlier year, for comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PreviousValues {
    pub year: i32,
    pub values: Vec<ReturnValue>,
}

/// A data return in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ReturnSummary {
    /// `null` for a return not started yet (nothing saved).
    pub id: Option<i64>,
    pub year: i32,
    pub campaign_state: CampaignState,
    pub member: MemberRef,
    pub state: ReturnState,
    /// Why the return was sent back or reopened, when it was.
    pub reason: Option<String>,
    /// How many values are reported.
    pub value_count: u32,
    pub submitted_at: Option<DateTime<Utc>>,
    pub reviewed_at: Option<DateTime<Utc>>,
    pub updated_at: Option<DateTime<Utc>>,
}

/// A data return with its values, warnings, history and last year's values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DataReturn {
    #[serde(flatten)]
    pub summary: ReturnSummary,
    pub values: Vec<ReturnValue>,
    /// Changes of more than 50 % against the previous approved year.
    pub warnings: Vec<FieldError>,
    /// The member's latest approved return before this year, if any.
    pub previous: Option<PreviousValues>,
    /// Newest first.
    pub revisions: Vec<Revision>,
}

string_enum!(
    /// What a CSV import did, or would do, with one row.
    ImportOutcome {
        /// A value for a cell that had none.
        Imported => "imported",
        /// A new value for a cell that had another.
        Updated => "updated",
        /// The same value the cell already had.
        Unchanged => "unchanged",
        /// Not usable; `message` says why.
        Refused => "refused",
    }
);

/// One row of a CSV import report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ImportRow {
    /// The line in the file (the header is line 1).
    pub line: u64,
    pub outcome: ImportOutcome,
    /// The cell, `indicator.coop_type.sector`, when the row named one.
    pub field: Option<String>,
    pub message: Option<String>,
}

/// What a CSV import did (or, in a dry run, would do).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ImportReport {
    pub dry_run: bool,
    /// True when the values were written (never in a dry run, never with a refused row).
    pub written: bool,
    pub imported: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub refused: u32,
    pub rows: Vec<ImportRow>,
}

/// One indicator of the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct IndicatorInfo {
    pub indicator: Indicator,
    /// The name in the requested language.
    pub name: String,
    pub description: String,
    pub unit: Unit,
    /// True for the shares computed from reported indicators.
    pub derived: bool,
    /// Decimal places values have.
    pub decimals: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(indicator: Indicator, value: f64) -> ReturnValue {
        ReturnValue {
            indicator,
            coop_type: CoopType::Worker,
            sector: Sector::Industry,
            value,
        }
    }

    #[test]
    fn values_must_be_non_negative_and_whole_except_turnover() {
        assert!(check_value(Indicator::Workers, 12.0).is_none());
        assert_eq!(
            check_value(Indicator::Workers, -1.0).as_deref(),
            Some("must be a number of zero or more")
        );
        assert_eq!(
            check_value(Indicator::Workers, 1.5).as_deref(),
            Some("must be a whole number")
        );
        assert!(check_value(Indicator::TurnoverEur, 1250.25).is_none());
        for cents in [7, 29, 57, 99] {
            let big: f64 = format!("1234567890.{cents:02}").parse().unwrap_or_default();
            assert!(check_value(Indicator::TurnoverEur, big).is_none(), "{big}");
        }
        assert_eq!(
            check_value(Indicator::TurnoverEur, 1.255).as_deref(),
            Some("must have at most two decimals")
        );
        assert!(check_value(Indicator::WomenShare, 5.0).is_some());
        assert!(check_value(Indicator::Workers, f64::NAN).is_some());
    }

    #[test]
    fn sub_counts_cannot_exceed_workers_in_the_same_cell() {
        let errors = validate(&[
            v(Indicator::Workers, 10.0),
            v(Indicator::WomenWorkers, 12.0),
        ]);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "women_workers.worker.industry");
        assert_eq!(
            errors[0].message,
            "Women workers of worker cooperatives in industry: 12 is more than the 10 workers in the same cooperatives"
        );
        assert!(
            validate(&[
                v(Indicator::Workers, 10.0),
                v(Indicator::WomenWorkers, 10.0)
            ])
            .is_empty()
        );
        let orphan = validate(&[v(Indicator::PermanentContracts, 3.0)]);
        assert_eq!(orphan[0].field, "permanent_contracts.worker.industry");
        let twice = validate(&[v(Indicator::Workers, 1.0), v(Indicator::Workers, 2.0)]);
        assert!(twice[0].message.ends_with("is given more than once"));
    }

    #[test]
    fn big_changes_warn() {
        let w = warnings(
            &[v(Indicator::Workers, 160.0)],
            &[v(Indicator::Workers, 100.0)],
            2023,
        );
        assert_eq!(w.len(), 1);
        assert!(
            w[0].message.contains("160 against 100 in 2023"),
            "{}",
            w[0].message
        );
        assert!(
            warnings(
                &[v(Indicator::Workers, 149.0)],
                &[v(Indicator::Workers, 100.0)],
                2023
            )
            .is_empty()
        );
    }

    #[test]
    fn transitions_follow_the_review() {
        use ReturnState::*;
        assert_eq!(Transition::Submit.apply(Draft), Some(Submitted));
        assert_eq!(Transition::Submit.apply(Returned), Some(Submitted));
        assert_eq!(Transition::Submit.apply(Approved), None);
        assert_eq!(Transition::Approve.apply(Submitted), Some(Approved));
        assert_eq!(Transition::Approve.apply(Draft), None);
        assert_eq!(Transition::Return.apply(Submitted), Some(Returned));
        assert_eq!(Transition::Reopen.apply(Approved), Some(Returned));
        assert_eq!(Transition::Reopen.apply(Submitted), None);
    }

    #[test]
    fn numbers_read_well() {
        assert_eq!(format_number(1_300_000.0), "1,300,000");
        assert_eq!(format_number(1250.5), "1,250.5");
        assert_eq!(format_number(0.25), "0.25");
        assert_eq!(Cell::all().count(), 108);
    }
}
