//! The MentorDesk executable: starts the desktop shell and reports a failure to start.

// Release builds on Windows open no console window beside the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// Why the window cannot open on a Windows PC without the WebView2 runtime, and what to do.
#[cfg(windows)]
const NO_WEBVIEW2: &str = "MentorDesk cannot open its window because this PC does not have the \
    Microsoft Edge WebView2 Runtime, which draws it. Windows 11 and an up-to-date Windows 10 \
    have it; otherwise ask your IT office to install \"Microsoft Edge WebView2 Runtime\" from \
    Microsoft, then start MentorDesk again. Your programme's data has not been touched.";

fn main() {
    #[cfg(windows)]
    {
        show_panics_in_a_box();
        if let Err(err) = tauri::webview_version() {
            fail(&format!("{NO_WEBVIEW2}\n\nFor your IT office: {err}"));
        }
    }
    if let Err(err) = mentordesk_app::run() {
        fail(&format!("MentorDesk could not start its window: {err}"));
    }
}

/// Says why MentorDesk stops, where its user can see it, and ends it: on standard error, and
/// on Windows, where a release build has no console, in a message box as well.
fn fail(message: &str) -> ! {
    eprintln!("{message}");
    #[cfg(windows)]
    message_box(message);
    std::process::exit(1);
}

#[cfg(windows)]
fn message_box(message: &str) {
    rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("MentorDesk")
        .set_description(message)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
}

/// A panic on the main thread, which runs the window, ends MentorDesk: on Windows it is shown
/// in a message box and the process exits, rather than leaving a process with no window (as
/// WebView2's failures inside the shell did). Panics elsewhere keep their default handling.
#[cfg(windows)]
fn show_panics_in_a_box() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        default(info);
        if std::thread::current().name() == Some("main") {
            fail(&format!(
                "MentorDesk stopped because of an error it did not expect:\n\n{info}"
            ));
        }
    }));
}
