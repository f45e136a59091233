// Self-test of the JS side (node --test): the harness signs and verifies its own outputs, is
// deterministic where it can be, reproduces the known-answer tests and the W3C vectors, rejects
// tampered credentials, and never leaves the bundled contexts.
import assert from 'node:assert/strict';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';

import {ed25519Key, ed25519KeyWithId, ed25519SeedFromSecretKeyMultibase, p256Key} from '../lib/keys.mjs';
import {createDocumentLoader, loadBundledContexts} from '../lib/loader.mjs';
import {JWT_FORMATS, SIGNING_SUITES} from '../lib/suites.mjs';
import {deriveSelective, signCredential, signSelective} from '../sign.mjs';
import {verifyCredential, verifyJwt} from '../verify.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const CREDENTIALS = resolve(HERE, '../credentials');
const SHARED = process.env.RECONNAITRE_SHARED || resolve(HERE, '../../../shared');
const VECTORS = join(SHARED, 'openbadges/vectors');
const noVectors = existsSync(VECTORS) ? false : `no vectors at ${VECTORS} (set RECONNAITRE_SHARED)`;

const readJson = path => JSON.parse(readFileSync(path, 'utf8'));
const credentials = () => readdirSync(CREDENTIALS).filter(f => f.endsWith('.json')).sort()
  .map(f => ({name: f, json: readJson(join(CREDENTIALS, f))}));
const SUITES = Object.keys(SIGNING_SUITES);
const RDFC_SUITES = ['eddsa-rdfc-2022', 'ecdsa-rdfc-2019', 'Ed25519Signature2020'];

async function keys() {
  return {ed25519: await ed25519Key(), p256: await p256Key()};
}

test('the loader serves every bundled context and refuses everything else', async () => {
  const contexts = loadBundledContexts();
  assert.ok(contexts.size >= 30, `only ${contexts.size} contexts`);
  const log = [];
  const loader = createDocumentLoader({log});
  for(const url of contexts.keys()) {
    const {document} = await loader(url);
    assert.ok(document['@context'], url);
  }
  for(const url of ['https://example.com/context.json', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.9.json',
    'did:web:example.com', 'http://www.w3.org/ns/credentials/v2']) {
    await assert.rejects(loader(url), /refusing/, url);
  }
  assert.equal(log.length, contexts.size + 4);
});

test('a credential with an unknown context fails verification instead of fetching', async () => {
  const k = await keys();
  const signed = await signCredential(credentials()[0].json, 'eddsa-rdfc-2022', {keys: k});
  signed['@context'].push('https://example.com/unknown-context.json');
  const log = [];
  const result = await verifyCredential(signed, {documentLoader: createDocumentLoader({log})});
  assert.equal(result.verified, false);
  assert.ok(log.includes('https://example.com/unknown-context.json'), log.join(' '));
  assert.match(result.error, /refusing to load https:\/\/example.com\/unknown-context.json/);
});

test('signs every credential with every suite and verifies its own output (issuer binding included)', async () => {
  const k = await keys();
  const documentLoader = createDocumentLoader();
  let count = 0;
  for(const {name, json} of credentials()) {
    for(const suite of SUITES) {
      const signed = await signCredential(json, suite, {keys: k, documentLoader});
      const expectedIssuer = suite === 'ecdsa-rdfc-2019' ? k.p256.controller : k.ed25519.controller;
      assert.equal(signed.issuer.id, expectedIssuer, `${name} ${suite}`);
      assert.equal(signed.proof.created, '2026-01-01T00:00:00Z');
      const result = await verifyCredential(signed, {documentLoader});
      assert.deepEqual(result, {verified: true, error: ''}, `${name} ${suite}`);
      count++;
    }
  }
  assert.equal(count, credentials().length * SUITES.length);
  assert.ok(credentials().length >= 3);
});

test('Ed25519 outputs are byte for byte reproducible', async () => {
  const cred = credentials()[1].json;
  for(const suite of ['eddsa-rdfc-2022', 'eddsa-jcs-2022', 'Ed25519Signature2020']) {
    const a = JSON.stringify(await signCredential(cred, suite, {keys: await keys()}));
    const b = JSON.stringify(await signCredential(cred, suite, {keys: await keys()}));
    assert.equal(a, b, suite);
  }
});

