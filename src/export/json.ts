// export --format json: exactly what `show --json` prints (SPEC section 6).

import type { ExportModel } from './model.js'

/** `{"from","to","assignments":[...]}` on one line, newline-terminated. */
export function toJson(model: Pick<ExportModel, 'from' | 'to' | 'entries'>): string {
  return `${JSON.stringify({ from: model.from, to: model.to, assignments: model.entries })}\n`
}
