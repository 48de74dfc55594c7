/**
 * The backup passphrase seals the signing key inside every backup; both sides check its length
 * (the form before the call, main on the call).
 */
export const passphraseMinLength = 10;
export const passphraseMaxLength = 200;
