/**
 * Rust, AWS SDK for Rust (crates aws-config, aws-sdk-secretsmanager / aws-sdk-ssm, serde_json for JSON
 * keys). Snippet only: the SDK is async and needs a Tokio runtime, so a literal cannot be swapped for
 * a lookup expression; the snippet is statements for an async fn returning a `Result` (`?`).
 */
import { detectEol } from '../edits';
import { renderAtAnchor, rustUses } from '../imports';
import { scanSource } from '../lexer';
import { snippet, tabStop } from '../snippetSyntax';
import { rustString } from '../stringLiteral';
import { jsonKeyOf, valueName, type SnippetGenerator } from './common';

export const rustSnippetGenerator: SnippetGenerator = {
  id: 'rust',
  label: 'Rust (AWS SDK for Rust)',
  generate(context) {
    const { target } = context;
    const config = tabStop(1, 'config');
    const client = tabStop(2, 'client');
    const response = tabStop(3, 'response');
    const value = tabStop(4, valueName(target, 'snake'));
    const crate = target.service === 'secretsmanager' ? 'aws_sdk_secretsmanager' : 'aws_sdk_ssm';
    const region = target.region ? `\n\t.region(${rustString(target.region)})` : '';
    const call =
      target.service === 'secretsmanager'
        ? `get_secret_value()\n\t.secret_id(${rustString(target.name)})`
        : `get_parameter()\n\t.name(${rustString(target.name)})${target.secure ? '\n\t.with_decryption(true)' : ''}`;
    const raw = target.service === 'secretsmanager' ? '.secret_string()' : '.parameter().and_then(|parameter| parameter.value())';
    const key = jsonKeyOf(target);
    let body = snippet`let ${config} = aws_config::defaults(BehaviorVersion::latest())${region}\n\t.load()\n\t.await;
let ${client} = ${crate}::Client::new(&${config});
let ${response} = ${client}\n\t.${call}\n\t.send()\n\t.await?;
`;
    if (key === undefined) {
      body = body.concat(snippet`let ${value} = ${response}${raw}.unwrap_or_default();`);
    } else {
      const fields = tabStop(5, 'fields');
      body = body.concat(
        snippet`let ${fields}: serde_json::Value = serde_json::from_str(${response}${raw}.unwrap_or("{}"))?;\n`,
        snippet`let ${value} = ${fields}[${rustString(key)}].as_str().unwrap_or_default();`,
      );
    }
    const uses = ['aws_config::BehaviorVersion'];
    return {
      body,
      importLines: uses.map((u) => `use ${u};`),
      importEdits: () => {
        const text = context.documentText;
        const { lines, anchor } = rustUses(scanSource(text, 'rust').code, uses);
        const insert = renderAtAnchor(anchor, text, lines, [], detectEol(text));
        return insert ? [{ start: anchor.offset, end: anchor.offset, newText: insert }] : [];
      },
    };
  },
};
