//! Crash safety: the writer in `src/bin/crash_writer.rs` is killed with SIGKILL at random
//! moments, again and again, while it writes groups of records through the real store; after
//! every kill the file must open, pass SQLite's `integrity_check`, hold every group the writer
//! reported as committed, hold no group in part, and keep its audit trail's hash chain intact.
//!
//! The delays come from a seeded generator; the seed is printed, and `CRASH_SEED=<n>` runs the
//! same delays again. Most rounds kill while groups are being written (the file grows round
//! after round); some kill a fresh file while it is being created and migrated; a few run on
//! an encrypted file.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use mentordesk_core::store::StaffQuery;
use mentordesk_core::Store;

/// Staff members in each group the writer commits (see the writer).
const STAFF_PER_GROUP: i64 = 3;
const PASSPHRASE: &str = "crash test passphrase";

/// SplitMix64: a small seeded generator, so a failing run can be repeated exactly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A duration spread evenly between zero and `most`.
    fn up_to(&mut self, most: Duration) -> Duration {
        let micros = most.as_micros().max(1) as u64;
        Duration::from_micros(self.next() % micros)
    }
}

/// When a round kills the writer.
#[derive(Clone, Copy, Debug)]
enum Kill {
    /// This long after it said the file is open: while groups are being written.
    WhileWriting(Duration),
    /// This long after it was started: while the file is being opened (and, when new,
    /// created and migrated) or just after.
    WhileOpening(Duration),
}

/// What one round saw: the groups the writer reported as committed, in order, and how long
/// after it started it said the file was open, if it got that far.
struct Round {
    reported: Vec<u64>,
    opened_after: Option<Duration>,
}

