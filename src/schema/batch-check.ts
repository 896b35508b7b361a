/** Checks a batch of values against their columns before anything is written. */
import { ValidationError, type ValueProblem } from './errors.ts';
import type { CellValue, Column } from './types.ts';
import { checkValue } from './values.ts';

/** Problems past this many are counted but not listed one by one. */
const MAX_LISTED = 200;

/** Collects problems of a batch; `done()` throws a ValidationError if any value was refused. */
export class BatchCheck {
  private problems: ValueProblem[] = [];
  private count = 0;
  constructor(private readonly sheetName: string) {}

  /** The normalised value, or undefined (and a problem recorded) when refused. */
  check(column: Column, row: number, value: unknown): CellValue | undefined {
    const r = checkValue(column, value);
    if (r.ok) return r.value;
    this.count++;
    if (this.problems.length < MAX_LISTED) {
      this.problems.push({ sheet: this.sheetName, column: column.name, row, message: r.message });
    }
    return undefined;
  }

  get failed(): boolean {
    return this.count > 0;
  }

  /** Throws when any value was refused: nothing of the batch may be written then. */
  done(): void {
    if (this.count === 0) return;
    const err = new ValidationError(this.problems);
    if (this.count > this.problems.length) {
      err.message += ` — ${this.count} values refused in all`;
    }
    throw err;
  }
}
