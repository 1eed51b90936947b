//! The indicator catalogue: what members report ([`Indicator`], with its
//! [`Unit`] and decimals), for which kind of cooperative ([`CoopType`]) in
//! which sector ([`Sector`]), and the [`Cell`] these three name together.
//! The names and definitions in each language are in `names.rs`.

use std::str::FromStr;

use crate::{ParseError, string_enum};

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

/// The cell an error's `field` names (`women_workers.worker.industry`).
impl FromStr for Cell {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut parts = s.split('.');
        let (Some(indicator), Some(coop_type), Some(sector), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(ParseError::new("must be indicator.coop_type.sector"));
        };
        Ok(Self {
            indicator: indicator.parse()?,
            coop_type: coop_type.parse()?,
            sector: sector.parse()?,
        })
    }
}
