-- Who may use Vigil: local users, their sessions, ingestion tokens and the audit log.
--
-- users and ingest_tokens are versioned like incident notes (MergeTree keyed by id and version,
-- each change a new row written with the deduplication token "<id>:<version>"), so a change made
-- on a stale version is refused and every change is kept. Passwords are stored only as scrypt
-- hashes, tokens only as SHA-256 digests (they are 32 random bytes: no dictionary to attack).

CREATE TABLE IF NOT EXISTS users
(
    username      String,
    version       UInt32,
    -- scrypt$N$r$p$salt$hash (base64url), never the password
    password_hash String,
    role          LowCardinality(String),
    -- data scope: empty means unrestricted on that dimension
    regions       Array(String),
    countries     Array(String),
    vendors       Array(String),
    disabled      UInt8,
    updated_by    String,
    updated_at    DateTime64(3, 'UTC')
)
ENGINE = MergeTree
ORDER BY (username, version)
SETTINGS non_replicated_deduplication_window = 10000;

-- A session is a random token in an HttpOnly cookie; only its SHA-256 is stored. Signing out
-- writes a second row with revoked = 1 (the larger value wins when the rows are read).
CREATE TABLE IF NOT EXISTS sessions
(
    session_hash String,
    username     String,
    created_at   DateTime64(3, 'UTC'),
    expires_at   DateTime('UTC'),
    revoked      UInt8,
    ip           String
)
ENGINE = ReplacingMergeTree(revoked)
ORDER BY session_hash;

CREATE TABLE IF NOT EXISTS ingest_tokens
(
    token_id    String,
    version     UInt32,
    name        String,
    token_hash  String,
    -- streams the token may push to; empty means every stream
    streams     Array(String),
    revoked     UInt8,
    created_by  String,
    updated_at  DateTime64(3, 'UTC')
)
ENGINE = MergeTree
ORDER BY (token_id, version)
SETTINGS non_replicated_deduplication_window = 10000;

-- When each token was last used (written at most once a minute per token).
CREATE TABLE IF NOT EXISTS ingest_token_uses
(
    token_id String,
    used_at  DateTime('UTC')
)
ENGINE = ReplacingMergeTree(used_at)
ORDER BY token_id;

-- Who did what, from where. Append-only; read newest first by admins.
CREATE TABLE IF NOT EXISTS audit_log
(
    at     DateTime64(3, 'UTC'),
    actor  String,
    action LowCardinality(String),
    target String,
    detail String,
    ip     String,
    ok     UInt8
)
ENGINE = MergeTree
ORDER BY at;
