//! The account rules as types: a value of these types has passed its rule.
