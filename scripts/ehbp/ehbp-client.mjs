#!/usr/bin/env node
// An EHBP client written independently of the Java code, from RFC 9180 and docs/ehbp.md, with Node's crypto only
// (X25519, HMAC-SHA256, AES-256-GCM). Used by scripts/e2e.sh to walk the API through the gateway:
//
//   node scripts/ehbp/ehbp-client.mjs walk GATEWAY_URL API_KEY
//
// keys -> token -> create prompt -> read it (encrypted GET) -> envelope -> process -> a tampered body (400); one
// JSON line per step, exit 1 if any step failed. The prompt text, secret and result it used are appended to the
// file named by E2E_MARKERS_FILE (if set), so that scripts/e2e.sh can look for them in a capture of the traffic.
import crypto from 'node:crypto';
import fs from 'node:fs';

const KEM_SUITE = Buffer.from([0x4b, 0x45, 0x4d, 0x00, 0x20]);                              // "KEM" 0x0020
const HPKE_SUITE = Buffer.from([0x48, 0x50, 0x4b, 0x45, 0x00, 0x20, 0x00, 0x01, 0x00, 0x02]); // "HPKE" kem kdf aead
const te = (s) => Buffer.from(s, 'ascii');
const hmac = (key, data) => crypto.createHmac('sha256', key.length ? key : Buffer.alloc(32)).update(data).digest();
const labeledExtract = (suite, salt, label, ikm) => hmac(salt, Buffer.concat([te('HPKE-v1'), suite, te(label), ikm]));
const expand = (prk, info, len) => hmac(prk, Buffer.concat([info, Buffer.from([1])])).subarray(0, len);
const labeledExpand = (suite, prk, label, info, len) =>
  expand(prk, Buffer.concat([Buffer.from([0, len]), te('HPKE-v1'), suite, te(label), info]), len);

function rawX25519Public(keyObject) {
  return keyObject.export({ format: 'der', type: 'spki' }).subarray(-32);
}
function x25519PublicFromRaw(raw) {
  const prefix = Buffer.from('302a300506032b656e032100', 'hex');
  return crypto.createPublicKey({ key: Buffer.concat([prefix, raw]), format: 'der', type: 'spki' });
}
function gcm(mode, key, nonce, data) {
  if (mode === 'seal') {
    const c = crypto.createCipheriv('aes-256-gcm', key, nonce);
    return Buffer.concat([c.update(data), c.final(), c.getAuthTag()]);
  }
  const d = crypto.createDecipheriv('aes-256-gcm', key, nonce);
  d.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([d.update(data.subarray(0, data.length - 16)), d.final()]);
}
function xorSeq(nonce, seq) {
  const out = Buffer.from(nonce);
  for (let b = 0; b < 6; b++) out[out.length - 1 - b] ^= Math.floor(seq / 2 ** (8 * b)) & 0xff;
  return out;
}

/** Parses application/ohttp-keys and returns the first X25519/HKDF-SHA256/AES-256-GCM public key. */
function firstKey(body) {
  let i = 0;
  while (i < body.length) {
    const len = body.readUInt16BE(i); const cfg = body.subarray(i + 2, i + 2 + len); i += 2 + len;
    if (cfg.readUInt16BE(1) !== 0x0020) continue;
    const pk = cfg.subarray(3, 35); const suites = cfg.readUInt16BE(35);
    for (let s = 0; s < suites; s += 4) {
      if (cfg.readUInt16BE(37 + s) === 1 && cfg.readUInt16BE(39 + s) === 2) return pk;
    }
  }
  throw new Error('no usable key configuration');
}

function setupSender(pkR) {
  const eph = crypto.generateKeyPairSync('x25519');
  const enc = rawX25519Public(eph.publicKey);
  const dh = crypto.diffieHellman({ privateKey: eph.privateKey, publicKey: x25519PublicFromRaw(pkR) });
  const eaePrk = labeledExtract(KEM_SUITE, Buffer.alloc(0), 'eae_prk', dh);
  const shared = labeledExpand(KEM_SUITE, eaePrk, 'shared_secret', Buffer.concat([enc, pkR]), 32);
  const ctx = Buffer.concat([Buffer.from([0]),
    labeledExtract(HPKE_SUITE, Buffer.alloc(0), 'psk_id_hash', Buffer.alloc(0)),
    labeledExtract(HPKE_SUITE, Buffer.alloc(0), 'info_hash', te('ehbp request'))]);
  const secret = labeledExtract(HPKE_SUITE, shared, 'secret', Buffer.alloc(0));
  return {
    enc,
    key: labeledExpand(HPKE_SUITE, secret, 'key', ctx, 32),
    baseNonce: labeledExpand(HPKE_SUITE, secret, 'base_nonce', ctx, 12),
    exporter: labeledExpand(HPKE_SUITE, secret, 'exp', ctx, 32),
  };
}

function frame(ct) { const len = Buffer.alloc(4); len.writeUInt32BE(ct.length); return Buffer.concat([len, ct]); }

