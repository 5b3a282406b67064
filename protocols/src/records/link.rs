//! What a shared link carries after its `#…=`: a value's JSON in base64url (RFC 4648 §5,
//! without padding), so the link holds it whole and no server ever sees it. Scenarios and
//! recorded dialogues travel this way.

use base64::Engine;
use serde::Serialize;

const BASE64URL: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// A value as a link's fragment: its JSON in base64url.
pub fn encode(value: &impl Serialize) -> String {
    BASE64URL.encode(serde_json::to_string(value).unwrap_or_default())
}

/// The JSON a fragment carries, or why it is not base64url (a link cut or mistyped).
pub fn decode(fragment: &str) -> Result<Vec<u8>, String> {
    BASE64URL
        .decode(fragment.trim().trim_end_matches('='))
        .map_err(|e| e.to_string())
}
