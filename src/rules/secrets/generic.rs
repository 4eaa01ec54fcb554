//! Secrets without a provider prefix: private key blocks, JWTs, `Authorization` headers,
//! passwords in URLs and connection strings, and `password = "..."` style assignments.
//!
//! These rules come last in the family: a value with a provider prefix is left to the
//! provider's rule ([`super::provider_owned`]), so the finding names the provider.

use super::codec::{base64_decode, crc24};
use super::{
    provider_owned, random_enough, secret, with_prefixes, Candidate, RuleDef, Verdict, FIRST_MODULE,
};
use crate::lower::Lower;

/// Every rule of this family, in priority order.
pub(crate) static RULES: &[RuleDef] = &[
    // The whole block, armour lines included: PKCS#1, SEC1, PKCS#8 (plain or encrypted),
    // OpenSSH. The body may carry `Proc-Type`/`DEK-Info` headers and, inside JSON, `\n`
    // escapes. A `-` is only allowed before a letter or digit, so the body stops at `-----END`.
    secret(
        "private-key",
        r"(?x)
        -----BEGIN\ (?:[A-Z0-9]+\ )*PRIVATE\ KEY-----
        (?: [A-Za-z0-9+/=\s\\:,] | -[A-Za-z0-9] )+
        # A pasted key whose END line was not copied is still a key: the validator keeps
        # the base64 lines and drops the prose after them.
        (?: -----END\ (?:[A-Z0-9]+\ )*PRIVATE\ KEY----- )?",
        private_key,
        0.9,
        words![],
    ),
    secret(
        "pgp-private-key",
        r"(?x)
        -----BEGIN\ PGP\ PRIVATE\ KEY\ BLOCK-----
        (?: [A-Za-z0-9+/=\s\\:,.()@<>_'] | -[A-Za-z0-9] )+
        -----END\ PGP\ PRIVATE\ KEY\ BLOCK-----",
        pgp_private_key,
        0.9,
        words![],
    ),
    // age (age-encryption.org/v1) identities: Bech32 with the human-readable part
    // `age-secret-key-`, written in upper case; the checksum is verified.
    with_prefixes(
        secret(
            "age-secret-key",
            r"\bAGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]+\b",
            age_secret_key,
            0.9,
            words!["age", "age-keygen", "sops"],
        ),
        &["AGE-SECRET-KEY-1"],
    ),
    // `curl -u user:password` / `--user user:password`, HTTPie's `http -a user:password`: the
    // span is the password. The match starts at the option; the validator looks for the
    // command earlier on the same line.
    secret(
        "curl-user-password",
        r#"(?x)
        (?: (?m:^) | [\ \t] ) (?: -u | --user | -a | --auth ) (?: [\ \t]+ | = ) ["']?
        # An empty user is an API's token as the password (`curl -u :TOKEN`).
        [A-Za-z0-9._@+%\-]* : [\x21\x23-\x26\x28-\x5F\x61-\x7E]+"#,
        curl_user,
        0.85,
        words![],
    ),
    // A password on a command line, after the option of the command that takes it:
    // `mysql -uroot -pS3cret`, `sshpass -p hunter2`, `redis-cli -a …`, `ldapsearch -w …`,
    // `docker login -p …`, `openssl … -passin pass:…`, `smbclient -U jane%…`, and
    // `--password …` of any command. The match starts at the option; the validator finds the
    // command earlier on the line (`CLI_PASSWORD_OPTIONS`).
    secret(
        "cli-password",
        r#"(?x)
        (?: (?m:^) | [\ \t] )
        # Longer options first: the search takes the first alternative that matches, and
        # `-p` with a glued value would also match `-passout`.
        (?: --password | --passwd | --pass | -passin | -passout | -password | -pass
          | -storepass | -keypass | -srcstorepass | -deststorepass | -p | -P | -a | -w | -k | -U
          # Arguments by position: `net use \\srv\share /user:jane P4ss` (the one after the
          # user) and `htpasswd -b file user P4ss` (the last one).
          | (?i: /u (?: ser )? : ) [\x21\x23-\x26\x28-\x7E]+ [\ \t]+
          | htpasswd (?: [\ \t]+ [\x21\x23-\x26\x28-\x7E]+ ){2,5} [\ \t]+ )
        (?: [\ \t]+ | = )?
        ["']? [\x21\x23-\x26\x28-\x7E]+"#,
        cli_password,
        0.85,
        words![],
    ),
    // A password piped into the command that reads it from its input: `echo S3cret | docker
    // login --password-stdin`, `echo … | gh auth login --with-token`, `echo … | sudo -S …`,
    // `echo … | passwd --stdin jane`. The match is `echo` to the pipe; the validator reads the
    // command after it on the same line.
    secret(
        "cli-password-stdin",
        r#"(?x)
        \b echo [\ \t]+ (?: -[ne] [\ \t]+ )? ["']? [\x21\x23-\x26\x28-\x7B\x7D\x7E]+ ["']?
        [\ \t]* \|"#,
        cli_password_stdin,
        0.85,
        words![],
    ),
    // A line of PostgreSQL's password file (`~/.pgpass`): `host:port:database:user:password`,
    // the password to the line's end (a `:` inside it written `\:`).
    secret(
        "pgpass-line",
        r"(?xm)
        ^ [A-Za-z0-9._\-*]+ : (?: [0-9]+ | \* ) : [A-Za-z0-9._\-*]+ : [A-Za-z0-9._@\-*]+ :
        [\x21-\x7E]+",
        pgpass_line,
        0.85,
        words![],
    ),
    // A session or login cookie in a `Cookie:`/`Set-Cookie:` header or curl's `-b`/`--cookie`
    // (a request copied from the browser's developer tools as cURL carries them): whoever
    // holds it is logged in. Each `name=value` pair is a candidate; the validator checks that
    // the line is a cookie header and that the name is a session's or a login's.
    secret(
        "cookie-session",
        r#"(?x)
        (?: (?: \b (?i: set-cookie | cookie ) ["']? [\ \t]* : [\ \t]*
            | ; [\ \t]*
            | (?: (?m:^) | [\ \t] ) (?: -b | --cookie ) [\ \t]+ ["']? )
          [A-Za-z0-9_.\-]+
          # The servlet, PHP and ASP.NET session cookies by name, pasted without a header
          # (`PHPSESSID=…`) or as a URL's path parameter (`/cart;jsessionid=…`).
          | \b (?: JSESSIONID | jsessionid | PHPSESSID | ASP\.NET_SessionId ) )
        = [A-Za-z0-9_.~+/%\-:]+ =*"#,
        cookie_session,
        0.85,
        words![],
    ),
    // An Oracle connect string, `user/password@host` (`sqlplus scott/tiger@//db:1521/ORCL`,
    // `expdp system/Manager1@db.example.com/XEPDB1`): the e-mail rule took `password@host` as
    // an address, and a password with a character an address does not take went out in part.
    // Anchored at the `@` as the e-mail rule is; the validator reads `user/password` before it
    // ([`Verdict::Before`]). Full module only.
    secret(
        "oracle-connect-string",
        r"(?x) @ (?: // )? [A-Za-z] [A-Za-z0-9.\-]*",
        oracle_connect,
        // The e-mail rule's score: a tie at the `@` goes to the earlier rule, this one.
        0.95,
        words![],
    ),
    // A variable set by a command whose separator is a space: Windows `setx NAME "value"`
    // (`setx /M …`), a Dockerfile's `ENV NAME value`. The `=` forms (`set NAME=…`, `ENV
    // NAME=…`, `ARG NAME=…`, PowerShell's `$env:NAME = "…"`) are `password-assignment`'s and
    // `generic-secret`'s; the validator judges the name and the value as those do. Full
    // module only.
    secret(
        "secret-env-command",
        r#"(?x)
        (?: \b setx [\ \t]+ (?: /[Mm] [\ \t]+ )? | (?m:^) [\ \t]* ENV [\ \t]+ )
        [A-Za-z_] [A-Za-z0-9_]* [\ \t]+
        (?: " [\x20\x21\x23-\x5B\x5D-\x7E]+ " | [A-Za-z0-9!\#$%&*+\-./?@^_|~] [A-Za-z0-9!\#$%&*+\-./:=?@^_|~]* )"#,
        env_command,
        0.8,
        words![],
    ),
    // A key pasted with spaces or line breaks between its groups (a PDF or a mail client
    // split it: `sk-proj- abcd efgh …`, an AWS secret in fours), only after a key prefix or
    // the AWS secret's label: without one, groups of letters are words. Full module only.
    secret(
        "secret-split-in-groups",
        r#"(?x)
        (?: \b (?: sk-proj- | sk-svcacct- | sk-admin- | sk-ant-api[0-9]{2}- )
          | \b (?i: aws_secret_access_key | secret_access_key | aws\ secret\ access\ key )
            ["']? [\ \t]* [:=] [\ \t]* ["']? )
        [A-Za-z0-9_\-/+]* (?: (?: [\ \t]+ | \r?\n ) [A-Za-z0-9_\-/+]+ )+"#,
        split_key,
        // Above the provider rules' 0.9: they read the first group alone at the same start.
        0.92,
        words![],
    ),
    // A secp256k1 private key (Bitcoin, Ethereum) after its label: 64 hex digits below the
    // curve order, or Wallet Import Format (base58check, version 0x80 / 0xef).
    RuleDef {
        score: 0.85,
        ..secret(
            "secp256k1-private-key",
            keyed!(
                "private[\\ _\\-]?key | privkey | priv_key | wif",
                "[A-Za-z0-9]+"
            ),
            secp256k1_key,
            0.85,
            words!["bitcoin", "ethereum", "wallet", "secp256k1"],
        )
    },
    // Three base64url parts; header and payload are JSON objects (`eyJ` is base64 of `{"`).
    secret(
        "jwt",
        r"\beyJ[A-Za-z0-9_\-]+\.eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*",
        jwt,
        0.85,
        words!["jwt", "token", "bearer", "authorization"],
    ),
    // The credential of an HTTP `Authorization` header (or a header set in code).
    secret(
        "authorization-header",
        r#"(?x)
        \b (?i: proxy-authorization | authorization ) ["']? [\ \t]* [:=,] [\ \t]* ["']? [\ \t]*
        # A raw key with no scheme (`Authorization: <key>`) is checked harder by the validator.
        (?: (?i: bearer | basic | token ) [\ \t]+ )? [A-Za-z0-9._~+/\-]+ =*"#,
        authorization,
        0.85,
        words![],
    ),
    // `scheme://user:password@host` for databases and brokers: the span is the password.
    secret(
        "database-connection-string",
        r"(?x)
        \b (?: jdbc: [a-z]+ | postgres(?:ql)? | mysql | mariadb | mongodb (?: \+srv )? | rediss?
             | amqps? | mssql | sqlserver | cockroachdb | clickhouse | couchdb | neo4j (?: \+s )?
             | cassandra | memcached | nats | kafka | mqtts? )
        :// [A-Za-z0-9._~%!$&'()*+,;=\-]* : [A-Za-z0-9._~%!$&'()*+,;=\-]+ @",
        url_password,
        0.9,
        words![],
    ),
    // Any other URL with a password in its user info.
    secret(
        "url-password",
        r"(?x)
        \b (?: (?:git\+)? https? | ftps? | sftp | ssh | git | svn (?:\+ssh)? | smtps? | imaps? | pop3s?
             | ldaps? | wss? | s3 | rsync | davs? | webdavs? | socks[45]h? | telnet | xmpp
             # File shares, remote desktops, cameras.
             | smb | vnc | rtsps?
             | (?i: https? ) )
        :// [A-Za-z0-9._~%!$&'()*+,;=\-]+ : [A-Za-z0-9._~%!$&'()*+,;=\-]+ @",
        url_password,
        0.85,
        words![],
    ),
    // `password = "..."`, `"passwd": "..."`, `DB_PASSWORD=...`, `--password=...`. The match
    // starts at the separator and the validator reads the key name before it: a pattern that
    // starts with the key words would keep case-insensitive keyword prefixes alive at almost
    // every letter of every text, which multiplies the lazy DFA's states with every other rule.
    secret(
        "password-assignment",
        ASSIGNMENT,
        password_assigned,
        0.8,
        words![],
    ),
    // `api_key = "..."`, `client_secret: ...`, `ACCESS_TOKEN=...`: the value must look random.
    secret(
        "generic-secret",
        ASSIGNMENT,
        generic_assigned,
        0.75,
        words![],
    ),
    // A password or a key after an arrow or a dash as notes and chat write them (`token ->
    // X`, `signing secret → X`, `password => X`, `secret = > X`, `API key — X`: the fold
    // makes every dash `-`) or in a Markdown table's next cell (`| API key | X |`): the keys
    // and values of the two rules above, which the validator tries in turn. Full module only.
    // The match starts at the arrow, the dash or the bar, and the validator reads the spaces,
    // the quote and the `]` before it: a pattern starting at any space or quote kept a thread
    // alive after every space of a text, in every lazy-DFA state (docs/benchmarks.md,
    // "Round 14 (hunt15)").
    secret(
        "secret-after-arrow",
        r#"(?x)
        (?: (?: -> | → | ⇒ | => | = [\ \t]+ > ) [\ \t]* | [\-|] [\ \t]+ )
        [A-Za-z0-9!\#$%&*+\-./?@^_|~] [A-Za-z0-9!\#$%&*+\-./:=?@^_|~]*"#,
        secret_after_arrow,
        0.75,
        words![],
    ),
    // A password stated in a sentence: "my password is hunter2!", "mein Passwort ist
    // Sommer2024!", "mi contraseña es Gato.1234". The match starts at the verb (see
    // `password-assignment` for why not at the key word); the validator reads the key words
    // before it, in any of eight languages. A bare value needs a digit or a symbol: "the
    // password is wrong" states no password.
    secret(
        "password-stated",
        r#"(?x)
        (?: \b (?: is | ist | lautet | est | es | to | was | war | era | are )
          # Italian `è`, Portuguese `é`: not ASCII, so no `\b`; the validator checks that a
          # space stands before them.
          | è | é )
        [\ \t]+
        # An opening quote ends the match, as in `ASSIGNMENT`: the validator reads the quoted
        # value. Held here (up to 128 bytes), it kept a counted thread alive after every
        # `is "` of a text, 8% of the lazy DFA's states on varied text (docs/benchmarks.md,
        # "Round 16 (dfa17)").
        (?: ["']
          | [A-Za-z0-9!\#$%&*+\-./:=?@^_|~]* [0-9!\#$%&*+?@^_~] [A-Za-z0-9!\#$%&*+\-./:=?@^_|~]* )"#,
        password_stated,
        0.8,
        words![],
    ),
    // A password or PIN right after its key word, with neither a verb nor a separator:
    // "password Tr0ub4dor&3", "my pin 4821", "Passwort Sommer2024!". Anchored at the key
    // word, which is the only anchor there is; the value must hold a digit or a symbol
    // (checked further by the validator), so "password manager" is no candidate.
    secret(
        "password-labelled",
        r#"(?x)
        \b (?: (?i: pass (?: word | wort | wd | code | phrase ) | pwd? | pin | kennwort
                  | wachtwoord | senha | haslo | contrasena | mdp )
             # Outside `(?i)`: the patterns are matched as bytes, without Unicode case tables.
             | [Hh]as ł o | [Cc]ontrase ñ a )
        [\ \t]+
        [A-Za-z0-9!\#$%&*+\-./:=?@^_|~]* [0-9!\#$%&*+?@^_~] [A-Za-z0-9!\#$%&*+\-./:=?@^_|~]*"#,
        password_labelled,
        0.8,
        words![],
    ),
    // An API key, a token or a secret right after its key word, with neither a verb nor a
    // separator: "access token tF7s…", "use bearer 8JJN…", "here is my key 2jUs…". Anchored at
    // the key word like `password-labelled`; the value must hold a digit and look generated
    // ([`random_key_shaped`]), so "token bucket" or "key 2" are no findings.
    secret(
        "secret-labelled",
        r"(?x)
        \b (?: (?i: token | key | secret | bearer | jeton | chiave | clave | chave | klucz | sleutel )
             # Outside `(?i)`: the patterns are matched as bytes, without Unicode case tables.
             | [Ss]chlüssel )
        [\ \t]+
        [A-Za-z0-9_\-.~+/=]* [0-9] [A-Za-z0-9_\-.~+/=]*",
        // Below the key rules': a key word with no separator is weaker evidence, and a
        // provider's rule over the same value (`AKIA… secret …`) names it better.
        secret_labelled,
        0.7,
        words![],
    ),
    // A value named after it: "Tr0ub4dor&3 is my password", "`<40 hex>` is the webhook
    // secret", "use 8JJN… as the bearer", "X ist mein Passwort", "X c'est mon mot de passe",
    // "X es mi contraseña". The match is the key word alone; the validator reads the verb
    // and up to three words before it, and the value before the verb ([`Verdict::Before`]).
    // A pattern starting at the verb kept automaton threads alive through the words after
    // every "is", "to" and "as" of a text (scans of prose took half as long again).
    secret(
        "secret-named-after",
        r"(?x)
        \b (?: (?i: pass (?: word | wort | wd | code | phrase | e ) | pwd? | pin | kennwort
               | wachtwoord | senha | haslo | contrasena | clave | mdp | key | token | secret
               | bearer | jeton | chiave | chave | klucz | sleutel | cle | api-?key ) \b
          # Outside `(?i)`: the patterns are matched as bytes, without Unicode case tables.
          | [Hh]as ł o | [Cc]ontrase ñ a | [Ss]chlüssel | [Cc]l é )",
        secret_named_after,
        0.8,
        words![],
    ),
];

/// A separator and a quoted or bare value; the key name before it is checked by the
/// validators.
const ASSIGNMENT: &str = r#"(?x)
    ["']? \]?
    (?: [\ \t]* (?: := | => | == | = | : ) [\ \t]*
        # The opening quote ends the match: [`through_quote`] reads the value up to the
        # closing one. A value in the pattern kept a thread alive from every `="` or `: "` of
        # a text to the next quote (every HTML attribute), doubling the lazy DFA's states
        # there (docs/benchmarks.md, "Round 15 (dfa16)").
        ["']
      # Bare values only in `.env` / CLI style (`KEY=value`, `--password=value`) and YAML
      # (`key: value`): `x = y` in code is an expression, and matching every one of them would
      # make a candidate of every assignment.
      | (?: = | :[\ \t]+ )
        [A-Za-z0-9!\#$%&*+\-./?@^_|~] [A-Za-z0-9!\#$%&*+\-./:=?@^_|~]* )
    # INI, `.properties` and `.conf` files: an unindented `key = value` line.
    | (?m:^) [A-Za-z0-9_.\-]+ [\ \t]* = [\ \t]*
        [A-Za-z0-9!\#$%&*+\-./?@^_|~] [A-Za-z0-9!\#$%&*+\-./:=?@^_|~]*"#;

/// Checks a PEM block (from `-----BEGIN` to the end marker): the body must decode to an
/// OpenSSH key (`openssh-key-v1` magic) or a DER structure whose outer length matches, or be
/// an encrypted legacy PEM body. Returns the name of the check that passed.
pub(crate) fn pem_block(block: &str) -> Option<&'static str> {
    let after_begin = block.strip_prefix("-----BEGIN ")?;
    let label_end = after_begin.find("-----")?;
    let label = &after_begin[..label_end];
    let body_start = "-----BEGIN ".len() + label_end + 5;
    let body_end = block.rfind("-----END")?;
    let body = block.get(body_start..body_end)?;
    let encrypted = body.contains("Proc-Type:") && body.contains("ENCRYPTED");
    let mut b64 = String::with_capacity(body.len());
    for line in body.split(['\n', '\r']).flat_map(|l| l.split("\\n")) {
        let line = line
            .trim()
            .trim_start_matches("\\r")
            .trim_end_matches("\\r");
        if line.contains(':') {
            continue;
        }
        b64.extend(line.chars().filter(|c| !c.is_ascii_whitespace()));
    }
    let raw = base64_decode(&b64)?;
    // Ed25519 and X25519 keys in PKCS#8 are 48 bytes.
    if raw.len() < 32 {
        return None;
    }
    if label == "OPENSSH PRIVATE KEY" {
        return raw
            .starts_with(b"openssh-key-v1\0")
            .then_some("openssh-key-v1");
    }
    if encrypted {
        // Ciphertext: all that can be checked is that it is not text.
        return random_enough(&b64).then_some("pem-base64");
    }
    der_length_ok(&raw).then_some("der-structure")
}

/// A DER SEQUENCE whose definite length covers exactly the rest of the bytes.
fn der_length_ok(raw: &[u8]) -> bool {
    if raw.len() < 4 || raw[0] != 0x30 {
        return false;
    }
    let (len, header) = match raw[1] {
        n if n < 0x80 => (usize::from(n), 2),
        0x81 => (usize::from(raw[2]), 3),
        0x82 => ((usize::from(raw[2]) << 8) | usize::from(raw[3]), 4),
        0x83 if raw.len() > 4 => (
            (usize::from(raw[2]) << 16) | (usize::from(raw[3]) << 8) | usize::from(raw[4]),
            5,
        ),
        _ => return false,
    };
    header + len == raw.len()
}

fn private_key(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    if !v.contains("-----END") {
        return truncated_key(v);
    }
    match pem_block(v) {
        Some(check) => Verdict::Checked(check),
        // A body that does not decode to a key (cut short, edited, made up for a tutorial)
        // is still a key block someone pasted: reported, lower.
        None if base64_run(v) >= 16 => Verdict::Lowered {
            percent: super::DOUBTFUL,
        },
        None => Verdict::Reject,
    }
}

/// The number of base64 characters in the body lines of a key block (header lines skipped).
fn base64_run(block: &str) -> usize {
    // Inside a JSON string (a service account's `private_key`) the lines are `\n` escapes.
    block
        .lines()
        .flat_map(|l| l.split("\\n"))
        .skip(1)
        .filter(|l| !l.contains(':') && !l.starts_with("-----"))
        .map(|l| l.trim().bytes().filter(|b| is_b64(*b)).count())
        .sum()
}

fn is_b64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=')
}

/// A key block without its END line: the span is the BEGIN line and the base64 lines after
/// it (headers allowed), up to the first line that is something else. The data must decode
/// to the start of a DER structure or an OpenSSH key, or be encrypted PEM.
fn truncated_key(v: &str) -> Verdict {
    let mut offset = 0;
    let mut end = 0;
    let mut data = String::new();
    let encrypted = v.contains("Proc-Type:") && v.contains("ENCRYPTED");
    for (i, line) in v.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        if i == 0 {
            end = start + line.trim_end().len();
            continue;
        }
        let t = line.trim();
        if t.is_empty() && data.is_empty() {
            continue;
        }
        if data.is_empty() && t.contains(':') {
            end = start + line.trim_end().len();
            continue;
        }
        if t.len() < 4 || !t.bytes().all(is_b64) {
            break;
        }
        data.push_str(t);
        end = start + line.trim_end().len();
    }
    if data.len() < 44 {
        return Verdict::Reject;
    }
    let whole = data.len() - data.len() % 4;
    let Some(raw) = base64_decode(&data[..whole]) else {
        return Verdict::Reject;
    };
    let shaped = raw.first() == Some(&0x30)
        || raw.starts_with(b"openssh-key-v1\0")
        || (encrypted && random_enough(&data));
    if shaped {
        Verdict::Span {
            start: 0,
            end,
            check: None,
        }
    } else {
        Verdict::Reject
    }
}

/// An age identity: Bech32 (BIP-173) with the human-readable part `age-secret-key-` and 32
/// bytes of key, so 52 data characters and 6 of checksum.
fn age_secret_key(c: &Candidate<'_>) -> Verdict {
    const CHARSET: &[u8] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    let v = c.value().to_ascii_lowercase();
    let Some((hrp, data)) = v.rsplit_once('1') else {
        return Verdict::Reject;
    };
    let values: Option<Vec<u8>> = data
        .bytes()
        .map(|ch| CHARSET.iter().position(|&x| x == ch).map(|i| i as u8))
        .collect();
    match values {
        Some(values)
            if hrp == "age-secret-key-"
                && values.len() == 58
                && crate::bech32_polymod(hrp.as_bytes(), &values) == 1 =>
        {
            Verdict::Checked("bech32")
        }
        _ => Verdict::Reject,
    }
}

fn curl_user(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    // `curl` earlier on the same line, within a bounded look-back (validators stay local).
    let line = crate::rules::tail(c.preceding(), 300)
        .rsplit('\n')
        .next()
        .unwrap_or("");
    // curl takes `-u`/`--user`, HTTPie (`http`, `https`) and xh `-a`/`--auth`.
    let httpie = v.trim_start().starts_with("-a") || v.trim_start().starts_with("--auth");
    if httpie && FIRST_MODULE {
        return Verdict::Reject;
    }
    let commands: &[&str] = if httpie {
        &["http", "https", "xh", "xhs"]
    } else {
        &["curl"]
    };
    if !line
        .split(|ch: char| !ch.is_ascii_alphanumeric())
        .any(|w| commands.contains(&w))
    {
        return Verdict::Reject;
    }
    let Some(colon) = v.find(':') else {
        return Verdict::Reject;
    };
    let password = &v[colon + 1..];
    let password = password.trim_end_matches(['"', '\'']);
    if password.len() < 3
        || placeholder(password)
        || password.starts_with(['$', '%', '{', '<'])
        || DEFAULT_PASSWORDS.contains(&password.to_ascii_lowercase().as_str())
    {
        return Verdict::Reject;
    }
    Verdict::Span {
        start: colon + 1,
        end: colon + 1 + password.len(),
        check: None,
    }
}

/// How a command takes its password: the option, whether the value is glued to it
/// (`-pS3cret`) or follows after a space or `=`, and the commands (as their file names) it
/// means a password for. An option means a port, a user or a flag elsewhere (`docker run -p`,
/// `mysql -P 3306`, `curl -k`), so only these commands count; a `login` word must stand on
/// the line for the container tools.
const CLI_PASSWORD_OPTIONS: &[(&str, bool, &str)] = &[
    // MySQL's `-p` takes the password only glued; `-p db` is a prompt and a database.
    (
        "-p",
        true,
        "mysql mysqldump mysqladmin mysqlimport mysqlcheck mysqlshow mysqlpump mysqlsh mariadb mariadb-dump mariadb-admin 7z 7za 7zz rar unrar",
    ),
    (
        "-p",
        false,
        "sshpass mongo mongosh mongodump mongorestore mongoexport mongoimport mongostat mongotop docker podman nerdctl buildah skopeo helm oras influx",
    ),
    (
        "-P",
        false,
        "sqlcmd bcp osql zip unzip mosquitto_pub mosquitto_sub mosquitto_rr",
    ),
    ("-a", false, "redis-cli valkey-cli keydb-cli"),
    (
        "-w",
        false,
        "ldapsearch ldapadd ldapmodify ldapdelete ldappasswd ldapwhoami ldapcompare ldapmodrdn ldapexop",
    ),
    ("-k", false, "openssl"),
    (
        "-U",
        false,
        "smbclient rpcclient smbmap smbcacls smbget smbtree net winexe",
    ),
    ("-passin", false, "openssl"),
    ("-passout", false, "openssl"),
    ("-pass", false, "openssl"),
    ("-password", false, "openssl"),
    ("-storepass", false, "keytool jarsigner"),
    ("-keypass", false, "keytool jarsigner"),
    ("-srcstorepass", false, "keytool"),
    ("-deststorepass", false, "keytool"),
];

/// `mysql -uroot -pS3cret`, `sshpass -p hunter2`, `openssl … -passout pass:S3cret`,
/// `smbclient -U jane%S3cret`, `--password S3cret`: the span is the password.
fn cli_password(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let body = v.trim_start_matches([' ', '\t']);
    if body.starts_with(['/', 'h']) {
        return positional_password(c, body);
    }
    let opt_start = v.find('-').unwrap_or(0);
    let opt_len = v[opt_start..]
        .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '-'))
        .unwrap_or(v.len() - opt_start);
    let (option, rest) = v[opt_start..].split_at(opt_len);
    // A glued value (`-pS3cret`) runs on from the option's letters: the option is its first
    // two characters then.
    let (option, rest) = if matches!(option, "--password" | "--passwd" | "--pass")
        || CLI_PASSWORD_OPTIONS.iter().any(|(o, _, _)| *o == option)
    {
        (option, rest)
    } else if option.len() > 2 && !option.starts_with("--") {
        (&option[..2], &v[opt_start + 2..])
    } else {
        return Verdict::Reject;
    };
    let glued = !rest.starts_with([' ', '\t', '=']);
    let long = option.starts_with("--");
    // `--password=…` is `password-assignment`'s, as every `KEY=value` is.
    if long && rest.starts_with('=') {
        return Verdict::Reject;
    }
    if !long {
        let line = crate::rules::tail(c.preceding(), 300)
            .rsplit('\n')
            .next()
            .unwrap_or("");
        let words: Vec<&str> = line
            .split([' ', '\t', ';', '|', '&', '(', '`'])
            .map(|w| w.rsplit(['/', '\\']).next().unwrap_or(w))
            .collect();
        let command = CLI_PASSWORD_OPTIONS.iter().any(|(o, g, commands)| {
            // A command that takes the value after a space takes it glued too.
            *o == option
                && (glued || !*g)
                && words.iter().any(|w| commands.split(' ').any(|x| x == *w))
        });
        let container = [
            "docker", "podman", "nerdctl", "buildah", "skopeo", "helm", "oras",
        ];
        let needs_login = option == "-p" && words.iter().any(|w| container.contains(w));
        if !command || (needs_login && !words.contains(&"login")) {
            return Verdict::Reject;
        }
    }
    // The value: after the separator, without quotes; `pass:` of OpenSSL's pass phrase
    // arguments, the user before `%` of Samba's `-U user%password`.
    let gap = rest.len() - rest.trim_start_matches([' ', '\t', '=']).len();
    let mut start = v.len() - rest.len() + gap;
    let mut value = &v[start..];
    // A quoted value ends at its closing quote, which the pattern leaves out.
    if let Some(q @ ('"' | '\'')) = value.chars().next() {
        if c.after() != Some(q) {
            return Verdict::Reject;
        }
        start += 1;
        value = &value[1..];
    }
    if option.starts_with("-pass") || option == "-password" {
        let Some(p) = value.strip_prefix("pass:") else {
            return Verdict::Reject;
        };
        start += 5;
        value = p;
    }
    if option == "-U" {
        let Some(at) = value.find('%') else {
            return Verdict::Reject;
        };
        start += at + 1;
        value = &value[at + 1..];
    }
    if !cli_value(value) || (long && !password_shaped(value)) {
        return Verdict::Reject;
    }
    Verdict::Span {
        start,
        end: start + value.len(),
        check: None,
    }
}

/// A password given on a command line: not a metavariable, a number, a variable, a prompt
/// or placeholder, nor a well-known default.
fn cli_value(value: &str) -> bool {
    let metavariable = value
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b == b'_' || b == b'-');
    (4..=128).contains(&value.len())
        && !metavariable
        && !value.bytes().all(|b| b.is_ascii_digit())
        && !value.starts_with(['$', '%', '{', '<', '-', '['])
        && !placeholder(value)
        && !DEFAULT_PASSWORDS.contains(&value.to_ascii_lowercase().as_str())
}

/// The password argument of `net use … /user:NAME PASSWORD` (on a `net use` line; `runas
/// /user:NAME program` takes none) and of `htpasswd -b[c|n|B…] [FILE] USER PASSWORD`: its
/// last argument, counted past the options (and the value of `-C`/`-r`) up to a shell
/// operator; `-b` is what puts the password on the line.
fn positional_password(c: &Candidate<'_>, body: &str) -> Verdict {
    let v = c.value();
    let tokens: Vec<&str> = body.split([' ', '\t']).filter(|t| !t.is_empty()).collect();
    let value = if let Some(first) = tokens.first().filter(|t| t.starts_with('/')) {
        let line = crate::rules::tail(c.preceding(), 300)
            .rsplit('\n')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let words: Vec<&str> = line.split([' ', '\t']).collect();
        if first.len() < 4 || !words.windows(2).any(|w| w == ["net", "use"]) {
            return Verdict::Reject;
        }
        tokens.get(1)
    } else {
        let (mut flags, mut args, mut takes_value) = (String::new(), Vec::new(), false);
        for t in tokens.iter().skip(1) {
            if t.starts_with([';', '&', '|', '>', '<']) {
                break;
            } else if takes_value {
                takes_value = false;
            } else if let Some(f) = t.strip_prefix('-') {
                flags.push_str(f);
                takes_value = f.ends_with(['C', 'r']);
            } else {
                args.push(t);
            }
        }
        let wanted = if flags.contains('n') { 2 } else { 3 };
        if !flags.contains('b') || args.len() != wanted {
            return Verdict::Reject;
        }
        args.last().copied()
    };
    let Some(&token) = value else {
        return Verdict::Reject;
    };
    let mut start = token.as_ptr() as usize - v.as_ptr() as usize;
    let mut value = token;
    // A quoted value ends at its closing quote, which the pattern leaves out.
    if let Some(q @ ('"' | '\'')) = value.chars().next() {
        if start + value.len() != v.len() || c.after() != Some(q) {
            return Verdict::Reject;
        }
        start += 1;
        value = &value[1..];
    }
    if value.starts_with('/') || !cli_value(value) {
        return Verdict::Reject;
    }
    Verdict::Span {
        start,
        end: start + value.len(),
        check: None,
    }
}

/// secp256k1's group order n: a private key is an integer in 1..n.
const SECP256K1_ORDER: &str = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";

fn secp256k1_key(c: &Candidate<'_>) -> Verdict {
    let verdict = super::keyed_value(c, super::alnum, |v| {
        let hex = v.strip_prefix("0x").unwrap_or(v).to_ascii_lowercase();
        if hex.len() == 64 && hex.bytes().all(super::hex) {
            return hex.as_str() < SECP256K1_ORDER && super::hex_of(&hex, 64);
        }
        wif_ok(v)
    });
    // `0x` says the digits are hex; it is not part of the key.
    match verdict {
        Verdict::Span { start, end, check } if c.value()[start..].starts_with("0x") => {
            Verdict::Span {
                start: start + 2,
                end,
                check,
            }
        }
        other => other,
    }
}

/// Wallet Import Format: base58check of 0x80 (mainnet) or 0xef (testnet), 32 key bytes and
/// an optional 0x01 (compressed public key), then 4 bytes of double SHA-256.
fn wif_ok(v: &str) -> bool {
    use crate::rules::crypto::base58_decode;
    use crate::rules::digests::sha256;
    let check = |raw: &[u8]| {
        let (payload, sum) = raw.split_at(raw.len() - 4);
        matches!(payload[0], 0x80 | 0xef) && sha256(&sha256(payload))[..4] == *sum
    };
    match v.len() {
        51 => base58_decode::<37>(v).is_some_and(|r| check(&r)),
        52 => base58_decode::<38>(v).is_some_and(|r| r[33] == 1 && check(&r)),
        _ => false,
    }
}

/// The armoured body: headers up to a blank line, base64 data, then an optional `=XXXX`
/// CRC-24 line (RFC 4880 section 6.2).
fn pgp_private_key(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some(body) = v
        .split_once('\n')
        .and_then(|(_, rest)| rest.rsplit_once("-----END").map(|(b, _)| b))
    else {
        return Verdict::Reject;
    };
    let mut data = String::new();
    let mut checksum = None;
    for line in body.lines().map(str::trim) {
        if line.contains(':') {
            continue;
        }
        if let Some(sum) = line.strip_prefix('=') {
            checksum = Some(sum);
            continue;
        }
        data.push_str(line);
    }
    let Some(raw) = base64_decode(&data) else {
        return Verdict::Reject;
    };
    if raw.len() < 64 {
        return Verdict::Reject;
    }
    match checksum.map(base64_decode) {
        None => Verdict::Plausible,
        Some(Some(sum)) if sum.len() == 3 => {
            let want = (u32::from(sum[0]) << 16) | (u32::from(sum[1]) << 8) | u32::from(sum[2]);
            if crc24(&raw) == want {
                Verdict::Checked("crc24")
            } else {
                Verdict::Reject
            }
        }
        Some(_) => Verdict::Reject,
    }
}

fn jwt(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let mut parts = v.split('.');
    let (Some(header), Some(payload)) = (parts.next(), parts.next()) else {
        return Verdict::Reject;
    };
    let json = |s: &str| base64_decode(s).filter(|raw| raw.first() == Some(&b'{'));
    match (json(header), json(payload)) {
        (Some(h), Some(_)) if h.windows(5).any(|w| w == b"\"alg\"") => {
            Verdict::Checked("jwt-header")
        }
        _ => Verdict::Reject,
    }
}

fn authorization(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some(start) = v.rfind([' ', '\t']).map(|i| i + 1) else {
        return Verdict::Reject;
    };
    let value = &v[start..];
    let scheme = v[..start].trim_end();
    let is_basic = scheme.len() >= 5 && scheme[scheme.len() - 5..].eq_ignore_ascii_case("basic");
    if provider_owned(value) || placeholder(value) {
        return Verdict::Reject;
    }
    if is_basic {
        return match base64_decode(value) {
            Some(raw)
                if raw.len() >= 3
                    && raw.contains(&b':')
                    && raw.iter().all(|b| b.is_ascii_graphic() || *b == b' ') =>
            {
                let text = String::from_utf8_lossy(&raw);
                let password = text.split_once(':').map_or("", |(_, p)| p);
                if password.is_empty() || placeholder(password) {
                    Verdict::Reject
                } else {
                    Verdict::Span {
                        start,
                        end: v.len(),
                        check: Some("basic-credentials"),
                    }
                }
            }
            _ => Verdict::Reject,
        };
    }
    // No scheme: the value must look generated and end the header (`AWS4-HMAC-SHA256
    // Credential=…` is a scheme and its parameters).
    let bare = scheme.ends_with([':', '=', ',', '"', '\'']);
    let ends = c
        .after()
        .is_none_or(|ch| matches!(ch, '\n' | '\r' | '"' | '\'' | '`' | ','));
    if bare && (FIRST_MODULE || !(random_key_shaped(value) && ends && !joined_words(value))) {
        return Verdict::Reject;
    }
    if value.len() >= 16 && random_enough(value) {
        Verdict::Span {
            start,
            end: v.len(),
            check: None,
        }
    } else {
        Verdict::Reject
    }
}

/// The line after `c` (bounded), up to its end.
fn rest_of_line<'a>(c: &Candidate<'a>) -> &'a str {
    let rest = super::super::head(c.rest(), 300);
    rest.split(['\n', '\r']).next().unwrap_or("")
}

/// The line before `c` (bounded), from its start.
fn line_before<'a>(c: &Candidate<'a>, max: usize) -> &'a str {
    super::super::tail(c.preceding(), max)
        .rsplit(['\n', '\r'])
        .next()
        .unwrap_or("")
}

/// Commands and options that read a password or a token from their input, as words of the
/// command line after the pipe (all of one entry must stand there).
const STDIN_READERS: &[&[&str]] = &[
    &["--password-stdin"],
    &["--with-token"],
    &["sudo", "-S"],
    &["passwd", "--stdin"],
];

fn cli_password_stdin(c: &Candidate<'_>) -> Verdict {
    let after: Vec<&str> = rest_of_line(c)
        .split(['|', ';', '&'])
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    if !STDIN_READERS
        .iter()
        .any(|words| words.iter().all(|w| after.contains(w)))
    {
        return Verdict::Reject;
    }
    let v = c.value();
    let body = v[4..v.len() - 1].trim();
    let body = body
        .strip_prefix("-n")
        .or_else(|| body.strip_prefix("-e"))
        .map_or(body, str::trim_start);
    let value = body.trim_matches(['"', '\'']);
    if value.starts_with(['$', '%', '{', '<', '-'])
        || placeholder(value)
        || super::documented_fake(value)
        || !(password_shaped(value) || random_key_shaped(value))
    {
        return Verdict::Reject;
    }
    let start = v.find(value).unwrap_or(0);
    Verdict::Span {
        start,
        end: start + value.len(),
        check: None,
    }
}

/// `host:port:database:user:password`: the password runs to the line's end, with no
/// unescaped `:` (a `/etc/passwd` line has more fields) and no space after it.
fn pgpass_line(c: &Candidate<'_>) -> Verdict {
    if c.after().is_some_and(|ch| !matches!(ch, '\n' | '\r')) {
        return Verdict::Reject;
    }
    let v = c.value();
    let mut fields = Vec::new();
    let mut from = 0;
    let b = v.as_bytes();
    for i in 0..b.len() {
        if b[i] == b':' && (i == 0 || b[i - 1] != b'\\') {
            fields.push(&v[from..i]);
            from = i + 1;
        }
    }
    if fields.len() != 4 {
        return Verdict::Reject;
    }
    // Host, database and user are names or `*`: a run of numbers (`12:30:45:00:…`) is a
    // time or an address, not a password file.
    let named = |f: &str| f == "*" || f.bytes().any(|b| b.is_ascii_alphabetic());
    let (user, password) = (fields[3], &v[from..]);
    if !(named(fields[0]) && named(fields[2]) && named(user))
        || password.len() < 4
        || password == user
        || placeholder(password)
        || DEFAULT_PASSWORDS.contains(&password.to_ascii_lowercase().as_str())
        || password.starts_with(['$', '%', '{', '<'])
    {
        return Verdict::Reject;
    }
    Verdict::Span {
        start: from,
        end: v.len(),
        check: None,
    }
}

/// Parts of a cookie's name that make it a session's or a login's (`PHPSESSID`,
/// `JSESSIONID`, `connect.sid`, `sessionid`, `auth_token`, `remember_user_token`,
/// `next-auth.session-token`, LinkedIn's `li_at`), lower-cased.
const SESSION_COOKIE_PARTS: &[&str] = &[
    "sess", "sid", "auth", "token", "jwt", "login", "remember", "secret", "li_at",
];

/// The session cookies that name themselves (Java servlets, PHP, ASP.NET): found without a
/// cookie header. `pair` is `;name=value`, `; name=value` or `name=value`.
fn well_known_session(pair: &str) -> bool {
    let name = pair.trim_start_matches([';', ' ', '\t']);
    let name = name.split('=').next().unwrap_or("");
    ["jsessionid", "phpsessid", "asp.net_sessionid"]
        .iter()
        .any(|n| name.eq_ignore_ascii_case(n))
}

/// Commands before an Oracle connect string on its line (`sqlplus`, Data Pump, RMAN, SQL*Loader).
const ORACLE_COMMANDS: &[&str] = &[
    "sqlplus",
    "sql",
    "conn",
    "connect",
    "expdp",
    "impdp",
    "exp",
    "imp",
    "rman",
    "sqlldr",
    "dgmgrl",
    "target",
    "auxiliary",
    "catalog",
    "userid=",
];

/// [`oracle-connect-string`](RULES): `user/password@host`, the match being `@host`. The user is
/// an identifier standing alone (after a space, a quote, `=` or the line's start); the
/// password follows its `/` up to the `@`. It is a connect string when a command stands
/// before it on the line, the host is written `@//host` (Easy Connect), a port or a service
/// follows the host, or the password has a password's shape and the host a domain's.
fn oracle_connect(c: &Candidate<'_>) -> Verdict {
    let line = line_before(c, 512);
    let tok_start = crate::rules::after_last(line, |ch| {
        ch.is_whitespace() || matches!(ch, '"' | '\'' | '=' | '(' | ',')
    });
    let tok = &line[tok_start..];
    let Some((user, pw)) = tok.split_once('/') else {
        return Verdict::Reject;
    };
    let ident = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'#');
    if !user.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
        || !user.bytes().all(ident)
        || pw.is_empty()
        || pw.contains(['/', '\\', '@', ':'])
        || pw.eq_ignore_ascii_case(user)
        || placeholder(pw)
        || pw.starts_with(['$', '%', '{', '<', '&'])
    {
        return Verdict::Reject;
    }
    let host = c.value().trim_start_matches(['@', '/']);
    let rest = c.rest();
    let words = line[..tok_start].to_ascii_lowercase();
    let command = words
        .split(|ch: char| ch.is_whitespace() || ch == '"' || ch == '\'')
        .any(|w| ORACLE_COMMANDS.contains(&w) || w.starts_with("userid="))
        || words.trim_end().ends_with("userid=");
    let easy_connect = c.value().starts_with("@//");
    let mut after = rest.bytes();
    let port_or_service = match (after.next(), after.next()) {
        (Some(b':'), Some(d)) => d.is_ascii_digit(),
        (Some(b'/'), Some(l)) => l.is_ascii_alphabetic(),
        _ => false,
    };
    // A domain's last label is letters (`db.example.com`); a version's is not (`@v5.1.0`).
    let domain = host
        .rsplit_once('.')
        .is_some_and(|(_, tld)| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()));
    let shaped = password_shaped(pw) && domain;
    if !(command || easy_connect || port_or_service || shaped) {
        return Verdict::Reject;
    }
    Verdict::Before {
        before: pw.len(),
        len: pw.len(),
    }
}

/// [`secret-env-command`](RULES): `setx NAME value`, `ENV NAME value`. The name and the value
/// are judged as `NAME=value` would be by `password-assignment`, then `generic-secret`, on a
/// copy of the two (the key rules read the name before the `=`).
fn env_command(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let b = v.as_bytes();
    // Past the command and a `/M` flag: the name is the second-to-last word before the value.
    let value_at = match v.strip_suffix('"') {
        Some(open) => open.rfind('"').unwrap_or(0),
        None => v.rfind([' ', '\t']).map_or(0, |i| i + 1),
    };
    let head = v[..value_at].trim_end();
    let name_at = head.rfind([' ', '\t']).map_or(0, |i| i + 1);
    let name = &head[name_at..];
    if name.is_empty() || value_at >= b.len() {
        return Verdict::Reject;
    }
    let mut copy = String::with_capacity(name.len() + 1 + v.len() - value_at);
    copy.push_str(name);
    copy.push('=');
    copy.push_str(&v[value_at..]);
    let wide = Candidate {
        text: &copy,
        start: name.len(),
        end: copy.len(),
    };
    let verdict = match password_assignment(&wide) {
        Verdict::Reject => generic_secret(&wide),
        v => v,
    };
    // From the copy's `=value` back to the match: the value stands at `value_at` in both
    // after the `=` (1 byte) of the copy.
    let shift = |x: usize| x - 1 + value_at;
    match verdict {
        Verdict::Span { start, end, check } if start >= 1 => Verdict::Span {
            start: shift(start),
            end: shift(end.min(copy.len() - name.len())),
            check,
        },
        Verdict::LoweredSpan {
            start,
            end,
            percent,
        } if start >= 1 => Verdict::LoweredSpan {
            start: shift(start),
            end: shift(end.min(copy.len() - name.len())),
            percent,
        },
        _ => Verdict::Reject,
    }
}

/// [`secret-split-in-groups`](RULES): a prefixed key or the AWS secret after its label, cut
/// into groups by spaces or line breaks. The groups are read while they keep the first full
/// group's width (the last may be shorter); a trailing group of lower-case letters is a word
/// unless another group follows it. Joined, they must make the key: 40 characters for AWS
/// (where the groups stop), 40 to 250 after an OpenAI or Anthropic prefix, random, with a
/// digit. The span runs from the first group to the last.
fn split_key(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let aws = !v.starts_with("sk-");
    // Where the groups begin: past the prefix, or past the label and its separator.
    let body_at = if aws {
        v.find([':', '=']).map_or(v.len(), |i| {
            i + 1 + v[i + 1..].len() - v[i + 1..].trim_start_matches([' ', '\t', '"', '\'']).len()
        })
    } else {
        v.rfind("sk-")
            .and_then(|i| v[i..].match_indices('-').nth(1).map(|(j, _)| i + j + 1))
            .unwrap_or(v.len())
    };
    let mut groups = Vec::new();
    let mut at = body_at;
    for g in v[body_at..].split([' ', '\t', '\n', '\r']) {
        if !g.is_empty() {
            groups.push((at, g));
        }
        at += g.len() + 1;
    }
    // One group is the whole key: the provider's own rule reads it.
    if groups.len() < 2 || (!aws && groups[0].0 == body_at && groups.len() < 3) {
        return Verdict::Reject;
    }
    let width = groups[0]
        .1
        .len()
        .max(groups.get(1).map_or(0, |g| g.1.len()));
    let first_full = usize::from(groups[0].1.len() < width && !aws && groups[0].0 == body_at);
    let mut joined = String::new();
    let mut end = body_at;
    let mut start = None;
    for (k, &(at, g)) in groups.iter().enumerate() {
        let wordy = g.bytes().all(|b| b.is_ascii_lowercase());
        let last_of_run = groups.get(k + 1).is_none_or(|n| n.1.len() != width);
        // A shorter group ends the key only after two others (`sk-proj- <key> 2024`: the
        // number is not part of it).
        let short_early = g.len() < width && k >= first_full && k < 2;
        if (k >= first_full && g.len() > width)
            || (aws && joined.len() + g.len() > 40)
            || (wordy && last_of_run && k > 0)
            || (k > 0 && short_early)
        {
            break;
        }
        start.get_or_insert(at);
        joined.push_str(g);
        end = at + g.len();
        if (g.len() < width && k >= first_full) || (aws && joined.len() == 40) {
            break;
        }
    }
    let ok = if aws {
        joined.len() == 40
    } else {
        (40..=250).contains(&joined.len())
    };
    let Some(start) = start else {
        return Verdict::Reject;
    };
    if !ok
        || !random_enough(&joined)
        || super::documented_fake(&joined)
        || !joined.bytes().any(|b| b.is_ascii_digit())
    {
        return Verdict::Reject;
    }
    // The prefix is part of the key: the span starts there when the groups follow it.
    let start = if aws {
        start
    } else {
        v.rfind("sk-").unwrap_or(start)
    };
    // Not split at all: the provider's own rule reads it.
    if !v[start..end].contains([' ', '\t', '\n', '\r']) {
        return Verdict::Reject;
    }
    Verdict::Span {
        start,
        end,
        check: None,
    }
}

fn cookie_session(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    // A pair after `;` belongs to a cookie header only when the line holds one, or when its
    // name is a well-known session cookie's (`/cart;jsessionid=…`).
    if v.starts_with(';') && !well_known_session(v) {
        let line = line_before(c, 8192).to_ascii_lowercase();
        if !(line.contains("cookie:")
            || line.contains("cookie\":")
            || line.contains("cookie':")
            || line.contains(" -b ")
            || line.contains("--cookie "))
        {
            return Verdict::Reject;
        }
    }
    let Some(eq) = v.find('=') else {
        return Verdict::Reject;
    };
    let name_start = crate::rules::after_last(&v[..eq], |ch| {
        !(ch.is_ascii_alphanumeric() || matches!(ch, '_' | '.' | '-'))
    });
    let name = v[name_start..eq].to_ascii_lowercase();
    let value = &v[eq + 1..];
    if !SESSION_COOKIE_PARTS.iter().any(|p| name.contains(p)) && name != "xs" {
        return Verdict::Reject;
    }
    if value.len() < 16
        || !random_enough(value)
        || placeholder(value)
        || super::documented_fake(value)
        || !value.bytes().any(|b| b.is_ascii_digit())
    {
        return Verdict::Reject;
    }
    Verdict::Span {
        start: eq + 1,
        end: v.len(),
        check: None,
    }
}

/// Well-known default passwords of database images and tutorials: not secrets.
const DEFAULT_PASSWORDS: &[&str] = &[
    "postgres", "root", "admin", "guest", "mysql", "redis", "sa", "user", "pass", "password",
    "changeit",
];

fn url_password(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some(userinfo_start) = v.find("://").map(|i| i + 3) else {
        return Verdict::Reject;
    };
    let userinfo = &v[userinfo_start..v.len() - 1];
    let Some(colon) = userinfo.find(':') else {
        return Verdict::Reject;
    };
    let (user, password) = (&userinfo[..colon], &userinfo[colon + 1..]);
    let lower = password.to_ascii_lowercase();
    if password.len() < 3
        || password == user
        || DEFAULT_PASSWORDS.contains(&lower.as_str())
        || placeholder(password)
        || password.starts_with(['$', '%', '{'])
        || (password.len() <= 5 && password.bytes().all(|b| b.is_ascii_digit()))
    {
        return Verdict::Reject;
    }
    let start = userinfo_start + colon + 1;
    Verdict::Span {
        start,
        end: v.len() - 1,
        check: None,
    }
}

/// Words that mark a value as a stand-in for a real secret.
fn placeholder(value: &str) -> bool {
    const CONTAINS: &[&str] = &[
        "your",
        "example",
        "xxx",
        "changeme",
        "change_me",
        "change-me",
        "dummy",
        "placeholder",
        "sample",
        "redacted",
        "replace",
        "insert",
        "fake",
        "<",
        ">",
        "${",
        "{{",
        "%s",
        "%(",
        "***",
        "...",
        "todo",
        "here",
        "test",
        "secret",
        "password",
        "passwd",
        "foobar",
        "lorem",
        "undefined",
        "process.env",
        "getenv",
        "environ",
    ];
    const EQUALS: &[&str] = &[
        "none", "null", "nil", "true", "false", "default", "empty", "string", "str", "token",
        "required", "optional",
    ];
    let lower = value.to_ascii_lowercase();
    CONTAINS.iter().any(|w| lower.contains(w)) || EQUALS.contains(&lower.as_str())
}

/// Key name segments after the keyword that make the value something other than the secret
/// (`password_reset_url`, `token_type`, `max_tokens`).
const KEY_SUFFIXES: &[&str] = &[
    "url",
    "uri",
    "endpoint",
    "type",
    "name",
    "file",
    "path",
    "dir",
    "length",
    "len",
    "size",
    "env",
    "var",
    "field",
    "label",
    "id",
    "count",
    "expiry",
    "expires",
    "ttl",
    "timeout",
    "header",
    "prefix",
    "format",
    "policy",
    "hash",
    "hashed",
    "regex",
    "pattern",
    "min",
    "max",
    "required",
    "reset",
    "confirm",
    "confirmation",
    "input",
    "placeholder",
    "hint",
    "text",
    "message",
    "error",
    "enabled",
    "mode",
    "provider",
    "store",
    "storage",
    "manager",
    "limit",
    "validator",
    "strength",
    "rules",
    "changed",
    "at",
    "class",
    "key_id",
    "keyid",
    "ref",
    "source",
    "location",
    "version",
    "kind",
    "usage",
    "index",
    "idx",
    "s",
];
/// Key name segments before the keyword that make it something other than a credential.
const KEY_PREFIXES: &[&str] = &[
    "csrf",
    "xsrf",
    "page",
    "next",
    "cancel",
    "cancellation",
    "continuation",
    "sync",
    "max",
    "num",
    "n",
    "total",
    "input",
    "output",
    "prompt",
    "completion",
    "bos",
    "eos",
    "pad",
    "unk",
    "sep",
    "cls",
    "mask",
    "new",
    "old",
    "is",
    "has",
    "show",
    "hide",
    "forgot",
    "reset",
    "confirm",
    "validate",
    "check",
    "min",
    "no",
    "use",
];

/// An assignment split into key name and value (byte range of the value within the match,
/// quotes excluded).
struct Assignment<'a> {
    key: String,
    value: &'a str,
    start: usize,
    quoted: bool,
}

fn split_assignment(v: &str) -> Option<Assignment<'_>> {
    let b = v.as_bytes();
    // The key is inside the match only for a whole `key = value` line.
    let mut i = b
        .iter()
        .position(|x| !(x.is_ascii_alphanumeric() || matches!(x, b'_' | b'.' | b'-')))
        .unwrap_or(b.len());
    let key = v[..i].to_ascii_lowercase();
    while i < b.len() && matches!(b[i], b'"' | b'\'' | b']' | b' ' | b'\t') {
        i += 1;
    }
    let sep_start = i;
    while i < b.len() && matches!(b[i], b':' | b'=' | b'>') && i - sep_start < 2 {
        i += 1;
    }
    if i == sep_start && !FIRST_MODULE {
        // The arrows, dashes and table bars of `secret-after-arrow` (full module only).
        let sep = ["->", "→", "⇒", "-", "|"]
            .iter()
            .find(|s| v[i..].starts_with(**s))?;
        i += sep.len();
    }
    if i == sep_start {
        return None;
    }
    // `= >`: an arrow typed with a space in it.
    let gap = b[i..]
        .iter()
        .take_while(|x| matches!(x, b' ' | b'\t'))
        .count();
    if !FIRST_MODULE && i - sep_start == 1 && b[sep_start] == b'=' && b.get(i + gap) == Some(&b'>')
    {
        i += gap + 1;
    }
    while i < b.len() && matches!(b[i], b' ' | b'\t') {
        i += 1;
    }
    let rest = v.get(i..)?;
    let quote = rest.chars().next().filter(|q| *q == '"' || *q == '\'');
    let (start, end) = match quote {
        Some(q) if rest.len() >= 2 && rest.ends_with(q) => (i + 1, v.len() - 1),
        Some(_) => return None,
        None => (i, v.len()),
    };
    Some(Assignment {
        key,
        value: v.get(start..end)?,
        start,
        quoted: quote.is_some(),
    })
}

/// True when the key name says the value is not the credential itself.
fn key_disqualifies(key: &str, keywords: &[&str]) -> bool {
    let Some((kw_start, kw_len)) = keywords
        .iter()
        .filter_map(|k| key.rfind(k).map(|i| (i, k.len())))
        .max()
    else {
        return true;
    };
    let seg = |s: &str| {
        s.split(['_', '.', '-'])
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let after = seg(&key[kw_start + kw_len..]);
    let before = seg(&key[..kw_start]);
    after.iter().any(|s| KEY_SUFFIXES.contains(&s.as_str()))
        || before
            .last()
            .is_some_and(|s| KEY_PREFIXES.contains(&s.as_str()))
}

/// The value is code, a path or a URL rather than a literal secret.
fn looks_like_code(a: &Assignment<'_>, after: &str) -> bool {
    let v = a.value;
    if v.starts_with(['/', '~', '$', '%', '@', '&', '.'])
        || v.starts_with("http://")
        || v.starts_with("https://")
        || v.contains(' ')
    {
        return true;
    }
    if !a.quoted {
        // `self.password`, `getPassword()`, `String`, `os.environ[...]`.
        if after.starts_with(['(', '.', '[', '<']) {
            return true;
        }
        let identifier = v.split('.').all(|p| {
            p.bytes()
                .next()
                .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
                && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        });
        let has_digit = v.bytes().any(|b| b.is_ascii_digit());
        if identifier && (v.contains('.') || !has_digit) {
            return true;
        }
    }
    false
}

/// Character classes present: lower, upper, digit, other.
fn classes(v: &str) -> usize {
    let b = v.as_bytes();
    [
        b.iter().any(u8::is_ascii_lowercase),
        b.iter().any(u8::is_ascii_uppercase),
        b.iter().any(u8::is_ascii_digit),
        b.iter().any(|x| !x.is_ascii_alphanumeric()),
    ]
    .iter()
    .filter(|x| **x)
    .count()
}

fn distinct(v: &str) -> usize {
    let mut seen = [false; 128];
    v.bytes()
        .filter(|&b| !std::mem::replace(&mut seen[usize::from(b & 0x7F)], true))
        .count()
}

const PASSWORD_KEYS: &[&str] = &[
    "password",
    "passwort",
    "passwd",
    "pwd",
    "kennwort",
    "passcode",
    "passphrase",
    "motdepasse",
    "mot_de_passe",
    "contrasena",
    "senha",
    "haslo",
    "wachtwoord",
    "parola",
];
const SECRET_KEYS: &[&str] = &[
    "secret",
    "token",
    "apikey",
    "api_key",
    "api-key",
    "accesskey",
    "access_key",
    "access-key",
    "authkey",
    "auth_key",
    "auth-key",
    "privatekey",
    "private_key",
    "private-key",
    "signingkey",
    "signing_key",
    "signing-key",
    "encryptionkey",
    "encryption_key",
    "encryption-key",
    "masterkey",
    "master_key",
    "master-key",
    "credential",
];

/// Keys that name a secret only when they are the whole key: `"key": "…"`, `?key=…`,
/// `Schlüssel: …`, `Geheimnis: …`, `jeton : …`. Inside a longer name `key` is a sort key, a
/// primary key or a keyboard, so these are not looked for as parts of names.
const WHOLE_SECRET_KEYS: &[&str] = &[
    "key",
    "schlüssel",
    "schluessel",
    "geheimnis",
    "sleutel",
    "klucz",
    "chiave",
    "chave",
    "clé",
    "cle",
    "segreto",
    "secreto",
    "segredo",
    "sekret",
    "jeton",
    // `.npmrc`'s `_auth` (base64 of `user:password`).
    "_auth",
];

/// Common checks of both assignment rules; returns the parsed assignment when it may be a
/// secret: its key holds one of `keys`, or is one of `whole`.
fn assignment<'a>(c: &Candidate<'a>, keys: &[&str], whole: &[&str]) -> Option<Assignment<'a>> {
    if !key_may_mention(c, keys, whole) {
        return None;
    }
    let mut a = split_assignment(c.value())?;
    if a.key.is_empty() {
        // The key name stands right before the match (after an opening quote or `--`).
        a.key = key_before(c.preceding())?;
    }
    let is_whole = whole.contains(&a.key.as_str());
    if !is_whole && !keys.iter().any(|k| a.key.contains(k)) {
        return None;
    }
    if (!is_whole && key_disqualifies(&a.key, keys))
        || placeholder(a.value)
        || super::documented_fake(a.value)
    {
        return None;
    }
    Some(a)
}

/// What follows the value of `a` in the text (after its closing quote).
fn after_value<'a>(c: &Candidate<'a>, a: &Assignment<'_>) -> &'a str {
    let after = &c.text[c.start + a.start + a.value.len()..];
    if a.quoted {
        &after[1..]
    } else {
        after
    }
}

/// The value is a literal, not code, and not a run of one or two characters repeated.
fn literal(c: &Candidate<'_>, a: &Assignment<'_>) -> bool {
    !looks_like_code(a, after_value(c, a)) && distinct(a.value) >= 4
}

/// The key name that ends right before a match, lower-cased, in the ASCII spelling of
/// [`PASSWORD_KEYS`]: after an opening quote or `--`, and also a key of the languages that
/// write it with a letter beyond ASCII (`hasło`, `contraseña`) or in three words with a
/// space before the colon (`mot de passe :`). `None` when no key stands there.
fn key_before(preceding: &str) -> Option<String> {
    let before = super::super::tail(preceding, 80);
    // French typography's space before a colon.
    let before = before
        .strip_suffix([' ', '\t'])
        .filter(|b| b.ends_with(|ch: char| ch.is_alphanumeric()))
        .unwrap_or(before);
    let ident = |ch: char| ch.is_alphanumeric() || matches!(ch, '_' | '.' | '-');
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, ch)| ident(ch))
        .last()?
        .0;
    let key: String = before[start..]
        .lower()
        .chars()
        .map(|ch| match ch {
            'ł' => 'l',
            'ñ' => 'n',
            _ => ch,
        })
        .collect();
    let mut words = before[..start].split_whitespace().rev();
    if key == "passe"
        && words.next().is_some_and(|w| w.eq_ignore_ascii_case("de"))
        && words.next().is_some_and(|w| w.eq_ignore_ascii_case("mot"))
    {
        return Some("mot_de_passe".to_string());
    }
    Some(worded_key(&key, &before[..start]).map_or(key, str::to_string))
}

/// Last words of a key written as words in a sentence or a form (`API key:`, `clé API :`,
/// `chiave API:`, `API-Schlüssel:`, `token de acceso:`), in ASCII: [`key_may_mention`] lets
/// a key ending in one of them through to [`key_before`], which reads the words before it.
const WORDED_KEY_ENDS: &[&str] = &[
    "key",
    "api",
    "api-sleutel",
    "api-klucz",
    "acceso",
    "accesso",
    "acesso",
];

/// The key that a label written as words means ([`SECRET_KEYS`] spelling), from its last word
/// `key` (lower-cased) and the text before it: "API key" and its translations are `api_key`,
/// "secret/access/private key" and "geheimer Schlüssel" are `secret_key`, `access_key`,
/// `private_key`, and a label with `token`/`jeton` among its last three words is `token`.
fn worded_key(key: &str, before: &str) -> Option<&'static str> {
    let prev: Vec<String> = before
        .split_whitespace()
        .rev()
        .take(3)
        .map(|w| w.trim_matches(|ch: char| !ch.is_alphanumeric()).lower())
        .collect();
    let prev = |i: usize| prev.get(i).map_or("", String::as_str);
    let api_word = |w: &str| {
        matches!(
            w,
            "clé" | "cle" | "chiave" | "klucz" | "clave" | "chave" | "sleutel" | "schlüssel"
        )
    };
    match key {
        "key" | "schlüssel" | "sleutel" | "klucz" | "chiave" | "clave" | "chave" | "clé" => {
            match prev(0) {
                "api" => Some("api_key"),
                "secret" | "geheimer" | "geheime" => Some("secret_key"),
                "access" => Some("access_key"),
                "private" => Some("private_key"),
                _ => None,
            }
        }
        "api-key" | "api-schlüssel" | "api-sleutel" | "api-klucz" => Some("api_key"),
        // `clé API`, `chiave API`, `klucz API`, `clave de API`, `chave da API`, `clé d'API`.
        "api" | "d'api" if api_word(prev(0)) => Some("api_key"),
        "api" | "d'api"
            if matches!(prev(0), "de" | "da" | "do" | "di" | "d") && api_word(prev(1)) =>
        {
            Some("api_key")
        }
        _ if (0..3).any(|i| matches!(prev(i), "token" | "jeton")) => Some("token"),
        _ => None,
    }
}

/// A quick, allocation-free look at the key name (in the match or right before it): false
/// only when it certainly holds none of `keys`. In source code nearly every `name: Type` is a
/// candidate, so this runs far more often than the full check.
fn key_may_mention(c: &Candidate<'_>, keys: &[&str], whole: &[&str]) -> bool {
    let mut buf = [0u8; 64];
    let Some(lower) = lower_key(c, &mut buf) else {
        return true;
    };
    // The first byte decides most windows without a call to memcmp (a twentieth of the scan of
    // source code went there).
    keys.iter().any(|k| {
        let k = k.as_bytes();
        lower.windows(k.len()).any(|w| w[0] == k[0] && w == k)
    }) || lower == b"passe"
        || WORDED_KEY_ENDS.iter().any(|k| k.as_bytes() == lower)
        || whole.iter().any(|k| k.as_bytes() == lower)
}

/// The key name (in the match or right before it), lower-cased into `buf`; `None` when it is
/// longer than `buf`.
fn lower_key<'b>(c: &Candidate<'_>, buf: &'b mut [u8; 64]) -> Option<&'b [u8]> {
    let ident = |x: &&u8| x.is_ascii_alphanumeric() || matches!(x, b'_' | b'.' | b'-');
    let v = c.value().as_bytes();
    let n = v.iter().take_while(ident).count();
    let key = if n > 0 {
        &v[..n]
    } else {
        let mut before = c.preceding().as_bytes();
        if let [rest @ .., b' ' | b'\t'] = before {
            before = rest;
        }
        let k = before.iter().rev().take(64).take_while(ident).count();
        // A key with a letter beyond ASCII (`hasło`) is read in full by `key_before`.
        if k < 64 && before.len() > k && before[before.len() - k - 1] >= 0x80 {
            return None;
        }
        &before[before.len() - k..]
    };
    let lower = buf.get_mut(..key.len())?;
    for (d, s) in lower.iter_mut().zip(key) {
        *d = s.to_ascii_lowercase();
    }
    Some(lower)
}

/// Keys too short to look for inside longer names (`pw` in `pwm_channel`, `pass` in
/// `bypass`): only a key that is one of these, or ends in one after `_`, `-` or `.`
/// (`DB_PASS`, `smtp.pass`), counts.
const WHOLE_PASSWORD_KEYS: &[&str] = &["pw", "mdp", "pass"];
/// Keys of a PIN: its value is four to eight digits, which no other password key accepts.
const WHOLE_PIN_KEYS: &[&str] = &["pin", "pincode", "pin_code", "pin-code", "pin.code"];

/// `pw: Tr0ub4dor&3`, `PIN: 4821`, `"pin_code": "4821"`: a whole short key and its value.
/// `None` when the key is none of them, so the long keys are tried next.
fn whole_key_assignment(c: &Candidate<'_>) -> Option<Verdict> {
    let mut buf = [0u8; 64];
    let key = lower_key(c, &mut buf)?;
    let pin = WHOLE_PIN_KEYS.iter().any(|k| k.as_bytes() == key);
    let whole = |k: &&str| {
        key.strip_suffix(k.as_bytes())
            .is_some_and(|head| matches!(head, [] | [.., b'_' | b'-' | b'.']))
    };
    if !pin && !WHOLE_PASSWORD_KEYS.iter().any(whole) {
        return None;
    }
    let a = split_assignment(c.value())?;
    let v = a.value;
    if pin {
        return Some(if pin_shaped(v) {
            span(&a)
        } else {
            Verdict::Reject
        });
    }
    if placeholder(v) || super::documented_fake(v) {
        return Some(Verdict::Reject);
    }
    // `pass` is also a test's count (`pass: 3`) and a word of prose: no bare-letter value.
    let words = (!key.ends_with(b"pass"))
        .then(|| passphrase(c, &a))
        .flatten();
    Some(match words {
        Some(v) => v,
        None if password_shaped(v) => span(&a),
        None => Verdict::Reject,
    })
}

/// A PIN: four to eight digits (pins of a board in code are one or two: `pin: 13`).
fn pin_shaped(v: &str) -> bool {
    (4..=8).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_digit())
}

/// What every password rule asks of a value: 6–128 characters in two classes at least, not
/// all letters.
fn password_shaped(v: &str) -> bool {
    (6..=128).contains(&v.len()) && classes(v) >= 2 && !v.bytes().all(|b| b.is_ascii_alphabetic())
}

/// Score, in hundredths, of a value under a secret's key that has a provider's shape
/// ([`provider_owned`]): reported, under a key that the provider's own rule checked.
const PROVIDER_SHAPED: u8 = 60;

/// The value of `a` as the finding. A value with a provider's shape is the provider rule's to
/// name: when that rule takes it, it scores higher and wins the overlap; when it turns the
/// value away (a broken checksum, a cut copy, a token format newer than the rule), the key
/// still says it is a secret, so it is reported here, lowered, instead of going out.
fn span(a: &Assignment<'_>) -> Verdict {
    value_span(a.start, a.value)
}

/// `value`, at `start` of the match, as the finding ([`span`]).
fn value_span(start: usize, value: &str) -> Verdict {
    let end = start + value.len();
    if provider_owned(value) {
        Verdict::LoweredSpan {
            start,
            end,
            percent: PROVIDER_SHAPED,
        }
    } else {
        Verdict::Span {
            start,
            end,
            check: None,
        }
    }
}

/// A match that ends at the opening quote of its value ([`ASSIGNMENT`], `password-stated`),
/// widened to the closing quote: the value is one to `max` bytes of printable ASCII without
/// that quote (nor a backslash, unless `backslash`), as the pattern held it before it stopped
/// at the opening quote. `None` when no such value closes there; the match itself when it has
/// no quote to read past.
fn through_quote<'a>(c: &Candidate<'a>, backslash: bool, max: usize) -> Option<Candidate<'a>> {
    let Some(&quote) = c.value().as_bytes().last() else {
        return Some(*c);
    };
    if !matches!(quote, b'"' | b'\'') {
        return Some(*c);
    }
    let rest = &c.text.as_bytes()[c.end..];
    let len = rest
        .iter()
        .take(max.saturating_add(1))
        .take_while(|&&b| (0x20..=0x7E).contains(&b) && b != quote && (backslash || b != b'\\'))
        .count();
    ((1..=max).contains(&len) && rest.get(len) == Some(&quote)).then_some(Candidate {
        end: c.end + len + 1,
        ..*c
    })
}

/// [`password-assignment`](RULES): its value read to the closing quote, then judged.
fn password_assigned(c: &Candidate<'_>) -> Verdict {
    through_quote(c, false, usize::MAX).map_or(Verdict::Reject, |c| password_assignment(&c))
}

/// [`generic-secret`](RULES): its value read to the closing quote, then judged.
fn generic_assigned(c: &Candidate<'_>) -> Verdict {
    through_quote(c, false, usize::MAX).map_or(Verdict::Reject, |c| generic_secret(&c))
}

fn password_assignment(c: &Candidate<'_>) -> Verdict {
    if let Some(v) = whole_key_assignment(c) {
        return v;
    }
    let Some(a) = assignment(c, PASSWORD_KEYS, &[]) else {
        return Verdict::Reject;
    };
    // An all-letter value only under a key that is the password itself (`DB_PASSWORD`, not
    // `password_backend`). Tried first: `sonnenblume.` is letters and a full stop.
    if PASSWORD_KEYS.iter().any(|k| a.key.ends_with(k)) {
        if let Some(v) = passphrase(c, &a) {
            return v;
        }
    }
    if password_shaped(a.value) && literal(c, &a) {
        span(&a)
    } else {
        Verdict::Reject
    }
}

/// Values in lower-case letters that a password key takes in documentation, schemas and
/// forms without being a password: types, states of a field, where it comes from, and the
/// default passwords of well-known images and tools (seven letters or more; shorter values
/// are no passphrase). Words in the eight languages.
const NOT_PASSPHRASES: &str = concat!(
    "boolean unknown integer decimal varchar datetime timestamp securestring optional ",
    "required nullable readonly private protected mandatory expired invalid missing disabled ",
    "enabled unchanged changed incorrect correct provided supplied generated random prompted ",
    "interactive keyring keychain environment inherit inherited ignored omitted removed ",
    "deprecated obsolete automatic accepted rejected verified mismatch default encrypted ",
    "hashed hidden masked unused locked unlocked forgotten sensitive plaintext cleartext ",
    "notset changeit vagrant raspberry postgres administrator elastic welcome letmein ",
    "unbekannt erforderlich verborgen versteckt abgelaufen gesperrt obligatoire facultatif ",
    "desconocido requerido obligatorio opcional sconosciuto obbligatorio facoltativo ",
    "nascosto onbekend verplicht optioneel verlopen nieznane wymagane opcjonalne ",
    "desconhecido obrigatorio ",
);

/// A passphrase of lower-case letters alone (`password: correcthorsebatterystaple`,
/// `Passwort: sonnenblume`, `pw=trustno`), which [`password_shaped`] turns away: seven to 64
/// letters, not a word the key takes in documentation ([`NOT_PASSPHRASES`]; placeholders
/// are checked by the caller), and the whole value of its line: `password: prompts for it`
/// is prose, `password: string;` a type. A sentence's full stop after it is not part of it.
fn passphrase(c: &Candidate<'_>, a: &Assignment<'_>) -> Option<Verdict> {
    let v = if a.quoted {
        a.value
    } else {
        a.value.strip_suffix('.').unwrap_or(a.value)
    };
    let after = &c.text[c.start + a.start + v.len()..];
    let after = if a.quoted { &after[1..] } else { after };
    let after = after.trim_start_matches([' ', '\t', '.']);
    let ends = after.is_empty()
        || after.starts_with(['\n', '\r', '#'])
        || (a.quoted && after.starts_with([',', '}', ';']));
    let ok = (7..=64).contains(&v.len())
        && v.bytes().all(|b| b.is_ascii_lowercase())
        && distinct(v) >= 4
        && ends
        && !NOT_PASSPHRASES.split(' ').any(|w| w == v);
    ok.then_some(Verdict::Span {
        start: a.start,
        end: a.start + v.len(),
        check: None,
    })
}

/// Key words of a password stated in prose, lower-cased; a phrase is matched word by word
/// backwards from its last word.
const STATED_PASSWORD_KEYS: &[&[&str]] = &[
    &["password"],
    &["passwords"],
    &["passwort"],
    &["kennwort"],
    &["passwd"],
    &["pw"],
    &["pwd"],
    &["passcode"],
    &["passphrase"],
    &["pin"],
    &["mot", "de", "passe"],
    &["mdp"],
    &["contraseña"],
    &["contrasena"],
    &["clave"],
    &["wachtwoord"],
    &["hasło"],
    &["haslo"],
    &["senha"],
];

/// Key words of an API key, a token or a secret stated in a sentence ("my API key is X",
/// "mein API-Key ist X", "la mia chiave API è X", "le jeton d'accès est X"). Their value must
/// look random ([`random_key_shaped`]): "the token is expired" states none. (`clave` is a
/// password word already.)
const STATED_SECRET_KEYS: &[&[&str]] = &[
    &["api", "key"],
    &["api-key"],
    &["apikey"],
    &["token"],
    &["secret"],
    &["api-schlüssel"],
    &["api", "schlüssel"],
    &["schlüssel"],
    &["zugangstoken"],
    &["clé"],
    &["cle"],
    &["jeton"],
    &["chiave"],
    &["api-sleutel"],
    &["sleutel"],
    &["klucz"],
    &["chave"],
];

/// Whether the last words before a verb (`words`, last first, lower-cased) hold one of `keys`.
fn stated_key(words: &[String], keys: &[&[&str]]) -> bool {
    (0..words.len()).any(|i| {
        keys.iter().any(|key| {
            key.iter()
                .rev()
                .enumerate()
                .all(|(k, w)| words.get(i + k).is_some_and(|x| x == w))
        })
    })
}

/// "my password is X": the key words stand in the four words before the verb, within the
/// sentence; the value is the quoted text or the bare token after the verb. A key of an API
/// key or a token ([`STATED_SECRET_KEYS`]) takes a value that looks random.
fn password_stated(c: &Candidate<'_>) -> Verdict {
    // The quoted value as the pattern held it: 1 to 128 bytes, a backslash among them.
    let Some(c) = &through_quote(c, true, 128) else {
        return Verdict::Reject;
    };
    let before = super::super::tail(c.preceding(), 80);
    // `è`/`é` have no `\b` in the pattern: inside a word (`caffè 2024`) they are no verb.
    if c.value().starts_with(['è', 'é']) && !before.ends_with([' ', '\t']) {
        return Verdict::Reject;
    }
    let sentence = before
        .rsplit(['.', '!', '?', '\n', ';'])
        .next()
        .unwrap_or("");
    let words: Vec<String> = sentence
        .split_whitespace()
        .rev()
        .take(4)
        .map(|w| w.trim_matches(|ch: char| !ch.is_alphanumeric()).lower())
        .collect();
    let password = stated_key(&words, STATED_PASSWORD_KEYS);
    if !password && !stated_key(&words, STATED_SECRET_KEYS) {
        return Verdict::Reject;
    }
    let v = c.value();
    let Some(gap) = v.find([' ', '\t']) else {
        return Verdict::Reject;
    };
    let rest = &v[gap..];
    let start = gap + (rest.len() - rest.trim_start().len());
    let raw = &v[start..];
    let (start, value) = match raw.as_bytes().first() {
        Some(b'"' | b'\'') => (start + 1, &raw[1..raw.len() - 1]),
        // A sentence's own punctuation after the value is not part of it.
        _ => (start, raw.trim_end_matches(['.', ',', ';', ')', ':'])),
    };
    if value.chars().count() < 4 || placeholder(value) || value.starts_with(['$', '%', '{', '<']) {
        return Verdict::Reject;
    }
    if !password && !random_key_shaped(value) {
        return Verdict::Reject;
    }
    if password {
        value_span(start, value)
    } else {
        key_span(c, start, value)
    }
}

/// "password Tr0ub4dor&3", "PIN 4821": a PIN key takes four to eight digits, any other key
/// a value of six characters or more with a digit and another class, or three classes.
fn password_labelled(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some(gap) = v.find([' ', '\t']) else {
        return Verdict::Reject;
    };
    let pin = v[..gap].eq_ignore_ascii_case("pin");
    let start = gap + (v[gap..].len() - v[gap..].trim_start().len());
    // A sentence's own punctuation after the value is not part of it; a password's `!` may
    // be, a PIN's never.
    let value = v[start..].trim_end_matches(['.', ',', ';', ')', ':']);
    let value = if pin {
        value.trim_end_matches(['!', '?'])
    } else {
        value
    };
    let ok = if pin {
        pin_shaped(value)
    } else {
        // Without a separator the key word may be a word of a list (`pwd  _asyncio` in a
        // list of modules): a digit, or three classes, says password.
        password_shaped(value)
            && (classes(value) >= 3 || value.bytes().any(|b| b.is_ascii_digit()))
            && !placeholder(value)
            && !super::documented_fake(value)
            && !value.starts_with(['$', '%', '{', '<', '-', '=', '_', '.', '/'])
    };
    if !ok {
        return Verdict::Reject;
    }
    Verdict::Span {
        start,
        end: start + value.len(),
        check: None,
    }
}

/// Words before `key` that make a hex value a secret key rather than a public key's id or
/// fingerprint (`GPG key 4AEE18F83AFDEB23`, `signing key …`).
const SECRET_KEY_ADJECTIVES: &[&str] = &[
    "api",
    "secret",
    "access",
    "private",
    "master",
    "encryption",
    "auth",
    "my",
    "our",
];

/// "access token tF7s…", "bearer 8JJN…", "my key 2jUs…": the value after the key word
/// ([`secret-labelled`](RULES)) must look generated. A value that starts like a path, an
/// option or a URL is none; a hex value after `key` needs a word saying the key is secret.
fn secret_labelled(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some(gap) = v.find([' ', '\t']) else {
        return Verdict::Reject;
    };
    let word = &v[..gap];
    let start = gap + (v[gap..].len() - v[gap..].trim_start().len());
    // A sentence's own punctuation after the value is not part of it.
    let value = v[start..].trim_end_matches(['.', ',', ';', ')', ':']);
    if !value.starts_with(|ch: char| ch.is_ascii_alphanumeric())
        || value.contains("//")
        || !random_key_shaped(value)
        || joined_words(value)
        // A provider's token is its rule's to take or turn away (a documentation token in
        // `Authorization: token gho_…`); with no key, a token that fails its check stays out.
        || provider_owned(value)
        || placeholder(value)
        || super::documented_fake(value)
    {
        return Verdict::Reject;
    }
    let hex_body = value
        .strip_prefix("0x")
        .or_else(|| value.strip_prefix("0X"))
        .unwrap_or(value);
    if word.eq_ignore_ascii_case("key") && hex_body.bytes().all(|b| b.is_ascii_hexdigit()) {
        let prev = c
            .preceding()
            .split_whitespace()
            .next_back()
            .map(|w| w.trim_matches(|ch: char| !ch.is_alphanumeric()).lower())
            .unwrap_or_default();
        if !SECRET_KEY_ADJECTIVES.contains(&prev.as_str()) {
            return Verdict::Reject;
        }
    }
    key_span(c, start, value)
}

/// How many bytes past `end` (relative to the match) a generated key runs on when a terminal
/// or a mail client broke it over two lines: a line break right after it, then a line that
/// is one token of a key's characters with a letter and a digit (`API key: 8JJNq4Cx…\n
/// …2ZtVbR7m`). 0 when the value ends there.
fn wrapped_tail(c: &Candidate<'_>, end: usize) -> usize {
    if FIRST_MODULE {
        return 0;
    }
    let rest = &c.text[c.start + end..];
    let Some(next) = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))
    else {
        return 0;
    };
    let line = next.split(['\n', '\r']).next().unwrap_or("");
    let b = line.as_bytes();
    let body = line.trim_end_matches('=');
    let keyish = body
        .bytes()
        .all(|x| x.is_ascii_alphanumeric() || matches!(x, b'_' | b'-' | b'+' | b'/'));
    let generated = b.iter().any(u8::is_ascii_digit) && b.iter().any(u8::is_ascii_alphabetic);
    if (4..=512).contains(&line.len())
        && keyish
        && generated
        && (line.len() < 12 || random_enough(line))
    {
        rest.len() - next.len() + line.len()
    } else {
        0
    }
}

