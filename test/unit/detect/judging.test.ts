// How names and values are judged (docs/detection.md "How names and values are judged"):
// names by meaning and strength, values by shape, human passwords by a word list.

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { scan } from '../../../src/detect';
import { classifySecretName } from '../../../src/detect/names';
import { judgeSecretValue } from '../../../src/detect/values';
import { isFiller, isIdentifierLike, isPlaceholder } from '../../../src/detect/value-shapes';
import { decodeBase64Text } from '../../../src/detect/base64';

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('names', () => {
  it('a name is a credential by what it means, not by a substring', () => {
    for (const name of [
      'password',
      'db_password',
      'client_secret',
      'api_key',
      'access_token',
      'auth_token',
      'private_key',
      'credentials.password',
      'Authorization',
    ])
      assert.equal(classifySecretName(name)?.strength, 'strong', name);
    for (const name of [
      'cacheKey',
      'storageKey',
      'sortKey',
      'keyName',
      'tokenUrl',
      'csrfTokenName',
      'authenticity_token',
      'DELIMITER_KEY',
      'ruleKey',
      'update_password',
      'PWD',
    ])
      assert.equal(classifySecretName(name), undefined, name);
  });

  it('weak names (a bare token, an unknown key, auth, credentials) need a random value', () => {
    for (const name of ['token', 'primary_key', 'tls.key', 'auth', 'credentials', 'pass', 'PW']) assert.equal(classifySecretName(name)?.strength, 'weak', name);
    assert.ok(judgeSecretValue('YehXdfzxVKpoLvKseJMJIEGs2JxerkB8', { kind: 'key', strength: 'weak' }));
    assert.equal(judgeSecretValue('4fb45da9e4ab4ddeb7580d6a35503d99', { kind: 'token', strength: 'weak' }), undefined);
    assert.equal(judgeSecretValue('Admin12345', { kind: 'password', strength: 'weak' }), undefined);
  });
});

