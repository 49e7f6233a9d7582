//! The uniffi-bindgen command, pinned to the workspace's uniffi version so that the generated
//! bindings always match the library they call into.

fn main() {
    uniffi::uniffi_bindgen_main()
}
