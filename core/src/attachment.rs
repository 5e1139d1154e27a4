//! The scans and phone photos of signed paper: which files are taken (PDF, JPEG, PNG, known by
//! their content, never by their name), how big they may be, and their SHA-256. A file is
//! read whole before it is taken, so a damaged or cut-short file is refused in words.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::choice::choice;
use crate::{Error, Result};

choice!(FileKind {
    Pdf = "pdf": "PDF document",
    Jpeg = "jpeg": "JPEG image",
    Png = "png": "PNG image",
});

impl FileKind {
    /// What the bytes are, from their first bytes; `None` for anything else.
    pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
        if bytes.starts_with(b"%PDF-") {
            Some(FileKind::Pdf)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(FileKind::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(FileKind::Png)
        } else {
            None
        }
    }

    /// The file name extension a copy is opened with.
    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Pdf => "pdf",
            FileKind::Jpeg => "jpg",
            FileKind::Png => "png",
        }
    }
}

/// Refuses a file larger than `max_megabytes` before it is read.
pub fn check_size(file_name: &str, size: u64, max_megabytes: u32) -> Result<()> {
    let max = u64::from(max_megabytes) * 1024 * 1024;
    if size > max {
        return Err(Error::invalid(
            "file",
            format!(
                "{file_name} is {}; a signed copy may be at most {max_megabytes} MB (the setting \
                 \"Largest signed copy\"). Scan it again at a lower resolution or in black and \
                 white, or save the photo smaller.",
                megabytes(size)
            ),
        ));
    }
    Ok(())
}

/// What the file is, once its whole content has been read and found sound.
pub fn check(file_name: &str, bytes: &[u8], max_megabytes: u32) -> Result<FileKind> {
    if bytes.is_empty() {
        return Err(Error::invalid(
            "file",
            format!("{file_name} is empty; choose the scan or photo of the signed paper itself."),
        ));
    }
    check_size(file_name, bytes.len() as u64, max_megabytes)?;
    let kind = FileKind::sniff(bytes).ok_or_else(|| {
        Error::invalid(
            "file",
            format!(
                "{file_name} is not a PDF, JPEG or PNG file, whatever its name says. Attach the \
                 scan (PDF) or the photo (JPEG or PNG) of the signed paper."
            ),
        )
    })?;
    let damaged = |detail: String| {
        Error::invalid(
            "file",
            format!(
                "{file_name} looks like a {} but cannot be read; it may be damaged or cut short \
                 ({detail}). Scan or photograph the paper again.",
                kind.label()
            ),
        )
    };
    match kind {
        FileKind::Pdf => {
            let doc = lopdf::Document::load_mem(bytes).map_err(|e| damaged(e.to_string()))?;
            if doc.get_pages().is_empty() {
                return Err(damaged("it has no pages".into()));
            }
        }
        FileKind::Jpeg | FileKind::Png => {
            let format = match kind {
                FileKind::Png => image::ImageFormat::Png,
                _ => image::ImageFormat::Jpeg,
            };
            image::load_from_memory_with_format(bytes, format)
                .map_err(|e| damaged(e.to_string()))?;
        }
    }
    Ok(kind)
}

/// The file's SHA-256 in lowercase hex, kept beside it so that a copy can be shown unchanged.
pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A size as people read it: "640 KB", "3.2 MB".
pub fn megabytes(size: u64) -> String {
    if size < 1024 * 1024 {
        format!("{} KB", size.div_ceil(1024))
    } else {
        format!("{:.1} MB", size as f64 / (1024.0 * 1024.0))
    }
}

/// A stored copy's bytes with what they are, as the store hands them out to be opened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct File {
    pub file_name: String,
    pub kind: FileKind,
    pub bytes: Vec<u8>,
}
