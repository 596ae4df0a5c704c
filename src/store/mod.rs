//! Storage: the durable SQL store and the ephemeral key-value store.

pub mod ephemeral;
