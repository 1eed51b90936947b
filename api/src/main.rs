//! `cecop-api`: parses the command line and hands over to `cli::run`.

use clap::Parser;

#[actix_web::main]
async fn main() -> std::process::ExitCode {
    let cli = cecop_api::cli::Cli::parse();
    match cecop_api::cli::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            // One line, for operators and scripts (issue #2).
            eprintln!("cecop-api: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
