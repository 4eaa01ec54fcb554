//! Secrets that still left in round 14 (hunt15), each case failing before its fix: Oracle
//! connect strings, variables set by Windows and Dockerfile commands, keys split into groups
//! by spaces or line breaks, and the servlet, PHP and ASP.NET session cookies outside a
//! `Cookie:` header. The values are generated; none is a real credential.

use pii_airlock::{Engine, Finding};
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(Engine::default_engine)
}

fn secrets(text: &str) -> Vec<Finding> {
    engine()
        .scan(text)
        .into_iter()
        .filter(|f| &*f.entity == "SECRET")
        .collect()
}

/// SplitMix64: deterministic values, so a failure names the text that failed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn pick(&mut self, alphabet: &str, n: usize) -> String {
        let a = alphabet.as_bytes();
        (0..n)
            .map(|_| a[(self.next() % a.len() as u64) as usize] as char)
            .collect()
    }
    /// Letters and digits with an upper, a lower and a digit each time.
    fn mixed(&mut self, n: usize) -> String {
        loop {
            let s = self.pick(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
                n,
            );
            let b = s.as_bytes();
            if b.iter().any(u8::is_ascii_uppercase)
                && b.iter().any(u8::is_ascii_lowercase)
                && b.iter().any(u8::is_ascii_digit)
            {
                return s;
            }
        }
    }
    fn password(&mut self) -> String {
        format!("{}#{}", self.mixed(8), self.pick("0123456789", 3))
    }
}

/// `text` with `{}` replaced by `value` holds exactly one secret, `value`, found by `rule`.
#[track_caller]
fn found_alone(template: &str, value: &str, rule: &str) {
    let text = template.replace("{}", value);
    let f = secrets(&text);
    assert_eq!(f.len(), 1, "{text}: {f:?}");
    assert_eq!(&text[f[0].start..f[0].end], value, "{text}");
    assert_eq!(&*f[0].rule, rule, "{text}");
}

/// No secret in any of `texts`.
#[track_caller]
fn none_found(texts: &[&str]) {
    for text in texts {
        assert!(secrets(text).is_empty(), "{text}: {:?}", secrets(text));
    }
}

#[test]
fn the_password_of_an_oracle_connect_string() {
    // The e-mail rule took `password@host` as an address (or nothing was found at `@//`), and
    // a password with a character an address does not take went out in part.
    let r = &mut Rng(151);
    for template in [
        "sqlplus scott/{}@//db.example.com:1521/ORCL",
        "sqlplus scott/{}@db.example.com:1521/ORCL",
        "SQL> connect app_user/{}@orclpdb",
        "expdp system/{}@db.example.com/XEPDB1 schemas=hr directory=dp",
        "rman target sys/{}@prod.example.org",
        "app/{}@db.example.com",
    ] {
        found_alone(template, &r.password(), "oracle-connect-string");
    }
    // `!` and `$` end an address's local part: the whole password is the finding.
    found_alone(
        "rman target sys/{}@prod.example.org",
        "Pa$$w0rd!x4",
        "oracle-connect-string",
    );
    // The demo schema's password is still a password in a connect string.
    found_alone(
        "sqlplus scott/{}@//db.example.com:1521/ORCL",
        "tiger",
        "oracle-connect-string",
    );
    // Paths, versions and addresses with a slash before them are none.
    none_found(&[
        "uses: actions/setup-python@v5.1.0",
        "uses: docker/build-push-action@v5",
        "npm i @scope/pkg-name2024@1.2.3",
        "git clone git@github.com:org/repo.git",
        "see docs/readme@main for details",
        "scott/scott@//db.example.com:1521/ORCL",
    ]);
}

