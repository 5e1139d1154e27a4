//! The one error type of core. It owns how a failure is described to a person; it does not
//! decide how the shell carries it (that is `src-tauri`'s `IpcError`).

use std::path::PathBuf;

pub type Result<T> = std::result::Result<T, Error>;

/// A rule of the programme that refused a change. The UI may branch on these codes (for
/// example to show the override field), so they are stable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    Capacity,
    Training,
    Appointment,
    LineManager,
    Period,
    ProtegeAlreadyMentored,
    Experience,
    KpaWeights,
    KpaRange,
    MentoringKpa,
    Consultation,
    FinalAllocation,
    Recommendation,
    Matching,
    SignedAgreement,
}

impl Rule {
    pub fn code(self) -> &'static str {
        match self {
            Rule::Capacity => "capacity",
            Rule::Training => "training",
            Rule::Appointment => "appointment",
            Rule::LineManager => "line_manager",
            Rule::Period => "period",
            Rule::ProtegeAlreadyMentored => "protege_already_mentored",
            Rule::Experience => "experience",
            Rule::KpaWeights => "kpa_weights",
            Rule::KpaRange => "kpa_range",
            Rule::MentoringKpa => "mentoring_kpa",
            Rule::Consultation => "consultation",
            Rule::FinalAllocation => "final_allocation",
            Rule::Recommendation => "recommendation",
            Rule::Matching => "matching",
            Rule::SignedAgreement => "signed_agreement",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A value a person typed is missing or wrong; `field` names the form field.
    #[error("{message}")]
    Invalid {
        field: &'static str,
        message: String,
    },

    /// A rule of the programme refuses the change; the message names the rule and the numbers.
    #[error("{message}")]
    Refused {
        rule: Rule,
        field: &'static str,
        message: String,
    },

    #[error("{what} number {id} does not exist (it may have been removed)")]
    NotFound { what: &'static str, id: i64 },

    #[error(
        "This database was written by a newer MentorDesk (data version {found}; this program \
         knows up to {known}). Install the newer MentorDesk to open it; nothing was changed."
    )]
    NewerDatabase { found: i64, known: i64 },

    /// Windows would not let the file be written or replaced because another program holds
    /// it open without sharing it: a PDF open in a viewer when it is printed again, say.
    #[error(
        "{path} is open in another program (a PDF viewer, perhaps). Close it there and try \
         again; nothing else was changed."
    )]
    FileInUse { path: PathBuf },

    #[error("{path}: {source}")]
    File {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("the database failed: {0}")]
    Database(#[from] rusqlite::Error),

    #[error("the PDF could not be drawn: {0}")]
    Pdf(String),

    /// The database is encrypted and was opened without its passphrase.
    #[error("This database is encrypted: type its passphrase to open it.")]
    Locked,

    #[error(
        "That passphrase does not open this database. Check the spelling and the Caps Lock key \
         and try again; nothing was changed."
    )]
    WrongPassphrase,

    /// The name and password given at sign-in do not match an active user.
    #[error("That name and password do not match a person allowed to use MentorDesk.")]
    SignIn,

    /// The person signed in may not do this; the message says what their role allows.
    #[error("{0}")]
    NotAllowed(String),

    /// A file a person chose could not be read as what it claims to be (a backup, a
    /// spreadsheet); the message says what is wrong with it.
    #[error("{0}")]
    BadFile(String),
}

/// Whether Windows refused the file because another program has it open without sharing
/// (ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION, or a file mapped by another process).
/// Linux and macOS never lock a file against writing this way.
fn held_by_another_program(error: &std::io::Error) -> bool {
    cfg!(windows) && matches!(error.raw_os_error(), Some(32 | 33 | 1224))
}

impl Error {
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Error {
        Error::Invalid {
            field,
            message: message.into(),
        }
    }

    pub fn refused(rule: Rule, field: &'static str, message: impl Into<String>) -> Error {
        Error::Refused {
            rule,
            field,
            message: message.into(),
        }
    }

    pub fn file(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        let path = path.into();
        if held_by_another_program(&source) {
            return Error::FileInUse { path };
        }
        Error::File { path, source }
    }

    /// A stable code for programs (the UI, scripts); never English text.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid { .. } => "invalid",
            Error::Refused { rule, .. } => rule.code(),
            Error::NotFound { .. } => "not_found",
            Error::NewerDatabase { .. } => "newer_database",
            Error::FileInUse { .. } => "file_in_use",
            Error::File { .. } => "file",
            Error::Database(_) => "database",
            Error::Pdf(_) => "pdf",
            Error::Locked => "locked",
            Error::WrongPassphrase => "wrong_passphrase",
            Error::SignIn => "sign_in",
            Error::NotAllowed(_) => "not_allowed",
            Error::BadFile(_) => "bad_file",
        }
    }

    /// The form field the message belongs next to, if any.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Invalid { field, .. } | Error::Refused { field, .. } => Some(field),
            _ => None,
        }
    }
}
