//! The end-to-end harness: it opens the real MentorDesk window under `tauri-driver` and drives
//! it over WebDriver, so tests click what a person would click.
//!
//! It owns starting and stopping the processes (the app build, `tauri-driver`, and through it
//! `WebKitWebDriver` and the app), a fresh database per launch, and a few well-named actions
//! (`click`, `fill`, `select`, `text`, `wait_for`, `screenshot`). What to click and what to
//! expect belongs in the test files under `tests/`, not here.
//!
//! Every wait is bounded, and every failure panics with a message that says what was missing,
//! because a hung end-to-end test in CI tells nobody anything.

use std::collections::HashMap;
use std::fs::{self, File};
use std::future::Future;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

pub mod axe;
pub mod keys;
pub mod steps;

pub use fantoccini::elements::Element;
pub use fantoccini::{Client, Locator};
use tempfile::TempDir;

/// The programme manager every launch signs in as: name and password.
pub const MANAGER: (&str, &str) = ("Test Manager", "manager password");

/// How long an element may take to appear: long enough for a slow CI machine to render a
/// screen, short enough that a missing element fails the test quickly.
pub const WAIT: Duration = Duration::from_secs(10);

/// How often a wait looks again.
const POLL: Duration = Duration::from_millis(100);

/// How long `tauri-driver` may take to listen on its port.
const DRIVER_START: Duration = Duration::from_secs(10);

/// How long the first WebDriver session may take: it starts WebKit and the app itself.
const SESSION_START: Duration = Duration::from_secs(60);

/// How long one WebDriver command may take. WebKitWebDriver can stop answering (a screenshot
/// never returns when WebKit's compositing is switched off, for one), and an unanswered
/// command must fail the test rather than hang it.
const COMMAND: Duration = Duration::from_secs(20);

/// How long the processes may take to exit once asked to.
const STOP: Duration = Duration::from_secs(10);

/// One running MentorDesk window with its own empty database, driven over WebDriver.
///
/// Call [`App::close`] at the end of a test. If a test panics first, `Drop` still stops
/// `tauri-driver`, `WebKitWebDriver` and the app so that nothing is left holding a port.
pub struct App {
    client: Option<Client>,
    driver: Option<Child>,
    driver_log: PathBuf,
    db_path: PathBuf,
    // The temporary folder is removed when the App is dropped, after the processes are stopped.
    _dir: TempDir,
}

impl App {
    /// Builds the app (once per test process), then opens its window with a new, empty
    /// database in a temporary folder. A window that fails to open is tried once more on new
    /// ports: with tests in parallel, a port found free can be taken before the driver binds it.
    pub async fn launch() -> App {
        let app = App::launch_on(|_| {}).await;
        app.create_first_account().await;
        app
    }

    /// Opens the window on a database that `prepare` makes first at the path it is given (an
    /// encrypted one, say; it may also leave the path alone), and signs nobody in: the window
    /// is left at whatever that database asks first (the first account's form for none).
    pub async fn launch_on(prepare: fn(&Path)) -> App {
        match App::try_launch(prepare).await {
            Ok(app) => app,
            Err(first) => {
                eprintln!("the window did not open; trying once more on new ports:\n{first}");
                App::try_launch(prepare)
                    .await
                    .unwrap_or_else(|second| panic!("{second}"))
            }
        }
    }

