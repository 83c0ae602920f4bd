// Rules that find secrets by context: names, assignment syntax per language,
// connection strings, URLs, PEM blocks, AWS secret keys next to key ids.

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { scan } from '../../../src/detect';
import { fake } from './helpers';

const pw = fake.password();
const token = fake.token();

function found(text: string, languageId: string): { ruleId: string; secret: string; name?: string }[] {
  return scan(text, { languageId }).map((f) => ({
    ruleId: f.ruleId,
    secret: text.slice(f.secretRange.start, f.secretRange.end),
    ...(f.name ? { name: f.name } : {}),
  }));
}

describe('password and secret assignments in each syntax', () => {
  const cases: [string, string, string, string][] = [
    // language, text, expected rule, expected name
    ['python', `DB_PASSWORD = "${pw}"`, 'password-assignment', 'DB_PASSWORD'],
    ['python', `connect(user="app", password='${pw}')`, 'password-assignment', 'password'],
    ['python', `settings = {"client_secret": "${token}"}`, 'secret-assignment', 'client_secret'],
    ['python', `db_password: str = "${pw}"`, 'password-assignment', 'db_password'],
    ['javascript', `const apiToken = '${token}';`, 'secret-assignment', 'apiToken'],
    ['javascript', `module.exports = { password: \`${pw}\` };`, 'password-assignment', 'password'],
    // A comparison shows the value as plainly as an assignment does.
    ['javascript', `if (password === "${pw}") {}`, 'password-assignment', 'password'],
    ['typescript', `let secret: string = "${token}";`, 'secret-assignment', 'secret'],
    ['typescriptreact', `<Login password="${pw}" />`, 'password-assignment', 'password'],
    ['java', `private static final String DB_PASSWORD = "${pw}";`, 'password-assignment', 'DB_PASSWORD'],
    ['java', `props.setProperty("db.password", "${pw}");`, 'password-assignment', 'db.password'],
    ['java', `builder.password("${pw}").build();`, 'password-assignment', 'password'],
    ['go', `password := "${pw}"`, 'password-assignment', 'password'],
    ['go', `var apiKey string = "${token}"`, 'secret-assignment', 'apiKey'],
    ['go', `cfg := Config{Token: \`${token}\`}`, 'secret-assignment', 'Token'],
    ['csharp', `var clientSecret = @"${token}";`, 'secret-assignment', 'clientSecret'],
    ['csharp', `public string Password { get; set; } = "${pw}";`, 'password-assignment', 'Password'],
    ['ruby', `config = { :api_key => "${token}" }`, 'secret-assignment', 'api_key'],
    ['ruby', `PG.connect(password: '${pw}')`, 'password-assignment', 'password'],
    ['php', `$dbPassword = '${pw}';`, 'password-assignment', 'dbPassword'],
    ['php', `define('DB_PASSWORD', '${pw}');`, 'password-assignment', 'DB_PASSWORD'],
    ['php', `return ['secret' => "${token}"];`, 'secret-assignment', 'secret'],
    ['shellscript', `export DB_PASSWORD="${pw}"`, 'password-assignment', 'DB_PASSWORD'],
    ['shellscript', `mysql --password=${pw} app`, 'password-assignment', 'password'],
    ['shellscript', `docker login --password ${pw} registry`, 'password-assignment', 'password'],
    ['yaml', `  password: ${pw}`, 'password-assignment', 'password'],
    ['yaml', `  api_token: '${token}'`, 'secret-assignment', 'api_token'],
    ['json', `{ "password": "${pw}" }`, 'password-assignment', 'password'],
    ['dotenv', `REDIS_PASSWORD=${pw}`, 'password-assignment', 'REDIS_PASSWORD'],
    ['dotenv', `export SECRET_KEY='${token}'`, 'secret-assignment', 'SECRET_KEY'],
    ['properties', `spring.datasource.password=${pw}`, 'password-assignment', 'spring.datasource.password'],
    ['properties', `mail.password: ${pw}`, 'password-assignment', 'mail.password'],
    ['ini', `password = ${pw}`, 'password-assignment', 'password'],
    ['terraform', `  password = "${pw}"`, 'password-assignment', 'password'],
    ['dockerfile', `ENV DB_PASSWORD=${pw}`, 'password-assignment', 'DB_PASSWORD'],
    ['dockerfile', `ENV API_TOKEN ${token}`, 'secret-assignment', 'API_TOKEN'],
    ['dockerfile', `ARG NPM_AUTH_TOKEN=${token}`, 'secret-assignment', 'NPM_AUTH_TOKEN'],
    ['xml', `<password>${pw}</password>`, 'password-assignment', 'password'],
    ['xml', `<datasource user="app" password="${pw}" />`, 'password-assignment', 'password'],
    ['xml', `<add key="ApiToken" value="${token}" />`, 'secret-assignment', 'ApiToken'],
    ['xml', `<property name="db.password" value="${pw}" />`, 'password-assignment', 'db.password'],
    ['xml', `<entry key="smtp.password">${pw}</entry>`, 'password-assignment', 'smtp.password'],
  ];
  for (const [languageId, text, ruleId, name] of cases) {
    it(`${languageId}: ${text.replace(pw, '…').replace(token, '…')}`, () => {
      const findings = found(`${text}\n`, languageId);
      assert.equal(findings.length, 1, JSON.stringify(findings.map((f) => f.ruleId)));
      assert.equal(findings[0].ruleId, ruleId);
      assert.equal(findings[0].secret, text.includes(pw) ? pw : token);
      assert.equal(findings[0].name, name);
    });
  }

  it('takes the value of a sibling `value:` / `default =` for names given as data', () => {
    const k8s = `env:\n  - name: DB_PASSWORD\n    value: "${pw}"\n  - name: LOG_LEVEL\n    value: debug\n`;
    assert.deepEqual(found(k8s, 'yaml'), [{ ruleId: 'password-assignment', secret: pw, name: 'DB_PASSWORD' }]);
    const tf = `variable "api_token" {\n  type    = string\n  default = "${token}"\n}\n`;
    assert.deepEqual(
      found(tf, 'terraform').map((f) => f.ruleId),
      ['secret-assignment'],
    );
    const cfn = `Parameters:\n  DBPassword:\n    Type: String\n    NoEcho: true\n    Default: ${pw}\n`;
    assert.deepEqual(
      found(cfn, 'yaml').map((f) => f.secret),
      [pw],
    );
  });

  it('a YAML value that only starts like a tag, anchor or alias is still a value', () => {
    for (const value of ['@bc123XYZ~q', '`kq9Lm2xPw!Z', '*Zq9Lm2x!P', '&Zq9Lm2x!P', '!Zq9Lm2x~P']) {
      assert.deepEqual(
        found(`password: ${value}\n`, 'yaml').map((f) => f.secret),
        [value],
        value,
      );
    }
    for (const value of ['[a, b]', '{a: b}', '*alias', '&anchor value', '!Ref DbPassword', '|', '>-']) {
      assert.deepEqual(found(`password: ${value}\n`, 'yaml'), [], value);
    }
  });

  it('strips an auth scheme from header values', () => {
    assert.deepEqual(
      found(`headers = {"Authorization": "Bearer ${token}"}\n`, 'python').map((f) => f.secret),
      [token],
    );
    assert.deepEqual(
      found(`curl -H "Authorization: Bearer ${token}" https://api.internal\n`, 'shellscript').map((f) => f.secret),
      [token],
    );
  });
});

