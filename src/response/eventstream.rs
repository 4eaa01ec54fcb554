//! AWS event streams (`application/vnd.amazon.eventstream`): the binary framing of Bedrock's
//! `ConverseStream` and `InvokeModelWithResponseStream` answers. Each message is a 12-byte
//! prelude (total length, headers length, both big-endian u32, and the prelude's CRC-32), the
//! headers (name length u8, name, value type u8, value), the payload and the CRC-32 of all
//! that came before. Frames are decoded, their JSON payloads restored like the SSE events of
//! the same answer, and encoded again with new lengths and checksums; a frame with nothing to
//! restore goes out byte for byte. A frame whose checksum does not hold is passed on untouched
//! and counted ([`EventStreamRestorer::corrupt_frames`]), never dropped: the client's own
//! decoder then reports it as it would have without the guard.

use super::{StreamKey, Streams};
use crate::restore::RestoreMode;
use crate::rules::secrets::codec::{base64_decode, base64_encode, crc32};
use crate::{RestoreOptions, Vault};
use serde_json::{Map, Value};

/// Prelude (12) and message checksum (4).
const OVERHEAD: usize = 16;
/// A frame longer than this is not a Bedrock event (the SDKs cap messages at 16 MiB): the
/// stream is not read any further.
const MAX_FRAME: usize = 16 << 20;

/// Restores an AWS event stream arriving in byte chunks of any size.
pub struct EventStreamRestorer {
    streams: Streams,
    buffer: Vec<u8>,
    /// Frames passed on unread because a checksum or length did not hold.
    corrupt: usize,
    /// The framing was lost (a bad prelude): everything from there on passes as it comes.
    lost: bool,
}

impl std::fmt::Debug for EventStreamRestorer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventStreamRestorer")
            .field("buffered_bytes", &self.buffer.len())
            .field("corrupt_frames", &self.corrupt)
            .finish()
    }
}

fn be32(b: &[u8]) -> usize {
    u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize
}

/// The string headers of a frame's header block (`:event-type`, `:message-type`, …); `None`
/// when the block does not parse.
fn string_headers(mut h: &[u8]) -> Option<Vec<(&str, &str)>> {
    let mut out = Vec::new();
    while !h.is_empty() {
        let n = usize::from(h[0]);
        let name = std::str::from_utf8(h.get(1..1 + n)?).ok()?;
        let kind = *h.get(1 + n)?;
        h = &h[2 + n..];
        // Value sizes by type: bool true/false, byte, short, int, long, bytes, string,
        // timestamp, uuid.
        let len = match kind {
            0 | 1 => 0,
            2 => 1,
            3 => 2,
            4 => 4,
            5 | 8 => 8,
            9 => 16,
            6 | 7 => {
                let l = usize::from(u16::from_be_bytes([*h.first()?, *h.get(1)?]));
                h = &h[2..];
                l
            }
            _ => return None,
        };
        let value = h.get(..len)?;
        if kind == 7 {
            out.push((name, std::str::from_utf8(value).ok()?));
        }
        h = &h[len..];
    }
    Some(out)
}

/// One frame with `headers` (string headers, in order) and `payload`, checksums computed.
pub(crate) fn encode_frame(headers: &[(&str, &str)], payload: &[u8]) -> Vec<u8> {
    let mut h = Vec::new();
    for (name, value) in headers {
        h.push(name.len() as u8);
        h.extend_from_slice(name.as_bytes());
        h.push(7);
        h.extend_from_slice(&(value.len() as u16).to_be_bytes());
        h.extend_from_slice(value.as_bytes());
    }
    frame_with_raw_headers(&h, payload)
}

/// A frame around an already encoded header block.
fn frame_with_raw_headers(headers: &[u8], payload: &[u8]) -> Vec<u8> {
    let total = headers.len() + payload.len() + OVERHEAD;
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(&(total as u32).to_be_bytes());
    out.extend_from_slice(&(headers.len() as u32).to_be_bytes());
    let prelude_crc = crc32(&out);
    out.extend_from_slice(&prelude_crc.to_be_bytes());
    out.extend_from_slice(headers);
    out.extend_from_slice(payload);
    let crc = crc32(&out);
    out.extend_from_slice(&crc.to_be_bytes());
    out
}

/// What a frame carries, read from its headers.
#[derive(PartialEq)]
enum Kind {
    /// `ConverseStream` events (`contentBlockDelta`, `contentBlockStop`, `messageStop`, …).
    Converse(String),
    /// An `InvokeModelWithResponseStream` `chunk`: base64 `bytes` of the model's own event.
    Chunk,
}

const JSON_EVENT: [(&str, &str); 2] = [
    (":content-type", "application/json"),
    (":message-type", "event"),
];

impl EventStreamRestorer {
    /// A restorer with a snapshot of `vault`, restoring as `options` allow.
    pub fn new(vault: &Vault, options: &RestoreOptions) -> EventStreamRestorer {
        EventStreamRestorer {
            streams: Streams::new(vault, options),
            buffer: Vec::new(),
            corrupt: 0,
            lost: false,
        }
    }

    /// How many frames (or, after a bad prelude, stretches of the stream) were passed on
    /// unread because their framing or checksum did not hold.
    pub fn corrupt_frames(&self) -> usize {
        self.corrupt
    }

