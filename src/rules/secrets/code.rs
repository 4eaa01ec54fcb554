//! Code hosting, package registries and CI: GitHub, GitLab, Bitbucket, npm, PyPI, RubyGems,
//! NuGet, Docker Hub, Terraform Cloud, CircleCI, Sourcegraph, SonarQube, Snyk, Sidekiq.

use super::codec::{base62_crc_ok, base64_decode};
use super::{
    hex_of, keyed, keyed_value, secret, token_ok, with_prefixes, Candidate, RuleDef, Verdict,
    PREFIXED,
};
use crate::rules::Words;

const GITHUB: Words = words!["github", "gh_token", "github_token"];
const GITLAB: Words = words!["gitlab", "gitlab_token"];

/// A GitLab token rule: the prefix is the kind.
const fn gitlab(id: &'static str, pattern: &'static str) -> RuleDef {
    secret(id, pattern, gitlab_token, PREFIXED, GITLAB)
}

/// Every rule of this family, in priority order.
pub(crate) static RULES: &[RuleDef] = &[
    // Classic GitHub tokens: 30 random base62 characters and the base62 CRC-32 of them.
    with_prefixes(
        secret(
            "github-pat-classic",
            r"\bghp_[A-Za-z0-9]+",
            github_crc,
            PREFIXED,
            GITHUB,
        ),
        &["ghp_"],
    ),
    with_prefixes(
        secret(
            "github-oauth-token",
            r"\bgho_[A-Za-z0-9]+",
            github_crc,
            PREFIXED,
            GITHUB,
        ),
        &["gho_"],
    ),
    with_prefixes(
        secret(
            "github-user-token",
            r"\bghu_[A-Za-z0-9]+",
            github_crc,
            PREFIXED,
            GITHUB,
        ),
        &["ghu_"],
    ),
    with_prefixes(
        secret(
            "github-server-token",
            // Since April 2026 also stateless: `ghs_<app id>_<JWT>` (GitHub, "Generating an
            // installation access token for a GitHub App").
            r"\bghs_[A-Za-z0-9]+(?:_eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)?",
            github_crc,
            PREFIXED,
            GITHUB,
        ),
        &["ghs_"],
    ),
    with_prefixes(
        secret(
            "github-refresh-token",
            r"\bghr_[A-Za-z0-9]+",
            github_crc,
            PREFIXED,
            GITHUB,
        ),
        &["ghr_"],
    ),
    with_prefixes(
        secret(
            "github-pat-fine-grained",
            r"\bgithub_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]+",
            github_fine_grained,
            PREFIXED,
            GITHUB,
        ),
        &["github_pat_"],
    ),
    with_prefixes(
        gitlab("gitlab-pat", r"\bglpat-[A-Za-z0-9_.\-]+"),
        &["glpat-"],
    ),
    with_prefixes(
        gitlab("gitlab-deploy-token", r"\bgldt-[A-Za-z0-9_.\-]+"),
        &["gldt-"],
    ),
    with_prefixes(
        gitlab("gitlab-runner-token", r"\bglrt-[A-Za-z0-9_.\-]+"),
        &["glrt-"],
    ),
    with_prefixes(
        gitlab("gitlab-ci-job-token", r"\bglcbt-[A-Za-z0-9_.\-]+"),
        &["glcbt-"],
    ),
    with_prefixes(
        gitlab("gitlab-pipeline-trigger-token", r"\bglptt-[A-Za-z0-9_.\-]+"),
        &["glptt-"],
    ),
    with_prefixes(
        gitlab("gitlab-feed-token", r"\bglft-[A-Za-z0-9_.\-]+"),
        &["glft-"],
    ),
    with_prefixes(
        gitlab("gitlab-incoming-mail-token", r"\bglimt-[A-Za-z0-9_.\-]+"),
        &["glimt-"],
    ),
    with_prefixes(
        gitlab("gitlab-agent-token", r"\bglagent-[A-Za-z0-9_.\-]+"),
        &["glagent-"],
    ),
    with_prefixes(
        gitlab("gitlab-oauth-app-secret", r"\bgloas-[A-Za-z0-9_.\-]+"),
        &["gloas-"],
    ),
    with_prefixes(
        gitlab("gitlab-scim-token", r"\bglsoat-[A-Za-z0-9_.\-]+"),
        &["glsoat-"],
    ),
    with_prefixes(
        gitlab("gitlab-feature-flag-token", r"\bglffct-[A-Za-z0-9_.\-]+"),
        &["glffct-"],
    ),
    with_prefixes(
        gitlab(
            "gitlab-runner-registration-token",
            r"\bGR1348941[A-Za-z0-9_\-]+",
        ),
        &["GR1348941"],
    ),
    with_prefixes(
        secret(
            "bitbucket-app-password",
            r"\bATBB[A-Za-z0-9_=.\-]+",
            bitbucket_app,
            PREFIXED,
            words!["bitbucket", "atlassian"],
        ),
        &["ATBB"],
    ),
    with_prefixes(
        secret(
            "bitbucket-access-token",
            r"\bATCTT3xFfGN0[A-Za-z0-9_=\-]+",
            bitbucket_access,
            PREFIXED,
            words!["bitbucket", "atlassian"],
        ),
        &["ATCTT3xFfGN0"],
    ),
    // npm granular and automation tokens use GitHub's scheme: 30 random + base62 CRC-32.
    with_prefixes(
        secret(
            "npm-access-token",
            r"\bnpm_[A-Za-z0-9]+",
            npm,
            PREFIXED,
            words!["npm", "npmrc", "npm_token", "_authtoken"],
        ),
        &["npm_"],
    ),
    // PyPI API tokens are macaroons: `pypi-` and the base64url of a version-2 macaroon.
    with_prefixes(
        secret(
            "pypi-api-token",
            r"\bpypi-AgE[A-Za-z0-9_\-]+",
            pypi,
            PREFIXED,
            words!["pypi", "twine", "pypirc"],
        ),
        &["pypi-"],
    ),
    with_prefixes(
        secret(
            "rubygems-api-key",
            r"\brubygems_[a-f0-9]+",
            rubygems,
            PREFIXED,
            words!["rubygems", "gem"],
        ),
        &["rubygems_"],
    ),
    // NuGet.org keys: `oy2` and 43 lower-case base32-like characters.
    with_prefixes(
        secret(
            "nuget-api-key",
            r"\boy2[a-z0-9]+\b",
            nuget,
            0.8,
            words!["nuget", "dotnet", "apikey"],
        ),
        &["oy2"],
    ),
    with_prefixes(
        secret(
            "dockerhub-pat",
            r"\bdckr_(?:pat|oat)_[A-Za-z0-9_\-]+",
            dockerhub,
            PREFIXED,
            words!["docker", "dockerhub", "docker hub"],
        ),
        &["dckr_pat_", "dckr_oat_"],
    ),
    // Terraform Cloud / Enterprise: 14 characters, `.atlasv1.`, then 60–70.
    secret(
        "terraform-cloud-token",
        r"\b[A-Za-z0-9]+\.atlasv1\.[A-Za-z0-9_=\-]+",
        terraform,
        PREFIXED,
        words!["terraform", "tfe_token", "atlas_token", "credentials"],
    ),
    with_prefixes(
        secret(
            "circleci-personal-token",
            r"\bCCIPAT_[A-Za-z0-9]{22}_[a-f0-9]+",
            circleci,
            PREFIXED,
            words!["circleci", "circle_token"],
        ),
        &["CCIPAT_"],
    ),
    keyed(
        "circleci-api-token-legacy",
        keyed!("circle", "[a-f0-9]+"),
        circleci_legacy,
    ),
    // Sourcegraph access tokens (Sourcegraph docs, "Revoking an access token": they start
    // with `sgp_`): `sgp_<16-hex instance id or local>_<40 hex>`, or the older `sgp_<40 hex>`.
    with_prefixes(
        secret(
            "sourcegraph-access-token",
            r"\bsgp_[A-Za-z0-9_]+",
            sourcegraph,
            PREFIXED,
            words!["sourcegraph", "src_access_token"],
        ),
        &["sgp_local_", "sgp_"],
    ),
    // SonarQube / SonarCloud tokens: `squ_` user, `sqp_` project, `sqa_` global analysis;
    // 40 hex digits.
    with_prefixes(
        secret(
            "sonarqube-token",
            r"\bsq[upa]_[a-f0-9]+\b",
            sonarqube,
            PREFIXED,
            words!["sonar", "sonarqube", "sonarcloud", "sonar_token"],
        ),
        &["squ_", "sqp_", "sqa_"],
    ),
    // Snyk API tokens are UUIDs: only after the provider's name.
    keyed("snyk-api-token", keyed!("snyk", r"[a-f0-9\-]+"), snyk),
    // Sidekiq Pro / Enterprise credentials for gems.contribsys.com, as Bundler reads them
    // from the environment: `BUNDLE_ENTERPRISE__CONTRIBSYS__COM=user:password` (8 hex each).
    secret(
        "sidekiq-credentials",
        r#"(?x) \b BUNDLE_ (?: ENTERPRISE | GEMS ) __CONTRIBSYS__COM ["']? [\ \t]* [:=] [\ \t]* ["']?
            [a-f0-9]+ : [a-f0-9]+ \b"#,
        sidekiq,
        PREFIXED,
        words!["sidekiq", "contribsys"],
    ),
];

