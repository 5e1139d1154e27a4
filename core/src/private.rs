//! The files MentorDesk writes hold personal information (POPIA): on Linux and macOS the
//! folders it creates are readable by the person alone (0700) and its files too (0600): the
//! database and its -wal and -shm companions, backups, exports, printed documents and opened
//! signed copies. On Windows the user's profile folder already restricts them, and these
//! calls change nothing.

use std::path::Path;

use crate::{Error, Result};

#[cfg(unix)]
const FILE_MODE: u32 = 0o600;
#[cfg(unix)]
const DIR_MODE: u32 = 0o700;

/// Creates the folder, and those above it that are missing, private. A folder that is already
/// there is left as it is: it may be one the person chose, shared on purpose.
pub fn create_dir(dir: &Path) -> Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, DIR_MODE);
    builder.create(dir).map_err(|e| Error::file(dir, e))
}

/// Writes `bytes` to a file readable by the person alone, replacing what was there.
pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, FILE_MODE);
    let mut file = options.open(path).map_err(|e| Error::file(path, e))?;
    std::io::Write::write_all(&mut file, bytes).map_err(|e| Error::file(path, e))?;
    // A file that was already there keeps its old mode through `open`.
    restrict(path)?;
    Ok(())
}

/// Makes an existing file private; says whether it was readable by others before. A file
/// that is not there is left alone.
pub fn restrict(path: &Path) -> Result<bool> {
    #[cfg(unix)]
    return restrict_to(path, FILE_MODE);
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(false)
    }
}

#[cfg(unix)]
fn restrict_to(path: &Path, mode: u32) -> Result<bool> {
    // Only a file's own bits: a folder is never changed once it exists.
    use std::os::unix::fs::PermissionsExt;
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(false);
    };
    let current = meta.permissions().mode() & 0o777;
    if current & !mode == 0 {
        return Ok(false);
    }
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(current & mode))
        .map_err(|e| Error::file(path, e))?;
    Ok(true)
}
