#!/usr/bin/env node
// Verifies credentials (JSON with an embedded proof, or a compact VC-JWT) offline, one JSON line
// per file:
//   {"file": "...", "verified": true|false, "error": "..."}
//
//   node verify.mjs [--proof-only] [--docs DOCS.json] [--now RFC3339] FILE|DIR...
//
// Default mode: @digitalbazaar/vc verifyCredential (credential checks, the proof, and that the
// verification method's controller is the issuer and lists it under assertionMethod).
// --proof-only: jsonld-signatures verify with a bare assertionMethod purpose (the signature and
// the proof purpose only; no issuer binding), for vectors whose issuer is not the key's
// controller. --docs serves extra documents (URL -> JSON object), e.g. a verification method.
// A file whose text does not start with "{" is taken as a compact VC-JWT (lib/jwt.mjs: jose for
// the JWS, did:key kid, issuer binding, OB 3.0 claim rules, @digitalbazaar/vc credential checks).
// A document with several proofs (a proof set) is verified only when every proof verifies.
// Exit code 0 whatever the outcomes; 1 only when the harness itself fails (bad usage, ...).
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';

import * as vc from '@digitalbazaar/vc';
import jsigs from 'jsonld-signatures';

import {verifyVcJwt} from './lib/jwt.mjs';
import {createDocumentLoader} from './lib/loader.mjs';
import {verifyingSuites} from './lib/suites.mjs';

const {purposes: {ProofPurpose}} = jsigs;

function describe(error) {
  if(!error) {
    return '';
  }
  const errors = Array.isArray(error) ? error : (error.errors || [error]);
  return errors.map(e => {
    const message = (e && (e.message || e.name)) || String(e);
    const cause = e && e.details && e.details.cause && e.details.cause.message;
    return cause ? `${message} (cause: ${cause})` : message;
  }).join('; ');
}

/** Verifies one compact VC-JWT; resolves to {verified, error}. Never throws. */
export async function verifyJwt(compact, {documentLoader, now} = {}) {
  try {
    await verifyVcJwt(compact.trim(), {documentLoader: documentLoader || createDocumentLoader(), now: now || new Date()});
    return {verified: true, error: ''};
  } catch(e) {
    return {verified: false, error: describe(e) || String(e)};
  }
}

/** Verifies one parsed credential; resolves to {verified, error}. Never throws. */
export async function verifyCredential(credential, {proofOnly = false, documentLoader, now} = {}) {
  try {
    documentLoader = documentLoader || createDocumentLoader();
    const suite = verifyingSuites();
    let result;
    if(proofOnly) {
      result = await jsigs.verify(credential, {
        suite, documentLoader, purpose: new ProofPurpose({term: 'assertionMethod'})
      });
    } else {
      result = await vc.verifyCredential({credential, suite, documentLoader, now});
    }
    // jsonld-signatures calls a document verified when SOME proof verifies; we want every proof of
    // a proof set to verify.
    const all = result.verified && (result.results || []).every(r => r.verified);
    if(all) {
      return {verified: true, error: ''};
    }
    const reasons = [describe(result.error)];
    for(const r of result.results || []) {
      if(!r.verified) {
        reasons.push(describe(r.error));
      }
    }
    return {verified: false, error: [...new Set(reasons.filter(Boolean))].join('; ') || 'not verified'};
  } catch(e) {
    return {verified: false, error: describe(e) || String(e)};
  }
}

function expand(paths) {
  const files = [];
  for(const p of paths) {
    if(statSync(p).isDirectory()) {
      files.push(...readdirSync(p).filter(f => f.endsWith('.json') || f.endsWith('.jwt')).sort().map(f => join(p, f)));
    } else {
      files.push(p);
    }
  }
  return files;
}

async function main() {
  const {values, positionals} = parseArgs({
    allowPositionals: true,
    options: {
      'proof-only': {type: 'boolean', default: false},
      docs: {type: 'string'},
      now: {type: 'string'}
    }
  });
  if(positionals.length === 0) {
    throw new Error('usage: node verify.mjs [--proof-only] [--docs DOCS.json] [--now RFC3339] FILE|DIR...');
  }
  const extraDocuments = values.docs ? JSON.parse(readFileSync(values.docs, 'utf8')) : {};
  const documentLoader = createDocumentLoader({extraDocuments});
  const now = values.now ? new Date(values.now) : undefined;
  for(const file of expand(positionals)) {
    let line;
    try {
      const text = readFileSync(file, 'utf8');
      if(text.trimStart().startsWith('{')) {
        const credential = JSON.parse(text);
        line = {file, ...await verifyCredential(credential, {proofOnly: values['proof-only'], documentLoader, now})};
      } else {
        line = {file, ...await verifyJwt(text, {documentLoader, now})};
      }
    } catch(e) {
      line = {file, verified: false, error: `unreadable: ${e.message}`};
    }
    console.log(JSON.stringify(line));
  }
}

if(process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch(e => {
    console.error(`verify.mjs: ${e && e.stack || e}`);
    process.exit(1);
  });
}
