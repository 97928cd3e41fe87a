//! placeholder, replaced by the water engine
