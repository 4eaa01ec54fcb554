//! The JSON path (`customRules[0].score`) of the field a policy document failed to deserialize
//! at, recovered from where serde_json stopped reading. A path-tracking deserializer wrapper
//! would compile every `Deserialize` impl of the policy a second time: tens of KB of .wasm for
//! an error message, where this scan of the text before the error costs a few hundred bytes.

/// One open container on the way from the document to the error.
enum Frame {
    /// An object; `key` is the member being read, from its key's closing quote to the `,` or
    /// `}` after its value (serde reports the key on errors in its name or its value).
    Object {
        key: Option<String>,
        expect_key: bool,
    },
    /// An array; `index` counts elements, `started` once the current one has begun.
    Array { index: usize, started: bool },
}

/// The path of the value open where serde_json stopped (`line` from 1, `column` in bytes);
/// `.` for the document.
pub(crate) fn path_of(json: &str, e: &serde_json::Error) -> String {
    let mut end = byte_offset(json, e.line(), e.column());
    // A syntax error's column also counts the byte found out of place: a stray `,` or `}`
    // separates or closes nothing, a stray value start still begins the value at fault.
    if e.is_syntax() && end > 0 && matches!(json.as_bytes()[end - 1], b',' | b'}' | b']' | b':') {
        end -= 1;
    }
    path_at(json, end)
}

/// Byte offset just past what serde_json had read: its column counts the bytes it consumed on
/// the line. A value of the wrong type is consumed to be named in the message, except an array
/// or object, which is only peeked at: it counts as begun (`patterns[0]` for `[[1]]`).
fn byte_offset(json: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        json.bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .nth(line - 2)
            .map_or(json.len(), |(i, _)| i + 1)
    };
    let end = (line_start + column).min(json.len());
    match json.as_bytes().get(end) {
        Some(b'[' | b'{') => end + 1,
        _ => end,
    }
}

/// The path of the innermost value open after reading `json[..end]`.
fn path_at(json: &str, end: usize) -> String {
    let bytes = &json.as_bytes()[..end];
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        match b {
            b'{' => {
                value_begins(&mut stack);
                stack.push(Frame::Object {
                    key: None,
                    expect_key: true,
                });
            }
            b'[' => {
                value_begins(&mut stack);
                stack.push(Frame::Array {
                    index: 0,
                    started: false,
                });
            }
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, expect_key }) => {
                    *key = None;
                    *expect_key = true;
                }
                Some(Frame::Array { index, started }) => {
                    *index += 1;
                    *started = false;
                }
                None => {}
            },
            b'"' => {
                let start = i - 1;
                let mut escaped = false;
                let mut closed = false;
                while i < bytes.len() {
                    let c = bytes[i];
                    i += 1;
                    if escaped {
                        escaped = false;
                    } else if c == b'\\' {
                        escaped = true;
                    } else if c == b'"' {
                        closed = true;
                        break;
                    }
                }
                match stack.last_mut() {
                    Some(Frame::Object { key, expect_key }) if *expect_key => {
                        // A key counts once read whole, as serde only then knows its name.
                        if closed {
                            let raw = &json[start..i];
                            *key = Some(
                                serde_json::from_str(raw)
                                    .unwrap_or_else(|_| raw[1..raw.len() - 1].to_string()),
                            );
                            *expect_key = false;
                        }
                    }
                    _ => value_begins(&mut stack),
                }
            }
            b' ' | b'\t' | b'\n' | b'\r' | b':' => {}
            // Numbers, `true`, `false`, `null` and stray bytes.
            _ => value_begins(&mut stack),
        }
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Array {
                index,
                started: true,
            } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
            _ => {}
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

