import { z } from 'zod';

// Every setting, read from the environment once and validated; docs/operations.md lists them.

/** A font for printed PDFs: `/path/font.ttf` or `/path/fonts.ttc#PostScriptName`; unset: the usual places. */
const pdfFont = z.string().trim().max(1000).optional().transform((s) => s || undefined);

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .default('sqlite:data/tongxin.db')
    .refine((s) => s.startsWith('sqlite:') || /^postgres(ql)?:\/\//.test(s), 'DATABASE_URL must be sqlite:path or postgres://…'),
  TONGXIN_ORG_NAME: z.string().trim().optional(),
  TONGXIN_ADMIN_USERNAME: z.string().trim().default('admin'),
  TONGXIN_ADMIN_PASSWORD: z.string().optional(),
  /** Base URL printed in the setup link; defaults to http://HOST:PORT. */
  TONGXIN_PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Session lifetime in hours (sliding is not used: a school laptop may be shared). */
  SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
  /** Largest accepted upload, in MB. */
  UPLOAD_LIMIT_MB: z.coerce.number().int().min(1).max(200).default(10),
  /** Set to 1 behind HTTPS so the session cookie is marked Secure. */
  COOKIE_SECURE: z.enum(['0', '1']).default('0'),
  /** Serve the built web app from this folder (empty: API only). */
  WEB_DIST: z.string().default('dist'),
  TONGXIN_PDF_FONT: pdfFont,
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string;
  orgName?: string;
  adminUsername: string;
  adminPassword?: string;
  publicUrl?: string;
  logLevel: string;
  sessionHours: number;
  uploadLimitMb: number;
  cookieSecure: boolean;
  webDist: string;
  pdfFont?: string;
};

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`配置错误 / invalid settings:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    orgName: e.TONGXIN_ORG_NAME || undefined,
    adminUsername: e.TONGXIN_ADMIN_USERNAME,
    adminPassword: e.TONGXIN_ADMIN_PASSWORD || undefined,
    publicUrl: e.TONGXIN_PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    sessionHours: e.SESSION_HOURS,
    uploadLimitMb: e.UPLOAD_LIMIT_MB,
    cookieSecure: e.COOKIE_SECURE === '1',
    webDist: e.WEB_DIST,
    pdfFont: e.TONGXIN_PDF_FONT,
  };
}

/**
 * TONGXIN_PDF_FONT alone, read when a PDF is made (server/lib/pdf.ts), so that an administrator who
 * installs or names a font needs no restart.
 */
export function pdfFontSetting(env: Record<string, string | undefined> = process.env): string | undefined {
  const parsed = pdfFont.safeParse(env.TONGXIN_PDF_FONT);
  return parsed.success ? parsed.data : undefined;
}
