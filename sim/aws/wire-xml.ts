/** Hand-written XML for the query protocols: escaping and a small fields-to-elements builder. */

export type XmlValue = string | number | boolean | Date | undefined | null | XmlValue[] | XmlFields;
export interface XmlFields {
  [element: string]: XmlValue;
}

// Characters XML 1.0 cannot carry at all; they are dropped rather than producing unparsable output.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

function content(value: XmlValue, itemTag: string): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => `<${itemTag}>${content(v, itemTag)}</${itemTag}>`).join('');
  if (typeof value === 'object') return xmlFields(value, itemTag);
  return escapeXml(String(value));
}

/**
 * `{A: 'x', L: ['1'], S: {B: true}}` → `<A>x</A><L><member>1</member></L><S><B>true</B></S>`.
 * Undefined fields are left out; lists wrap items in `itemTag` (`member` for awsQuery, `item` for EC2).
 */
export function xmlFields(fields: XmlFields, itemTag = 'member'): string {
  let out = '';
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    out += `<${name}>${content(value, itemTag)}</${name}>`;
  }
  return out;
}