describe('false-positive traps stay quiet', () => {
  const traps: [string, string][] = [
    ['python', 'PASSWORD = os.getenv("PASSWORD")'],
    ['python', 'token = os.environ.get("TOKEN", "")'],
    ['python', 'password = ""'],
    ['python', 'password = "changeme"'],
    ['python', 'password = "password"'],
    ['python', 'password = "<password>"'],
    ['python', 'password = "${DB_PASSWORD}"'],
    ['python', 'password = "{{ db_password }}"'],
    ['python', 'password = "$DB_PASSWORD"'],
    ['python', 'password = "%DB_PASSWORD%"'],
    ['python', 'api_key = "xxxxxxxxxxxxxxxx"'],
    ['python', 'secret = "****************"'],
    ['python', 'api_key = "your-api-key-here"'],
    ['python', 'password = "example-password"'],
    ['python', 'token = "dummy-token-123"'],
    ['python', 'password = "test"'],
    ['python', 'password = "testpassword1"'],
    ['python', 'secret = "123e4567-e89b-12d3-a456-426614174000"'],
    ['python', 'token = "9fceb02d0ae598e95dc970b74767f19372d61af8"'],
    ['python', 'secret = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"'],
    ['python', 'integrity_secret = "sha512-Fo5Wps5Dw7UwTSoDTyM0YZPv2jE7Sqx3RuBNPYZRaQJdGyPhXUzfK+4Yx2Xz2TzVvoW0Fxwj/8hUEM1C5nCsQ=="'],
    ['python', 'password_hash = "$2b$12$KIXQJ4r4i1iY0s0b1Q7Y4eD7iK5hQvN1bYlF0Ey8Xl3Hb5c1tZ1e2"'],
    ['python', `token_url = "https://auth.internal/oauth2/${token}"`],
    ['python', `secret_name = "prod/db/${token}"`],
    ['python', `key_id = "${token}"`],
    ['python', 'api_version = "2023-10-16"'],
    ['python', `password_hint = "${pw}"`],
    ['javascript', `const passwordField = "${pw}";`],
    ['javascript', 'const password = process.env.DB_PASSWORD || "";'],
    ['javascript', 'const token = getToken();'],
    ['javascript', 'const secret = `${prefix}-${suffix}`;'],
    ['javascript', 'const TOKEN_STORAGE_KEY = "auth_token";'],
    ['javascript', 'const authHeader = "Authorization";'],
    ['javascript', `const publicKey = "${token}";`],
    ['javascript', `const nextToken = "${token}";`],
    ['java', 'String password = System.getenv("DB_PASSWORD");'],
    ['java', 'private static final String PASSWORD_PROPERTY = "spring.datasource.password";'],
    ['java', `String token = props.getProperty("token", "${token}");`],
    ['java', '@Value("${db.password}") String password;'],
    ['go', 'secret := os.Getenv("SECRET")'],
    ['csharp', 'var password = Environment.GetEnvironmentVariable("DB_PASSWORD");'],
    ['ruby', "api_key = ENV.fetch('API_KEY', '')"],
    ['ruby', 'token = "#{prefix}-token"'],
    ['php', "$secret = env('APP_SECRET');"],
    ['shellscript', 'TOKEN=$(aws secretsmanager get-secret-value --secret-id prod/token)'],
    ['shellscript', 'PASSWORD="${DB_PASSWORD:-}"'],
    ['yaml', 'password: ${{ secrets.DB_PASSWORD }}'],
    ['yaml', 'password: !Ref DbPassword'],
    ['yaml', 'client_secret: "{{resolve:secretsmanager:prod/app:SecretString:secret}}"'],
    ['yaml', 'token_url: https://auth.internal/oauth2/token'],
    ['yaml', 'secret_name: prod/app/db'],
    ['json', '"integrity": "sha512-Fo5Wps5Dw7UwTSoDTyM0YZPv2jE7Sqx3RuBNPYZRaQJdGyPhXUzfK+4Yx2Xz2TzVvoW0Fxwj/8hUEM1C5nCsQ=="'],
    ['dotenv', 'EMPTY_SECRET='],
    ['dotenv', 'API_KEY=${API_KEY}'],
    ['dotenv', 'PASSWORD_MIN_LENGTH=12'],
    ['properties', 'spring.datasource.password=${DB_PASSWORD}'],
    ['ini', 'secret = %(secret)s'],
    ['terraform', 'password = var.db_password'],
    ['terraform', 'token = "${var.prefix}-token"'],
    ['dockerfile', 'ENV PASSWORD_FILE=/run/secrets/db_password'],
    ['dockerfile', 'ENV SECRET_KEY=${SECRET_KEY}'],
    ['xml', '<password>${env.REPO_PASSWORD}</password>'],
    ['xml', '<add key="Password" value="changeme" />'],
  ];
  for (const [languageId, text] of traps) {
    it(`${languageId}: ${text.replace(pw, '…').replace(token, '…').slice(0, 70)}`, () => {
      assert.deepEqual(found(`${text}\n`, languageId), []);
    });
  }
});

