//! The site's entry point: install the panic hook, then mount the app. Nothing else lives here.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(lvse_changchun::app::App);
}