fn github_crc(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    if let Some((app, jwt)) = v[4..].split_once('_') {
        return github_stateless(c, app, jwt);
    }
    let body = &v[4..];
    if body.len() == 36 {
        if token_ok(c, 4, 36, 36) && base62_crc_ok(body) {
            return Verdict::Checked("crc32");
        }
        return Verdict::Reject;
    }
    // Server-to-server and refresh tokens also come in longer, unchecked forms.
    if matches!(&v[..4], "ghs_" | "ghr_") && token_ok(c, 4, 40, 255) {
        return Verdict::Plausible;
    }
    Verdict::Reject
}

/// `ghs_<app id>_<JWT>`: a numeric app id and a JWT whose header is JSON naming its `alg`.
fn github_stateless(c: &Candidate<'_>, app: &str, jwt: &str) -> Verdict {
    let header = jwt.split('.').next().unwrap_or("");
    let header_ok = base64_decode(header)
        .is_some_and(|raw| raw.first() == Some(&b'{') && raw.windows(5).any(|w| w == b"\"alg\""));
    let parts = jwt.split('.').count();
    if !app.is_empty()
        && app.bytes().all(|b| b.is_ascii_digit())
        && parts == 3
        && header_ok
        && !c.after().is_some_and(|ch| ch.is_ascii_alphanumeric())
    {
        Verdict::Checked("jwt-header")
    } else {
        Verdict::Reject
    }
}

