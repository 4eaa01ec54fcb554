//! Cryptocurrency addresses whose checksum can be verified: base58check (Bitcoin, Litecoin,
//! Dogecoin, Tron), bech32/bech32m segwit (BIP-173, BIP-350) and Ethereum (EIP-55).

use super::digests::{keccak256, sha256};
use super::{Candidate, Category, RuleDef, Verdict, Words};

const WALLET_CONTEXT: Words = words![
    "wallet",
    "address",
    "bitcoin",
    "btc",
    "ethereum",
    "eth",
    "litecoin",
    "ltc",
    "tron",
    "trx",
    "usdt",
    "crypto",
    "send to",
    "adresse",
    "brieftasche",
    "portefeuille",
    "dirección",
    "billetera",
    "monedero",
    "indirizzo",
    "portafoglio",
    "adres",
    "portemonnee",
    "portfel",
    "endereço",
    "carteira",
];

/// Every rule of this family, in priority order.
pub(crate) static RULES: &[RuleDef] = &[
    RuleDef {
        id: "crypto-base58check",
        entity: "CRYPTO",
        category: Category::Financial,
        // Version prefixes: Bitcoin 1 (P2PKH) and 3 (P2SH), Litecoin L and M, Dogecoin D,
        // Tron T. Base58 leaves out 0, O, I and l.
        pattern: r"\b[13LMDT][1-9A-HJ-NP-Za-km-z]{25,34}\b",
        validate: Some(base58check),
        score: 0.5,
        checked_score: 0.95,
        context: WALLET_CONTEXT,
        context_boost: 0.05,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "crypto-bech32",
        entity: "CRYPTO",
        category: Category::Financial,
        // Segwit addresses of Bitcoin (bc) and Litecoin (ltc), all lower or all upper case.
        pattern: r"(?x)
            \b (?: bc | ltc ) 1 [ac-hj-np-z02-9]{8,87} \b
            | \b (?: BC | LTC ) 1 [AC-HJ-NP-Z02-9]{8,87} \b",
        validate: Some(bech32),
        score: 0.5,
        checked_score: 0.95,
        context: WALLET_CONTEXT,
        context_boost: 0.05,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "crypto-ethereum",
        entity: "CRYPTO",
        category: Category::Financial,
        pattern: r"\b0x[0-9a-fA-F]{40}\b",
        validate: Some(ethereum),
        score: 0.5,
        checked_score: 0.95,
        context: WALLET_CONTEXT,
        context_boost: 0.35,
        ..RuleDef::DEFAULT
    },
];

const BASE58: &[u8; 58] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/// Decodes base58 into exactly `N` bytes; `None` when the number does not fit.
pub(crate) fn base58_decode<const N: usize>(s: &str) -> Option<[u8; N]> {
    let mut out = [0u8; N];
    let zeros = s.bytes().take_while(|&b| b == b'1').count();
    for ch in s.bytes() {
        let mut carry = BASE58.iter().position(|&b| b == ch)? as u32;
        for byte in out.iter_mut().rev() {
            carry += u32::from(*byte) * 58;
            *byte = (carry & 0xff) as u8;
            carry >>= 8;
        }
        if carry != 0 {
            return None;
        }
    }
    // Leading '1's stand for leading zero bytes, and only they may.
    let lead = out.iter().take_while(|&&b| b == 0).count();
    (lead == zeros).then_some(out)
}

fn base58check(c: &Candidate<'_>) -> Verdict {
    let Some(raw) = base58_decode::<25>(c.value()) else {
        return Verdict::Reject;
    };
    let digest = sha256(&sha256(&raw[..21]));
    if digest[..4] != raw[21..] {
        return Verdict::Reject;
    }
    // The version byte must belong to the prefix the address was written with.
    let ok = matches!(
        (c.value().as_bytes()[0], raw[0]),
        (b'1', 0x00) | (b'3', 0x05) | (b'L', 0x30) | (b'M', 0x32) | (b'D', 0x1e) | (b'T', 0x41)
    );
    if ok {
        Verdict::Checked("base58check")
    } else {
        Verdict::Reject
    }
}

const BECH32_CHARSET: &[u8; 32] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";
const BECH32M_CONST: u32 = 0x2bc8_30a3;

fn bech32(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    if v.len() > 90 {
        return Verdict::Reject;
    }
    let lower = v.to_ascii_lowercase();
    let Some((hrp, data)) = lower.rsplit_once('1') else {
        return Verdict::Reject;
    };
    let Some(values) = data
        .bytes()
        .map(|b| BECH32_CHARSET.iter().position(|&x| x == b).map(|p| p as u8))
        .collect::<Option<Vec<u8>>>()
    else {
        return Verdict::Reject;
    };
    if values.len() < 7 {
        return Verdict::Reject;
    }
    let residue = crate::bech32_polymod(hrp.as_bytes(), &values);
    let version = values[0];
    let check = match (version, residue) {
        (0, 1) => "bech32",
        (1..=16, BECH32M_CONST) => "bech32m",
        _ => return Verdict::Reject,
    };
    // The witness program, regrouped from 5-bit to 8-bit values with only zero padding.
    let (mut acc, mut bits, mut bytes) = (0u32, 0u32, 0usize);
    for &x in &values[1..values.len() - 6] {
        acc = (acc << 5) | u32::from(x);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            bytes += 1;
        }
    }
    if bits >= 5 || acc & ((1 << bits) - 1) != 0 {
        return Verdict::Reject;
    }
    let len_ok = match version {
        0 => bytes == 20 || bytes == 32,
        _ => (2..=40).contains(&bytes),
    };
    if len_ok {
        Verdict::Checked(check)
    } else {
        Verdict::Reject
    }
}

/// EIP-55: a letter is upper case exactly when the matching nibble of the Keccak-256 hash of
/// the lower-case hex address is 8 or more. All-lower and all-upper addresses carry no
/// checksum and need a context word.
fn ethereum(c: &Candidate<'_>) -> Verdict {
    let hex = &c.value()[2..];
    let has_upper = hex.bytes().any(|b| b.is_ascii_uppercase());
    let has_lower = hex.bytes().any(|b| b.is_ascii_lowercase());
    if hex.bytes().all(|b| b == b'0') {
        return Verdict::Reject;
    }
    if !(has_upper && has_lower) {
        return Verdict::Weak;
    }
    let hash = keccak256(hex.to_ascii_lowercase().as_bytes());
    let ok = hex.bytes().enumerate().all(|(i, b)| {
        let nibble = (hash[i / 2] >> (if i % 2 == 0 { 4 } else { 0 })) & 0x0f;
        !b.is_ascii_alphabetic() || b.is_ascii_uppercase() == (nibble >= 8)
    });
    if ok {
        Verdict::Checked("eip55")
    } else {
        Verdict::Reject
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(s: &str) -> Candidate<'_> {
        Candidate {
            text: s,
            start: 0,
            end: s.len(),
        }
    }

    #[test]
    fn bip173_vector() {
        assert_eq!(
            bech32(&cand("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")),
            Verdict::Checked("bech32")
        );
    }
}