    async fn try_launch(prepare: fn(&Path)) -> Result<App, String> {
        require_display();
        let application = app_binary();
        let tauri_driver = find_on_path("tauri-driver").unwrap_or_else(|| {
            panic!(
                "tauri-driver is not on the PATH. Install it with \
                 `cargo install tauri-driver --locked --version ^2`, or run scripts/test."
            )
        });
        if find_on_path("WebKitWebDriver").is_none() {
            panic!(
                "WebKitWebDriver is not on the PATH; tauri-driver needs it to drive the window. \
                 Install it with `apt-get install webkit2gtk-driver`, or run scripts/test."
            );
        }

        let dir = tempfile::Builder::new()
            .prefix("mentordesk-e2e-")
            .tempdir()
            .expect("could not create a temporary folder for the test database");
        let db_path = dir.path().join("mentordesk.sqlite3");
        prepare(&db_path);
        let driver_log = dir.path().join("tauri-driver.log");
        let log = File::create(&driver_log).expect("could not create the tauri-driver log file");
        let (port, native_port) = two_free_ports();

        // The app inherits this environment through tauri-driver and WebKitWebDriver. The XDG
        // folders point into the temporary folder too, so that WebKit's storage and caches
        // from one launch never leak into the next.
        let driver = Command::new(tauri_driver)
            .arg("--port")
            .arg(port.to_string())
            .arg("--native-port")
            .arg(native_port.to_string())
            .env("MENTORDESK_DB", &db_path)
            .env("MENTORDESK_TEST_DIALOGS", dir.path())
            .env("XDG_DATA_HOME", dir.path().join("xdg-data"))
            .env("XDG_CONFIG_HOME", dir.path().join("xdg-config"))
            .env("XDG_CACHE_HOME", dir.path().join("xdg-cache"))
            // No WEBKIT_DISABLE_COMPOSITING_MODE or WEBKIT_DISABLE_DMABUF_RENDERER here: the
            // window paints under Xvfb without them, and with either one set WebKitWebDriver
            // never answers a screenshot request.
            .stdin(Stdio::null())
            .stdout(
                log.try_clone()
                    .expect("could not share the tauri-driver log file"),
            )
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("could not start tauri-driver: {e}"));

