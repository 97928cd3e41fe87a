//! The site's main bundle (index.html): install the panic hook, then mount the app (in tasks of its own).

fn main() {
    console_error_panic_hook::set_once();
    lvse_changchun::app::mount(lvse_changchun::app::MAIN);
}
