import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services';

// 教代会 routes: being written (issue 3).
export function congressRoutes(_app: FastifyInstance, _s: Services): void {}
