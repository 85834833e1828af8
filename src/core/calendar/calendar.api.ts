// JSON routes of the working-day calendar (docs/console-api.md § Calendar): the console's year view and local
// overrides (`calendar.manage`), and two endpoints departments' own systems call without signing in.
import { z } from 'zod';
import { requireSignedIn } from '../auth/require-permission.ts';
import type { App } from '../http/server.ts';
import './calendar.errors.ts';
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR, MAX_DUE_DAYS, type CalendarService } from './calendar.service.ts';

const dayKindSchema = z.enum(['workday', 'weekend', 'holiday', 'makeup_workday']);

const dayDescriptionSchema = z.object({
  date: z.string(),
  working: z.boolean().describe('The effective answer, overrides included'),
  kind: dayKindSchema.describe('From the shipped data or the Monday–Friday rule, before any override'),
  name: z.string().optional().describe('Holiday name, or the holiday a make-up workday is for'),
  override: z.object({ working: z.boolean(), note: z.string().optional() }).optional(),
});

const statusSchema = z.object({
  years: z.array(z.int()),
  currentYear: z.int(),
  nextYear: z.int(),
  nextYearMissing: z.boolean(),
});

const yearSchema = z.object({ year: z.int(), shipped: z.boolean(), days: z.array(dayDescriptionSchema) });

// Dates are plain strings here; the service checks them as real dates so a bad one is 400 INVALID_DATE.
const dateText = z.string().max(32).describe('YYYY-MM-DD');
const dateParamsSchema = z.object({ date: dateText });
const yearParamsSchema = z.object({
  year: z.coerce
    .number<string>({ message: 'CALENDAR_YEAR_INVALID' })
    .int('CALENDAR_YEAR_INVALID')
    .min(CALENDAR_MIN_YEAR, 'CALENDAR_YEAR_INVALID')
    .max(CALENDAR_MAX_YEAR, 'CALENDAR_YEAR_INVALID'),
});
const overrideBodySchema = z.object({
  working: z.boolean(),
  note: z.string().trim().min(1).max(200).describe('Why the day differs, e.g. the county government notice'),
});
const dueDateQuerySchema = z.object({
  start: dateText.describe('Day of receipt, YYYY-MM-DD'),
  // A digit string, so an empty `days=` is refused instead of read as 0.
  days: z
    .string()
    .regex(/^-?\d{1,9}$/, 'CALENDAR_DAYS_INVALID')
    .pipe(z.coerce.number<string>().int().min(0, 'CALENDAR_DAYS_INVALID').max(MAX_DUE_DAYS, 'CALENDAR_DAYS_INVALID'))
    .describe(`Working days, 0–${MAX_DUE_DAYS}`),
});
const dueDateSchema = z.object({ start: z.string(), days: z.int(), dueDate: z.string() });
const workingDayQuerySchema = z.object({ date: dateText });
const workingDaySchema = z.object({ date: z.string(), working: z.boolean(), kind: dayKindSchema, name: z.string().optional() });

const tags = ['calendar'];
const signedIn = [{ session: [] }];
const signedInWrite = [{ session: [], csrf: [] }];

/** Registers /api/calendar/*. */
export function registerCalendarRoutes(app: App, deps: { calendarService: CalendarService }): void {
  const { calendarService } = deps;

  app.get(
    '/api/calendar/status',
    { schema: { tags, summary: '日历数据状态 Which years have holiday data', security: signedIn, response: { 200: statusSchema } } },
    async (request) => {
      requireSignedIn(request.actor);
      return calendarService.describeStatus();
    },
  );

  app.get(
    '/api/calendar/years/:year',
    { schema: { tags, summary: '全年日历 Every day of a year', security: signedIn, params: yearParamsSchema, response: { 200: yearSchema } } },
    async (request) => {
      requireSignedIn(request.actor);
      return calendarService.describeYear(request.params.year);
    },
  );

  app.put(
    '/api/calendar/overrides/:date',
    {
      schema: {
        tags,
        summary: '设置本地调整 Make a day working or not (calendar.manage)',
        security: signedInWrite,
        params: dateParamsSchema,
        body: overrideBodySchema,
        response: { 200: dayDescriptionSchema },
      },
    },
    async (request) => calendarService.setOverride(request.actor, request.params.date, request.body),
  );

  app.delete(
    '/api/calendar/overrides/:date',
    {
      schema: {
        tags,
        summary: '取消本地调整 Remove a local adjustment (calendar.manage)',
        security: signedInWrite,
        params: dateParamsSchema,
        response: { 200: dayDescriptionSchema },
      },
    },
    async (request) => calendarService.removeOverride(request.actor, request.params.date),
  );

  app.get(
    '/api/calendar/due-date',
    {
      schema: {
        tags,
        summary: '计算办理期限 Due date after N working days (public)',
        description: 'Day 1 is the first working day after the day of receipt; days=0 returns the start date.',
        security: [],
        querystring: dueDateQuerySchema,
        response: { 200: dueDateSchema },
      },
    },
    async (request) => calendarService.dueDate(request.query.start, request.query.days),
  );

  app.get(
    '/api/calendar/working-day',
    {
      schema: {
        tags,
        summary: '是否工作日 Is a date a working day (public)',
        security: [],
        querystring: workingDayQuerySchema,
        response: { 200: workingDaySchema },
      },
    },
    async (request) => {
      const day = calendarService.describeDay(request.query.date);
      return { date: day.date, working: day.working, kind: day.kind, ...(day.name === undefined ? {} : { name: day.name }) };
    },
  );
}