describe('connection strings and URLs', () => {
  it('finds the password of a URL and names it after the variable', () => {
    const text = `DB_URL = "mysql://root:${pw}@localhost:3306/app"\n`;
    assert.deepEqual(found(text, 'python'), [{ ruleId: 'url-credentials', secret: pw, name: 'DB_URL' }]);
  });

  it('finds Password=…; ADO.NET, JDBC and libpq DSN passwords', () => {
    assert.deepEqual(
      found(`var cs = "Server=db;Database=app;User Id=app;Password=${pw};";\n`, 'csharp').map((f) => f.ruleId),
      ['connection-string-password'],
    );
    assert.deepEqual(
      found(`url = "jdbc:mysql://db/app?user=app&password=${pw}"\n`, 'java').map((f) => f.secret),
      [pw],
    );
    assert.deepEqual(
      found(`dsn = "host=db user=app password=${pw} dbname=app"\n`, 'python').map((f) => f.secret),
      [pw],
    );
    assert.deepEqual(
      found(`dsn := "app:${pw}@tcp(db:3306)/app"\n`, 'go').map((f) => f.ruleId),
      ['url-credentials'],
    );
  });

  it('rejects placeholder passwords, default credentials and ports', () => {
    for (const url of [
      'postgres://user:password@localhost/db',
      'postgres://app:${DB_PASSWORD}@db/app',
      'amqp://guest:guest@localhost',
      'postgres://postgres:postgres@db/app',
      'https://user:pass@example.com/',
      'redis://:<password>@cache:6379',
      'https://host.internal:8443/path',
    ]) {
      assert.deepEqual(found(`url = "${url}"\n`, 'python'), [], url);
    }
  });

  it('a URL password that contains "#" or "@" is taken whole', () => {
    const odd = 'Ab3#xY9@kLm2';
    assert.deepEqual(
      found(`u = "postgres://app:${odd}@db/app"\n`, 'python').map((f) => f.secret),
      [odd],
    );
  });
});

