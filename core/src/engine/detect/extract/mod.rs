//! Finding what a message quotes: links, phone numbers and bank account numbers.

mod accounts;
mod digits;
mod links;
mod phones;

pub(crate) use accounts::any_account_number;
pub(crate) use links::links;
pub(crate) use phones::phone_numbers;