    /// Feeds received bytes; returns the restored frames complete so far.
    pub fn push(&mut self, chunk: &[u8]) -> Vec<u8> {
        if self.lost {
            return chunk.to_vec();
        }
        self.buffer.extend_from_slice(chunk);
        let mut out = Vec::new();
        while self.buffer.len() >= 12 {
            let total = be32(&self.buffer);
            let prelude_ok = be32(&self.buffer[8..]) as u32 == crc32(&self.buffer[..8]);
            let headers = be32(&self.buffer[4..]);
            if !prelude_ok || total < OVERHEAD + headers || total > MAX_FRAME {
                // Without a prelude to trust there is no next frame to find: the rest of
                // the stream goes as it comes.
                self.corrupt += 1;
                self.lost = true;
                out.append(&mut self.buffer);
                return out;
            }
            if self.buffer.len() < total {
                break;
            }
            let frame: Vec<u8> = self.buffer.drain(..total).collect();
            self.frame(&frame, &mut out);
        }
        out
    }

    /// Ends the stream: an incomplete frame as it came, and what the text streams held back.
    pub fn finish(&mut self) -> Vec<u8> {
        let mut out = std::mem::take(&mut self.buffer);
        if !out.is_empty() && !self.lost {
            self.corrupt += 1;
        }
        let held = self.streams.flush(&|_| true);
        self.write(held, &mut out);
        out
    }

    /// Writes events a flush returned as frames: Bedrock Converse deltas as
    /// `contentBlockDelta`, a model's own events as `chunk`s.
    fn write(&self, events: Vec<Value>, out: &mut Vec<u8>) {
        for ev in events {
            let converse = ev.get("contentBlockIndex").is_some();
            let (kind, payload) = if converse {
                ("contentBlockDelta", ev.to_string())
            } else {
                let mut m = Map::new();
                m.insert(
                    "bytes".into(),
                    base64_encode(ev.to_string().as_bytes()).into(),
                );
                ("chunk", Value::Object(m).to_string())
            };
            let headers = [(":event-type", kind), JSON_EVENT[0], JSON_EVENT[1]];
            out.extend_from_slice(&encode_frame(&headers, payload.as_bytes()));
        }
    }

    /// One complete frame, its checksum not yet checked.
    fn frame(&mut self, frame: &[u8], out: &mut Vec<u8>) {
        let n = frame.len();
        let stored = be32(&frame[n - 4..]) as u32;
        if stored != crc32(&frame[..n - 4]) {
            self.corrupt += 1;
            out.extend_from_slice(frame);
            return;
        }
        let hlen = be32(&frame[4..]);
        let raw_headers = &frame[12..12 + hlen];
        let payload = &frame[12 + hlen..n - 4];
        let kind = string_headers(raw_headers).and_then(|h| {
            let get = |k: &str| h.iter().find(|(name, _)| *name == k).map(|(_, v)| *v);
            match (get(":message-type"), get(":event-type")) {
                (Some("event"), Some("chunk")) => Some(Kind::Chunk),
                (Some("event"), Some(t)) => Some(Kind::Converse(t.to_string())),
                _ => None,
            }
        });
        let restored = kind.and_then(|k| self.payload(&k, payload));
        match restored {
            Some((before, new_payload)) => {
                self.write(before, out);
                match new_payload {
                    Some(p) => out.extend_from_slice(&frame_with_raw_headers(raw_headers, &p)),
                    None => out.extend_from_slice(frame),
                }
            }
            None => out.extend_from_slice(frame),
        }
    }

    /// The events to send before this frame and its new payload (`None`: unchanged); `None`
    /// overall when the payload is not the JSON its event type promises.
    #[allow(clippy::type_complexity)]
    fn payload(&mut self, kind: &Kind, payload: &[u8]) -> Option<(Vec<Value>, Option<Vec<u8>>)> {
        let Value::Object(mut obj) = serde_json::from_slice::<Value>(payload).ok()? else {
            return None;
        };
        let original = obj.clone();
        let before = match kind {
            Kind::Chunk => {
                let Some(Value::String(b64)) = obj.get("bytes") else {
                    return None;
                };
                let inner = base64_decode(b64)?;
                let Value::Object(mut ev) = serde_json::from_slice::<Value>(&inner).ok()? else {
                    return None;
                };
                let inner_before = ev.clone();
                let before = self.streams.event(&mut ev);
                if ev != inner_before {
                    let text = Value::Object(ev).to_string();
                    obj.insert("bytes".into(), base64_encode(text.as_bytes()).into());
                }
                before
            }
            Kind::Converse(t) => self.converse(t, &mut obj),
        };
        let changed = obj != original;
        Some((
            before,
            changed.then(|| Value::Object(obj).to_string().into_bytes()),
        ))
    }

    /// A `ConverseStream` event's payload.
    fn converse(&mut self, kind: &str, obj: &mut Map<String, Value>) -> Vec<Value> {
        let i = obj
            .get("contentBlockIndex")
            .and_then(Value::as_u64)
            .unwrap_or(0);
        match kind {
            "contentBlockDelta" => {
                let t = super::template(obj, &["contentBlockIndex"]);
                match obj.get_mut("delta") {
                    Some(Value::Object(d)) if d.get("text").is_some_and(Value::is_string) => {
                        if let Some(Value::String(s)) = d.get_mut("text") {
                            *s = self
                                .streams
                                .push(StreamKey::Bedrock(i), RestoreMode::Text, t, s);
                        }
                    }
                    // Tool input streams as JSON text: left as the model wrote it unless
                    // the app restores tool arguments (whole, per delta).
                    Some(Value::Object(d))
                        if d.contains_key("toolUse") && !self.streams.ctx.tool_arguments => {}
                    Some(Value::Object(d)) => self.streams.whole(d),
                    _ => {}
                }
                Vec::new()
            }
            "contentBlockStop" => self.streams.flush(&|k| *k == StreamKey::Bedrock(i)),
            "messageStop" => {
                let before = self.streams.flush(&|_| true);
                self.streams.whole(obj);
                before
            }
            _ => {
                self.streams.whole(obj);
                Vec::new()
            }
        }
    }
}
