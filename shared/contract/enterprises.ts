import { z } from 'zod';
import { describeCreditCodeProblem, creditCodeProblem, normalizeCreditCode } from '../domain/credit-code';
import { ExportedFile } from './comment-types';
import { channel } from './define';
import { RowNotice, RowRejection } from './imports';
import { Locale } from './app';
import { Uid } from './record-uid';
import { WarningLevelCounts } from './warnings';

/** A unified social credit code (GB 32100-2015), upper-cased, with its check character verified. */
export const CreditCode = z
  .string()
  .transform(normalizeCreditCode)
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: describeCreditCodeProblem(problem), params: { reason: `creditCode.${problem.kind}` } });
  });

/** An HS code as enterprises give their products: 6 to 10 digits, dots and blanks removed. */
export const ProductHsCode = z
  .string()
  .transform((s) => s.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^\d{6,10}$/, 'an HS code of a product has 6 to 10 digits'));

/**
 * An HS code or prefix as a focus industry lists it: 2 (chapter), 4 (heading) or 6 to 10 digits.
 */
export const HsPrefix = z
  .string()
  .transform((s) => s.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^(\d{2}|\d{4}|\d{6,10})$/, 'an HS chapter (2 digits), heading (4) or line (6 to 10)'));

/** A market: a country code of the reference list or a WTO member code (EU, USA ...). */
export const MarketCode = z.string().regex(/^(EU|[A-Z]{3})$/, 'expected a country code such as SAU, RUS or EU');

export const EnterpriseContact = z
  .object({
    person: z.string().trim().max(100).default(''),
    phone: z.string().trim().max(60).default(''),
    email: z.union([z.literal(''), z.string().trim().email('not an e-mail address').max(200)]).default(''),
  })
  .strict();
export type EnterpriseContact = z.infer<typeof EnterpriseContact>;

/** One product × market line of an enterprise's exports. */
export const ExposureLine = z.object({
  uid: Uid,
  hsCode: z.string(),
  market: z.string(),
  marketNameZh: z.string(),
  marketNameEn: z.string(),
  /** Annual export value in USD; null when the enterprise gave no figure (customs data stands in). */
  annualExportUsd: z.number().nonnegative().nullable(),
});
export type ExposureLine = z.infer<typeof ExposureLine>;

/** An enterprise of the registry, as the list shows it. */
export const EnterpriseListItem = z.object({
  uid: Uid,
  name: z.string(),
  creditCode: z.string(),
  province: z.string(),
  city: z.string(),
  industry: z.string(),
  hsCodes: z.array(z.string()),
  markets: z.array(z.string()),
  /** Sum of the annual export values given (USD); null when none is given. */
  totalExportUsd: z.number().nullable(),
  /** Warnings not closed, by effective level. */
  openWarnings: WarningLevelCounts,
  updatedAt: z.string(),
});
export type EnterpriseListItem = z.infer<typeof EnterpriseListItem>;

export const Enterprise = z.object({
  uid: Uid,
  name: z.string(),
  creditCode: z.string(),
  province: z.string(),
  city: z.string(),
  industry: z.string(),
  contacts: z.array(EnterpriseContact),
  notes: z.string(),
  exposure: z.array(ExposureLine),
  createdAt: z.string(),
  createdBy: z.string(),
  createdById: Uid,
  updatedAt: z.string(),
  updatedBy: z.string(),
  updatedById: Uid,
});
export type Enterprise = z.infer<typeof Enterprise>;