/// `value` at `start` of the match as the finding ([`value_span`]), with the rest of a key
/// that a line break cut ([`wrapped_tail`]) when the value looks generated.
fn key_span(c: &Candidate<'_>, start: usize, value: &str) -> Verdict {
    let end = start + value.len();
    let more = if random_key_shaped(value) {
        wrapped_tail(c, end)
    } else {
        0
    };
    match value_span(start, value) {
        Verdict::Span { check, .. } => Verdict::Span {
            start,
            end: end + more,
            check,
        },
        v => v,
    }
}

/// Words between a verb and a key word that deny the statement ("X is not my password").
const NEGATIONS: &[&str] = &[
    "not", "nicht", "kein", "keine", "pas", "no", "non", "niet", "nie", "geen",
];

/// "Tr0ub4dor&3 is my password", "8JJN… as the bearer": the key words end the match
/// ([`secret-named-after`](RULES)); the value is the token right before the verb, alone on
/// its side of the sentence (after a line start, punctuation, a quote or `use`). A password
/// key takes a value with a digit or a symbol ([`password_shaped`]), any other key a
/// generated-looking value ([`random_key_shaped`]).
/// The verbs of [`secret-named-after`](RULES), lower-cased.
const NAMING_VERBS: &[&str] = &[
    "is", "ist", "est", "es", "as", "als", "to", "jest", "como", "come", "è", "é",
];

