//! Per-install settings kept in `localStorage`: the device id. (The retry timings are the
//! deployer's, in config.json's `report.retry`.)

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// This install's random device id (the receiver rate-limits per device), made on first use.
pub fn device_id() -> String {
    let Some(s) = storage() else {
        return super::store::random_id();
    };
    if let Some(id) = s
        .get_item("cc.device")
        .ok()
        .flatten()
        .filter(|i| !i.is_empty())
    {
        return id;
    }
    let id = super::store::random_id();
    let _ = s.set_item("cc.device", &id);
    id
}