fn github_fine_grained(c: &Candidate<'_>) -> Verdict {
    super::token_verdict(c, 11, 82, 82)
}

fn gitlab_token(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let prefix = if v.starts_with("GR1348941") {
        9
    } else {
        v.find('-').map_or(v.len(), |i| i + 1)
    };
    // Sentence punctuation after a token is not part of it.
    let end = v.trim_end_matches(['.', '-', '_']).len();
    if end <= prefix {
        return Verdict::Reject;
    }
    match super::body_verdict(&v[prefix..end], 20, 120) {
        Verdict::Plausible => Verdict::Span {
            start: 0,
            end,
            check: None,
        },
        // Lowered spans the whole match: only when nothing was trimmed.
        lowered @ Verdict::Lowered { .. } if end == v.len() => lowered,
        _ => Verdict::Reject,
    }
}

prefixed!(bitbucket_app, 4, 28, 40);
prefixed!(bitbucket_access, 12, 100, 250);
prefixed!(rubygems, 9, 48, 48);
prefixed!(nuget, 3, 43, 43);
prefixed!(dockerhub, 9, 27, 36);
prefixed!(circleci, 7, 63, 63);

fn npm(c: &Candidate<'_>) -> Verdict {
    let body = &c.value()[4..];
    if token_ok(c, 4, 36, 36) && base62_crc_ok(body) {
        Verdict::Checked("crc32")
    } else {
        Verdict::Reject
    }
}

fn circleci_legacy(c: &Candidate<'_>) -> Verdict {
    keyed_value(c, super::hex, |v| hex_of(v, 40))
}

fn terraform(c: &Candidate<'_>) -> Verdict {
    if c.value().find('.') == Some(14) && token_ok(c, 23, 60, 70) {
        Verdict::Plausible
    } else {
        Verdict::Reject
    }
}

