//! [`FeatureSet`]: the product's features in start order, with unique names. The host app
//! defines the one list (`hih_app::features()`); test setups take it whole or pick some
//! features from it with [`FeatureSet::only`], so no setup keeps its own copy of the list.

use std::ops::Deref;

use crate::Feature;

/// Why a list of features is not a valid set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeatureSetError {
    /// Two features share a name (names key texts, routes and the `hih features` output).
    #[error("feature `{0}` is listed twice")]
    Duplicate(&'static str),
    /// A name asked for is not in the set.
    #[error("feature `{0}` is not in the set")]
    Unknown(String),
}

/// Features in start order (navigation is sorted by each entry's own order), names unique.
#[derive(Clone)]
pub struct FeatureSet(Vec<&'static dyn Feature>);

impl FeatureSet {
    /// The features in the given order; refuses a name listed twice.
    pub fn new(features: Vec<&'static dyn Feature>) -> Result<FeatureSet, FeatureSetError> {
        for (i, feature) in features.iter().enumerate() {
            if features[..i].iter().any(|f| f.name() == feature.name()) {
                return Err(FeatureSetError::Duplicate(feature.name()));
            }
        }
        Ok(FeatureSet(features))
    }

    /// The names, in order.
    pub fn names(&self) -> Vec<&'static str> {
        self.0.iter().map(|f| f.name()).collect()
    }

    /// The named features in this set's order (the order of `names` does not matter);
    /// refuses a name that is not in the set, so a typo never drops a feature silently.
    pub fn only(&self, names: &[&str]) -> Result<FeatureSet, FeatureSetError> {
        if let Some(unknown) = names
            .iter()
            .find(|n| !self.0.iter().any(|f| f.name() == **n))
        {
            return Err(FeatureSetError::Unknown((*unknown).to_string()));
        }
        Ok(FeatureSet(
            self.0
                .iter()
                .copied()
                .filter(|f| names.contains(&f.name()))
                .collect(),
        ))
    }
}

impl Deref for FeatureSet {
    type Target = [&'static dyn Feature];

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl std::fmt::Debug for FeatureSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.names()).finish()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::Registry;

    struct Named(&'static str);

    impl Feature for Named {
        fn name(&self) -> &'static str {
            self.0
        }
        fn register(&self, _: &mut Registry) {}
    }

    static A: Named = Named("a");
    static B: Named = Named("b");
    static C: Named = Named("c");
    static A_AGAIN: Named = Named("a");

    #[test]
    fn keeps_the_order_and_refuses_a_name_twice() {
        let set = FeatureSet::new(vec![&B, &A, &C]).unwrap();
        assert_eq!(set.names(), ["b", "a", "c"]);
        assert_eq!(
            FeatureSet::new(vec![&A, &B, &A_AGAIN]).unwrap_err(),
            FeatureSetError::Duplicate("a")
        );
    }

    #[test]
    fn only_keeps_the_sets_order_and_refuses_unknown_names() {
        let set = FeatureSet::new(vec![&B, &A, &C]).unwrap();
        assert_eq!(set.only(&["c", "b"]).unwrap().names(), ["b", "c"]);
        assert_eq!(
            set.only(&["a", "x"]).unwrap_err(),
            FeatureSetError::Unknown("x".into())
        );
    }
}