        // From here on the App owns the driver, so a panic below still stops it in Drop.
        let mut app = App {
            client: None,
            driver: Some(driver),
            driver_log,
            db_path,
            _dir: dir,
        };
        app.wait_until_driver_listens(port).await;
        app.client = Some(app.start_session(port, &application).await?);
        Ok(app)
    }

    /// Creates the programme manager's account on the new database through the window's
    /// first-start form, as the first person to use MentorDesk would, and leaves them signed
    /// in: tests start where a programme manager's working day does.
    pub async fn create_first_account(&self) {
        let (name, password) = MANAGER;
        self.fill("#signin-name", name).await;
        self.fill("#signin-password", password).await;
        self.fill("#signin-again", password).await;
        self.click("#signin-submit").await;
        self.wait_for_text("#signed-in-name", name).await;
    }

    /// Signs the person in through the sign-in form (after `sign_out`, say) and waits until
    /// the window shows who is signed in.
    pub async fn sign_in(&self, name: &str, password: &str) {
        self.fill("#signin-name", name).await;
        self.fill("#signin-password", password).await;
        self.click("#signin-submit").await;
        self.wait_for("#signed-in").await;
    }

    /// Signs out with the sidebar's button and waits for the sign-in form.
    pub async fn sign_out(&self) {
        self.click("#sign-out").await;
        self.wait_for("#signin-submit").await;
    }

    /// Ends the WebDriver session, which closes the window, then stops `tauri-driver`.
    pub async fn close(mut self) {
        if let Some(client) = self.client.take() {
            // Ending the session lets WebKitWebDriver close the app itself; stopping the
            // processes below is only the fallback.
            match tokio::time::timeout(STOP, client.close()).await {
                Ok(Ok(())) => {}
                Ok(Err(e)) => eprintln!("warning: ending the WebDriver session failed: {e}"),
                Err(_) => eprintln!("warning: ending the WebDriver session took over {STOP:?}"),
            }
        }
        self.stop_processes();
    }

    /// The WebDriver client, for anything the helpers below do not cover. Its commands have
    /// no time limit of their own: wrap them in [`within`].
    pub fn client(&self) -> &Client {
        self.client
            .as_ref()
            .expect("the WebDriver session is already closed")
    }

    /// The database file this launch uses (it may not exist until the app writes to it).
    pub fn db_path(&self) -> &Path {
        &self.db_path
    }

    /// Answers the next system file dialog the app opens with `path`, as if the person had
    /// chosen it (see `src-tauri/src/dialogs.rs`).
    pub fn answer_next_dialog(&self, path: &Path) {
        let answer = self.db_path.with_file_name("answer");
        std::fs::write(&answer, path.display().to_string())
            .unwrap_or_else(|e| panic!("could not write the dialog's answer {answer:?}: {e}"));
    }

    /// Where the app saves printed documents: the `documents` folder beside the database.
    pub fn documents_dir(&self) -> PathBuf {
        self.db_path
            .parent()
            .expect("the database path always has a parent folder")
            .join("documents")
    }

    /// Saves a PNG of the window as `artifacts/screenshots/<name>.png` in the workspace and
    /// returns its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        self.save_screenshot(name)
            .await
            .unwrap_or_else(|e| panic!("could not take screenshot `{name}`: {e}"))
    }

    async fn save_screenshot(&self, name: &str) -> Result<PathBuf, String> {
        // A timeout is an error here rather than a panic, so that a failed wait can still
        // report what it was waiting for.
        tokio::time::timeout(COMMAND, self.next_paint())
            .await
            .map_err(|_| format!("the window did not paint within {COMMAND:?}"))?
            .map_err(|e| e.to_string())?;
        let png = tokio::time::timeout(COMMAND, self.client().screenshot())
            .await
            .map_err(|_| format!("WebDriver did not answer within {COMMAND:?}"))?
            .map_err(|e| e.to_string())?;
        let dir = workspace_root().join("artifacts").join("screenshots");
        fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = dir.join(format!("{name}.png"));
        fs::write(&path, png).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(path)
    }

    /// Resolves once the window has painted twice more. WebKit's screenshot is the last frame
    /// it painted, so a shot taken straight after the page changed can still show the page
    /// before the change; the first frame may already be under way, hence two.
    async fn next_paint(&self) -> Result<(), fantoccini::error::CmdError> {
        let script = "const done = arguments[arguments.length - 1];
            requestAnimationFrame(() => requestAnimationFrame(() => done()));";
        self.client().execute_async(script, vec![]).await.map(drop)
    }

    /// A screenshot taken because a wait failed, described for the panic message; it never
    /// panics itself, so the message says what was missing rather than that the shot failed.
    async fn failure_screenshot(&self) -> String {
        match self.save_screenshot("failed-wait").await {
            Ok(path) => format!("screenshot: {}", path.display()),
            Err(e) => format!("no screenshot: {e}"),
        }
    }

    /// Waits until an element matching `css` is on the page and visible, and returns it.
    ///
    /// Visible, not merely present, because every screen is in the page from the start and
    /// only the current one is shown.
    pub async fn wait_for(&self, css: &str) -> Element {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(element) = self.visible(css).await {
                return element;
            }
            if Instant::now() >= deadline {
                let shot = self.failure_screenshot().await;
                panic!("`{css}` did not become visible within {WAIT:?} ({shot})");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the window has no call waiting for an answer and no screen still loading
    /// (`ui/api.js` keeps the count in `<body data-calls>`).
    pub async fn wait_until_answered(&self) {
        self.wait_for("body[data-calls='0']").await;
    }

    /// Waits until an element matching `css` is visible and its text contains `expected`, and
    /// returns the whole text.
    pub async fn wait_for_text(&self, css: &str, expected: &str) -> String {
        let deadline = Instant::now() + WAIT;
        let mut last_seen = None;
        loop {
            if let Some(element) = self.visible(css).await {
                if let Ok(text) = within("read the text", element.text()).await {
                    if text.contains(expected) {
                        return text;
                    }
                    last_seen = Some(text);
                }
            }
            if Instant::now() >= deadline {
                let shot = self.failure_screenshot().await;
                panic!(
                    "`{css}` did not show {expected:?} within {WAIT:?}; \
                     last text seen: {last_seen:?} ({shot})"
                );
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Whether an element matching `css` is on the page now, visible or not; it does not wait.
    pub async fn exists(&self, css: &str) -> bool {
        within("find an element", self.client().find_all(Locator::Css(css)))
            .await
            .is_ok_and(|found| !found.is_empty())
    }

    /// Waits for the element matching `css`, scrolls it into the middle of its scrolling
    /// pane (WebKitWebDriver does not scroll inner panes by itself) and clicks it.
    pub async fn click(&self, css: &str) {
        let element = self.wait_for(css).await;
        let handle = serde_json::to_value(&element).expect("an element is JSON");
        within(
            "scroll into view",
            self.client().execute(
                "arguments[0].scrollIntoView({ block: 'center' });",
                vec![handle],
            ),
        )
        .await
        .unwrap_or_else(|e| panic!("could not scroll to `{css}`: {e}"));
        within("click", element.click())
            .await
            .unwrap_or_else(|e| panic!("could not click `{css}`: {e}"));
    }

    /// Waits for the field matching `css`, clears it and types `text` into it.
    pub async fn fill(&self, css: &str, text: &str) {
        let element = self.wait_for(css).await;
        within("clear a field", element.clear())
            .await
            .unwrap_or_else(|e| panic!("could not clear `{css}`: {e}"));
        // WebDriver refuses to type nothing, and clearing has already emptied the field.
        if !text.is_empty() {
            within("type", element.send_keys(text))
                .await
                .unwrap_or_else(|e| panic!("could not type into `{css}`: {e}"));
        }
    }

    /// Waits for the `<select>` matching `css` and chooses the option whose value is `value`.
    pub async fn select(&self, css: &str, value: &str) {
        let element = self.wait_for(css).await;
        within("choose an option", element.select_by_value(value))
            .await
            .unwrap_or_else(|e| panic!("could not choose {value:?} in `{css}`: {e}"));
        let chosen = within("read a value", element.prop("value"))
            .await
            .ok()
            .flatten();
        assert_eq!(
            chosen.as_deref(),
            Some(value),
            "choosing {value:?} in `{css}` did not take"
        );
    }

    /// Waits for the element matching `css` and returns its visible text.
    pub async fn text(&self, css: &str) -> String {
        let element = self.wait_for(css).await;
        within("read the text", element.text())
            .await
            .unwrap_or_else(|e| panic!("could not read the text of `{css}`: {e}"))
    }

    /// The first visible element matching `css`, if there is one yet.
    async fn visible(&self, css: &str) -> Option<Element> {
        let found = within("find an element", self.client().find_all(Locator::Css(css)))
            .await
            .ok()?;
        for element in found {
            if within("check visibility", element.is_displayed())
                .await
                .unwrap_or(false)
            {
                return Some(element);
            }
        }
        None
    }

    async fn wait_until_driver_listens(&mut self, port: u16) {
        let deadline = Instant::now() + DRIVER_START;
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            let exited = self
                .driver
                .as_mut()
                .and_then(|driver| driver.try_wait().ok().flatten());
            if let Some(status) = exited {
                panic!(
                    "tauri-driver exited ({status}) before it listened on port {port}:\n{}",
                    self.driver_log_text()
                );
            }
            if Instant::now() >= deadline {
                panic!(
                    "tauri-driver did not listen on port {port} within {DRIVER_START:?}:\n{}",
                    self.driver_log_text()
                );
            }
            tokio::time::sleep(POLL).await;
        }
    }

    async fn start_session(&self, port: u16, application: &Path) -> Result<Client, String> {
        let capabilities = serde_json::json!({
            "browserName": "wry",
            "tauri:options": { "application": application },
        });
        let serde_json::Value::Object(capabilities) = capabilities else {
            unreachable!("the capabilities above are a JSON object")
        };
        let url = format!("http://127.0.0.1:{port}");
        let mut builder = fantoccini::ClientBuilder::native();
        let connecting = builder.capabilities(capabilities).connect(&url);
        match tokio::time::timeout(SESSION_START, connecting).await {
            Ok(Ok(client)) => Ok(client),
            Ok(Err(e)) => Err(format!(
                "could not open {} through tauri-driver: {e}\n{}",
                application.display(),
                self.driver_log_text()
            )),
            // WebKitWebDriver reports an app that quits at start-up only by this timeout, so
            // say how to see why.
            Err(_) => Err(format!(
                "the window did not open within {SESSION_START:?}. If the app quits at start-up, \
                 run `MENTORDESK_DB={} {}` by hand to see why.\n{}",
                self.db_path.display(),
                application.display(),
                self.driver_log_text()
            )),
        }
    }

    fn driver_log_text(&self) -> String {
        match fs::read_to_string(&self.driver_log) {
            Ok(text) if text.trim().is_empty() => "(tauri-driver printed nothing)".into(),
            Ok(text) => format!("tauri-driver printed:\n{text}"),
            Err(e) => format!("(could not read the tauri-driver log: {e})"),
        }
    }

    /// Stops tauri-driver with SIGTERM and waits for it, then ends whatever it had started.
    ///
    /// SIGTERM rather than SIGKILL, because tauri-driver only stops WebKitWebDriver when it
    /// is told to exit; killed outright, it would leave WebKitWebDriver holding its port. And
    /// tauri-driver in turn kills WebKitWebDriver outright, which orphans the app when no
    /// session was ended (a test that panicked), so those are ended here too.
    fn stop_processes(&mut self) {
        let Some(mut driver) = self.driver.take() else {
            return;
        };
        let started = descendants_of(driver.id());
        send_signal(driver.id(), libc::SIGTERM);
        if !wait_for_exit(&mut driver) {
            eprintln!("warning: tauri-driver ignored SIGTERM for {STOP:?}; killing it");
            let _ = driver.kill();
            let _ = driver.wait();
        }
        for &pid in &started {
            send_signal(pid, libc::SIGTERM);
        }
        let deadline = Instant::now() + STOP;
        while started.iter().any(|&pid| is_running(pid)) && Instant::now() < deadline {
            std::thread::sleep(POLL);
        }
        for &pid in started.iter().filter(|&&pid| is_running(pid)) {
            eprintln!("warning: process {pid} ignored SIGTERM for {STOP:?}; killing it");
            send_signal(pid, libc::SIGKILL);
        }
    }
}

impl Drop for App {
    fn drop(&mut self) {
        self.stop_processes();
    }
}

/// Runs one WebDriver command, and panics if WebDriver does not answer within 20 seconds. Wrap
/// any command sent through [`App::client`] in it, so that a silent driver fails the test.
pub async fn within<T, E>(what: &str, command: impl Future<Output = Result<T, E>>) -> Result<T, E> {
    match tokio::time::timeout(COMMAND, command).await {
        Ok(answer) => answer,
        Err(_) => panic!("WebDriver did not answer within {COMMAND:?} when asked to {what}"),
    }
}

/// The workspace folder, which holds `target/` and `artifacts/`.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the e2e crate lives one folder below the workspace root")
        .to_path_buf()
}

/// Fails at once, with the fix, when there is no display for the window to open on.
fn require_display() {
    let set = |name| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    if !set("DISPLAY") && !set("WAYLAND_DISPLAY") {
        panic!(
            "the end-to-end tests open a real window but there is no display \
             (DISPLAY and WAYLAND_DISPLAY are empty); run them under `xvfb-run -a`, \
             as scripts/test does"
        );
    }
}

/// The debug app binary, built once per test process.
///
/// `cargo test` builds the app's binary only for its own crate's tests (src-tauri/tests), so
/// the harness asks cargo for that same build, `cargo test --workspace --no-run`, and takes
/// the binary's path from cargo's own report rather than guessing where the target folder is.
/// Under `cargo test --workspace` everything is already built, so this compiles nothing. Any
/// other selection (`cargo build`, or one test target) resolves the dependencies' features
/// with other dev-dependencies and compiles the Tauri half of the tree a second time.
fn app_binary() -> PathBuf {
    static BINARY: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    match BINARY.get_or_init(build_app) {
        Ok(path) => path.clone(),
        Err(message) => panic!("{message}"),
    }
}

fn build_app() -> Result<PathBuf, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(&cargo)
        .args(["test", "--workspace", "--no-run"])
        .arg("--message-format=json-render-diagnostics")
        .current_dir(workspace_root())
        .stdin(Stdio::null())
        // Cargo's progress and errors go straight to the terminal: a first build takes minutes,
        // and a silent test that is really compiling looks hung.
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("could not run cargo to build the app: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "`cargo test --workspace --no-run` failed ({}), so the window cannot be tested; \
             cargo's errors are printed above",
            output.status
        ));
    }
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| message["reason"] == "compiler-artifact")
        .filter(|message| message["target"]["name"] == "mentordesk")
        .filter(|message| message["target"]["kind"] == serde_json::json!(["bin"]))
        .filter(|message| message["profile"]["test"] == false)
        .find_map(|message| message["executable"].as_str().map(PathBuf::from))
        .ok_or_else(|| "cargo built the app but did not report where its binary is".into())
}