/// Reads a macaroon-v2 varint.
fn varint(b: &[u8], at: &mut usize) -> Option<usize> {
    let mut n: usize = 0;
    for shift in (0..35).step_by(7) {
        let x = *b.get(*at)?;
        *at += 1;
        n |= usize::from(x & 0x7F) << shift;
        if x & 0x80 == 0 {
            return Some(n);
        }
    }
    None
}

/// One macaroon-v2 field: `(type, payload)`, or `None` at an end-of-section byte.
fn field<'b>(b: &'b [u8], at: &mut usize) -> Option<Option<(u8, &'b [u8])>> {
    let kind = *b.get(*at)?;
    *at += 1;
    if kind == 0 {
        return Some(None);
    }
    let len = varint(b, at)?;
    let payload = b.get(*at..at.checked_add(len)?)?;
    *at += len;
    Some(Some((kind, payload)))
}

/// The binary macaroon format v2 (libmacaroons): version 2; a header with location (1) and
/// identifier (2); caveat sections; then a 32-byte signature (6). PyPI's location is
/// `pypi.org` or `test.pypi.org`.
fn macaroon_ok(b: &[u8]) -> bool {
    let parse = || -> Option<bool> {
        if *b.first()? != 2 {
            return Some(false);
        }
        let mut at = 1;
        let mut location_ok = false;
        let mut identifier = false;
        while let Some((kind, payload)) = field(b, &mut at)? {
            match kind {
                1 => location_ok = matches!(payload, b"pypi.org" | b"test.pypi.org"),
                2 => identifier = payload.len() >= 8,
                _ => return Some(false),
            }
        }
        // Caveat sections until an empty one.
        loop {
            let mut fields = 0;
            while let Some((kind, _)) = field(b, &mut at)? {
                if !matches!(kind, 1 | 2 | 4) {
                    return Some(false);
                }
                fields += 1;
            }
            if fields == 0 {
                break;
            }
        }
        let (kind, sig) = field(b, &mut at)??;
        Some(location_ok && identifier && kind == 6 && sig.len() == 32 && at == b.len())
    };
    parse().unwrap_or(false)
}

fn pypi(c: &Candidate<'_>) -> Verdict {
    let body = &c.value()[5..];
    match base64_decode(body) {
        Some(raw) if macaroon_ok(&raw) => Verdict::Checked("macaroon"),
        _ => Verdict::Reject,
    }
}

fn sourcegraph(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let parts: Vec<&str> = v[4..].split('_').collect();
    let secret = match parts.as_slice() {
        [secret] => *secret,
        [instance, secret]
            if *instance == "local"
                || (instance.len() == 16 && instance.bytes().all(super::hex)) =>
        {
            *secret
        }
        _ => return Verdict::Reject,
    };
    if secret.len() == 40 && secret.bytes().all(super::hex) && !super::glued_before(c) {
        super::token_verdict(c, v.len() - 40, 40, 40)
    } else {
        Verdict::Reject
    }
}

fn sonarqube(c: &Candidate<'_>) -> Verdict {
    if super::glued_before(c) {
        return Verdict::Reject;
    }
    super::token_verdict(c, 4, 40, 40)
}

/// A UUID (8-4-4-4-12 hex) that looks random.
pub(crate) fn random_uuid(v: &str) -> bool {
    let lens: Vec<usize> = v.split('-').map(str::len).collect();
    lens == [8, 4, 4, 4, 12]
        && super::random_enough(&v.replace('-', ""))
        && !super::documented_fake(v)
}

fn snyk(c: &Candidate<'_>) -> Verdict {
    keyed_value(c, |b| super::hex(b) || b == b'-', random_uuid)
}

fn sidekiq(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some(colon) = v.rfind(':') else {
        return Verdict::Reject;
    };
    let start = crate::rules::after_last(&v[..colon], |ch| !ch.is_ascii_hexdigit());
    let (user, password) = (&v[start..colon], &v[colon + 1..]);
    if user.len() == 8 && password.len() == 8 && super::random_enough(password) {
        Verdict::Span {
            start,
            end: v.len(),
            check: None,
        }
    } else {
        Verdict::Reject
    }
}