fn secret_named_after(c: &Candidate<'_>) -> Verdict {
    // The key word, then up to three words and the verb before it, on the same line.
    let line = line_before(c, 200);
    let mut words: Vec<String> = vec![c.value().lower()];
    let mut verb_at = None;
    let mut rest = line;
    for _ in 0..4 {
        let trimmed = rest.trim_end_matches([' ', '\t']);
        if trimmed.len() == rest.len() && !words.is_empty() && rest.len() != line.len() {
            break;
        }
        let start = trimmed.rfind([' ', '\t']).map_or(0, |i| i + 1);
        let word = &trimmed[start..];
        if word.is_empty() {
            break;
        }
        let lower = word.lower();
        if NAMING_VERBS.contains(&lower.as_str()) {
            verb_at = Some(c.start - (line.len() - start));
            break;
        }
        // `c'est`: the verb after the `c'`, which the value's reading skips.
        if lower == "c'est" {
            verb_at = Some(c.start - (line.len() - start) + 2);
            break;
        }
        if !word
            .chars()
            .all(|ch| ch.is_alphabetic() || matches!(ch, '\'' | '-'))
        {
            return Verdict::Reject;
        }
        words.push(lower);
        rest = &trimmed[..start];
    }
    let Some(verb_at) = verb_at else {
        return Verdict::Reject;
    };
    if words.iter().any(|w| NEGATIONS.contains(&w.as_str())) {
        return Verdict::Reject;
    }
    let key = |keys: &[&[&str]]| {
        keys.iter().any(|k| {
            k.iter()
                .rev()
                .enumerate()
                .all(|(i, w)| words.get(i).is_some_and(|x| x == w))
        })
    };
    let password = key(STATED_PASSWORD_KEYS);
    if !password && !key(STATED_SECRET_KEYS) && words[0] != "bearer" {
        return Verdict::Reject;
    }
    // The value: the token before the verb, inside quotes or backticks if any; the French
    // `c'` of `c'est` stands between.
    let tail = super::super::tail(&c.text[..verb_at], 600);
    let before = tail.trim_end_matches([' ', '\t']);
    let before = before
        .strip_suffix("c'")
        .or_else(|| before.strip_suffix("C'"))
        .map_or(before, |b| b.trim_end_matches([' ', '\t']));
    let inner = before.strip_suffix(['`', '"', '\'']).unwrap_or(before);
    let token = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&*+-./:=?@^_|~".contains(&b);
    let len = inner.bytes().rev().take_while(|&b| token(b)).count();
    let value = &inner[inner.len() - len..];
    let ahead = inner[..inner.len() - len].trim_end_matches(['`', '"', '\'', '(']);
    // The value opens its clause: a line start, punctuation or a verb of use before it, not
    // a word whose object it is ("the release 2.0.1-rc4 is the key").
    let ahead = ahead.trim_end_matches([' ', '\t']);
    let last_word = ahead.rsplit([' ', '\t']).next().unwrap_or("").lower();
    let opens = ahead.is_empty()
        || ahead.ends_with(['\n', '\r', ':', '.', '!', '?', ';', ',', '-', '>', '(', '*'])
        || matches!(
            last_word.as_str(),
            "use" | "try" | "set" | "utilise" | "utilisez" | "nimm" | "verwende" | "usa"
        );
    if len == 0 || !opens || placeholder(value) || super::documented_fake(value) {
        return Verdict::Reject;
    }
    let ok = if password {
        if words[0] == "pin" {
            pin_shaped(value)
        } else {
            password_shaped(value)
                && value.bytes().any(|b| !b.is_ascii_alphabetic())
                && !value.starts_with(['$', '%', '-', '=', '_', '.', '/'])
        }
    } else {
        random_key_shaped(value) && !joined_words(value) && !value.contains("//")
    };
    if !ok {
        return Verdict::Reject;
    }
    // Every slice above is a prefix of `tail`, which ends at the verb.
    let value_start = verb_at - tail.len() + inner.len() - len;
    Verdict::Before {
        before: c.start - value_start,
        len,
    }
}