describe('command lines and positional credential arguments', () => {
  it('finds curl -u and sshpass -p passwords', () => {
    assert.deepEqual(found(`curl -u "deploy:${pw}" https://ci.internal/api\n`, 'shellscript'), [{ ruleId: 'command-line-password', secret: pw }]);
    assert.deepEqual(
      found(`RUN curl --user deploy:${pw} -o app.tgz https://artifacts.internal/app.tgz\n`, 'dockerfile').map((f) => f.secret),
      [pw],
    );
    assert.deepEqual(
      found(`sshpass -p '${pw}' ssh deploy@host\n`, 'shellscript').map((f) => f.secret),
      [pw],
    );
    assert.deepEqual(found('curl -u "$USER:$PASSWORD" https://ci.internal\n', 'shellscript'), []);
  });

  it('finds `aws configure set` / `npm config set` values', () => {
    assert.deepEqual(
      found(`aws configure set aws_secret_access_key "${fake.awsSecret()}"\n`, 'shellscript').map((f) => f.ruleId),
      ['aws-secret-access-key'],
    );
  });

  it('finds the password argument of well-known credential APIs', () => {
    const cases: [string, string][] = [
      ['csharp', `var cred = new NetworkCredential("svc", "${pw}");`],
      ['java', `Connection c = DriverManager.getConnection(url, "app", "${pw}");`],
      ['python', `requests.get(url, auth=HTTPBasicAuth("user", "${pw}"))`],
      ['python', `requests.get(url, auth=("user", "${pw}"))`],
      ['javascript', `const t = jwt.sign({ sub: id }, "${pw}", { expiresIn: "1h" });`],
      ['python', `server.login("alerts@corp.internal", "${pw}")`],
      ['php', `$db = new mysqli("localhost", "root", "${pw}", "app");`],
    ];
    for (const [languageId, text] of cases) assert.deepEqual(found(`${text}\n`, languageId), [{ ruleId: 'credential-argument', secret: pw }], text);
  });

  it('ignores variables, lookups and placeholder arguments', () => {
    for (const text of [
      'server.login(user, password)',
      'jwt.sign(payload, process.env.JWT_SECRET)',
      'login("admin", "admin")',
      'DriverManager.getConnection(url, user, "")',
    ]) {
      assert.deepEqual(found(`${text}\n`, 'javascript'), [], text);
    }
  });
});

