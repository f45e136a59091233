// The proof suites the harness signs and verifies with.
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as ecdsaRdfc2019} from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import {createDiscloseCryptosuite as ecdsaSd2023Disclose, createSignCryptosuite as ecdsaSd2023Sign,
  createVerifyCryptosuite as ecdsaSd2023Verify} from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import {Ed25519Signature2020} from '@digitalbazaar/ed25519-signature-2020';
import {createSignCryptosuite as eddsaJcs2022Sign, createVerifyCryptosuite as eddsaJcs2022Verify}
  from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';

/**
 * Signing suites by name: which fixed key each uses and how to build the suite.
 * `key` is 'ed25519' or 'p256' (see keys.mjs).
 */
export const SIGNING_SUITES = {
  'eddsa-rdfc-2022': {
    key: 'ed25519',
    create: ({keyPair, date}) => new DataIntegrityProof({signer: keyPair.signer(), date, cryptosuite: eddsaRdfc2022})
  },
  'ecdsa-rdfc-2019': {
    key: 'p256',
    create: ({keyPair, date}) => new DataIntegrityProof({signer: keyPair.signer(), date, cryptosuite: ecdsaRdfc2019})
  },
  'eddsa-jcs-2022': {
    key: 'ed25519',
    create: ({keyPair, date}) => new DataIntegrityProof({signer: keyPair.signer(), date, cryptosuite: eddsaJcs2022Sign()})
  },
  'Ed25519Signature2020': {
    key: 'ed25519',
    create: ({keyPair, date}) => new Ed25519Signature2020({signer: keyPair.signer(), date})
  }
};

/** Every suite the verifier accepts; jsonld-signatures picks the one matching each proof. */
export function verifyingSuites() {
  return [
    new DataIntegrityProof({cryptosuite: eddsaRdfc2022}),
    new DataIntegrityProof({cryptosuite: ecdsaRdfc2019}),
    new DataIntegrityProof({cryptosuite: eddsaJcs2022Verify()}),
    new DataIntegrityProof({cryptosuite: ecdsaSd2023Verify()}),
    new Ed25519Signature2020()
  ];
}

/**
 * ecdsa-sd-2023 (selective disclosure, P-256 key): what every disclosure must reveal (base proof)
 * and what the harness reveals besides (derived proof). The selection keeps every property the
 * tampering checks of InteropIT change, so each change is visible in a disclosure.
 */
export const SD_MANDATORY_POINTERS = ['/issuer', '/validFrom'];
export const SD_SELECTIVE_POINTERS = ['/name', '/credentialSubject/achievement'];

/** The suite that creates an ecdsa-sd-2023 base proof. */
export function sdBaseSuite({keyPair, date, mandatoryPointers = SD_MANDATORY_POINTERS}) {
  return new DataIntegrityProof({signer: keyPair.signer(), date,
    cryptosuite: ecdsaSd2023Sign({mandatoryPointers})});
}

/** The suite that derives a disclosure from an ecdsa-sd-2023 base proof. */
export function sdDeriveSuite({selectivePointers = SD_SELECTIVE_POINTERS} = {}) {
  return new DataIntegrityProof({cryptosuite: ecdsaSd2023Disclose({selectivePointers})});
}

/** VC-JWT formats (OB 3.0 JWT proof format, via `jose`): which fixed key and which JWS alg. */
export const JWT_FORMATS = {
  'vc-jwt-EdDSA': {key: 'ed25519', alg: 'EdDSA'},
  'vc-jwt-ES256': {key: 'p256', alg: 'ES256'}
};