/// Marks the current array element as begun (a value inside an object needs nothing: its key
/// is already current).
fn value_begins(stack: &mut [Frame]) {
    if let Some(Frame::Array { started, .. }) = stack.last_mut() {
        *started = true;
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::path_of;
    use crate::PolicyDoc;
    use serde_json::{json, Value};

    /// A document with every field, so every kind of value gets broken somewhere.
    fn full() -> Value {
        json!({
            "version": 1, "id": "acme", "revision": "r7", "description": "test policy",
            "extends": "gdpr", "defaultAction": "redact",
            "actions": {"EMAIL_ADDRESS": "mask", "PHONE_NUMBER": "ask"},
            "categories": {"contact": "pseudonymize"}, "minScore": 0.5,
            "countries": ["DE", "EU"], "disabledRules": ["mac"],
            "allow": {"values": ["a@example.com"], "patterns": ["[0-9]+"]},
            "deny": {"values": ["Project X"], "patterns": ["px-[0-9]+"]},
            "customRules": [
                {"id": "emp-id", "entity": "EMPLOYEE_ID", "pattern": "E[0-9]{6}"},
                {"id": "acct", "entity": "ACCOUNT_ID", "category": "financial",
                 "pattern": "AC[0-9]{8}", "validator": "luhn", "context": ["konto", "cuenta"],
                 "score": 0.7, "needsContext": true}
            ],
            "consent": {"confirm": ["mask"], "allowSendAsTyped": false},
            "receipts": {"retentionDays": 30}, "mask": {"keep": 2, "char": "#"},
            "redact": {"style": "fixed"}, "vault": {"ttlMinutes": 60}
        })
    }

    /// JSON pointers of every value in `v`.
    fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, c) in m {
                    pointers(
                        c,
                        format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                        out,
                    );
                }
            }
            Value::Array(a) => {
                for (i, c) in a.iter().enumerate() {
                    pointers(c, format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
        out.push(at);
    }

    /// Documents that fail to deserialize: each value replaced by each wrong kind of value,
    /// an unknown member added to each object, each member of each object removed.
    fn broken() -> Vec<Value> {
        let base = full();
        let mut ptrs = Vec::new();
        pointers(&base, String::new(), &mut ptrs);
        let wrong = [
            json!("x"),
            json!(-3),
            json!(2.5),
            json!(true),
            json!(null),
            json!([1]),
            json!({"k": 1}),
            json!("a\"b\\c"),
        ];
        let mut out = Vec::new();
        for p in &ptrs {
            for w in &wrong {
                let mut d = base.clone();
                *d.pointer_mut(p).unwrap() = w.clone();
                out.push(d);
            }
            let mut d = base.clone();
            if let Some(Value::Object(m)) = d.pointer_mut(p) {
                m.insert("nope\"\\é".to_string(), json!(1));
                out.push(d);
                let keys: Vec<String> = base
                    .pointer(p)
                    .unwrap()
                    .as_object()
                    .unwrap()
                    .keys()
                    .cloned()
                    .collect();
                for k in keys {
                    let mut d = base.clone();
                    d.pointer_mut(p)
                        .unwrap()
                        .as_object_mut()
                        .unwrap()
                        .remove(&k);
                    out.push(d);
                }
            }
        }
        out
    }

    fn reference(json: &str) -> Option<(String, String)> {
        let de = &mut serde_json::Deserializer::from_str(json);
        let e = serde_path_to_error::deserialize::<_, PolicyDoc>(de).err()?;
        Some((e.path().to_string(), e.into_inner().to_string()))
    }

    fn ours(json: &str) -> Option<(String, String)> {
        let e = serde_json::from_str::<PolicyDoc>(json).err()?;
        Some((path_of(json, &e), e.to_string()))
    }

    #[test]
    fn paths_match_a_path_tracking_deserializer() {
        let mut checked = 0;
        for doc in broken() {
            for text in [
                serde_json::to_string(&doc).unwrap(),
                serde_json::to_string_pretty(&doc).unwrap(),
            ] {
                let (got, want) = (ours(&text), reference(&text));
                match (&got, &want) {
                    // An enum written as a one-member object: the member names the variant,
                    // which serde does not count as a path segment. Naming it is still right.
                    (Some((g, m)), Some((w, _))) if m.contains("unknown variant") && g != w => {
                        assert!(g.starts_with(&format!("{w}.")), "{g} vs {w}: {text}");
                    }
                    _ => assert_eq!(got, want, "{text}"),
                }
                checked += usize::from(want.is_some());
            }
        }
        // Most mutations break the document: the comparison is not vacuous.
        assert!(checked > 300, "{checked}");
    }

    #[test]
    fn syntax_errors_name_the_innermost_open_value() {
        let cases = [
            (r##"{"mask": {"keep": 2,, "char": "#"}}"##, "mask"),
            (r#"{"countries": ["DE" "EU"]}"#, "countries[0]"),
            (r#"{"countries": ["DE", ]}"#, "countries"),
            (
                r#"{"customRules": [{"id": "x", "entity": "E", "pattern": "a"}, {"id": tru}]}"#,
                "customRules[1].id",
            ),
            ("{\"vault\":\n  {\"ttlMinutes\": 6 0}}", "vault.ttlMinutes"),
            (r#"{"minScore": 0.5"#, "minScore"),
            (r#"{"customRules": [{"id": "x",}]}"#, "customRules[0]"),
            // A struct also reads from an array: its second member is not a string.
            (r#"[1, 2]"#, "[1]"),
            (r#""#, "."),
        ];
        for (text, path) in cases {
            let (got, _) = ours(text).unwrap();
            assert_eq!(got, path, "{text}");
        }
    }

    #[test]
    fn lines_and_columns_map_to_bytes() {
        // Multi-byte text before the error on earlier lines and on the same line.
        let text = "{\"description\": \"é ü 日本\",\n \"actions\": {\"É\": \"mask\", \"X\": 5}}";
        let (got, want) = (ours(text).unwrap(), reference(text).unwrap());
        assert_eq!(got, want);
        assert_eq!(got.0, "actions.X");
    }
}
