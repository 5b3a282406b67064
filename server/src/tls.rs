//! The server's TLS: a certificate made at start-up (or read from PEM files), and the
//! rustls configuration every TLS handshake uses. The protocols decide when a connection
//! is encrypted; this only does the handshake they ask for.

use std::path::Path;
use std::sync::Arc;

use rustls::ServerConfig;
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};
use sha2::{Digest, Sha256};
use tokio_rustls::TlsAcceptor;

use facteur_protocols::class;

use crate::connection::HOSTNAME;
use crate::options::Certificate;

/// The names a made certificate is valid for: the server's own names (the demo world's and
/// the class's) and how a learner reaches it on this machine.
const NAMES: [&str; 4] = [HOSTNAME, class::HOST, "localhost", "127.0.0.1"];

pub struct Tls {
    pub acceptor: TlsAcceptor,
    /// SHA-256 of the leaf certificate, as browsers and `openssl x509 -fingerprint` show it.
    pub fingerprint: String,
    /// What to tell the learner about where the certificate came from.
    pub said: String,
}

impl Tls {
    pub fn new(source: &Certificate) -> Result<Tls, String> {
        let (chain, key, said) = match source {
            Certificate::Made { out } => {
                let (cert, signing_key) =
                    make().map_err(|e| format!("cannot make a certificate: {e}"))?;
                std::fs::write(out, cert.pem()).map_err(|e| {
                    format!("cannot write the certificate to {}: {e}", out.display())
                })?;
                let key = PrivateKeyDer::Pkcs8(signing_key.serialize_der().into());
                let said = format!(
                    "certificate for {} made and written to {} (self-signed: trust it once in your client)",
                    NAMES.join(", "),
                    out.display()
                );
                (vec![cert.der().clone()], key, said)
            }
            Certificate::Files { cert, key } => {
                let chain = read_chain(cert)?;
                let key = PrivateKeyDer::from_pem_file(key).map_err(|e| {
                    format!("cannot read a private key from {}: {e}", key.display())
                })?;
                (
                    chain,
                    key,
                    format!("certificate read from {}", cert.display()),
                )
            }
        };
        let fingerprint = fingerprint(&chain[0]);
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| e.to_string())?
            .with_no_client_auth()
            .with_single_cert(chain, key)
            .map_err(|e| format!("the certificate and key do not make a TLS server: {e}"))?;
        Ok(Tls {
            acceptor: TlsAcceptor::from(Arc::new(config)),
            fingerprint,
            said,
        })
    }
}

/// A self-signed certificate for [`NAMES`], named after the server so a client's warning
/// says whose it is.
fn make() -> Result<(rcgen::Certificate, rcgen::KeyPair), rcgen::Error> {
    let mut params = rcgen::CertificateParams::new(NAMES.map(String::from))?;
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, HOSTNAME);
    params.distinguished_name.push(
        rcgen::DnType::OrganizationName,
        "Facteur (a mail server for learning)",
    );
    let key = rcgen::KeyPair::generate()?;
    Ok((params.self_signed(&key)?, key))
}

fn read_chain(path: &Path) -> Result<Vec<CertificateDer<'static>>, String> {
    let chain = CertificateDer::pem_file_iter(path)
        .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
        .map_err(|e| format!("cannot read certificates from {}: {e}", path.display()))?;
    if chain.is_empty() {
        return Err(format!("{} holds no certificate", path.display()));
    }
    Ok(chain)
}

/// `AB:CD:…`: the SHA-256 of a certificate's DER, in the form clients display.
pub fn fingerprint(der: &[u8]) -> String {
    Sha256::digest(der)
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fingerprint_reads_like_a_clients() {
        // SHA-256 of the empty string, as openssl would print it.
        assert!(fingerprint(b"").starts_with("E3:B0:C4:42:98:FC:1C:14:"));
        assert_eq!(fingerprint(b"x").len(), 32 * 3 - 1);
    }

    #[test]
    fn a_made_certificate_is_written_and_serves() {
        let out = std::env::temp_dir().join(format!("facteur-tls-test-{}.pem", std::process::id()));
        let tls = Tls::new(&Certificate::Made { out: out.clone() }).expect("made");
        let pem = std::fs::read_to_string(&out).expect("written");
        assert!(pem.starts_with("-----BEGIN CERTIFICATE-----"));
        let der = CertificateDer::from_pem_slice(pem.as_bytes()).expect("one certificate");
        assert_eq!(fingerprint(&der), tls.fingerprint);
        // The same file read back with a key that is not its own is refused by name.
        let wrong = Certificate::Files {
            cert: out.clone(),
            key: out.clone(),
        };
        assert!(Tls::new(&wrong).is_err());
        let _ = std::fs::remove_file(out);
    }
}
