import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILES_PER_OWNER } from '../../../common/files';
import { DIALECTS, makeApp, type Client, type Res, type TestApp } from '../../test/harness';
import { multipart } from '../../test/roster';
import { draftBody, setupCast, submitted, type Cast } from '../proposals/proposals.fixture';
import { EXE, PDF, PNG, realDocx } from './files.fixture';

// Attachments as people meet them: the clerk puts the 工作报告 on the session, a delegate attaches a
// photo to a draft proposal; the bytes come back exactly, the wrong people get 404 or 403, and a
// refused file leaves no trace.

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe.each(DIALECTS)('files on %s', (dialect) => {
  let t: TestApp;
  let c: Cast;
  let docx: Buffer;

  const owner = (kind: string, id: string, label?: string) =>
    `ownerKind=${kind}&ownerId=${encodeURIComponent(id)}${label ? `&label=${encodeURIComponent(label)}` : ''}`;
  const upload = async (who: Client, kind: string, id: string, file: Buffer, filename: string, label?: string): Promise<Res> =>
    who.request('POST', `/api/files?${owner(kind, id, label)}`, await multipart(file, { filename, type: 'application/octet-stream' }));
  const list = (who: Client, kind: string, id: string) => who.get(`/api/files?${owner(kind, id)}`);

  /** The raw rows, bytes included, to prove what a refused call left alone. */
  const rawFiles = () => t.database.db.selectFrom('files').selectAll().orderBy('id').execute();
  const auditCount = async () => (await t.database.db.selectFrom('audit_log').select('id').where('entity', '=', 'file').execute()).length;

  beforeAll(async () => {
    t = await makeApp(dialect);
    c = await setupCast(t);
    docx = await realDocx('第五届第二次会议工作报告');
  });
  afterAll(() => t.close());

  describe('a session’s documents (congress_session)', () => {
    let fileId: string;

    it('uploads a real .docx with a Chinese name and label; 201 with its metadata', async () => {
      const res = await upload(c.chair, 'congress_session', c.sessionId, docx, '2025年工作报告（草案）.docx', '工作报告');
      expect(res.status).toBe(201);
      expect(res.json).toEqual({
        id: expect.any(String), name: '2025年工作报告（草案）.docx', label: '工作报告', mime: DOCX_TYPE, size: docx.length, uploadedAt: expect.any(String), uploadedBy: expect.any(String),
      });
      fileId = res.json.id;
    });

    it('lists it for any reader of the congress, without the bytes, with the uploader’s name', async () => {
      const res = await list(await t.as('member'), 'congress_session', c.sessionId);
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ total: 1, maxFiles: FILES_PER_OWNER, maxMb: 2 });
      expect(Object.keys(res.json.items[0]).sort()).toEqual(['id', 'label', 'mime', 'name', 'size', 'uploadedAt', 'uploadedBy']);
      expect(res.json.items[0]).toMatchObject({ id: fileId, name: '2025年工作报告（草案）.docx', label: '工作报告', size: docx.length, uploadedBy: t.a.users.chair });
    });

    it('downloads the exact bytes as an attachment, with the name in RFC 5987 form and safe headers', async () => {
      const res = await (await t.as('retiree')).get(`/api/files/${fileId}`);
      expect(res.status).toBe(200);
      expect(res.raw.equals(docx)).toBe(true);
      expect(res.headers['content-type']).toBe(DOCX_TYPE);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="2025_________.docx"; filename*=UTF-8''2025%E5%B9%B4%E5%B7%A5%E4%BD%9C%E6%8A%A5%E5%91%8A%EF%BC%88%E8%8D%89%E6%A1%88%EF%BC%89.docx`,
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toBe('sandbox');
    });

    it('shows images and PDFs inline, still sandboxed; a text file as UTF-8', async () => {
      const png = await upload(c.chair, 'congress_session', c.sessionId, PNG, '会场座位图.png');
      const got = await c.chair.get(`/api/files/${png.json.id}`);
      expect(got.raw.equals(PNG)).toBe(true);
      expect(got.headers['content-type']).toBe('image/png');
      expect(got.headers['content-disposition']).toMatch(/^inline; /);
      expect(got.headers['content-security-policy']).toBe('sandbox');
      const pdf = await upload(c.chair, 'congress_session', c.sessionId, PDF, "It's (final).pdf");
      const pdfGot = await c.chair.get(`/api/files/${pdf.json.id}`);
      expect(pdfGot.headers['content-type']).toBe('application/pdf');
      expect(pdfGot.headers['content-disposition']).toBe(`inline; filename="It's (final).pdf"; filename*=UTF-8''It%27s%20%28final%29.pdf`);
      const text = Buffer.from('<script>alert(1)</script> 会议须知', 'utf8');
      const txt = await upload(c.chair, 'congress_session', c.sessionId, text, '须知.txt');
      const txtGot = await c.chair.get(`/api/files/${txt.json.id}`);
      expect(txtGot.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(txtGot.headers['content-disposition']).toMatch(/^attachment; /);
      for (const id of [png.json.id, pdf.json.id, txt.json.id]) expect((await c.chair.del(`/api/files/${id}`)).status).toBe(204);
    });

    it('refuses upload and delete to a member without congress.manage (403), and changes nothing', async () => {
      const before = await rawFiles();
      for (const role of ['member', 'handler', 'group_leader'] as const) {
        const who = await t.as(role);
        const res = await upload(who, 'congress_session', c.sessionId, docx, '冒名.docx');
        expect(res.status, role).toBe(403);
        expect(res.json.error).toEqual({ code: 'forbidden', message: '您不能修改这里的附件' });
        expect((await who.del(`/api/files/${fileId}`)).status, role).toBe(403);
      }
      expect(await rawFiles()).toEqual(before);
    });

    it('answers 404 for a session that does not exist', async () => {
      expect((await list(c.chair, 'congress_session', 'no-such-session')).status).toBe(404);
      expect((await upload(c.chair, 'congress_session', 'no-such-session', docx, 'a.docx')).status).toBe(404);
    });
  });

  describe('refusals that write nothing', () => {
    async function refused(res: Res, status: number, code: string, message: string | RegExp) {
      expect(res.status).toBe(status);
      expect(res.json.error.code).toBe(code);
      if (typeof message === 'string') expect(res.json.error.message).toBe(message);
      else expect(res.json.error.message).toMatch(message);
    }

    it('refuses a program renamed .pdf, a PNG named .docx, an .exe, an .html, an .svg and an empty file', async () => {
      const before = { files: await rawFiles(), audit: await auditCount() };
      const s = c.sessionId;
      await refused(await upload(c.chair, 'congress_session', s, EXE, '会议通知.pdf'), 422, 'file_mismatch', '文件内容与扩展名不符');
      await refused(await upload(c.chair, 'congress_session', s, PNG, '工作报告.docx'), 422, 'file_mismatch', '文件内容与扩展名不符');
      await refused(await upload(c.chair, 'congress_session', s, EXE, 'setup.exe'), 422, 'file_type', /^不支持该文件类型，可上传：\.pdf .*\.docx .*\.txt$/);
      await refused(await upload(c.chair, 'congress_session', s, Buffer.from('<h1>hi</h1>'), 'page.html'), 422, 'file_type', /不支持该文件类型/);
      await refused(await upload(c.chair, 'congress_session', s, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo.svg'), 422, 'file_type', /不支持该文件类型/);
      await refused(await upload(c.chair, 'congress_session', s, Buffer.from([0xbb, 0xe1, 0xd2, 0xe9]), 'gbk.txt'), 422, 'file_encoding', /UTF-8/);
      // An empty part is still a file: the browser sends it with its name.
      await refused(await upload(c.chair, 'congress_session', s, Buffer.alloc(0), '空.pdf'), 422, 'file_empty', '文件是空的');
      c.chair.lang = 'en';
      await refused(await upload(c.chair, 'congress_session', s, EXE, 'notice.pdf'), 422, 'file_mismatch', "The file's content does not match its name");
      c.chair.lang = 'zh';
      expect({ files: await rawFiles(), audit: await auditCount() }).toEqual(before);
    });

    it('refuses a file over the upload limit with 413 and the limit in the message', async () => {
      const before = { files: await rawFiles(), audit: await auditCount() };
      const big = Buffer.concat([PDF, randomBytes(2 * 1024 * 1024)]);
      await refused(await upload(c.chair, 'congress_session', c.sessionId, big, '大文件.pdf'), 413, 'payload_too_large', '文件过大（上限 2 MB）');
      expect({ files: await rawFiles(), audit: await auditCount() }).toEqual(before);
    });

    it('refuses a file that overruns the limit in a later network packet than the one that reached it', async () => {
      // Over a socket the parser can meet the limit exactly at a packet's end and flag the cut only on
      // the next packet, after the last byte was read: the file must still be refused, not stored cut.
      const before = { files: await rawFiles(), audit: await auditCount() };
      const port = Number(new URL(await t.app.listen({ port: 0, host: '127.0.0.1' })).port);
      const limit = 2 * 1024 * 1024;
      const data = Buffer.concat([PDF, Buffer.alloc(limit, 0x20)]);
      const boundary = 'tongxin-boundary';
      const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
      const first = Buffer.concat([head, data.subarray(0, limit)]);
      const rest = Buffer.concat([data.subarray(limit), Buffer.from(`\r\n--${boundary}--\r\n`)]);
      const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(
          {
            port, host: '127.0.0.1', method: 'POST', path: `/api/files?${owner('congress_session', c.sessionId)}`,
            headers: { cookie: c.chair.cookie!, 'x-csrf-token': c.chair.csrf!, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': first.length + rest.length },
          },
          (r) => {
            const chunks: Buffer[] = [];
            r.on('data', (d: Buffer) => chunks.push(d)).on('end', () => resolve({ status: r.statusCode!, body: Buffer.concat(chunks).toString() }));
          },
        );
        req.on('error', reject);
        req.write(first);
        setTimeout(() => req.end(rest), 200);
      });
      expect(res.status, res.body).toBe(413);
      expect(JSON.parse(res.body).error.message).toBe('文件过大（上限 2 MB）');
      expect({ files: await rawFiles(), audit: await auditCount() }).toEqual(before);
    });

    it('answers 400 to an unknown owner kind, a request without a file, and a JSON body', async () => {
      await refused(await list(c.chair, 'spaceship', 'x'), 400, 'unknown_owner_kind', '这类记录不能添加附件');
      await refused(await upload(c.chair, 'toString', 'x', docx, 'a.docx'), 400, 'unknown_owner_kind', '这类记录不能添加附件');
      const noFile = await c.chair.request('POST', `/api/files?${owner('congress_session', c.sessionId)}`, await multipart(null, { fields: { note: 'x' } }));
      await refused(noFile, 400, 'file_required', '请选择要上传的文件');
      const json = await c.chair.post(`/api/files?${owner('congress_session', c.sessionId)}`, { file: 'a.docx' });
      await refused(json, 400, 'file_required', '请选择要上传的文件');
      const long = await upload(c.chair, 'congress_session', c.sessionId, docx, 'a.docx', '长'.repeat(61));
      expect(long.status).toBe(422);
      expect(long.json.error.fields).toEqual({ label: '内容过长' });
    });

    it(`caps one owner at ${FILES_PER_OWNER} files with a clear message`, async () => {
      const sessionId = `cap-${dialect}`;
      const now = new Date().toISOString();
      await t.database.db.insertInto('congress_sessions').values({ id: sessionId, org_id: t.a.orgId, term_id: c.termId, name: '容量测试会议', date: '2025-12-01', place: null, checkin_code: 'cap', created_at: now, updated_at: now }).execute();
      for (let i = 0; i < FILES_PER_OWNER; i++) expect((await upload(c.chair, 'congress_session', sessionId, PNG, `图${i}.png`)).status).toBe(201);
      await refused(await upload(c.chair, 'congress_session', sessionId, PNG, '多一张.png'), 409, 'files_limit', `每项最多 ${FILES_PER_OWNER} 个附件，请先删除不需要的`);
      expect((await list(c.chair, 'congress_session', sessionId)).json.total).toBe(FILES_PER_OWNER);
    });
  });

  let draftId: string;
  describe('a proposal’s attachments', () => {

    it('the proposer attaches files to a draft; co-signers and the committee read them', async () => {
      draftId = (await c.proposer.post('/api/proposals', draftBody(c, '建议为教师办公室配备饮水机'))).json.id;
      const res = await upload(c.proposer, 'proposal', draftId, PNG, '现场照片.png');
      expect(res.status).toBe(201);
      expect(res.json.uploadedBy).toBe('李提案');
      expect((await c.proposer.post(`/api/proposals/${draftId}/cosigners`, { memberIds: [c.m.c1] })).status).toBe(200);
      for (const who of [c.proposer, c.c1, c.chair]) {
        const l = await list(who, 'proposal', draftId);
        expect(l.status).toBe(200);
        expect(l.json.items.map((f: { name: string }) => f.name)).toEqual(['现场照片.png']);
        expect((await who.get(`/api/files/${res.json.id}`)).raw.equals(PNG)).toBe(true);
      }
    });

    it('a teacher who takes no part gets 404 on the list, the file and the upload; an invited co-signer 403', async () => {
      const before = await rawFiles();
      const fileId = (await list(c.proposer, 'proposal', draftId)).json.items[0].id;
      const teacher = await t.as('member');
      for (const res of [await list(teacher, 'proposal', draftId), await teacher.get(`/api/files/${fileId}`), await upload(teacher, 'proposal', draftId, PNG, 'x.png'), await teacher.del(`/api/files/${fileId}`)]) {
        expect(res.status).toBe(404);
      }
      expect((await upload(c.c1, 'proposal', draftId, PNG, 'x.png')).status).toBe(403);
      expect((await c.c1.del(`/api/files/${fileId}`)).status).toBe(403);
      // The committee reads the draft but never changes a proposer's files.
      expect((await c.chair.del(`/api/files/${fileId}`)).status).toBe(403);
      expect(await rawFiles()).toEqual(before);
    });

    it('after submission nobody changes them: the proposer and the committee get 403', async () => {
      const id = await submitted(c, '建议增设教工之家');
      expect((await upload(c.proposer, 'proposal', id, PNG, '晚了.png')).status).toBe(403);
      const again = await c.proposer.post('/api/proposals', draftBody(c, '建议开设教工羽毛球队'));
      const file = await upload(c.proposer, 'proposal', again.json.id, PDF, '方案.pdf');
      expect(file.status).toBe(201);
      expect((await c.proposer.post(`/api/proposals/${again.json.id}/cosigners`, { memberIds: [c.m.c1, c.m.c2] })).status).toBe(200);
      for (const who of [c.c1, c.c2]) expect((await who.post(`/api/proposals/${again.json.id}/cosign`, { accept: true })).status).toBe(200);
      expect((await c.proposer.post(`/api/proposals/${again.json.id}/submit`, { singleSubject: true })).status).toBe(200);
      for (const who of [c.proposer, c.chair, await t.as('admin')]) expect((await who.del(`/api/files/${file.json.id}`)).status).toBe(403);
      expect((await c.chair.get(`/api/files/${file.json.id}`)).raw.equals(PDF)).toBe(true);
    });

    it('the 代表团 head who drafted a collective proposal attaches to it; another delegate of it cannot', async () => {
      const collective = await c.head.post('/api/proposals', { ...draftBody(c, '代表团关于课后服务的建议'), delegationId: c.delegationId });
      expect((await upload(c.head, 'proposal', collective.json.id, PNG, '调查表.png')).status).toBe(201);
      expect((await upload(c.proposer, 'proposal', collective.json.id, PNG, 'x.png')).status).toBe(404);
    });

    it('deleting a draft deletes its files with it, named in the audit row', async () => {
      const draft = await c.proposer.post('/api/proposals', draftBody(c, '建议更换教室窗帘'));
      const file = await upload(c.proposer, 'proposal', draft.json.id, PNG, '窗帘.png');
      expect((await c.proposer.del(`/api/proposals/${draft.json.id}`)).status).toBe(204);
      expect(await t.database.db.selectFrom('files').select('id').where('owner_id', '=', draft.json.id).execute()).toEqual([]);
      expect((await c.proposer.get(`/api/files/${file.json.id}`)).status).toBe(404);
      const row = await t.database.db.selectFrom('audit_log').select('before').where('entity', '=', 'proposal').where('entity_id', '=', draft.json.id).where('action', '=', 'delete').executeTakeFirstOrThrow();
      expect(JSON.parse(row.before!).files).toEqual(['窗帘.png']);
    });
  });

  describe("another school's files", () => {
    it("answer 404 to school B's admin for every route, and nothing changes in the raw database", async () => {
      const before = await rawFiles();
      const fileId = (await list(c.chair, 'congress_session', c.sessionId)).json.items[0].id;
      const b = await t.as('admin', t.b);
      const answers = [
        await b.get(`/api/files/${fileId}`),
        await b.del(`/api/files/${fileId}`),
        await list(b, 'congress_session', c.sessionId),
        await upload(b, 'congress_session', c.sessionId, docx, '冒名.docx'),
        await list(b, 'proposal', draftId),
        await upload(b, 'proposal', draftId, PNG, '冒名.png'),
      ];
      for (const res of answers) {
        expect(res.status).toBe(404);
        expect(res.json.error.code).toBe('not_found');
      }
      expect(await rawFiles()).toEqual(before);
    });
  });

  describe('the audit trail', () => {
    it('records uploads and deletes by file name, never the bytes', async () => {
      const marker = `机密内容-${randomBytes(8).toString('hex')}`;
      const up = await upload(c.chair, 'congress_session', c.sessionId, Buffer.from(marker), '保密须知.txt', '其他');
      expect((await c.chair.del(`/api/files/${up.json.id}`)).status).toBe(204);
      const rows = await t.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', up.json.id).orderBy('at').execute();
      expect(rows.map((r) => [r.action, r.entity, r.entity_label])).toEqual([
        ['upload', 'file', '保密须知.txt'],
        ['delete', 'file', '保密须知.txt'],
      ]);
      expect(JSON.parse(rows[0].after!)).toEqual({ ownerKind: 'congress_session', ownerId: c.sessionId, label: '其他', name: '保密须知.txt', mime: 'text/plain', size: Buffer.byteLength(marker), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const all = JSON.stringify(await t.database.db.selectFrom('audit_log').selectAll().execute());
      expect(all).not.toContain(marker);
      expect(all).not.toContain(Buffer.from(marker).toString('base64'));
      expect((await c.chair.get(`/api/files/${up.json.id}`)).status).toBe(404);
    });
  });
});