#[test]
fn variables_set_by_windows_and_dockerfile_commands() {
    let r = &mut Rng(157);
    // A space between the name and the value: these went out.
    found_alone("setx API_KEY \"{}\"", &r.mixed(32), "secret-env-command");
    found_alone(
        "setx /M GITHUB_TOKEN {}",
        &r.mixed(36),
        "secret-env-command",
    );
    found_alone("ENV SECRET_KEY {}", &r.mixed(40), "secret-env-command");
    found_alone(
        "FROM node:20\nENV DB_PASSWORD {}\n",
        &r.password(),
        "secret-env-command",
    );
    // The `=` forms were found already, and stay found.
    for template in [
        "set TOKEN={}",
        "$env:OPENAI_API_KEY = \"{}\"",
        "ENV SECRET_KEY={}",
        "ARG NPM_TOKEN={}",
    ] {
        let value = r.mixed(32);
        let text = template.replace("{}", &value);
        let f = secrets(&text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        assert_eq!(&text[f[0].start..f[0].end], value, "{text}");
    }
    none_found(&[
        "setx PATH \"%PATH%;C:\\tools\\bin\"",
        "ENV PATH /usr/local/bin:$PATH",
        "ENV NODE_ENV production",
        "ENV API_KEY_FILE /run/secrets/api_key",
        "setx API_KEY \"%API_KEY%\"",
        "ENV SECRET_KEY changeme",
    ]);
}

#[test]
fn a_key_split_into_groups_after_its_prefix_or_label() {
    let r = &mut Rng(163);
    // An AWS secret split in fours by a PDF, after its label.
    let groups: Vec<String> = (0..10).map(|_| r.mixed(4)).collect();
    let key = groups.join(" ");
    found_alone("aws_secret_access_key = {}", &key, "secret-split-in-groups");
    found_alone(
        "AWS Secret Access Key: {} (rotate monthly)",
        &key,
        "secret-split-in-groups",
    );
    // An OpenAI project key with a space after its prefix and in eights, then a word.
    let groups: Vec<String> = (0..8).map(|_| r.mixed(8)).collect();
    let text = format!("sk-proj- {} thanks", groups.join(" "));
    let f = secrets(&text);
    assert_eq!(f.len(), 1, "{text}: {f:?}");
    assert_eq!(
        &text[f[0].start..f[0].end],
        format!("sk-proj- {}", groups.join(" ")),
        "{text}"
    );
    // Broken over lines of 64 by a mail client.
    let body = r.mixed(150);
    let text = format!(
        "key: sk-proj-{}\n{}\n{}\nthanks",
        &body[..56],
        &body[56..120],
        &body[120..]
    );
    let f = secrets(&text);
    assert!(
        f.iter()
            .any(|f| text[f.start..f.end].ends_with(&body[120..])),
        "{text}: {f:?}"
    );
    // Words after a label, a whole key followed by a number, and a label with one group.
    none_found(&[
        "aws_secret_access_key = see the vault entry for this team",
        "secret access key: stored in the vault",
        "AWS secret access key = abcd efgh ijkl mnop qrst uvwx yzab cdef ghij klmn",
    ]);
}

#[test]
fn session_cookies_that_name_themselves() {
    let r = &mut Rng(167);
    // Outside a `Cookie:` header: a servlet's path parameter, a pasted PHP or ASP.NET cookie.
    let id = r.pick("0123456789ABCDEF", 32);
    found_alone(
        "https://shop.example.com/cart;jsessionid={}?item=4",
        &id,
        "cookie-session",
    );
    found_alone("PHPSESSID={}", &r.mixed(26), "cookie-session");
    found_alone(
        "ASP.NET_SessionId={}",
        &r.pick("abcdefghijklmnopqrstuvwxyz012345", 24)
            .replace('a', "4"),
        "cookie-session",
    );
    found_alone(
        "my cookie was JSESSIONID={} yesterday",
        &r.pick("0123456789ABCDEF", 32),
        "cookie-session",
    );
    // Other pairs after `;` still need a cookie header on their line.
    none_found(&[
        "Server=db;Session=8JJNq4Cx2ZtVbR7mHs9PwLd3aa;",
        "url;sessionkey=8JJNq4Cx2ZtVbR7mHs9PwLd3aa",
        "PHPSESSID=deleted",
        "JSESSIONID=${sessionId}",
    ]);
}