describe('private keys', () => {
  const body = Array.from({ length: 10 }, (_, i) => fake.token(100 + i) + fake.token(200 + i)).join('\n');
  const pem = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`;

  it('a multi-line block is one finding spanning BEGIN to END', () => {
    const text = `# deploy key\n${pem}\n`;
    const [finding, ...rest] = scan(text, { languageId: 'plaintext' });
    assert.equal(rest.length, 0);
    assert.equal(finding.ruleId, 'private-key');
    assert.equal(text.slice(finding.secretRange.start, finding.secretRange.end), pem);
    assert.equal(finding.secretRange.startLine, 1);
    assert.equal(finding.secretRange.endLine, 12);
  });

  it('inside a Python triple-quoted string the whole literal is replaced', () => {
    const text = `KEY = """${pem}\n"""\n`;
    const [finding] = scan(text, { languageId: 'python' });
    assert.equal(finding.quote, '"""');
    assert.equal(finding.name, 'KEY');
    assert.equal(text.slice(finding.replaceRange.start, finding.replaceRange.end), `"""${pem}\n"""`);
  });

  it('with \\n escapes in a JSON string (service-account files)', () => {
    const escaped = pem.replace(/\n/g, '\\n');
    const text = `{\n  "private_key": "${escaped}\\n",\n  "client_email": "svc@project.iam.gserviceaccount.com"\n}\n`;
    const findings = scan(text, { languageId: 'json' });
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.name, f.quote]),
      [['private-key', 'private_key', '"']],
    );
  });

  it('public keys, certificates and elided samples are not findings', () => {
    const samples = [
      pem.replace(/RSA PRIVATE KEY/g, 'PUBLIC KEY'),
      pem.replace(/RSA PRIVATE KEY/g, 'CERTIFICATE'),
      '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
      '-----BEGIN PRIVATE KEY-----\n<your key here>\n-----END PRIVATE KEY-----',
    ];
    for (const sample of samples) assert.deepEqual(scan(sample, { languageId: 'plaintext' }), []);
  });
});

describe('AWS secret access keys', () => {
  const keyId = fake.awsKeyId();
  const secret = fake.awsSecret();

  it('are found by name and grouped with the nearby key id', () => {
    const text = `aws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\n`;
    const findings = scan(text, { languageId: 'ini' });
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['aws-access-key-id', 'aws-secret-access-key'],
    );
    assert.equal(findings[0].groupId, findings[1].groupId);
  });

  it('are found without a telling name when next to a key id', () => {
    const text = `creds = Credentials("${keyId}", "${secret}")\n`;
    const findings = scan(text, { languageId: 'python' });
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['aws-access-key-id', 'aws-secret-access-key'],
    );
    assert.equal(findings[0].groupId, findings[1].groupId);
  });

  it('a lone 40-character value with no context is not reported as AWS', () => {
    assert.deepEqual(scan(`checksum_b64 = "${secret}"\n`, { languageId: 'python' }), []);
  });

  it('two unrelated findings get different groups', () => {
    const text = `a = "${fake.github()}"\n\n\n\n\n\n\n\nb = "${fake.stripe()}"\n`;
    const [first, second] = scan(text, { languageId: 'python' });
    assert.notEqual(first.groupId, second.groupId);
  });
});