/// Last parts of an environment variable's name that name a credential only in that
/// spelling (`STRIPE_KEY`, `NPM_AUTH`, `GITHUB_PAT`): in lower case `_key` is a sort key or a
/// cache key as often.
const ENV_KEY_ENDS: &[&str] = &["_KEY", "_AUTH", "_PAT"];

/// Parts before `_KEY` that name a key which is no secret: public halves, site keys shown to
/// every visitor, and keys of data (`CACHE_KEY`, `SORT_KEY`, `S3_OBJECT_KEY`).
const ENV_KEY_NOT_SECRET: &[&str] = &[
    "PUBLIC",
    "PUB",
    "PUBLISHABLE",
    "SITE",
    "CACHE",
    "SORT",
    "PARTITION",
    "PRIMARY",
    "FOREIGN",
    "ROW",
    "OBJECT",
    "IDEMPOTENCY",
    "LOOKUP",
    "STORAGE",
    "DEDUP",
    "MESSAGE",
    "ROUTING",
    "SHARD",
    "GROUP",
    "I18N",
    "TRANSLATION",
    "LOCALE",
];

/// `export BACKEND_KEY=…`, `SENDGRID_KEY=…`, `os.environ['OPENAI_KEY'] = '…'`: an upper-case
/// variable name ending in [`ENV_KEY_ENDS`], as environment files and shells write a
/// credential. The key name is the one right before the separator (or the line's own).
fn env_key_assignment<'a>(c: &Candidate<'a>) -> Option<Assignment<'a>> {
    let in_match = c
        .value()
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    let raw = if in_match > 0 {
        &c.value()[..in_match]
    } else {
        let before = c
            .preceding()
            .strip_suffix([' ', '\t'])
            .unwrap_or(c.preceding());
        let before = before.strip_suffix(['"', '\'']).unwrap_or(before);
        let n = before
            .bytes()
            .rev()
            .take(64)
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count();
        &before[before.len() - n..]
    };
    let end = ENV_KEY_ENDS.iter().find(|e| raw.ends_with(**e))?;
    let name = &raw[..raw.len() - end.len()];
    if name.is_empty()
        || !raw
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        || name
            .rsplit('_')
            .next()
            .is_some_and(|last| ENV_KEY_NOT_SECRET.contains(&last))
    {
        return None;
    }
    let a = split_assignment(c.value())?;
    // A provider's token under such a name is its rule's (`GEOIPUPDATE_LICENSE_KEY=…_mmk`).
    (!placeholder(a.value) && !super::documented_fake(a.value) && !provider_owned(a.value))
        .then_some(a)
}