function openResponse(s, nonceHex, body) {
  const nonce = Buffer.from(nonceHex, 'hex');
  const secret = labeledExpand(HPKE_SUITE, s.exporter, 'sec', te('ehbp response'), 32);
  const prk = hmac(Buffer.concat([s.enc, nonce]), secret);
  const key = expand(prk, te('key'), 32); const iv = expand(prk, te('nonce'), 12);
  const out = []; let i = 0; let seq = 0;
  while (i < body.length) {
    const len = body.readUInt32BE(i); out.push(gcm('open', key, xorSeq(iv, seq++), body.subarray(i + 4, i + 4 + len)));
    i += 4 + len;
  }
  return Buffer.concat(out);
}

let pkR = null;
async function keys(base) {
  const r = await fetch(base + '/.well-known/hpke-keys');
  if (r.status !== 200 || r.headers.get('content-type') !== 'application/ohttp-keys') throw new Error('keys: ' + r.status);
  pkR = firstKey(Buffer.from(await r.arrayBuffer()));
}

/** One encrypted exchange; bodyless methods go as POST + X-HTTP-Method-Override. Returns {status, body}. */
async function call(base, method, path, json, headers = {}, tamper = false) {
  const s = setupSender(pkR);
  const plaintext = Buffer.from(json === undefined ? '' : JSON.stringify(json), 'utf8');
  // Two chunks (sequence numbers 0 and 1), as a streaming client would send them; empty bodies have none.
  const half = Math.ceil(plaintext.length / 2);
  const chunks = plaintext.length ? [plaintext.subarray(0, half), plaintext.subarray(half)].filter((c) => c.length) : [];
  let body = Buffer.concat(chunks.map((c, i) => frame(gcm('seal', s.key, xorSeq(s.baseNonce, i), c))));
  if (tamper === 'last') { body[body.length - 1] ^= 1; }
  if (tamper === 'first') { body[5] ^= 1; }
  const h = { ...headers, 'Ehbp-Encapsulated-Key': s.enc.toString('hex'), 'Content-Type': 'application/json' };
  let m = method;
  if (json === undefined && method !== 'POST') { h['X-HTTP-Method-Override'] = method; m = 'POST'; }
  const r = await fetch(base + path, { method: m, headers: h, body });
  const raw = Buffer.from(await r.arrayBuffer());
  const nonce = r.headers.get('ehbp-response-nonce');
  if (!nonce) {
    if (r.status < 300) throw new Error(`${method} ${path}: success without a sealed body`);
    return { status: r.status, body: raw.toString('utf8'), sealed: false };
  }
  return { status: r.status, body: openResponse(s, nonce, raw).toString('utf8'), sealed: true };
}

const step = (name, ok, detail) => { console.log(JSON.stringify({ step: name, ok, detail })); if (!ok) process.exitCode = 1; };

async function walk(base, apiKey) {
  const text = 'independent client prompt ' + crypto.randomBytes(12).toString('hex');
  const secret = 'independent-secret-' + crypto.randomBytes(12).toString('hex');
  if (process.env.E2E_MARKERS_FILE) fs.appendFileSync(process.env.E2E_MARKERS_FILE, text + '\n' + secret + '\n');
  await keys(base);
  step('keys', true, 'first key ' + pkR.toString('hex').slice(0, 8));
  const token = await call(base, 'POST', '/api/v1/auth/token', { apiKey });
  step('token', token.status === 200 && token.sealed, token.status);
  const auth = { Authorization: 'Bearer ' + JSON.parse(token.body).accessToken };
  const created = await call(base, 'POST', '/api/v1/prompts', { promptText: text, secret }, auth);
  step('create prompt', created.status === 201 && created.sealed, created.status);
  const id = JSON.parse(created.body).id;
  const read = await call(base, 'GET', '/api/v1/prompts/' + id, undefined, auth);
  step('read prompt (encrypted GET)', read.status === 200 && JSON.parse(read.body).promptText === text, read.status);
  const envelope = await call(base, 'POST', '/api/v1/envelopes', { promptId: id, secret }, auth);
  step('create envelope', envelope.status === 201 && envelope.sealed, envelope.status);
  const env = JSON.parse(envelope.body); delete env.status;
  const processed = await call(base, 'POST', '/api/v1/prompts/process', { envelope: env }, auth);
  const result = processed.status === 200 ? JSON.parse(processed.body).response.result : '';
  step('process envelope', processed.sealed && result.includes(text), processed.status);
  if (process.env.E2E_MARKERS_FILE) fs.appendFileSync(process.env.E2E_MARKERS_FILE, result + '\n');
  const tampered = await call(base, 'POST', '/api/v1/prompts', { promptText: text, secret }, auth, 'last');
  step('tampered body refused with 400', tampered.status === 400 && !tampered.sealed, tampered.status);
  // A first chunk that opens under no key cannot be told from a stale key (X25519): 422 key-config, per EHBP.
  const stale = await call(base, 'POST', '/api/v1/prompts', { promptText: text, secret }, auth, 'first');
  step('first chunk opening under no key gives 422 key-config',
    stale.status === 422 && JSON.parse(stale.body).type === 'urn:ietf:params:ehbp:error:key-config', stale.status);
}

const [cmd, base, apiKey] = process.argv.slice(2);
if (cmd !== 'walk' || !base || !apiKey) {
  console.error('usage: ehbp-client.mjs walk GATEWAY_URL API_KEY');
  process.exit(2);
}
walk(base.replace(/\/$/, ''), apiKey).catch((e) => { step('exception', false, String(e.message)); });
