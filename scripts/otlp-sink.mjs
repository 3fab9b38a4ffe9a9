#!/usr/bin/env node
// An OpenTelemetry collector stand-in for scripts/e2e.sh: accepts OTLP/HTTP span exports (POST /v1/traces,
// http/protobuf) and appends every raw body to a file, so the end-of-run scan can look for confidential values in
// exactly what the services exported (span names and attribute values are plain UTF-8 inside the protobuf).
//
//   node scripts/otlp-sink.mjs LISTEN_PORT SPANS_FILE
import fs from 'node:fs';
import http from 'node:http';

const [listenPort, spansFile] = process.argv.slice(2);
if (!listenPort || !spansFile) {
  console.error('usage: otlp-sink.mjs LISTEN_PORT SPANS_FILE');
  process.exit(2);
}
const spans = fs.createWriteStream(spansFile, { flags: 'a' });
let exports = 0;

http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (d) => chunks.push(d));
  req.on('end', () => {
    if (req.method === 'POST' && req.url === '/v1/traces') {
      spans.write(Buffer.concat(chunks));
      exports += 1;
      res.writeHead(200, { 'Content-Type': 'application/x-protobuf' }).end();
    } else {
      res.writeHead(404).end();
    }
  });
}).listen(Number(listenPort), '127.0.0.1', () => console.log(`otlp sink on 127.0.0.1:${listenPort} -> ${spansFile}`));

process.on('SIGTERM', () => { console.log(`${exports} exports`); spans.end(() => process.exit(0)); });
