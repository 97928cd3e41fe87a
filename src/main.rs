//! The site's main bundle (index.html): install the panic hook, then mount the app (after the static first screen's paint).

fn main() {
    console_error_panic_hook::set_once();
    lvse_changchun::app::mount_after_first_paint(lvse_changchun::app::MainApp);
}