test('any change of meaning is rejected; RDFC suites accept a key reordering', async () => {
  const k = await keys();
  const documentLoader = createDocumentLoader();
  const tampers = {
    name: c => { c.name = `${c.name}!`; },
    validFrom: c => { c.validFrom = '2020-01-01T00:00:00Z'; },
    subject: c => { c.credentialSubject.achievement.name = 'Something else'; },
    added: c => { c.description = 'added after signing'; },
    proofCreated: c => { c.proof.created = '2026-01-02T00:00:00Z'; }
  };
  for(const suite of SUITES) {
    const signed = await signCredential(credentials()[0].json, suite, {keys: k, documentLoader});
    for(const [what, tamper] of Object.entries(tampers)) {
      const copy = structuredClone(signed);
      tamper(copy);
      const result = await verifyCredential(copy, {documentLoader});
      assert.equal(result.verified, false, `${suite} ${what}`);
    }
    const reordered = Object.fromEntries(Object.entries(signed).reverse());
    const result = await verifyCredential(reordered, {documentLoader});
    assert.equal(result.verified, true, `${suite} reordered: ${result.error}`);
    if(RDFC_SUITES.includes(suite)) {
      const arrayOrder = structuredClone(signed);
      arrayOrder.type.reverse();
      assert.equal((await verifyCredential(arrayOrder, {documentLoader})).verified, true, `${suite} type order`);
    }
  }
});

test('reproduces the known-answer proofValues of vectors/kat', {skip: noVectors}, async () => {
  const k = await keys();
  for(const [unsigned, signed] of [['unsigned-vc2.json', 'iron-signed-vc2.json'],
    ['unsigned-ob3.json', 'iron-signed-ob3.json']]) {
    const expected = readJson(join(VECTORS, 'kat', signed));
    const ours = await signCredential(readJson(join(VECTORS, 'kat', unsigned)), 'eddsa-rdfc-2022',
      {keys: k, created: '2024-01-01T00:00:00Z', replaceIssuer: false});
    assert.equal(ours.proof.verificationMethod, expected.proof.verificationMethod);
    assert.equal(ours.proof.proofValue, expected.proof.proofValue, unsigned);
    assert.equal((await verifyCredential(expected)).verified, true, signed);
  }
  // The 1EdTech OB 3.0 implementation-guide vector: key and VM from vectors/ob-v3p0/obv3p0/vector.json.
  const vector = readJson(join(VECTORS, 'ob-v3p0/obv3p0/vector.json'));
  const keyPair = await ed25519KeyWithId(Buffer.from(vector.keyPair.seedHex, 'hex'),
    {id: vector.keyPair.id, controller: vector.keyPair.controller});
  assert.equal(keyPair.publicKeyMultibase, vector.keyPair.publicKeyMultibase);
  const expected = readJson(join(VECTORS, 'kat/1edtech-ob3-signed.json'));
  const ours = await signCredential(readJson(join(VECTORS, 'kat/1edtech-ob3-unsigned.json')), 'eddsa-rdfc-2022',
    {keyPair, created: expected.proof.created, replaceIssuer: false});
  assert.equal(ours.proof.proofValue, expected.proof.proofValue);
  const extraDocuments = readJson(join(VECTORS, 'kat/1edtech-ob3-extra-docs.json'));
  const result = await verifyCredential(expected, {proofOnly: true, documentLoader: createDocumentLoader({extraDocuments})});
  assert.deepEqual(result, {verified: true, error: ''});
});

test('reproduces and verifies the W3C vc-di-eddsa vectors', {skip: noVectors}, async () => {
  const dir = join(VECTORS, 'w3c-vc-di-eddsa');
  const pair = readJson(join(dir, 'keyPair.json'));
  const did = `did:key:${pair.publicKeyMultibase}`;
  const keyPair = await ed25519KeyWithId(ed25519SeedFromSecretKeyMultibase(pair.privateKeyMultibase),
    {id: `${did}#${pair.publicKeyMultibase}`, controller: did});
  assert.equal(keyPair.publicKeyMultibase, pair.publicKeyMultibase);
  const unsigned = readJson(join(dir, 'unsigned.json'));
  for(const [suite, file] of [['eddsa-rdfc-2022', 'eddsa-rdfc-2022/signedDataInt.json'],
    ['eddsa-jcs-2022', 'eddsa-jcs-2022/signedJCS.json'],
    ['Ed25519Signature2020', 'Ed25519Signature2020/signedEdSig.json']]) {
    const expected = readJson(join(dir, file));
    const ours = await signCredential(unsigned, suite, {keyPair, created: expected.proof.created, replaceIssuer: false});
    assert.equal(ours.proof.proofValue, expected.proof.proofValue, file);
    assert.deepEqual(await verifyCredential(expected, {proofOnly: true}), {verified: true, error: ''}, file);
    // The vectors' issuer (https://vc.example/issuers/5678) is not the key's controller: the full
    // credential check must say so.
    const full = await verifyCredential(expected);
    assert.equal(full.verified, false, file);
    assert.match(full.error, /issuer must match the verification method controller/);
  }
});

