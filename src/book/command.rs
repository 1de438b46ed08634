//! `nn-tutor book`: build the book, or speak mdBook's preprocessor
//! protocol. It lives beside the book rather than in `commands`, because the
//! book itself runs commands (its directives): `cli → book → commands`, no
//! cycle.

use crate::args::{BookAction, BookArgs};
use crate::commands::Outcome;
use crate::error::Result;

pub fn run(a: BookArgs) -> Result<Outcome> {
    match a.action {
        BookAction::Build {
            book,
            out,
            force,
            lang,
        } => {
            let built = super::build(&super::BuildOptions {
                book_dir: book,
                out,
                force,
                lang,
            })?;
            Ok(Outcome::Text(format!(
                "built {} pages in {} ms: {}\n",
                built.pages,
                built.elapsed.as_millis(),
                built.out.join("index.html").display()
            )))
        }
        BookAction::Preprocess { args } => Ok(Outcome::Text(super::preprocess_protocol(&args)?)),
    }
}
