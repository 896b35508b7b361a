/** The weeks a calendar view shows, Monday first; the day arithmetic is src/schema/calendar-day.ts. Pure. */
import { addDays, addMonths, monthStart, weekStart } from '../../schema/calendar-day.ts';

/** The weeks (Monday first, seven dates each) that show the month `date` is in: four to six of them. */
export const monthWeeks = (date: string): string[][] => {
  const first = monthStart(date);
  const next = addMonths(first, 1);
  const weeks: string[][] = [];
  for (let start = weekStart(first); start < next; start = addDays(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_x, i) => addDays(start, i)));
  }
  return weeks;
};

/** The seven dates of the week `date` is in. */
export const weekDates = (date: string): string[] => {
  const start = weekStart(date);
  return Array.from({ length: 7 }, (_x, i) => addDays(start, i));
};
