#!/usr/bin/env node
// Signs every unsigned credential of a folder with every suite (or the ones named), offline.
//
//   node sign.mjs OUT_DIR [--credentials DIR] [--suites a,b] [--created RFC3339]
//
// Suites: the Data Integrity ones (eddsa-rdfc-2022, ecdsa-rdfc-2019, eddsa-jcs-2022,
// Ed25519Signature2020) write OUT_DIR/<credential>.<suite>.json; the VC-JWT ones (vc-jwt-EdDSA,
// vc-jwt-ES256: OB 3.0 JWT proof format, typ JWT, kid = the did:key method) write
// OUT_DIR/<credential>.<suite>.jwt. Before signing, the issuer id (issuer.id, or issuer
// when it is a string) is replaced by the did:key of the suite's fixed key, so that the
// verification method's controller is the issuer. Keys are fixed (see lib/keys.mjs) and
// proof.created is fixed, so Ed25519 outputs are byte for byte reproducible; ECDSA signatures
// (WebCrypto) are randomised, so those files differ from run to run but always verify.
//
// Selective disclosure (ecdsa-sd-2023, P-256 key; lib/suites.mjs has the pointers):
//   node sign.mjs OUT_DIR --sd [--credentials DIR] [--created RFC3339]
//     writes OUT_DIR/<credential>.ecdsa-sd-2023-base.json (the issuer's base proof, for holders)
//     and OUT_DIR/<credential>.ecdsa-sd-2023.json (a disclosure derived from it, for verifiers);
//   node sign.mjs OUT_DIR --derive-from DIR [--selective /a,/b]
//     derives a disclosure from every base-proof .json of DIR (whoever signed it) into
//     OUT_DIR/<name>.derived.json.
// Exit code: 0 when every file was written, 1 on any failure (message on stderr).
import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {basename, dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';

import * as vc from '@digitalbazaar/vc';

import {ed25519Key, p256Key} from './lib/keys.mjs';
import {createDocumentLoader} from './lib/loader.mjs';
import {signVcJwt} from './lib/jwt.mjs';
import {JWT_FORMATS, SD_SELECTIVE_POINTERS, SIGNING_SUITES, sdBaseSuite, sdDeriveSuite} from './lib/suites.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_CREATED = '2026-01-01T00:00:00Z';
export const ALL_SUITES = [...Object.keys(SIGNING_SUITES), ...Object.keys(JWT_FORMATS)];

export function withIssuer(credential, did) {
  const copy = structuredClone(credential);
  if(typeof copy.issuer === 'string' || copy.issuer === undefined) {
    copy.issuer = did;
  } else {
    copy.issuer.id = did;
  }
  return copy;
}

/**
 * Signs one credential with one suite; returns the signed credential.
 * The key is `keyPair` when given, else the suite's fixed key from `keys` (default: lib/keys.mjs).
 * With `replaceIssuer` (the default) the issuer id becomes the key's controller first.
 */
export async function signCredential(credential, suiteName, {created = DEFAULT_CREATED, keys, keyPair,
  documentLoader, replaceIssuer = true} = {}) {
  const spec = SIGNING_SUITES[suiteName] || JWT_FORMATS[suiteName];
  if(!spec) {
    throw new Error(`unknown suite ${suiteName}; known: ${ALL_SUITES.join(', ')}`);
  }
  if(!keyPair) {
    keys = keys || {ed25519: await ed25519Key(), p256: await p256Key()};
    keyPair = keys[spec.key];
  }
  const unsigned = replaceIssuer ? withIssuer(credential, keyPair.controller) : structuredClone(credential);
  if(spec.alg) {
    return signVcJwt(unsigned, {keyPair, alg: spec.alg});
  }
  const suite = spec.create({keyPair, date: created});
  return vc.issue({credential: unsigned, suite, documentLoader: documentLoader || createDocumentLoader()});
}

/** Signs one credential with an ecdsa-sd-2023 base proof (issuer id replaced by the P-256 did:key). */
export async function signSelective(credential, {created = DEFAULT_CREATED, keyPair, documentLoader} = {}) {
  keyPair = keyPair || await p256Key();
  const suite = sdBaseSuite({keyPair, date: created});
  return vc.issue({credential: withIssuer(credential, keyPair.controller), suite,
    documentLoader: documentLoader || createDocumentLoader()});
}

/** Derives a disclosure from a credential with an ecdsa-sd-2023 base proof. */
export async function deriveSelective(baseSigned, {selectivePointers = SD_SELECTIVE_POINTERS, documentLoader} = {}) {
  return vc.derive({verifiableCredential: baseSigned, suite: sdDeriveSuite({selectivePointers}),
    documentLoader: documentLoader || createDocumentLoader()});
}

function write(target, json) {
  writeFileSync(target, JSON.stringify(json, null, 2) + '\n');
  console.log(target);
}

async function main() {
  const {values, positionals} = parseArgs({
    allowPositionals: true,
    options: {
      credentials: {type: 'string', default: join(HERE, 'credentials')},
      suites: {type: 'string', default: ALL_SUITES.join(',')},
      created: {type: 'string', default: DEFAULT_CREATED},
      sd: {type: 'boolean', default: false},
      'derive-from': {type: 'string'},
      selective: {type: 'string', default: SD_SELECTIVE_POINTERS.join(',')}
    }
  });
  if(positionals.length !== 1) {
    throw new Error('usage: node sign.mjs OUT_DIR [--credentials DIR] [--suites a,b] [--created RFC3339]');
  }
  const out = resolve(positionals[0]);
  mkdirSync(out, {recursive: true});
  const keys = {ed25519: await ed25519Key(), p256: await p256Key()};
  const documentLoader = createDocumentLoader();
  if(values['derive-from']) {
    const dir = values['derive-from'];
    const selectivePointers = values.selective.split(',').map(s => s.trim()).filter(Boolean);
    for(const file of readdirSync(dir).filter(f => f.endsWith('.json')).sort()) {
      const base = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      write(join(out, `${basename(file, '.json')}.derived.json`),
        await deriveSelective(base, {selectivePointers, documentLoader}));
    }
    return;
  }
  const files = readdirSync(values.credentials).filter(f => f.endsWith('.json')).sort();
  if(files.length === 0) {
    throw new Error(`no .json credentials in ${values.credentials}`);
  }
  for(const file of files) {
    const credential = JSON.parse(readFileSync(join(values.credentials, file), 'utf8'));
    if(values.sd) {
      let base;
      try {
        base = await signSelective(credential, {created: values.created, keyPair: keys.p256, documentLoader});
      } catch(e) {
        // jsonld.js cannot skolemize some documents (e.g. JSON-LD lists, as in resultDescription.allowedValue)
        console.error(`sign.mjs: ${file}: no ecdsa-sd-2023 base proof (${e.message}); skipped`);
        continue;
      }
      write(join(out, `${basename(file, '.json')}.ecdsa-sd-2023-base.json`), base);
      write(join(out, `${basename(file, '.json')}.ecdsa-sd-2023.json`), await deriveSelective(base, {documentLoader}));
      continue;
    }
    for(const suiteName of values.suites.split(',').map(s => s.trim()).filter(Boolean)) {
      const signed = await signCredential(credential, suiteName, {created: values.created, keys, documentLoader});
      const jwt = typeof signed === 'string';
      const target = join(out, `${basename(file, '.json')}.${suiteName}.${jwt ? 'jwt' : 'json'}`);
      writeFileSync(target, jwt ? signed + '\n' : JSON.stringify(signed, null, 2) + '\n');
      console.log(target);
    }
  }
}

if(process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch(e => {
    console.error(`sign.mjs: ${e && e.stack || e}`);
    process.exit(1);
  });
}
