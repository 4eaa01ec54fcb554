//! Compressed request bodies. Session-replay and analytics scripts compress their batches of
//! recorded events before sending them (gzip or zlib, with a library such as fflate or the
//! platform's `CompressionStream`), so a value restored into the page travels inside bytes
//! that show none of it. The platform's `DecompressionStream` and `CompressionStream` read
//! and write the three formats it knows; no inflater is compiled into the module.

use super::construct;
use crate::net::js;
use js_sys::{Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A compression format of the Compression Streams standard.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Format {
    /// RFC 1952.
    Gzip,
    /// RFC 1950 (the standard's `deflate`).
    Zlib,
    /// RFC 1951 without a header (`deflate-raw`).
    Raw,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Gzip => "gzip",
            Format::Zlib => "deflate",
            Format::Raw => "deflate-raw",
        }
    }

    /// The format the first bytes announce: gzip's magic and method (1f 8b 08); a zlib
    /// header with deflate, a window of at most 32 KiB, right check bits and no preset
    /// dictionary (which no stream here could supply). Text can start like a zlib header
    /// (`x^`), so an announced format is only a guess until it decompresses. Raw deflate has
    /// no header and is never announced.
    pub fn announced(bytes: &[u8]) -> Option<Format> {
        match *bytes {
            [0x1f, 0x8b, 0x08, ..] => Some(Format::Gzip),
            [cmf, flg, ..]
                if cmf & 0x0f == 8
                    && cmf >> 4 <= 7
                    && flg & 0x20 == 0
                    && (u16::from(cmf) << 8 | u16::from(flg)) % 31 == 0 =>
            {
                Some(Format::Zlib)
            }
            _ => None,
        }
    }
}

/// `bytes` decompressed; rejects when they are not a whole stream of `format` (the standard
/// fails on a bad stream and on data after its end).
pub async fn decompress(format: Format, bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    through("DecompressionStream", format, bytes).await
}

/// `bytes` compressed as `format`.
pub async fn compress(format: Format, bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    through("CompressionStream", format, bytes).await
}

/// `new Response(new Response(bytes).body.pipeThrough(new class(format))).arrayBuffer()`.
async fn through(class: &str, format: Format, bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    let transform = construct(class, &[&format.name().into()])?;
    let source = construct("Response", &[&Uint8Array::from(bytes).into()])?;
    let piped = js::call_method(&js::get(&source, "body"), "pipeThrough", &[&transform])?;
    let sink = construct("Response", &[&piped])?;
    let buffer: Promise = js::call_method(&sink, "arrayBuffer", &[])?.unchecked_into();
    Ok(Uint8Array::new(&JsFuture::from(buffer).await?).to_vec())
}
