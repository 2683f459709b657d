/**
 * CloudWatch Logs filter patterns (aws-semantics §7.2) for unstructured lines: `term` (all must
 * match), `?term` (at least one), `-term` (none), `"quoted phrase"`, `%regex%` (at most two, no
 * parentheses), and `""` or an empty pattern for everything. Terms are case-sensitive. A JSON
 * pattern `{ $.a.b = "v" }` (or `!=`) matches JSON messages only; other forms are refused.
 */
import { AwsError } from './errors';

export type LogMatcher = (message: string) => boolean;

const invalid = (why: string): AwsError =>
  new AwsError('InvalidParameterException', `Invalid filter pattern: ${why}`, 400);

type Kind = 'all' | 'any' | 'none';
interface Term {
  kind: Kind;
  test: (message: string) => boolean;
}

/** Splits a pattern into raw tokens, keeping quoted phrases and %regex% bodies whole. */
function tokenize(pattern: string): { prefix: string; body: string; quoted: boolean; regex: boolean }[] {
  const tokens: { prefix: string; body: string; quoted: boolean; regex: boolean }[] = [];
  let i = 0;
  while (i < pattern.length) {
    if (/\s/.test(pattern[i] ?? '')) {
      i++;
      continue;
    }
    let prefix = '';
    if (pattern[i] === '?' || pattern[i] === '-') prefix = pattern[i++] ?? '';
    const open = pattern[i];
    if (open === '"' || open === '%') {
      let j = i + 1;
      let body = '';
      while (j < pattern.length && pattern[j] !== open) {
        if (open === '"' && pattern[j] === '\\' && j + 1 < pattern.length) j++;
        body += pattern[j++];
      }
      if (j >= pattern.length) throw invalid(`unterminated ${open === '"' ? 'quote' : 'regex'}`);
      tokens.push({ prefix, body, quoted: open === '"', regex: open === '%' });
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < pattern.length && !/\s/.test(pattern[j] ?? '')) j++;
    tokens.push({ prefix, body: pattern.slice(i, j), quoted: false, regex: false });
    i = j;
  }
  return tokens;
}

function jsonMatcher(pattern: string): LogMatcher {
  const m = /^\{\s*\$((?:\.[A-Za-z0-9_]+)+)\s*(=|!=)\s*(?:"([^"]*)"|([^\s}]+))\s*\}$/.exec(pattern.trim());
  if (!m) throw invalid('only `{ $.field = value }` and `{ $.field != value }` are supported here');
  const [, path = '', op, quotedValue, bareValue] = m;
  const wanted = quotedValue ?? bareValue ?? '';
  const keys = path.slice(1).split('.');
  return (message) => {
    let value: unknown;
    try {
      value = JSON.parse(message);
    } catch {
      return false;
    }
    for (const key of keys) {
      if (!value || typeof value !== 'object') return false;
      value = (value as Record<string, unknown>)[key];
    }
    if (value === undefined) return false;
    const equal = String(value) === wanted;
    return op === '=' ? equal : !equal;
  };
}

export function compileFilterPattern(pattern: string | undefined): LogMatcher {
  const text = (pattern ?? '').trim();
  if (text === '' || text === '""') return () => true;
  if (text.startsWith('{')) return jsonMatcher(text);
  if (text.startsWith('[')) throw invalid('space-delimited patterns are not supported by this simulator');
  const tokens = tokenize(text);
  if (tokens.filter((t) => t.regex).length > 2) throw invalid('at most 2 regular expressions are allowed');
  const terms: Term[] = tokens.map((t) => {
    const kind: Kind = t.prefix === '?' ? 'any' : t.prefix === '-' ? 'none' : 'all';
    if (!t.regex) return { kind, test: (message) => message.includes(t.body) };
    if (/[()]/.test(t.body)) throw invalid('regular expressions do not support ()');
    let re: RegExp;
    try {
      re = new RegExp(t.body);
    } catch {
      throw invalid(`bad regular expression %${t.body}%`);
    }
    return { kind, test: (message) => re.test(message) };
  });
  const all = terms.filter((t) => t.kind === 'all');
  const any = terms.filter((t) => t.kind === 'any');
  const none = terms.filter((t) => t.kind === 'none');
  return (message) =>
    all.every((t) => t.test(message)) &&
    !none.some((t) => t.test(message)) &&
    (any.length === 0 || any.some((t) => t.test(message)));
}
