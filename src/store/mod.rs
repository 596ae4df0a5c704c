//! Storage: the durable SQL store ([`sql`]) and the ephemeral key-value store
//! ([`ephemeral`]).

pub mod ephemeral;
pub mod sql;

pub use sql::StoreError;
