fn main() {
    #[cfg(target_arch = "wasm32")]
    ketamine_guide::app::start();
}
