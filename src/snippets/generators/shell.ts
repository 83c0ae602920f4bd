/**
 * POSIX shell / bash with the AWS CLI v2 (and jq for a JSON key). In a quick fix the literal becomes a
 * command substitution: spliced in place inside a double-quoted string, otherwise as its own
 * double-quoted word (`"$(aws …)"`), which keeps the value one word whatever it contains.
 */
import { awsCliCommand } from '../awsCli';
import { snippet, tabStop } from '../snippetSyntax';
import { valueName, type CodeFixer, type SnippetGenerator } from './common';

export const shellSnippetGenerator: SnippetGenerator = {
  id: 'shell',
  label: 'Shell (AWS CLI)',
  generate(context) {
    const { target } = context;
    const value = tabStop(1, valueName(target, 'snake'));
    const command = awsCliCommand(target, { decrypt: target.service === 'ssm' && target.secure === true });
    return { body: snippet`${value}="$(${command})"`, importLines: [], importEdits: () => [] };
  },
};

export const shellFixer: CodeFixer = {
  // Words written next to each other are one word in the shell.
  concat: (pieces) => pieces.join(''),
  expression(context) {
    const command = awsCliCommand(context.target, { decrypt: context.target.service === 'ssm' });
    const insideDoubleQuotes = context.partialOf !== undefined && context.text[context.partialOf.contentStart - 1] === '"';
    return { expression: insideDoubleQuotes ? `$(${command})` : `"$(${command})"`, primary: true, inPlace: insideDoubleQuotes };
  },
};