test('VC-JWT: signs and verifies every credential with EdDSA and ES256; rejects tampering and foreign keys', async () => {
  const k = await keys();
  const documentLoader = createDocumentLoader();
  const b64 = json => Buffer.from(JSON.stringify(json)).toString('base64url');
  for(const {name, json} of credentials()) {
    for(const format of Object.keys(JWT_FORMATS)) {
      const jwt = await signCredential(json, format, {keys: k});
      assert.equal(typeof jwt, 'string');
      assert.deepEqual(await verifyJwt(jwt, {documentLoader}), {verified: true, error: ''}, `${name} ${format}`);
      const [header, payload, signature] = jwt.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      assert.equal(claims.iss, claims.issuer.id);
      assert.equal(claims.jti, claims.id);
      assert.equal(claims.nbf, Date.parse(claims.validFrom) / 1000);
      // A changed payload under the same signature.
      const changed = {...claims, name: `${claims.name}!`};
      const tampered = await verifyJwt(`${header}.${b64(changed)}.${signature}`, {documentLoader});
      assert.equal(tampered.verified, false, `${name} ${format} tampered`);
      // alg none.
      const none = await verifyJwt(`${b64({alg: 'none', typ: 'JWT'})}.${payload}.`, {documentLoader});
      assert.equal(none.verified, false);
      assert.match(none.error, /unsupported JWS alg none/);
    }
  }
  // Signed by a key that is not the issuer's: the signature is fine, the binding is not.
  const other = {...k, ed25519: await ed25519Key(Uint8Array.from({length: 32}, () => 7))};
  const foreign = await signCredential(withIssuerOf(credentials()[0].json, k.ed25519.controller), 'vc-jwt-EdDSA',
    {keys: other, replaceIssuer: false});
  const result = await verifyJwt(foreign, {documentLoader});
  assert.equal(result.verified, false);
  assert.match(result.error, /is not the issuer/);
});

function withIssuerOf(credential, did) {
  const copy = structuredClone(credential);
  copy.issuer.id = did;
  return copy;
}

test('reproduces the 1EdTech OB 3.0 and CLR 2.0 Data Integrity vectors', {skip: noVectors}, async () => {
  for(const name of ['obv3p0', 'clrv2p0']) {
    const vector = readJson(join(VECTORS, 'ob-v3p0', name, 'vector.json'));
    const {keyPair: pair, proofOptions, expected} = vector;
    const keyPair = await ed25519KeyWithId(Buffer.from(pair.seedHex, 'hex'), {id: pair.id, controller: pair.controller});
    assert.equal(proofOptions.verificationMethod, pair.id);
    const ours = await signCredential(vector.unsignedCredential, proofOptions.cryptosuite,
      {keyPair, created: proofOptions.created, replaceIssuer: false});
    assert.equal(ours.proof.proofValue, expected.proofValue, name);
    const method = {'@context': 'https://w3id.org/security/multikey/v1', id: pair.id, type: 'Multikey',
      controller: pair.controller, publicKeyMultibase: pair.publicKeyMultibase};
    const documentLoader = createDocumentLoader({extraDocuments: {[pair.id]: method}});
    assert.deepEqual(await verifyCredential(vector.signedCredential, {proofOnly: true, documentLoader}),
      {verified: true, error: ''}, name);
    const changed = structuredClone(vector.signedCredential);
    changed.name = `${changed.name}!`;
    assert.equal((await verifyCredential(changed, {proofOnly: true, documentLoader})).verified, false, name);
  }
});

test('verifies the W3C proof-set vectors (two proofs, both checked)', {skip: noVectors}, async () => {
  const dir = join(VECTORS, 'w3c-vc-di-eddsa/proof-set-chain');
  for(const file of ['signedProofSet1.json', 'signedProofSet2.json']) {
    const doc = readJson(join(dir, file));
    const proofs = Array.isArray(doc.proof) ? doc.proof.length : 1;
    const result = await verifyCredential(doc, {proofOnly: true});
    assert.deepEqual(result, {verified: true, error: ''}, `${file} (${proofs} proofs)`);
  }
  // One bad proof in a set makes the document fail, even though the other proof is good.
  const doc = readJson(join(dir, 'signedProofSet2.json'));
  assert.equal(doc.proof.length, 2);
  doc.proof[1].proofValue = doc.proof[0].proofValue;
  const result = await verifyCredential(doc, {proofOnly: true});
  assert.equal(result.verified, false);
});

test('ecdsa-sd-2023: a derived disclosure verifies, its base proof and a tampered disclosure do not', async () => {
  const minimal = credentials().find(c => c.name === 'minimal.json').json;
  const base = await signSelective(minimal);
  assert.equal((await verifyCredential(base)).verified, false);
  const disclosed = await deriveSelective(base, {selectivePointers: ['/name', '/credentialSubject/id']});
  assert.equal(disclosed.credentialSubject.achievement, undefined);
  const result = await verifyCredential(disclosed);
  assert.equal(result.verified, true, result.error);
  disclosed.name = 'Leadership';
  assert.equal((await verifyCredential(disclosed)).verified, false);
});
