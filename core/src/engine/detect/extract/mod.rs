//! Finding what a message quotes: links, phone numbers and bank account numbers.

mod accounts;
mod links;
mod phones;

pub(crate) use accounts::any_account_number;
pub(crate) use links::links;
pub(crate) use phones::phone_numbers;

/// The ASCII digits in `text` (a plain count, which the compiler vectorises).
fn digit_count(text: &str) -> usize {
    text.bytes().filter(u8::is_ascii_digit).count()
}