/** A value an import or an edit replaced, kept as history. */
export const EnterpriseChange = z.object({
  at: z.string(),
  by: z.string(),
  /** 'name', 'region', 'contact', 'exposure' ... ; for exposure lines `line` names the HS code and market. */
  field: z.string(),
  line: z.string().nullable(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  /** The enterprise import that made the change, if one did. */
  importId: z.number().int().nullable(),
});
export type EnterpriseChange = z.infer<typeof EnterpriseChange>;

const FileRef = z.string().regex(/^[a-f0-9]{32}$/, 'expected a file reference from stageFile');

export const EnterpriseSaveInput = z
  .object({
    /** Without uid: a new enterprise; with uid: replace that one's fields and exposure lines. */
    uid: Uid.optional(),
    name: z.string().trim().min(1, 'the enterprise name is required').max(200),
    creditCode: CreditCode,
    province: z.string().trim().max(40).default(''),
    city: z.string().trim().max(40).default(''),
    industry: z.string().trim().max(100).default(''),
    contacts: z.array(EnterpriseContact).max(20).default([]),
    notes: z.string().max(20_000).default(''),
    exposure: z
      .array(
        z
          .object({
            hsCode: ProductHsCode,
            /** A country code, or a bloc (GCC, EAEU) that the backend expands to its members. */
            market: z.string().trim().min(1).max(60),
            annualExportUsd: z.number().nonnegative().max(1e13).nullable().default(null),
          })
          .strict(),
      )
      .max(2000)
      .default([]),
  })
  .strict();
export type EnterpriseSaveInput = z.input<typeof EnterpriseSaveInput>;

/** What an enterprise import did (the notification import's report, by enterprise). */
export const EnterpriseImportReport = z.object({
  importId: z.number().int(),
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  rowsRead: z.number().int(),
  /** Enterprises new to the registry, and enterprises whose fields or lines changed. */
  enterprisesAdded: z.number().int(),
  enterprisesUpdated: z.number().int(),
  enterprisesUnchanged: z.number().int(),
  /** Exposure lines (enterprise × HS code × market). */
  linesAdded: z.number().int(),
  linesUpdated: z.number().int(),
  linesUnchanged: z.number().int(),
  rejected: z.number().int(),
  rejections: z.array(RowRejection),
  notices: z.array(RowNotice),
  /** The warnings recomputation started for the enterprises changed (null: nothing changed). */
  warningsJobId: z.string().nullable(),
});
export type EnterpriseImportReport = z.infer<typeof EnterpriseImportReport>;

/** A customs-statistics import: China's exports by HS code, destination and year. */
export const TradeExposureImportReport = z.object({
  fileName: z.string(),
  rowsRead: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  rejections: z.array(RowRejection),
  warningsJobId: z.string().nullable(),
});
export type TradeExposureImportReport = z.infer<typeof TradeExposureImportReport>;

export const TradeExposureSummary = z.object({
  rows: z.number().int(),
  years: z.array(z.number().int()),
  destinations: z.number().int(),
  totalUsd: z.number(),
});
export type TradeExposureSummary = z.infer<typeof TradeExposureSummary>;

/** A focus industry: an editable set of HS codes (and words for text matches). */
export const FocusIndustry = z.object({
  uid: Uid,
  /** Stable short key (ev, lithium-battery ...), also used by triage's industries where they share one. */
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  hsCodes: z.array(z.string()),
  /** Words (Chinese or English, lower case) that count as a text match when no HS code matches. */
  keywords: z.array(z.string()),
  /** Why these codes: shown in Settings beside the defaults. */
  justification: z.string(),
  /** One of the defaults shipped with the app (still editable). */
  builtIn: z.boolean(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type FocusIndustry = z.infer<typeof FocusIndustry>;

export const FocusIndustrySaveInput = z
  .object({
    uid: Uid.optional(),
    code: z.string().trim().regex(/^[a-z0-9-]{2,40}$/, 'a short key of lower-case letters, digits and hyphens'),
    nameZh: z.string().trim().min(1).max(60),
    nameEn: z.string().trim().max(100).default(''),
    hsCodes: z.array(HsPrefix).min(1, 'list at least one HS code').max(500),
    keywords: z.array(z.string().trim().toLowerCase().min(2).max(60)).max(100).default([]),
    justification: z.string().max(5000).default(''),
  })
  .strict();
export type FocusIndustrySaveInput = z.input<typeof FocusIndustrySaveInput>;

export const EnterpriseListInput = z
  .object({
    /** Name, credit code, region, industry or HS code. */
    query: z.string().trim().max(200).optional(),
    market: MarketCode.optional(),
    sort: z.enum(['name', 'updated', 'exposure', 'warnings']).default('name'),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

export const enterpriseChannels = {
  enterprisesList: channel(EnterpriseListInput, z.object({ items: z.array(EnterpriseListItem), total: z.number().int() })),
  enterprisesGet: channel(z.object({ uid: Uid }).strict(), Enterprise.extend({ history: z.array(EnterpriseChange) })),
  /** Save one enterprise; its warnings are recomputed in the same call. */
  enterprisesSave: channel(EnterpriseSaveInput, Enterprise),
  /** A tombstone: the enterprise leaves lists and its open warnings close ("enterprise removed"). */
  enterprisesDelete: channel(z.object({ uid: Uid }).strict(), z.object({ deleted: z.boolean() })),
  /** Import a staged XLSX or CSV file (one row per enterprise × HS code × market), all or nothing per row. */
  enterprisesImport: channel(z.object({ fileRef: FileRef, fileName: z.string().max(260).optional() }).strict(), EnterpriseImportReport),
  /** The import template with the headers of `locale`, and one example row. */
  enterprisesTemplate: channel(
    z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx'), locale: Locale.default('zh-CN'), inline: z.boolean().default(false) }).strict(),
    ExportedFile,
  ),
  tradeExposureImport: channel(z.object({ fileRef: FileRef, fileName: z.string().max(260).optional() }).strict(), TradeExposureImportReport),
  tradeExposureSummary: channel(z.object({}).strict(), TradeExposureSummary),
  focusIndustriesList: channel(z.object({}).strict(), z.array(FocusIndustry)),
  /** Save a focus industry; every warning is recomputed as a job (its id is returned). */
  focusIndustriesSave: channel(FocusIndustrySaveInput, z.object({ industry: FocusIndustry, jobId: z.string() })),
  focusIndustriesDelete: channel(z.object({ uid: Uid }).strict(), z.object({ deleted: z.boolean(), jobId: z.string().nullable() })),
};
