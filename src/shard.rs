//! `vita batch --shard K/N`: the share of a manifest's variants one of N machines builds.
//!
//! A variant belongs to shard `hash(name) mod N + 1`, with a fixed hash (64-bit FNV-1a over
//! the name's UTF-8 bytes). So its shard depends on its name and N alone: not on the manifest's
//! order, the other variants, the thread count or the Rust version, and every variant lands
//! in exactly one shard. The N shards together build exactly what one unsharded run builds.

use std::fmt;
use std::str::FromStr;

/// One share of N (`index` counts from 1, as people write `--shard 1/4`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which share, 1 to `count`.
    pub index: u64,
    /// How many shares.
    pub count: u64,
}

impl Shard {
    /// True when the variant called `name` is in this share.
    pub fn holds(&self, name: &str) -> bool {
        fnv1a(name.as_bytes()) % self.count + 1 == self.index
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> Result<Shard, String> {
        let usage = || format!("`{text}` is not a shard: write K/N with 1 ≤ K ≤ N, e.g. 2/4");
        let (k, n) = text.split_once('/').ok_or_else(usage)?;
        let index: u64 = k.trim().parse().map_err(|_| usage())?;
        let count: u64 = n.trim().parse().map_err(|_| usage())?;
        if index == 0 || count == 0 || index > count {
            return Err(usage());
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// 64-bit FNV-1a: fixed by its specification, so shards never move between versions.
fn fnv1a(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes.iter().fold(OFFSET, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_k_of_n_and_rejects_the_rest() {
        assert_eq!("2/4".parse(), Ok(Shard { index: 2, count: 4 }));
        assert_eq!("1/1".parse(), Ok(Shard { index: 1, count: 1 }));
        for bad in ["0/4", "5/4", "1/0", "4", "a/b", "1/2/3", ""] {
            let error = bad.parse::<Shard>().unwrap_err();
            assert!(error.contains("K/N"), "{bad}: {error}");
        }
    }

    #[test]
    fn every_name_is_in_exactly_one_shard_and_shares_are_even() {
        let names: Vec<String> = (0..1000).map(|i| format!("variant-{i:04}")).collect();
        for count in [1, 2, 3, 7] {
            let mut sizes = vec![0_usize; count];
            for name in &names {
                let holders: Vec<usize> = (1..=count)
                    .filter(|&index| {
                        Shard {
                            index: index as u64,
                            count: count as u64,
                        }
                        .holds(name)
                    })
                    .collect();
                assert_eq!(holders.len(), 1, "{name} in {holders:?} of {count}");
                sizes[holders[0] - 1] += 1;
            }
            let even = 1000 / count;
            assert!(
                sizes.iter().all(|&s| s.abs_diff(even) <= even / 5),
                "{count} shards: {sizes:?}"
            );
        }
    }

    #[test]
    fn the_hash_is_fnv1a() {
        // Published FNV-1a 64 test vectors: the shard of a name must never change.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
