/** Envelope v2, at-rest envelope encryption, RSA keys, JWKs and keyrings. Plain Java: no Spring. */
package dev.e2ee.crypto;
