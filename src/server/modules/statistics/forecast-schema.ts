import { z } from 'zod';

/** 'YYYY-MM', a real month. */
export const isoMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'kein gültiger Monat (JJJJ-MM)')
  .refine((m) => m >= '2000-01' && m <= '2100-12', 'Monat außerhalb des Zeitraums 2000–2100');

/** GET /api/statistics/forecast: the first forecast month and one scenario (a factor or arrivals a year). */
export const forecastQuery = z
  .object({
    from: isoMonth.optional(),
    factor: z.coerce
      .number({ error: 'Faktor: eine Zahl' })
      .min(0.25, 'Faktor: mindestens 0,25')
      .max(4, 'Faktor: höchstens 4')
      .optional(),
    annualArrivals: z.coerce
      .number({ error: 'Erwartete Zugänge: eine Zahl' })
      .int('Erwartete Zugänge: eine ganze Zahl')
      .min(0, 'Erwartete Zugänge: nicht negativ')
      .max(1_000_000, 'Erwartete Zugänge: höchstens 1.000.000')
      .optional(),
  })
  .refine((q) => q.factor === undefined || q.annualArrivals === undefined, {
    message: 'Entweder ein Faktor oder erwartete Zugänge im Jahr, nicht beides',
    path: ['annualArrivals'],
  });
export type ForecastQuery = z.infer<typeof forecastQuery>;

const errorOut = z.object({
  origins: z.number(),
  pairs: z.number(),
  mae: z.number().nullable(),
  mae1: z.number().nullable(),
  mape: z.number().nullable(),
  naiveMae: z.number().nullable(),
});

/** The forecast as the web and the report read it. History cells of 1–4 persons are null (not shown). */
export const forecastOut = z.object({
  from: z.string(),
  scenario: z.object({
    factor: z.number(),
    annualArrivals: z.number().nullable(),
  }),
  history: z.array(
    z.object({ month: z.string(), arrivals: z.number().nullable(), demand: z.number().nullable() }),
  ),
  months: z.array(
    z.object({
      month: z.string(),
      arrivals: z.number(),
      arrivalsLow: z.number().nullable(),
      arrivalsHigh: z.number().nullable(),
      demand: z.number(),
      demandLow: z.number().nullable(),
      demandHigh: z.number().nullable(),
      seats: z.number(),
      shortfall: z.number(),
    }),
  ),
  totals: z.object({ arrivals: z.number(), demand: z.number(), seats: z.number() }),
  waitingNow: z.number().nullable(),
  demandPerArrival: z.number().nullable(),
  backtest: z.object({ arrivals: errorOut, demand: errorOut }),
});
export type ForecastOut = z.infer<typeof forecastOut>;
