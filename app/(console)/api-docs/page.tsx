import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { requireRole } from '@/lib/auth/guard';
import { getI18n } from '@/lib/i18n/server';
import { buildUsageOpenApi } from '@/lib/usage/openapi';
import { translatedTitle } from '@/lib/i18n/metadata';

export const generateMetadata = translatedTitle('title.apiDocs');

type JsonSchema = { type?: string | string[]; anyOf?: JsonSchema[]; description?: string; format?: string; pattern?: string; minimum?: number; maximum?: number };

/** `integer ≥ 0`, `string | number`: the schema's type in a line, from the generated document. */
function typeOf(schema: JsonSchema): string {
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' | ');
  const types = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any');
  const extras = [schema.format, schema.minimum !== undefined ? `≥ ${schema.minimum}` : null].filter(Boolean);
  return extras.length ? `${types} (${extras.join(', ')})` : types;
}

/** The usage API's reference for ops, who hand keys to API clients: read from the generated OpenAPI document. */
export default async function ApiDocsPage() {
  await requireRole('OPS');
  const { t } = await getI18n();
  const document = buildUsageOpenApi();
  const operation = document.paths['/api/v1/usage'].post;
  const row = document.components.schemas.UsageRow as { properties: Record<string, JsonSchema>; required?: string[] };
  return (
    <>
      <PageHeader
        title={t('apiDocs.title')}
        description={t('apiDocs.description')}
        breadcrumbs={[{ label: t('nav.apiDocs') }]}
        actions={
          <a className="text-sm text-sky-700 underline" href="/api/v1/openapi.json">
            {t('apiDocs.download')}
          </a>
        }
      />
      <div className="space-y-4">
        <Card title={<code>POST /api/v1/usage</code>}>
          <p className="text-sm text-slate-700">{operation.summary}. {document.info.description}</p>
          <p className="mt-2 text-sm text-slate-700">{t('apiDocs.auth')}</p>
        </Card>
        <Card title={t('apiDocs.body')}>
          <p className="mb-3 text-sm text-slate-700">{t('apiDocs.bodyShape')}</p>
          <Table>
            <THead>
              <TR>
                <TH>{t('apiDocs.field')}</TH>
                <TH>{t('apiDocs.type')}</TH>
                <TH>{t('apiDocs.required')}</TH>
                <TH>{t('apiDocs.meaning')}</TH>
              </TR>
            </THead>
            <TBody>
              {Object.entries(row.properties).map(([name, schema]) => (
                <TR key={name}>
                  <TD>
                    <code>{name}</code>
                  </TD>
                  <TD className="font-mono text-xs">{typeOf(schema)}</TD>
                  <TD>{row.required?.includes(name) ? t('apiDocs.yes') : t('apiDocs.no')}</TD>
                  <TD>{schema.description}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </Card>
        <Card title={t('apiDocs.responses')}>
          <Table>
            <THead>
              <TR>
                <TH>{t('apiDocs.status')}</TH>
                <TH>{t('apiDocs.meaning')}</TH>
              </TR>
            </THead>
            <TBody>
              {Object.entries(operation.responses).map(([status, response]) => (
                <TR key={status}>
                  <TD className="font-mono">{status}</TD>
                  <TD>{response.description}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </Card>
      </div>
    </>
  );
}