fn find_on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

/// Two distinct ports that were free a moment ago; both listeners are held together so the
/// system cannot hand out the same port twice.
fn two_free_ports() -> (u16, u16) {
    let bind = || TcpListener::bind("127.0.0.1:0").expect("could not find a free local port");
    let (first, second) = (bind(), bind());
    let port = |listener: &TcpListener| listener.local_addr().expect("a bound port").port();
    (port(&first), port(&second))
}

fn wait_for_exit(child: &mut Child) -> bool {
    let deadline = Instant::now() + STOP;
    loop {
        if let Ok(Some(_)) = child.try_wait() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(POLL);
    }
}

fn send_signal(pid: u32, signal: libc::c_int) {
    if let Ok(pid) = libc::pid_t::try_from(pid) {
        // SAFETY: kill(2) only sends a signal; a process that is already gone yields ESRCH,
        // which is what we want anyway.
        unsafe {
            libc::kill(pid, signal);
        }
    }
}

/// Whether `pid` is alive; a zombie counts as gone, since it holds no port or window and only
/// waits for its new parent to reap it.
fn is_running(pid: u32) -> bool {
    proc_stat(pid).is_some_and(|(state, _)| state != 'Z' && state != 'X')
}

/// Every process below `root` in the process tree, read from /proc.
fn descendants_of(root: u32) -> Vec<u32> {
    let mut children: HashMap<u32, Vec<u32>> = HashMap::new();
    for entry in fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|s| s.parse().ok()) else {
            continue;
        };
        if let Some((_, parent)) = proc_stat(pid) {
            children.entry(parent).or_default().push(pid);
        }
    }
    let mut found = Vec::new();
    let mut queue = vec![root];
    while let Some(pid) = queue.pop() {
        for &child in children.get(&pid).into_iter().flatten() {
            found.push(child);
            queue.push(child);
        }
    }
    found
}

/// The state letter and parent pid of a process, from `/proc/<pid>/stat`.
fn proc_stat(pid: u32) -> Option<(char, u32)> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name is in parentheses and may itself contain spaces or parentheses, so
    // the fields are read after the last closing one.
    let mut fields = stat[stat.rfind(')')? + 1..].split_whitespace();
    let state = fields.next()?.chars().next()?;
    let parent = fields.next()?.parse().ok()?;
    Some((state, parent))
}
