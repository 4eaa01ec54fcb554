//! Keyed hashing: HMAC-SHA-256 with a key the application holds, so a low-entropy value (a
//! phone number) cannot be recovered by hashing every candidate.

use crate::{Finding, Vault};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// HMAC-SHA-256 of `msg` under `key`.
pub fn hmac_sha256(key: &[u8], msg: &[u8]) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(msg);
    mac.finalize().into_bytes().into()
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    const H: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(H[usize::from(b >> 4)] as char);
        s.push(H[usize::from(b & 15)] as char);
    }
    s
}

/// The token for one value: `[EMAIL_ADDRESS:` + 16 hex digits of the keyed hash of the
/// normalized value + `]`. Spellings of one value hash alike.
pub fn hash_value(key: &[u8], entity: &str, value: &str) -> String {
    let mut msg = entity.as_bytes().to_vec();
    msg.push(0);
    msg.extend_from_slice(Vault::normalize(value).as_bytes());
    let h = hmac_sha256(key, &msg);
    format!("[{entity}:{}]", hex(&h[..8]))
}

/// Replaces every finding with its keyed hash token.
pub fn hash(text: &str, findings: &[Finding], key: &[u8]) -> String {
    super::splice(text, findings, |f, v| Some(hash_value(key, &f.entity, v)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4231_case_2() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        let h = hmac_sha256(b"Jefe", b"what do ya want for nothing?");
        assert_eq!(
            hex(&h),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn keyed_and_normalized() {
        let a = hash_value(b"k1", "PHONE_NUMBER", "+44 20 7946 0958");
        let b = hash_value(b"k1", "PHONE_NUMBER", "+44-20-7946-0958");
        let c = hash_value(b"k2", "PHONE_NUMBER", "+44 20 7946 0958");
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(!a.contains("7946"));
    }
}
