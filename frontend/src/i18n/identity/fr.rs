//! Chaînes françaises de la récupération et de la création de compte.

use super::Identity;

pub const FR: Identity = Identity {
    forgot_link: "Mot de passe oublié\u{a0}?",
    forgot_title: "Choisir un nouveau mot de passe",
    forgot_intro: "Saisissez l’adresse e-mail de votre compte. Si un compte l’utilise, nous lui envoyons un lien pour choisir un nouveau mot de passe\u{a0}; le lien ne sert qu’une fois, pendant 30\u{a0}minutes.",
    forgot_submit: "Envoyer le lien",
    forgot_sent: "Si un compte utilise cette adresse, un lien est en route. Consultez votre boîte de réception, et vos courriers indésirables.",
    reset_title: "Choisir un nouveau mot de passe",
    reset_intro: "Choisissez le mot de passe avec lequel vous vous connecterez désormais. Toutes les sessions de votre compte sont fermées.",
    reset_submit: "Enregistrer le mot de passe",
    reset_invalid: "Ce lien est invalide, déjà utilisé ou expiré.",
    reset_done: "Votre mot de passe est enregistré et toutes les sessions ont été fermées. Connectez-vous avec le nouveau mot de passe.",
    ask_new_link: "Demander un nouveau lien",
    invitation_title: "Accepter votre invitation",
    invitation_intro: "Choisissez le mot de passe avec lequel vous vous connecterez. Votre compte est créé aussitôt.",
    invitation_submit: "Créer mon compte",
    invitation_invalid: "Cette invitation est invalide, déjà utilisée, retirée ou expirée. Demandez-en une nouvelle à la personne qui vous a invité.",
    invite_heading: "Inviter quelqu’un",
    invite_intro: "La personne reçoit un e-mail avec un lien pour choisir elle-même son mot de passe\u{a0}; il ne sert qu’une fois, pendant 7\u{a0}jours.",
    field_language: "Langue de l’e-mail",
    invite_submit: "Envoyer l’invitation",
    invite_sent: |email| format!("Invitation envoyée à {email}."),
    invitations_heading: "Invitations",
    invitations_empty: "Aucune invitation pour l’instant.",
    col_status: "État",
    col_expires: "Expire le",
    withdraw: "Retirer",
    withdraw_named: |email| format!("Retirer l’invitation envoyée à {email}"),
    withdraw_question: |email| {
        format!("Retirer l’invitation envoyée à {email}\u{a0}? Son lien cessera de fonctionner.")
    },
    withdraw_confirm: "Oui, retirer",
    status_pending: "En attente",
    status_accepted: "Acceptée",
    status_revoked: "Retirée",
    status_expired: "Expirée",
};
