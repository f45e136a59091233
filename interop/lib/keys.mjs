// Fixed (seeded) issuer keys, so that every run signs with the same did:key identities.
import {createECDH, createHash} from 'node:crypto';

import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';

/** Ed25519 seed 00 01 02 ... 1f: the same key as the known-answer tests in vectors/kat. */
export const ED25519_SEED = Uint8Array.from({length: 32}, (_, i) => i);

/** P-256 private scalar: SHA-256 of a fixed label (a valid scalar, far below the group order). */
export const P256_SECRET = createHash('sha256').update('reconnaitre interop P-256 issuer key').digest();

function b64url(bytes) {
  return Buffer.from(bytes).toString('base64url');
}

function withDidKeyIds(keyPair) {
  const did = `did:key:${keyPair.publicKeyMultibase}`;
  keyPair.controller = did;
  keyPair.id = `${did}#${keyPair.publicKeyMultibase}`;
  return keyPair;
}

/** The Ed25519 key pair (Multikey) with a did:key controller and verification method id. */
export async function ed25519Key(seed = ED25519_SEED) {
  const keyPair = await Ed25519Multikey.generate({seed});
  return withDidKeyIds(keyPair);
}

/** The P-256 key pair (Multikey) with a did:key controller and verification method id. */
export async function p256Key(secret = P256_SECRET) {
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(secret);
  const point = ecdh.getPublicKey(); // 0x04 || X || Y
  const jwk = {
    kty: 'EC', crv: 'P-256',
    x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33, 65)), d: b64url(secret)
  };
  const keyPair = await EcdsaMultikey.fromJwk({jwk, secretKey: true});
  return withDidKeyIds(keyPair);
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Decodes a base58btc multibase string ('z' prefix) to bytes. */
export function decodeMultibaseBase58(text) {
  if(!text.startsWith('z')) {
    throw new Error('expected a base58btc multibase value (z...)');
  }
  let value = 0n;
  for(const ch of text.slice(1)) {
    const digit = BASE58.indexOf(ch);
    if(digit < 0) {
      throw new Error(`invalid base58 character ${ch}`);
    }
    value = value * 58n + BigInt(digit);
  }
  const bytes = [];
  while(value > 0n) {
    bytes.unshift(Number(value & 0xffn));
    value >>= 8n;
  }
  for(const ch of text.slice(1)) {
    if(ch !== '1') {
      break;
    }
    bytes.unshift(0);
  }
  return Uint8Array.from(bytes);
}

/**
 * The Ed25519 seed inside a spec-form secret key multibase (0x80 0x26 || seed, or the 64-byte
 * seed || public key form).
 */
export function ed25519SeedFromSecretKeyMultibase(text) {
  const bytes = decodeMultibaseBase58(text);
  if(bytes[0] !== 0x80 || bytes[1] !== 0x26 || (bytes.length !== 34 && bytes.length !== 66)) {
    throw new Error('not an Ed25519 secret key multibase (0x8026 header, 32 or 64 bytes)');
  }
  return bytes.slice(2, 34);
}

/** An Ed25519 key pair from a seed, with a caller-chosen verification method id and controller. */
export async function ed25519KeyWithId(seed, {id, controller}) {
  const keyPair = await Ed25519Multikey.generate({seed});
  keyPair.id = id;
  keyPair.controller = controller;
  return keyPair;
}
