/**
 * Encrypted HTTP bodies (EHBP over HPKE, RFC 9180): DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM, base
 * mode; key configurations as in RFC 9458 §3.2. HPKE itself comes from BouncyCastle; this package adds the key
 * configuration encoding, the chunk framing of request and response bodies and the response key derivation.
 * The wire format is described in {@code docs/ehbp.md}.
 */
package dev.e2ee.crypto.ehbp;