/// [`secret-after-arrow`](RULES): a password under a password key, else a key's value.
///
/// The match starts at the arrow, dash or bar; the validators read it from where the key's
/// quote, `]` and spaces begin (`"token" -> X`), as a match of [`ASSIGNMENT`] does. A dash or
/// a bar needs a space before it (`a-b c` is a word).
fn secret_after_arrow(c: &Candidate<'_>) -> Verdict {
    let b = c.text.as_bytes();
    let mut start = c.start;
    while start > 0 && matches!(b[start - 1], b' ' | b'\t') {
        start -= 1;
    }
    if start == c.start && matches!(b[c.start], b'-' | b'|') && !c.value().starts_with("->") {
        return Verdict::Reject;
    }
    if start > 0 && b[start - 1] == b']' {
        start -= 1;
    }
    if start > 0 && matches!(b[start - 1], b'"' | b'\'') {
        start -= 1;
    }
    let wide = Candidate { start, ..*c };
    let shift = c.start - start;
    let verdict = match password_assignment(&wide) {
        Verdict::Reject => generic_secret(&wide),
        v => v,
    };
    // The spans are relative to the match: back from the widened start to the real one.
    match verdict {
        Verdict::Span { start, end, check } if start >= shift => Verdict::Span {
            start: start - shift,
            end: end - shift,
            check,
        },
        Verdict::LoweredSpan {
            start,
            end,
            percent,
        } if start >= shift => Verdict::LoweredSpan {
            start: start - shift,
            end: end - shift,
            percent,
        },
        Verdict::Span { .. } | Verdict::LoweredSpan { .. } => Verdict::Reject,
        v => v,
    }
}

