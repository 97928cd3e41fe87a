//! placeholder, replaced by the report domain