describe('values', () => {
  it('hex counts under a strong secret name, not under a weak one or as a password digest', () => {
    const sha1Like = '3f8a9c1d7e2b4a6f0c5d9e8b7a1f2c3d4e5b6a7c';
    assert.ok(judgeSecretValue(sha1Like, { kind: 'secret' }), 'a 40-hex client_secret');
    assert.equal(judgeSecretValue(sha1Like, { kind: 'token', strength: 'weak' }), undefined);
    assert.equal(judgeSecretValue(sha1Like, { kind: 'password' }), undefined, 'a hashed password');
    assert.equal(judgeSecretValue('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', { kind: 'secret' }), undefined, 'SHA-256 of nothing');
  });

  it('UUIDs count under token names only', () => {
    const uuid = '6f1c2b7e-8d3a-4c5b-9e0f-1a2b3c4d5e6f';
    assert.ok(judgeSecretValue(uuid, { kind: 'token', strength: 'weak' }));
    assert.equal(judgeSecretValue(uuid, { kind: 'secret' }), undefined);
    assert.equal(judgeSecretValue('12345678-1234-1234-1234-123456789abc', { kind: 'token' }), undefined, 'filler');
  });

  it('a human password counts under a strong password name unless it is a word, a default, a placeholder or an identifier', () => {
    for (const value of ['Admin12345', 'Password12!', 'am@z1ng_p@ssw0rd#!', 'P4§$w0rd', 'hunter42', 'iWishIWereCoolEnoughForRoot!'])
      assert.ok(judgeSecretValue(value, { kind: 'password' }), value);
    assert.ok(judgeSecretValue('rootpasswd', { kind: 'password', config: true }), 'letters only, in a configuration file');
    assert.equal(judgeSecretValue('rootpasswd', { kind: 'password' }), undefined, 'letters only, in code');
    for (const value of [
      'required',
      'Goliath',
      'changed!',
      'postgres',
      'my_password',
      'test-password-123',
      'secure-password',
      'pass_word',
      'ThisIsABearerToken',
      'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER',
      'Contraseña',
      'en_001',
    ])
      assert.equal(judgeSecretValue(value, { kind: 'password', config: true }), undefined, value);
    assert.ok(judgeSecretValue('keystorex', { kind: 'password', config: true }));
    assert.equal(judgeSecretValue('keystorex', { kind: 'password', config: true, name: 'KEYSTOREX_PASSWORD' }), undefined, 'named after its own setting');
    assert.equal(judgeSecretValue('keystorex', { kind: 'password', config: true, fileName: 'conf/keystorex.yaml' }), undefined, 'named after its file');
    assert.equal(judgeSecretValue('Admin12345', { kind: 'password', documentation: true }), undefined, 'an illustration in a comment');
  });

  it('the `test` veto only fires on real placeholders', () => {
    for (const value of ['test', 'test1234', 'test-password', 'testsecret', 'mock_token']) assert.ok(isPlaceholder(value), value);
    for (const value of ['qA7test#Lm2x', 'Te5tQx9!Lm2v', 'kq9Lm2xPw!Ztest']) assert.ok(!isPlaceholder(value), value);
  });

  it('rejects identifiers, expressions, formats, validation rules, paths and classes', () => {
    for (const value of [
      'csrf_token_manager',
      'tlsCertificateKeyFile',
      'SSL_CLIENT_S_DN_Email',
      'X-Metadata-Client-ID',
      'java:S4502',
      'spring.datasource.password',
    ])
      assert.ok(isIdentifierLike(value), value);
    for (const value of ['user_dict["password"],', 'Rails.app.credentials.dig(:smtp, :password),', '[:shop_id, :id]', 'Dir.pwd'])
      assert.equal(judgeSecretValue(value, { kind: 'password', bare: true }), undefined, value);
    for (const value of [
      '%rP%yY%mM%dDT%hH%iM%sS',
      'Y.m.d|',
      'required|confirmed',
      'min:8|max:255',
      'src/test/java/**/*',
      'Symfony\\Component\\Form\\Type\\RepeatedType',
      '%env(API_SECRET)%',
      '!SENDGRID_SECRET!',
      '<key>:<token>',
    ])
      assert.equal(judgeSecretValue(value, { kind: 'secret' }), undefined, value);
  });

  it('fillers: sequences, repeats, keyboard runs and periods', () => {
    for (const value of [
      'abcdefghijklmnopqrstuvwxyz1234567',
      'abcd1234abcd1234abcd1234',
      '1234567890-1234567890-####',
      'qwertyuiopasdf',
      '1234-5678-abcd-efgh',
      'aaaabbbbccccdddd',
    ])
      assert.ok(isFiller(value), value);
    for (const value of ['Zq8vLp2mW9xR7tYk3NbC5dFg', 'rcHu+HzSFw89Ypyhn/896A==']) assert.ok(!isFiller(value), value);
  });

  it('judges base64 by what it decodes to: text, user:password, key material', () => {
    assert.equal(decodeBase64Text('rcHu+HzSFw89Ypyhn/896A=='), undefined, 'random bytes stay encoded');
    assert.equal(decodeBase64Text(b64('hunter22')), 'hunter22');
    assert.equal(judgeSecretValue(b64('password'), { kind: 'password' }), undefined);
    assert.equal(judgeSecretValue(b64('user:pass'), { kind: 'auth', strength: 'weak' }), undefined, 'a Basic header of placeholders');
    assert.ok(judgeSecretValue(b64('deploy:Rt7Kq2Lm9Vx4Pz8W'), { kind: 'auth', strength: 'weak' }), 'a Basic header with a real password');
    assert.equal(
      judgeSecretValue(b64('-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n'), { kind: 'key', strength: 'weak' }),
      undefined,
      'an empty PEM',
    );
  });
});

describe('calls, comparisons and documentation', () => {
  const found = (text: string, languageId: string) => scan(text, { languageId }).map((f) => text.slice(f.secretRange.start, f.secretRange.end));

  it('a call argument counts only for a credential setter', () => {
    assert.deepEqual(found('client.setPassword("Rt7Kq2Lm9Vx4Pz8W");', 'java'), ['Rt7Kq2Lm9Vx4Pz8W']);
    assert.deepEqual(found('builder.password("Rt7Kq2Lm9Vx4Pz8W");', 'java'), ['Rt7Kq2Lm9Vx4Pz8W']);
    assert.deepEqual(found('map.containsKey("Rt7Kq2Lm9Vx4Pz8WnB3cD6fG");', 'java'), []);
    assert.deepEqual(found('table.PrimaryKey("Rt7Kq2Lm9Vx4Pz8WnB3cD6fG", x => x.Id);', 'csharp'), []);
    assert.deepEqual(found('headers.set("Authorization", "Bearer Rt7Kq2Lm9Vx4Pz8WnB3cD6fG");', 'typescript'), ['Rt7Kq2Lm9Vx4Pz8WnB3cD6fG']);
    assert.deepEqual(found("form.add('password', 'Rt7Kq2Lm9Vx4Pz8W');", 'php'), []);
  });

  it('in comments and Markdown a human password is an illustration; a random key still counts', () => {
    assert.deepEqual(found('# password: Admin12345\n', 'yaml'), []);
    assert.deepEqual(found('# api_key: Rt7Kq2Lm9Vx4Pz8WnB3cD6fG\n', 'yaml'), ['Rt7Kq2Lm9Vx4Pz8WnB3cD6fG']);
  });
});
