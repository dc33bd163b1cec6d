import { z } from 'zod';
import { MAX_USAGE_ROWS, usageRowSchema } from './schemas';

/**
 * The request body POST /api/v1/usage accepts, as a zod schema: the same row schema the route
 * validates with (`parseUsageRows`), in either of the two envelopes it reads. The route adds
 * what a schema cannot say per row (no future date, at least one measure, one row per app and
 * day in a batch); the descriptions carry those rules into the document.
 */
const rowsSchema = z
  .array(usageRowSchema)
  .min(1)
  .max(MAX_USAGE_ROWS)
  .describe(`1 to ${MAX_USAGE_ROWS} daily rows; at most one row per app and day; every row dated no later than today (Asia/Shanghai) and carrying at least one measure`);

export const usageBatchSchema = z.union([rowsSchema, z.strictObject({ rows: rowsSchema })]);

export const ingestResultSchema = z.object({
  ok: z.literal(true),
  batchId: z.string().describe('Identifies this batch in the usage lookup and the audit log'),
  rows: z.int().describe('Rows in the batch'),
  inserted: z.int(),
  updated: z.int().describe('Rows that replaced a stored row for the same app and day'),
  unchanged: z.int().describe('Rows identical to what was stored'),
  apps: z.int(),
  months: z.array(z.string().regex(/^\d{4}-\d{2}$/)),
  staleDrafts: z.int().describe('Draft invoices whose inputs this batch changed (a re-run of the month replaces them)'),
});

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(['invalid', 'forbidden', 'not_found', 'conflict', 'unauthorized', 'internal']),
    key: z.string().describe('The rule broken, stable for machines (docs/errors.md)'),
    message: z.string().describe("The message in the request's Accept-Language (English by default)"),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional().describe("The message's parameters"),
    field: z.string().optional(),
    details: z
      .array(z.object({ index: z.int().describe('0-based position in the batch'), field: z.string(), key: z.string().describe('The reason, stable for machines'), reason: z.string().describe("The reason in the request's Accept-Language") }))
      .optional()
      .describe('Every bad row of a refused batch'),
  }),
});

// What the row schema checks in code (transforms, refinements), said in the document's terms;
// keyed by the schema objects themselves, so the row schema stays the one source of the fields.
const FIELD_DOCS = new Map<z.ZodType, Record<string, unknown>>([
  [usageRowSchema.shape.sdkAppId, { description: 'The app: a 10-digit SDKAppID, as a number or a string', pattern: '^[1-9][0-9]{9}$' }],
  [usageRowSchema.shape.date, { description: 'The calendar day (Asia/Shanghai), YYYY-MM-DD, no later than today', format: 'date' }],
  [usageRowSchema.shape.dau, { description: 'Daily active users' }],
  [usageRowSchema.shape.peakGroups, { description: 'Peak number of groups that day' }],
  [usageRowSchema.shape.mau, { description: 'Monthly active users so far this month (current scheme)' }],
  [usageRowSchema.shape.pcc, { description: 'Peak concurrent connections (stored, not billed)' }],
  [usageRowSchema.shape.barrageDomesticMbps, { description: 'Barrage bandwidth in China, Mbps, at most 3 decimals; a string keeps it exact' }],
  [usageRowSchema.shape.barrageIntlMbps, { description: 'Barrage bandwidth outside China, Mbps, at most 3 decimals; a string keeps it exact' }],
]);

/** A zod schema as an OpenAPI 3.1 schema object (JSON Schema 2020-12, the request side of transforms). */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
    override: (ctx) => {
      const docs = FIELD_DOCS.get(ctx.zodSchema as unknown as z.ZodType);
      if (docs) Object.assign(ctx.jsonSchema, docs);
    },
  }) as Record<string, unknown>;
  return rest;
}

const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });

/** The usage API as OpenAPI 3.1, generated from the zod schemas above on every request. */
export function buildUsageOpenApi(serverUrl?: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'IM Billing usage ingestion API',
      version: '1',
      description: 'Machine clients send daily usage per app (SDKAppID). A batch is all-or-nothing: any bad row refuses the whole batch with every bad row listed.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths: {
      '/api/v1/usage': {
        post: {
          operationId: 'postUsage',
          summary: 'Record a batch of daily usage rows',
          security: [{ apiKey: [] }],
          requestBody: { required: true, content: json('UsageBatch') },
          responses: {
            '200': { description: 'The batch was written', content: json('IngestResult') },
            '400': { description: 'The body or at least one row is invalid; nothing was written', content: json('ApiError') },
            '401': { description: 'Missing, unknown or revoked API key', content: json('ApiError') },
            '409': { description: 'A row falls in a month whose invoice is issued or paid', content: json('ApiError') },
            '413': { description: 'The body is larger than 8 MiB', content: json('ApiError') },
          },
        },
      },
    },
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key created by ops on the console\'s API keys page' } },
      schemas: {
        UsageRow: schemaOf(usageRowSchema, 'input'),
        UsageBatch: schemaOf(usageBatchSchema, 'input'),
        IngestResult: schemaOf(ingestResultSchema, 'output'),
        ApiError: schemaOf(apiErrorSchema, 'output'),
      },
    },
  };
}

export type UsageOpenApi = ReturnType<typeof buildUsageOpenApi>;
