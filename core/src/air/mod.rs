//! placeholder, replaced by the air engine
