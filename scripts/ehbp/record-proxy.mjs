#!/usr/bin/env node
// A TCP recorder in front of the gateway: every byte in both directions of every connection is appended to a file,
// as an on-path observer (a TLS-terminating proxy, a sidecar, a WAF) would see it after TLS.
//
//   node scripts/ehbp/record-proxy.mjs LISTEN_PORT TARGET_HOST:TARGET_PORT CAPTURE_FILE
import fs from 'node:fs';
import net from 'node:net';

const [listenPort, target, captureFile] = process.argv.slice(2);
if (!listenPort || !target || !captureFile) {
  console.error('usage: record-proxy.mjs LISTEN_PORT TARGET_HOST:TARGET_PORT CAPTURE_FILE');
  process.exit(2);
}
const [host, port] = target.split(':');
const capture = fs.createWriteStream(captureFile, { flags: 'a' });

net.createServer((client) => {
  const upstream = net.connect(Number(port), host);
  client.on('data', (d) => { capture.write(d); upstream.write(d); });
  upstream.on('data', (d) => { capture.write(d); client.write(d); });
  client.on('end', () => upstream.end());
  upstream.on('end', () => client.end());
  client.on('error', () => upstream.destroy());
  upstream.on('error', () => client.destroy());
}).listen(Number(listenPort), '127.0.0.1', () => console.log(`recording 127.0.0.1:${listenPort} -> ${target}`));
