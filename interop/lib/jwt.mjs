// VC-JWT as Open Badges 3.0 specifies it (payload = the credential plus iss/jti/sub/nbf/exp) and
// VC-JOSE (typ vc+jwt, payload = the credential), signed and verified with `jose`. Keys come from
// did:key verification methods only (kid), through the offline document loader.
import {CompactSign, compactVerify, decodeProtectedHeader, importJWK} from 'jose';

import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {_checkCredential} from '@digitalbazaar/vc';

const ALGORITHMS = {EdDSA: Ed25519Multikey, ES256: EcdsaMultikey};
const JWT_CLAIMS = ['iss', 'sub', 'jti', 'nbf', 'exp', 'iat', 'aud'];

function issuerId(credential) {
  return typeof credential.issuer === 'string' ? credential.issuer : credential.issuer && credential.issuer.id;
}

function epoch(date) {
  return date === undefined ? undefined : Math.floor(new Date(date).getTime() / 1000);
}

/** Signs a credential as an OB 3.0 VC-JWT (typ JWT) with a Multikey key pair (Ed25519 or P-256). */
export async function signVcJwt(credential, {keyPair, alg}) {
  const library = ALGORITHMS[alg];
  if(!library) {
    throw new Error(`unsupported alg ${alg}`);
  }
  const payload = {...credential, iss: issuerId(credential)};
  if(credential.id) {
    payload.jti = credential.id;
  }
  if(credential.credentialSubject && credential.credentialSubject.id) {
    payload.sub = credential.credentialSubject.id;
  }
  const nbf = epoch(credential.validFrom ?? credential.issuanceDate);
  if(nbf !== undefined) {
    payload.nbf = nbf;
  }
  const exp = epoch(credential.validUntil ?? credential.expirationDate);
  if(exp !== undefined) {
    payload.exp = exp;
  }
  const jwk = await library.toJwk({keyPair, secretKey: true});
  if(jwk.kty === 'OKP' && Buffer.from(jwk.d, 'base64url').length === 64) {
    // ed25519-multikey 1.3.1 writes its 64-byte secret (seed || public key) as "d"; RFC 8037
    // wants the 32-byte seed.
    jwk.d = Buffer.from(jwk.d, 'base64url').subarray(0, 32).toString('base64url');
  }
  const key = await importJWK(jwk, alg);
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({alg, typ: 'JWT', kid: keyPair.id})
    .sign(key);
}

/**
 * Verifies a compact VC-JWT: the signature with the did:key named by `kid`, the key's controller
 * is the credential's issuer, the OB 3.0 claim consistency rules (iss, jti, sub, nbf, exp), the
 * validity period, and the credential's own shape (@digitalbazaar/vc checks). Throws on failure.
 */
export async function verifyVcJwt(compact, {documentLoader, now = new Date(), maxClockSkew = 300}) {
  const header = decodeProtectedHeader(compact);
  const library = ALGORITHMS[header.alg];
  if(!library) {
    throw new Error(`unsupported JWS alg ${header.alg}`);
  }
  if(header.crit) {
    throw new Error('unsupported crit header');
  }
  if(typeof header.kid !== 'string' || !header.kid.startsWith('did:key:')) {
    throw new Error(`kid must be a did:key verification method, not ${header.kid}`);
  }
  const {document: method} = await documentLoader(header.kid);
  const keyPair = await library.from(method);
  const key = await importJWK(await library.toJwk({keyPair}), header.alg);
  const {payload} = await compactVerify(compact, key, {algorithms: [header.alg]});
  const claims = JSON.parse(new TextDecoder().decode(payload));

  let credential;
  if(claims.vc) {
    credential = claims.vc;
  } else {
    credential = {...claims};
    for(const claim of JWT_CLAIMS) {
      delete credential[claim];
    }
  }
  const issuer = issuerId(credential);
  if(method.controller !== issuer) {
    throw new Error(`the key's controller ${method.controller} is not the issuer ${issuer}`);
  }
  const expect = (claim, value) => {
    if(claims[claim] !== undefined && value !== undefined && claims[claim] !== value) {
      throw new Error(`claim ${claim} (${claims[claim]}) does not match the credential (${value})`);
    }
  };
  if(header.typ === 'JWT' && claims.iss === undefined) {
    throw new Error('an Open Badges VC-JWT needs an iss claim');
  }
  expect('iss', issuer);
  expect('jti', credential.id);
  expect('sub', credential.credentialSubject && credential.credentialSubject.id);
  expect('nbf', epoch(credential.validFrom ?? credential.issuanceDate));
  expect('exp', epoch(credential.validUntil ?? credential.expirationDate));
  const t = Math.floor(now.getTime() / 1000);
  if(claims.nbf !== undefined && claims.nbf > t + maxClockSkew) {
    throw new Error('the JWT is not valid yet (nbf)');
  }
  if(claims.exp !== undefined && claims.exp < t - maxClockSkew) {
    throw new Error('the JWT has expired (exp)');
  }
  _checkCredential({credential, now, maxClockSkew});
  return credential;
}
