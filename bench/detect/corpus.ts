// Generates the benchmark corpus: thousands of source files in the languages
// the detector covers, built from realistic lines, with fake secrets sprinkled
// in. Deterministic (seeded), so every run measures the same bytes.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A tiny seeded PRNG (mulberry32): the corpus must be identical on every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const pick = <T>(rng: Rng, items: ArrayLike<T>): T => items[Math.floor(rng() * items.length)];
const chars = (rng: Rng, n: number, alphabet = ALNUM): string => Array.from({ length: n }, () => pick(rng, alphabet)).join('');

/** Fake secret values in the formats the scanners know (random, never real). */
const SECRET_VALUES: ((rng: Rng) => string)[] = [
  (rng) => `AKIA${chars(rng, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
  (rng) => `ghp_${chars(rng, 36)}`,
  (rng) => `sk_live_${chars(rng, 24)}`,
  (rng) => `xoxb-${chars(rng, 12, '0123456789')}-${chars(rng, 13, '0123456789')}-${chars(rng, 24)}`,
  (rng) => `AIza${chars(rng, 35)}`,
  (rng) => `SG.${chars(rng, 22)}.${chars(rng, 43)}`,
  (rng) => `npm_${chars(rng, 36)}`,
  (rng) => `glpat-${chars(rng, 20)}`,
  (rng) => `${chars(rng, 6, 'abcdefghkmnpqrstuvwxz')}${chars(rng, 3, '0123456789')}~${chars(rng, 5, 'ABCDEFGHJKLMNPQRSTUVWXZ')}`,
];

interface Language {
  folder: string;
  extension: string;
  lines: readonly string[];
  /** A line assigning `value` to a secret-ish name. */
  secretLine: (value: string) => string;
}

const LANGUAGES: readonly Language[] = [
  {
    folder: 'python',
    extension: 'py',
    lines: [
      'import os',
      'import logging',
      'from typing import Any, Optional',
      '',
      'logger = logging.getLogger(__name__)',
      'def handle(event: dict, context: Any) -> dict:',
      '    """Process one batch of records from the queue."""',
      '    records = event.get("Records", [])',
      '    for record in records:',
      '        body = json.loads(record["body"])',
      '        logger.info("processing %s", body.get("id"))',
      '    return {"statusCode": 200, "body": json.dumps({"ok": True})}',
      'class Repository:',
      '    def __init__(self, table_name: str) -> None:',
      '        self.table = boto3.resource("dynamodb").Table(table_name)',
      '    def get(self, key: str) -> Optional[dict]:',
      '        response = self.table.get_item(Key={"pk": key})',
      '        return response.get("Item")',
      'TIMEOUT_SECONDS = 30',
      'password = os.environ.get("DB_PASSWORD", "")',
      'token_url = "https://auth.internal/oauth2/token"',
      '    if not items:',
      '        raise ValueError(f"no items for {key}")',
      '    total = sum(item["amount"] for item in items)',
    ],
    secretLine: (value) => `API_TOKEN = "${value}"`,
  },
  {
    folder: 'typescript',
    extension: 'ts',
    lines: [
      "import { readFile } from 'node:fs/promises';",
      "import type { Context } from './context';",
      '',
      'export interface Order { id: string; total: number; items: readonly LineItem[] }',
      'export async function handler(event: APIGatewayProxyEvent, context: Context): Promise<Result> {',
      '  const body = JSON.parse(event.body ?? "{}") as Partial<Order>;',
      '  if (!body.id) return { statusCode: 400, body: "missing id" };',
      '  const order = await repository.get(body.id);',
      '  logger.info(`loaded order ${order.id} with ${order.items.length} items`);',
      '  return { statusCode: 200, body: JSON.stringify(order) };',
      '}',
      'const apiKey = process.env.API_KEY ?? "";',
      'export class OrderService {',
      '  constructor(private readonly client: DynamoDBClient, private readonly table: string) {}',
      '  async list(limit = 50): Promise<Order[]> {',
      '    const result = await this.client.send(new ScanCommand({ TableName: this.table, Limit: limit }));',
      '    return (result.Items ?? []).map(toOrder);',
      '  }',
      'const passwordField = document.querySelector("#password");',
      'for (let i = 0; i < values.length; i++) { total += values[i] * weights[i]; }',
      '// compute the token bucket for rate limiting',
    ],
    secretLine: (value) => `const secretToken = "${value}";`,
  },
  {
    folder: 'java',
    extension: 'java',
    lines: [
      'package com.example.orders;',
      'import java.util.List;',
      'import java.util.Optional;',
      '',
      'public class OrderService {',
      '    private static final int MAX_RETRIES = 3;',
      '    private final OrderRepository repository;',
      '    public OrderService(OrderRepository repository) { this.repository = repository; }',
      '    public Optional<Order> find(String id) {',
      '        return repository.findById(id);',
      '    }',
      '    public List<Order> recent(int limit) {',
      '        return repository.findAll().stream().limit(limit).toList();',
      '    private String password = System.getenv("DB_PASSWORD");',
      '    @Value("${app.token}") private String token;',
      '}',
    ],
    secretLine: (value) => `    private static final String API_KEY = "${value}";`,
  },
  {
    folder: 'go',
    extension: 'go',
    lines: [
      'package orders',
      'import (',
      '\t"context"',
      '\t"encoding/json"',
      ')',
      '',
      'func (s *Service) Get(ctx context.Context, id string) (*Order, error) {',
      '\tout, err := s.db.GetItem(ctx, &dynamodb.GetItemInput{TableName: &s.table})',
      '\tif err != nil {',
      '\t\treturn nil, fmt.Errorf("get %s: %w", id, err)',
      '\t}',
      '\treturn decode(out.Item)',
      '}',
      'type Order struct {',
      '\tID    string `json:"id"`',
      '\tTotal int64  `json:"total"`',
      '}',
      '\ttoken := os.Getenv("API_TOKEN")',
    ],
    secretLine: (value) => `\tpassword := "${value}"`,
  },
  {
    folder: 'yaml',
    extension: 'yaml',
    lines: [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: orders',
      '  labels:',
      '    app: orders',
      'spec:',
      '  replicas: 3',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: orders',
      '          image: registry.internal/orders:1.4.2',
      '          ports:',
      '            - containerPort: 8080',
      '          env:',
      '            - name: LOG_LEVEL',
      '              value: info',
      '            - name: DB_PASSWORD',
      '              valueFrom:',
      '                secretKeyRef:',
      '                  name: orders',
      '                  key: password',
    ],
    secretLine: (value) => `  password: ${value}`,
  },
  {
    folder: 'config',
    extension: 'env',
    lines: [
      'PORT=8080',
      'NODE_ENV=production',
      'LOG_LEVEL=info',
      'API_KEY=${API_KEY}',
      'DB_HOST=db.internal',
      'FEATURE_FLAGS=orders,billing',
      '# local overrides',
    ],
    secretLine: (value) => `SECRET_KEY=${value}`,
  },
  {
    folder: 'json',
    extension: 'json',
    lines: [
      '{',
      '  "name": "orders-service",',
      '  "version": "1.4.2",',
      '  "private": true,',
      '  "scripts": { "build": "tsc -p .", "test": "node --test" },',
      '  "dependencies": { "express": "^4.19.2", "zod": "^3.23.8" },',
      '  "integrity": "sha512-Fo5Wps5Dw7UwTSoDTyM0YZPv2jE7Sqx3RuBNPYZRaQJdGyPhXUzfK+4Yx2Xz2TzVvoW0Fxwj/8hUEM1C5nCsQ==",',
      '  "engines": { "node": ">=20" },',
    ],
    secretLine: (value) => `  "token": "${value}",`,
  },
  {
    folder: 'terraform',
    extension: 'tf',
    lines: [
      'resource "aws_s3_bucket" "orders" {',
      '  bucket = "orders-${var.env}"',
      '  tags   = local.tags',
      '}',
      'variable "env" {',
      '  type = string',
      '}',
      'module "vpc" {',
      '  source = "terraform-aws-modules/vpc/aws"',
      '  cidr   = "10.0.0.0/16"',
      '}',
      '  password = var.db_password',
    ],
    secretLine: (value) => `  password = "${value}"`,
  },
];

export interface CorpusStats {
  files: number;
  bytes: number;
  secrets: number;
}

/** One file: lines drawn from the language's pool, sometimes with secrets. */
function buildFile(rng: Rng, language: Language, targetBytes: number, secretChance: number): { text: string; secrets: number } {
  const lines: string[] = [];
  let bytes = 0;
  let secrets = 0;
  while (bytes < targetBytes) {
    let line = pick(rng, language.lines);
    if (rng() < secretChance) {
      line = language.secretLine(pick(rng, SECRET_VALUES)(rng));
      secrets++;
    }
    lines.push(line);
    bytes += line.length + 1;
  }
  return { text: `${lines.join('\n')}\n`, secrets };
}

/** Writes the corpus under `root` (replacing it) and returns what it wrote. */
export function generateCorpus(root: string, fileCount = 5200, averageBytes = 10_600, seed = 20240605): CorpusStats {
  rmSync(root, { recursive: true, force: true });
  const rng = random(seed);
  const stats: CorpusStats = { files: 0, bytes: 0, secrets: 0 };
  for (let i = 0; i < fileCount; i++) {
    const language = LANGUAGES[i % LANGUAGES.length];
    const folder = path.join(root, language.folder, `module-${Math.floor(i / 100)}`);
    if (i % 100 < LANGUAGES.length) mkdirSync(folder, { recursive: true });
    // Sizes vary from a fifth to nearly twice the average; about one line in 400 is a secret.
    const { text, secrets } = buildFile(rng, language, averageBytes * (0.2 + rng() * 1.6), 1 / 400);
    writeFileSync(path.join(folder, `file-${i}.${language.extension}`), text);
    stats.files++;
    stats.bytes += Buffer.byteLength(text);
    stats.secrets += secrets;
  }
  return stats;
}

/** A single file of `lineCount` lines mixing every language's lines, with secrets at a typical density. */
export function mixedFile(lineCount: number, seed = 7): string {
  const rng = random(seed);
  const lines: string[] = [];
  for (let i = 0; i < lineCount; i++) {
    const language = LANGUAGES[Math.floor(i / 50) % LANGUAGES.length];
    lines.push(rng() < 1 / 500 ? language.secretLine(pick(rng, SECRET_VALUES)(rng)) : pick(rng, language.lines));
  }
  return `${lines.join('\n')}\n`;
}
