import { z } from 'zod'

/**
 * The data dictionary: for each column of a bank's file, the name people read, what it
 * means and how a value is written and typed. Forms, reasons, charts, the scored file's
 * reason text and the PDFs all name fields through it, so a column called
 * "Past_Delinquencies" reads "Past missed payments" (or "पिछली चूकी किस्तें") everywhere.
 */

/**
 * How a field's values are written and typed:
 * inr — rupees (₹, lakh/crore in words); percent — a percentage stored as written (5.5 = 5.5 %);
 * share — a share stored as a fraction, typed and shown as a percentage (0.4 = 40 %);
 * months, years, count, score, ratio, number — plain numbers with their unit;
 * flag — 0/1 shown as yes/no; category — text values, with labels per language.
 */
export const FIELD_UNITS = [
  'inr',
  'percent',
  'share',
  'months',
  'years',
  'count',
  'score',
  'ratio',
  'number',
  'flag',
  'category'
] as const
export const FieldUnitSchema = z.enum(FIELD_UNITS)
export type FieldUnit = z.infer<typeof FieldUnitSchema>

const text = z.string().trim().max(200)
/** A text in both languages; an empty Hindi text falls back to the English one. */
export const BilingualSchema = z.object({ en: text.min(1), hi: text }).strict()
export type Bilingual = z.infer<typeof BilingualSchema>

export const DictionaryEntrySchema = z
  .object({
    field: z.string().min(1).max(500),
    label: BilingualSchema,
    description: z.object({ en: z.string().trim().max(500), hi: z.string().trim().max(500) }).strict(),
    unit: FieldUnitSchema,
    /** Labels of category values (by the value as stored). */
    values: z.record(z.string(), BilingualSchema).optional()
  })
  .strict()
export type DictionaryEntry = z.infer<typeof DictionaryEntrySchema>

/** A dictionary: one entry per field (a stored one holds only the fields someone edited). */
export const DictionarySchema = z.array(DictionaryEntrySchema).max(2000)
export type Dictionary = DictionaryEntry[]
