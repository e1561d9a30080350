import { z } from 'zod';
import { isCalendarDate } from '../domain/deadline';

/** A date written as YYYY-MM-DD. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/** A YYYY-MM-DD date that exists in the calendar (2026-02-30 does not). */
export const CalendarDate = IsoDate.refine(isCalendarDate, 'not a date in the calendar');
