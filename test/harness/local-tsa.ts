import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// A throwaway RFC 3161 time-stamping authority: a CA and a TSA certificate made with openssl in a
// temp dir at test time, and `openssl ts -reply` answering application/timestamp-query POSTs on
// 127.0.0.1. Nothing is kept after close().

const run = promisify(execFile);

export interface LocalTsa {
  url: string;
  dir: string;
  caFile: string;
  tsaCertFile: string;
  requests: number;
  /** Asks openssl itself to verify a response against the CA, for a digest given as hex. */
  opensslVerify(responseFile: string, digestHex: string): Promise<string>;
  reply(query: Uint8Array): Promise<Uint8Array>;
  close(): Promise<void>;
}

export async function startLocalTsa(): Promise<LocalTsa> {
  const dir = await mkdtemp(join(tmpdir(), 'pw-tsa-'));
  const at = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => run('openssl', args, { cwd: dir });
  await openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '30', '-subj', '/CN=PayWitness Test TSA CA');
  await openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'tsa.key', '-out', 'tsa.csr', '-subj', '/CN=PayWitness Test TSA');
  await writeFile(at('ext.cnf'), 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n');
  await openssl('x509', '-req', '-in', 'tsa.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'tsa.pem', '-days', '30', '-extfile', 'ext.cnf');
  await writeFile(at('serial'), '01\n');
  await writeFile(
    at('tsa.cnf'),
    `[ tsa ]\ndefault_tsa = tsa_config\n[ tsa_config ]\ndir = ${dir}\nserial = $dir/serial\nsigner_cert = $dir/tsa.pem\nsigner_key = $dir/tsa.key\n` +
      'signer_digest = sha256\ndefault_policy = 1.2.3.4.1\ndigests = sha256\naccuracy = secs:1\nordering = no\ntsa_name = no\ness_cert_id_chain = no\ness_cert_id_alg = sha256\n',
  );
  let counter = 0;
  const reply = async (query: Uint8Array) => {
    const n = ++counter;
    await writeFile(at(`q${n}.tsq`), query);
    await openssl('ts', '-reply', '-config', 'tsa.cnf', '-queryfile', `q${n}.tsq`, '-out', `r${n}.tsr`);
    return new Uint8Array(await readFile(at(`r${n}.tsr`)));
  };
  const tsa: LocalTsa = {
    url: '',
    dir,
    caFile: at('ca.pem'),
    tsaCertFile: at('tsa.pem'),
    requests: 0,
    reply,
    async opensslVerify(responseFile, digestHex) {
      const { stdout, stderr } = await openssl('ts', '-verify', '-digest', digestHex, '-in', responseFile, '-CAfile', 'ca.pem', '-untrusted', 'tsa.pem');
      return `${stdout}${stderr}`;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      tsa.requests++;
      if (req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query') {
        res.writeHead(400).end();
        return;
      }
      reply(new Uint8Array(Buffer.concat(chunks))).then(
        (body) => res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(body),
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  tsa.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
  return tsa;
}
