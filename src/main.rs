//! The `ntm` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    ntm::run(std::env::args_os())
}
