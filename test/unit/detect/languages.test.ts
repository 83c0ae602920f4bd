// File name → language id.

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { languageFromFileName } from '../../../src/detect';

describe('languageFromFileName()', () => {
  const cases: [string, string][] = [
    ['app.py', 'python'],
    ['index.ts', 'typescript'],
    ['App.tsx', 'typescriptreact'],
    ['main.js', 'javascript'],
    ['server.mjs', 'javascript'],
    ['View.jsx', 'javascriptreact'],
    ['Main.java', 'java'],
    ['main.go', 'go'],
    ['Program.cs', 'csharp'],
    ['app.rb', 'ruby'],
    ['Gemfile', 'ruby'],
    ['index.php', 'php'],
    ['deploy.sh', 'shellscript'],
    ['.bashrc', 'shellscript'],
    ['ci.yml', 'yaml'],
    ['values.yaml', 'yaml'],
    ['package.json', 'json'],
    ['tsconfig.json', 'jsonc'],
    ['.env', 'dotenv'],
    ['.env.production', 'dotenv'],
    ['prod.env', 'dotenv'],
    ['application.properties', 'properties'],
    ['config.ini', 'ini'],
    ['.npmrc', 'ini'],
    ['main.tf', 'terraform'],
    ['prod.tfvars', 'terraform'],
    ['Dockerfile', 'dockerfile'],
    ['Dockerfile.prod', 'dockerfile'],
    ['api.dockerfile', 'dockerfile'],
    ['pom.xml', 'xml'],
    ['web.config', 'xml'],
    ['README', 'plaintext'],
    ['notes.unknownext', 'plaintext'],
    ['src/deep/path/Settings.PY', 'python'],
    ['C:\\repo\\app.ts', 'typescript'],
  ];
  for (const [name, id] of cases) {
    it(`${name} → ${id}`, () => assert.equal(languageFromFileName(name), id));
  }
});
