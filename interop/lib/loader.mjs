// Offline JSON-LD document loader for the interop harness.
//
// Serves (1) the JSON-LD contexts bundled in badges-model, looked up through their index.json
// (URL and aliases -> file) and checked against the pinned sha256; (2) did:key DIDs and
// verification methods (Ed25519 "z6Mk" and P-256 "zDna"), computed locally; (3) optional
// extra documents given by the caller (URL -> JSON). Any other URL throws: there is no
// network access at all.
import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {driver as didKeyDriver} from '@digitalbazaar/did-method-key';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Folder holding index.json and the context files (overridable for tests). */
export const CONTEXTS_DIR = process.env.RECONNAITRE_CONTEXTS_DIR ||
  resolve(HERE, '../../badges-model/src/main/resources/org/reconnaitre/badges/model/contexts');

/** Reads index.json and every context it lists; fails if a file's hash differs from the pin. */
export function loadBundledContexts(dir = CONTEXTS_DIR) {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
  const byUrl = new Map();
  for(const entry of index.contexts) {
    const bytes = readFileSync(join(dir, entry.file));
    const sha = createHash('sha256').update(bytes).digest('hex');
    if(entry.sha256 && sha !== entry.sha256) {
      throw new Error(`context ${entry.file}: sha256 ${sha} does not match the pinned ${entry.sha256}`);
    }
    const document = JSON.parse(bytes.toString('utf8'));
    for(const url of [entry.url, ...(entry.aliases || [])]) {
      byUrl.set(url, document);
    }
  }
  return byUrl;
}

/** A did:key driver that knows Ed25519 and P-256 Multikeys; purely local computation. */
export function createDidKeyDriver() {
  const d = didKeyDriver();
  d.use({multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from});
  d.use({multibaseMultikeyHeader: 'zDna', fromMultibase: EcdsaMultikey.from});
  return d;
}

/**
 * Builds the document loader.
 * @param {object} [options]
 * @param {Object<string, object>} [options.extraDocuments] - URL -> JSON document served as is.
 * @param {string[]} [options.log] - when given, every URL requested is pushed to it.
 */
export function createDocumentLoader({extraDocuments = {}, log} = {}) {
  const contexts = loadBundledContexts();
  const didKey = createDidKeyDriver();
  const extra = new Map(Object.entries(extraDocuments));
  return async function documentLoader(url) {
    if(log) {
      log.push(url);
    }
    if(contexts.has(url)) {
      return {contextUrl: null, documentUrl: url, document: structuredClone(contexts.get(url))};
    }
    if(extra.has(url)) {
      return {contextUrl: null, documentUrl: url, document: structuredClone(extra.get(url))};
    }
    if(typeof url === 'string' && url.startsWith('did:key:')) {
      const document = await didKey.get({url});
      return {contextUrl: null, documentUrl: url, document};
    }
    throw new Error(`offline document loader: refusing to load ${url}`);
  };
}
