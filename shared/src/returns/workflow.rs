//! The state machines of the data collection: a campaign's year
//! ([`CampaignState`]), a return's review ([`ReturnState`], moved by a
//! [`Transition`]), and what each revision of a return records
//! ([`RevisionAction`]).

use crate::string_enum;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
