fn main() {
    std::process::exit(nn_tutor::cli::main());
}
