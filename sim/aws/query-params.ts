/** Reading lists and structures out of query-protocol forms. */

/** awsQuery lists: `Prefix.member.1`, `Prefix.member.2`, … (stops at the first gap). */
export function memberList(form: URLSearchParams, prefix: string): string[] {
  const out: string[] = [];
  for (let n = 1; ; n++) {
    const value = form.get(`${prefix}.member.${n}`);
    if (value === null) return out;
    out.push(value);
  }
}

function structsAt(form: URLSearchParams, base: (n: number) => string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (let n = 1; ; n++) {
    const prefix = `${base(n)}.`;
    const fields: Record<string, string> = {};
    let found = false;
    for (const [key, value] of form) {
      if (!key.startsWith(prefix)) continue;
      fields[key.slice(prefix.length)] = value;
      found = true;
    }
    if (!found) return out;
    out.push(fields);
  }
}

/** awsQuery lists of structures: `Prefix.member.N.Field` → `[{Field: …}, …]`. */
export const memberStructs = (form: URLSearchParams, prefix: string): Record<string, string>[] =>
  structsAt(form, (n) => `${prefix}.member.${n}`);

/** EC2 lists have no `.member`: `Prefix.1`, `Prefix.2`, … */
export function ec2List(form: URLSearchParams, prefix: string): string[] {
  const out: string[] = [];
  for (let n = 1; ; n++) {
    const value = form.get(`${prefix}.${n}`);
    if (value === null) return out;
    out.push(value);
  }
}

/** EC2 structures: `Filter.N.Name`, `Filter.N.Value.M` → `[{Name, Values}]`. */
export function ec2Filters(form: URLSearchParams): { name: string; values: string[] }[] {
  const out: { name: string; values: string[] }[] = [];
  for (let n = 1; ; n++) {
    const name = form.get(`Filter.${n}.Name`);
    if (name === null) return out;
    out.push({ name, values: ec2List(form, `Filter.${n}.Value`) });
  }
}

export const isTrue = (value: string | null): boolean => value?.toLowerCase() === 'true';