fn generic_secret(c: &Candidate<'_>) -> Verdict {
    let Some(a) = assignment(c, SECRET_KEYS, WHOLE_SECRET_KEYS)
        .or_else(|| (!FIRST_MODULE).then(|| env_key_assignment(c)).flatten())
        .filter(|a| literal(c, a))
    else {
        return Verdict::Reject;
    };
    // A bare `key` names a translation string or a setting as often as a secret: its value
    // must not be words joined by separators (`user-settings-v2`).
    let whole = WHOLE_SECRET_KEYS.contains(&a.key.as_str());
    if random_key_shaped(a.value) && !(whole && joined_words(a.value)) {
        key_span(c, a.start, a.value)
    } else {
        Verdict::Reject
    }
}

/// Two parts or more of three lower-case letters or more, joined by separators
/// (`user-settings-v2`, `app.main_title`): a name someone wrote, not a generated key.
fn joined_words(v: &str) -> bool {
    v.split(['-', '_', '.', '/', ':'])
        .filter(|p| p.len() >= 3 && p.bytes().all(|b| b.is_ascii_lowercase()))
        .count()
        >= 2
}

/// A value that looks like a generated key: 16–512 characters, random enough, a digit or
/// three character classes, not all digits, and not dictionary words joined by separators
/// (`bert-base-uncased` is a name, not a key).
fn random_key_shaped(v: &str) -> bool {
    let wordy = v
        .split(['-', '_', '.', '/', ':'])
        .all(|p| p.bytes().all(|b| b.is_ascii_lowercase()));
    let has_digit_or_case = v.bytes().any(|b| b.is_ascii_digit()) || classes(v) >= 3;
    (16..=512).contains(&v.len())
        && random_enough(v)
        && !wordy
        && has_digit_or_case
        && !v.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `password-stated`'s reader takes the quoted value its pattern held (1 to 128 bytes of
    /// printable ASCII without the quote, a backslash allowed), on values built by code of
    /// every length around the bounds, with the other quote, a backslash, a line end and a
    /// character outside ASCII inside.
    #[test]
    fn a_stated_value_is_read_to_its_quote_as_the_pattern_held_it() {
        use regex_automata::{Anchored, Input};
        let held = crate::matcher::Matcher::new(
            &[r#"(?x) " [\x20\x21\x23-\x7E]{1,128} " | ' [\x20-\x26\x28-\x7E]{1,128} '"#],
            Default::default(),
        )
        .unwrap();
        let fill = ["a", "\\", "'", "\"", " ", "\n", "é", "7"];
        let mut seed = 0x6A09_E667_F3BC_C909u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut read = 0;
        for _ in 0..20_000 {
            let quote = ["\"", "'"][next(2)];
            let mut text = format!("my password is {quote}");
            for _ in 0..[0, 1, 5, 127, 128, 129, 130][next(7)] {
                // Mostly letters, so values reach the bounds.
                text.push_str(if next(40) == 0 {
                    fill[next(fill.len())]
                } else {
                    "a"
                });
            }
            text.push_str([quote, "", " x"][next(3)]);
            let at = "my password is ".len();
            let input = Input::new(&text).range(at..).anchored(Anchored::Yes);
            let old = held.search(&input).map(|m| m.end());
            let c = Candidate {
                text: &text,
                start: at - 3,
                end: at + 1,
            };
            let new = through_quote(&c, true, 128).map(|c| c.end);
            read += usize::from(old.is_some());
            assert_eq!(old, new, "{text:?}");
        }
        assert!(read > 5_000, "{read}");
    }

    #[test]
    fn splits_separator_and_value() {
        let a = split_assignment(r#" = "s3cr3t!x""#).unwrap();
        assert_eq!(a.value, "s3cr3t!x");
        assert!(a.quoted);
        let a = split_assignment("=abc123").unwrap();
        assert_eq!((a.value, a.quoted), ("abc123", false));
        let a = split_assignment(r#"": 'x y'"#).unwrap();
        assert_eq!((a.value, a.quoted), ("x y", true));
        assert!(split_assignment("abc").is_none());
        let a = split_assignment("password = hunter2!").unwrap();
        assert_eq!((a.key.as_str(), a.value), ("password", "hunter2!"));
    }

    /// The candidate of `pattern`'s first match in `text`, as the engine would hand it over.
    fn first_match<'a>(pattern: &str, text: &'a str) -> Candidate<'a> {
        let m =
            crate::matcher::Matcher::new(&[pattern], crate::matcher::Options::default()).unwrap();
        let m = m
            .search(&regex_automata::Input::new(text))
            .expect("a match");
        Candidate {
            text,
            start: m.start(),
            end: m.end(),
        }
    }

    #[test]
    fn quoted_values_are_read_past_the_match() {
        // The match stops at the opening quote; the value is read on to the closing one.
        let text = r#"db_password = "Tr0ub4dor&3x" # prod"#;
        let c = first_match(ASSIGNMENT, text);
        assert_eq!(c.value(), r#" = ""#);
        let Verdict::Span { start, end, .. } = password_assigned(&c) else {
            panic!("the quoted password is found");
        };
        assert_eq!(&text[c.start + start..c.start + end], "Tr0ub4dor&3x");
        let text = r#"{"api_key": 'q8ZtR2vX9mLp4NwK7sYb'}"#;
        let c = first_match(ASSIGNMENT, text);
        let Verdict::Span { start, end, .. } = generic_assigned(&c) else {
            panic!("the quoted key is found");
        };
        assert_eq!(
            &text[c.start + start..c.start + end],
            "q8ZtR2vX9mLp4NwK7sYb"
        );
        // A value the pattern's quoted branch never held: not closed on its line, empty, with
        // a backslash or a character beyond ASCII.
        for text in [
            "password = \"Tr0ub4dor&3x\n\"",
            r#"password = """#,
            r#"password = "Tr0ub\4dor&3x""#,
            r#"password = "Tr0ub4dör&3x""#,
        ] {
            let c = first_match(ASSIGNMENT, text);
            assert_eq!(password_assigned(&c), Verdict::Reject, "{text:?}");
        }
    }

    #[test]
    fn key_names_that_are_not_credentials() {
        assert!(key_disqualifies("password_reset_url", PASSWORD_KEYS));
        assert!(key_disqualifies("max_tokens", SECRET_KEYS));
        assert!(key_disqualifies("csrf_token", SECRET_KEYS));
        assert!(!key_disqualifies("db_password", PASSWORD_KEYS));
        assert!(!key_disqualifies("github_token", SECRET_KEYS));
    }

    #[test]
    fn der_lengths() {
        let mut der = vec![0x30, 0x82, 0x01, 0x00];
        der.extend(std::iter::repeat_n(7u8, 256));
        assert!(der_length_ok(&der));
        der.push(0);
        assert!(!der_length_ok(&der));
    }
}
