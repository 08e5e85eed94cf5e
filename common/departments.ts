import { z } from 'zod';

// 部门 of a school (教务处, 德育处, 总务处, 办公室…) and the accounts that receive its work. Generic on
// purpose: the 意见箱 sends mail to them now; rights cases and 提案 交办 will reuse them.

const id = z.string().min(1).max(64);
const name = z.string().trim().min(1, { message: 'err.required' }).max(40, { message: 'err.too_long' });
const handlerUserIds = z.array(id).max(20, { message: 'err.too_long' });

export const departmentInput = z.object({ name, handlerUserIds: handlerUserIds.default([]) });
export type DepartmentInput = z.infer<typeof departmentInput>;
// No defaults: a PATCH changes only what it names.
export const departmentPatch = z.object({ name: name.optional(), handlerUserIds: handlerUserIds.optional() });
export type DepartmentPatch = z.infer<typeof departmentPatch>;

export interface DepartmentHandler {
  userId: string;
  name: string;
}
export interface Department {
  id: string;
  name: string;
  handlers: DepartmentHandler[];
}
