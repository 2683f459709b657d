/** The header row every GuardLink table shares; an empty column name becomes a screen-reader label. */
export function TableHead({ columns, srOnly = {} }: { columns: string[]; srOnly?: Record<string, boolean> }) {
  return (
    <thead className="border-b border-slate-200 text-slate-500">
      <tr>
        {columns.map((c) => (
          <th key={c} scope="col" className="py-2 pr-4 font-medium">
            {srOnly[c] ? <span className="sr-only">{c}</span> : c}
          </th>
        ))}
      </tr>
    </thead>
  );
}