/// Starts the writer on `file`, kills it as `kill` says, and returns what it reported.
fn kill_writer(file: &Path, passphrase: Option<&str>, kill: Kill) -> Round {
    let mut command = Command::new(env!("CARGO_BIN_EXE_crash_writer"));
    command
        .arg(file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(passphrase) = passphrase {
        command.env("CRASH_PASSPHRASE", passphrase);
    }
    let started = Instant::now();
    let mut child = command.spawn().expect("the crash writer starts");
    let stdout = child.stdout.take().unwrap();
    let (opened, is_open) = mpsc::channel();
    let reader = thread::spawn(move || {
        let mut lines = Vec::new();
        let mut opened_after = None;
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if line == "open" {
                opened_after = Some(started.elapsed());
                let _ = opened.send(());
            }
            lines.push(line);
        }
        (lines, opened_after)
    });
    match kill {
        Kill::WhileWriting(after) => {
            if is_open.recv_timeout(Duration::from_secs(30)).is_err() {
                let _ = child.kill();
                let out = child.wait_with_output().unwrap();
                panic!(
                    "the writer never opened {file:?}: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
            thread::sleep(after);
        }
        Kill::WhileOpening(after) => thread::sleep(after),
    }
    // `Child::kill` sends SIGKILL on Unix: the writer gets no chance to finish anything.
    child.kill().expect("the writer is killed");
    let status = child.wait().unwrap();
    let (lines, opened_after) = reader.join().unwrap();
    assert!(
        status.code().is_none(),
        "the writer stopped by itself ({status}) instead of being killed: {}",
        read_stderr(&mut child)
    );
    // A line cut short by the kill has no newline and is not a promise; `lines()` still
    // returns it, so only whole numbers after "committed " count.
    let reported = lines
        .iter()
        .filter_map(|l| l.strip_prefix("committed ")?.parse().ok())
        .collect();
    Round {
        reported,
        opened_after,
    }
}

fn read_stderr(child: &mut std::process::Child) -> String {
    let mut text = String::new();
    if let Some(mut err) = child.stderr.take() {
        let _ = std::io::Read::read_to_string(&mut err, &mut text);
    }
    text
}

/// Opens the file as the app does and checks it after a kill; returns the groups it holds.
fn check_file(file: &Path, passphrase: Option<&str>, context: &str) -> BTreeSet<u64> {
    let store = Store::open_with(file, passphrase)
        .unwrap_or_else(|e| panic!("{context}: the file no longer opens: {e}"));
    assert_eq!(
        integrity(file, passphrase),
        "ok",
        "{context}: integrity_check"
    );
    let chain = store.check_audit_chain().unwrap();
    assert!(
        chain.is_intact(),
        "{context}: the audit chain breaks at {chain:?}"
    );
    whole_groups(&store, context)
}

/// SQLite's full `integrity_check` on a second, plain connection to the file.
fn integrity(file: &Path, passphrase: Option<&str>) -> String {
    let conn = rusqlite::Connection::open(file).unwrap();
    if let Some(key) = passphrase {
        conn.pragma_update(None, "key", key).unwrap();
    }
    let mut stmt = conn.prepare("PRAGMA integrity_check").unwrap();
    let answers: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    answers.join("; ")
}

/// The groups in the file, each checked to be whole: its unit, its three staff members in
/// it, and the unit's line manager (written last in the group's transaction).
fn whole_groups(store: &Store, context: &str) -> BTreeSet<u64> {
    let mut groups = BTreeSet::new();
    for unit in store.units(true).unwrap() {
        let Some(group) = unit.name.strip_prefix("Crash unit ") else {
            continue;
        };
        let group: u64 = group.parse().unwrap();
        assert_eq!(
            unit.staff_count, STAFF_PER_GROUP,
            "{context}: group {group} holds {} staff",
            unit.staff_count
        );
        let manager = format!("Member 0 Crash {group}");
        assert_eq!(
            unit.line_manager.as_deref(),
            Some(manager.as_str()),
            "{context}: group {group} lacks its line manager"
        );
        groups.insert(group);
    }
    let everyone = StaffQuery {
        text: String::new(),
        unit_id: None,
        include_archived: true,
        limit: None,
    };
    let staff = store.staff_list(&everyone).unwrap();
    let crash_staff: Vec<_> = staff
        .iter()
        .filter(|s| s.name.contains(" Crash "))
        .collect();
    for member in &crash_staff {
        let group = member.name.rsplit(' ').next().unwrap();
        let unit = format!("Crash unit {group}");
        assert_eq!(
            member.unit.as_deref(),
            Some(unit.as_str()),
            "{context}: {} is left without its unit",
            member.name
        );
    }
    assert_eq!(
        crash_staff.len() as i64,
        groups.len() as i64 * STAFF_PER_GROUP,
        "{context}: staff outside whole groups"
    );
    groups
}

/// Checks a round: every group reported is in the file, and the only group in the file that
/// was not reported is the one committed just before the kill cut its line off.
fn check_round(before: &BTreeSet<u64>, after: &BTreeSet<u64>, round: &Round, context: &str) {
    for group in &round.reported {
        assert!(
            after.contains(group),
            "{context}: committed group {group} is lost"
        );
    }
    assert!(
        before.is_subset(after),
        "{context}: groups of earlier rounds are lost"
    );
    let unreported: Vec<_> = after
        .difference(before)
        .filter(|g| !round.reported.contains(g))
        .collect();
    let last = round.reported.last().copied().or(before.last().copied());
    let expected_next = last.map_or(1, |n| n + 1);
    assert!(
        unreported.is_empty() || unreported == [&expected_next],
        "{context}: groups appeared that were never reported: {unreported:?}"
    );
}

/// What a run of rounds saw.
#[derive(Default, Debug)]
struct Tally {
    /// Groups reported committed.
    reported: usize,
    /// Kills that landed before the file was open (in its creation or migrations when new).
    while_opening: usize,
}

/// Runs `rounds` kills on `file`. `opening` is about how long the writer takes to open it.
fn kill_rounds(
    rng: &mut Rng,
    file: &Path,
    passphrase: Option<&str>,
    rounds: usize,
    mut opening: Duration,
) -> Tally {
    let mut held = BTreeSet::new();
    let mut tally = Tally::default();
    for n in 0..rounds {
        // One round in five kills while opening: on the first round the file is new, so that
        // kill lands in its creation and migrations.
        let kill = if n % 5 == 0 {
            Kill::WhileOpening(rng.up_to(opening))
        } else {
            Kill::WhileWriting(rng.up_to(Duration::from_millis(60)))
        };
        let context = format!("round {n} on {file:?} ({kill:?})");
        let round = kill_writer(file, passphrase, kill);
        opening = round.opened_after.unwrap_or(opening);
        tally.while_opening += usize::from(round.opened_after.is_none());
        tally.reported += round.reported.len();
        if !file.exists() {
            continue; // Killed before it created the file.
        }
        let after = check_file(file, passphrase, &context);
        check_round(&held, &after, &round, &context);
        held = after;
    }
    tally
}

/// How long the writer takes to create, migrate and open a new file.
fn time_to_create(dir: &Path) -> Duration {
    let round = kill_writer(
        &dir.join("timing.sqlite3"),
        None,
        Kill::WhileWriting(Duration::ZERO),
    );
    round.opened_after.expect("the writer opened a new file")
}

fn seed() -> u64 {
    match std::env::var("CRASH_SEED") {
        Ok(seed) => seed.parse().expect("CRASH_SEED is a number"),
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64,
    }
}

#[test]
fn a_writer_killed_at_random_moments_never_loses_a_commit_or_leaves_half_a_change() {
    let seed = seed();
    println!("crash test seed: {seed} (CRASH_SEED={seed} repeats these delays)");
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();

    let (rounds, fresh_files, encrypted_rounds) = (100, 8, 6);
    let creating = time_to_create(dir.path());
    let plain_file = dir.path().join("plain.sqlite3");
    let plain = kill_rounds(&mut rng, &plain_file, None, rounds, creating);
    // Files killed while they are being created and migrated.
    let mut fresh = Tally::default();
    for n in 0..fresh_files {
        let file = dir.path().join(format!("fresh-{n}.sqlite3"));
        let tally = kill_rounds(&mut rng, &file, None, 1, creating);
        fresh.reported += tally.reported;
        fresh.while_opening += tally.while_opening;
    }
    let encrypted = dir.path().join("encrypted.sqlite3");
    let secret = kill_rounds(
        &mut rng,
        &encrypted,
        Some(PASSPHRASE),
        encrypted_rounds,
        creating,
    );
    assert!(mentordesk_core::store::is_encrypted(&encrypted).unwrap());

    println!(
        "{} kills in {:.1} s (a new file opens in {creating:?}): plain {plain:?}, new files \
         {fresh:?}, encrypted {secret:?}",
        rounds + fresh_files + encrypted_rounds,
        started.elapsed().as_secs_f64()
    );
    // The kills must land among writes, not only before the first one.
    assert!(plain.reported > rounds, "only {plain:?} in {rounds} rounds");
    assert!(
        secret.reported > 0,
        "no group was committed on the encrypted file"
    );
}
