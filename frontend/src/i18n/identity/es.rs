//! Textos en español de la recuperación y la creación de cuentas.

use super::Identity;

pub const ES: Identity = Identity {
    forgot_link: "¿Ha olvidado su contraseña?",
    forgot_title: "Elegir una nueva contraseña",
    forgot_intro: "Escriba la dirección de correo de su cuenta. Si una cuenta la tiene, le enviamos un enlace para elegir una nueva contraseña; el enlace sirve una sola vez, durante 30 minutos.",
    forgot_submit: "Enviar el enlace",
    forgot_sent: "Si una cuenta tiene esta dirección, el enlace está en camino. Revise su bandeja de entrada y la carpeta de correo no deseado.",
    reset_title: "Elegir una nueva contraseña",
    reset_intro: "Elija la contraseña con la que iniciará sesión a partir de ahora. Se cierran todas las sesiones de su cuenta.",
    reset_submit: "Guardar la contraseña",
    reset_invalid: "Este enlace no es válido, ya se ha usado o ha caducado.",
    reset_done: "Su contraseña está guardada y se han cerrado todas las sesiones. Inicie sesión con la nueva contraseña.",
    ask_new_link: "Pedir un nuevo enlace",
    invitation_title: "Aceptar su invitación",
    invitation_intro: "Elija la contraseña con la que iniciará sesión. Su cuenta se crea en el acto.",
    invitation_submit: "Crear mi cuenta",
    invitation_invalid: "Esta invitación no es válida, ya se ha usado, se ha retirado o ha caducado. Pida una nueva a quien le invitó.",
    invite_heading: "Invitar a alguien",
    invite_intro: "Recibe un correo con un enlace para elegir su propia contraseña; sirve una sola vez, durante 7 días.",
    field_language: "Idioma del correo",
    invite_submit: "Enviar la invitación",
    invite_sent: |email| format!("Invitación enviada a {email}."),
    invitations_heading: "Invitaciones",
    invitations_empty: "Todavía no hay invitaciones.",
    col_status: "Estado",
    col_expires: "Caduca",
    withdraw: "Retirar",
    withdraw_named: |email| format!("Retirar la invitación a {email}"),
    withdraw_question: |email| {
        format!("¿Retirar la invitación a {email}? Su enlace dejará de funcionar.")
    },
    withdraw_confirm: "Sí, retirar",
    status_pending: "Pendiente",
    status_accepted: "Aceptada",
    status_revoked: "Retirada",
    status_expired: "Caducada",
    sessions_heading: "Dispositivos con sesión iniciada",
    sessions_intro: "Dónde tiene ahora su cuenta la sesión iniciada. Cierre la sesión de un dispositivo que no reconozca, o de todos los demás si ha perdido uno.",
    session_this_device: "Este dispositivo",
    session_unknown_device: "Navegador desconocido",
    session_signed_in: "Sesión iniciada",
    session_last_used: "Último uso",
    session_address: "Dirección",
    session_end: "Cerrar sesión",
    session_end_named: |device| format!("Cerrar sesión: {device}"),
    session_end_question: |device| {
        format!("¿Cerrar la sesión de {device}? Tendrá que iniciarla de nuevo.")
    },
    session_end_confirm: "Sí, cerrar",
    sessions_end_others: "Cerrar la sesión en todos los demás dispositivos",
    sessions_end_others_done: "Se ha cerrado la sesión en todos los demás dispositivos.",
    sign_out_everywhere: "Cerrar todas las sesiones",
    sign_out_everywhere_named: |name| format!("Cerrar todas las sesiones de {name}"),
    sign_out_everywhere_question: |name| {
        format!("¿Cerrar la sesión de {name} en todos sus dispositivos?")
    },
    signed_out_everywhere: "Sesiones cerradas en todas partes.",
};
